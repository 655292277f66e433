//! The `keyward` binary: parse, run, and turn the outcome into an exit code.

use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use keyward::error::{exit_for, extra_for, is_broken_pipe};
use keyward::{Cli, Exit};

fn main() -> ExitCode {
    // `KEYWARD_COMPLETE=SHELL keyward ...`: print the shell's completion
    // script or the candidates for a command line, and exit (README). Not
    // clap's default `COMPLETE`, which other programs' settings may hold.
    clap_complete::CompleteEnv::with_factory(Cli::command)
        .var("KEYWARD_COMPLETE")
        .complete();
    let json = std::env::args_os().any(|a| a == "--json");
    let parsed = Cli::command()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m).map(|cli| (cli, m)));
    let cli = match parsed {
        Ok((mut cli, matches)) => {
            cli.db_from_argv = matches.value_source("db") == Some(ValueSource::CommandLine);
            cli
        }
        Err(e) if json && e.use_stderr() => {
            report(true, Exit::Usage, &clap_message(&e), None);
            return ExitCode::from(Exit::Usage.code());
        }
        Err(e) => e.exit(),
    };
    let json = cli.json;
    match keyward::run(cli) {
        Ok(exit) => ExitCode::from(exit.code()),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let exit = exit_for(&e);
            report(json, exit, &format!("{e:#}"), extra_for(&e));
            ExitCode::from(exit.code())
        }
    }
}

/// clap's usage error without its `error:` label and help trailer.
fn clap_message(e: &clap::Error) -> String {
    let text = e.to_string();
    let text = text
        .split("\n\nFor more information")
        .next()
        .unwrap_or_default();
    text.trim().trim_start_matches("error:").trim().to_string()
}

/// Print an error on stderr: one line for people, one JSON object for scripts.
fn report(json: bool, exit: Exit, message: &str, extra: Option<&(&str, serde_json::Value)>) {
    let mut err = std::io::stderr().lock();
    let _ = if json {
        let mut doc = serde_json::json!({"error": {"code": exit.code(), "message": message}});
        if let (Some((key, value)), Some(obj)) = (extra, doc["error"].as_object_mut()) {
            obj.insert((*key).to_string(), value.clone());
        }
        writeln!(err, "{doc}")
    } else {
        let colour = err.is_terminal() && std::env::var_os("NO_COLOR").is_none();
        let label = if colour {
            "\x1b[1;31merror:\x1b[0m"
        } else {
            "error:"
        };
        writeln!(err, "{label} {message}")
    };
}
