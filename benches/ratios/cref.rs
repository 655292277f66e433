//! The C reference Argon2, as outside checks run it: argon2-cffi (its
//! bindings build phc-winner-argon2) in one long-lived python3 process. Each
//! request is one hash or one verify, timed inside python with
//! `perf_counter_ns`, so process start and the pipe are not counted; the
//! memory is allocated afresh for each call, as it is for keyward's
//! `password::hash` and for `auth`.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use super::Res;

const SERVER: &str = r#"
import sys, time, os
from argon2 import low_level
m, t, p = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
out = sys.stdout
for line in sys.stdin:
    verb, _, rest = line.rstrip("\n").partition(" ")
    if verb == "hash":
        salt = os.urandom(16)
        s = time.perf_counter_ns()
        low_level.hash_secret_raw(rest.encode(), salt, time_cost=t, memory_cost=m,
                                  parallelism=p, hash_len=32, type=low_level.Type.ID)
        out.write(f"{time.perf_counter_ns() - s}\n")
    elif verb == "verify":
        phc, _, pw = rest.partition(" ")
        s = time.perf_counter_ns()
        try:
            low_level.verify_secret(phc.encode(), pw.encode(), low_level.Type.ID)
            ok = 1
        except Exception:
            ok = 0
        out.write(f"{time.perf_counter_ns() - s} {ok}\n")
    else:
        break
    out.flush()
"#;

/// A running argon2-cffi.
pub struct CRef {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    pub version: String,
}

impl CRef {
    /// Start python3 with argon2-cffi at keyward's parameters, or say how to
    /// get it.
    pub fn start(m: u32, t: u32, p: u32) -> Res<Self> {
        let version = Command::new("python3")
            .args([
                "-c",
                "import importlib.metadata as m; print(m.version('argon2-cffi'))",
            ])
            .output()
            .map_err(|e| format!("python3: {e}"))?;
        if !version.status.success() {
            return Err("argon2-cffi is not installed: `pip install argon2-cffi` (or `python3 -m pip install --user argon2-cffi`)".into());
        }
        let mut child = Command::new("python3")
            .args(["-c", SERVER, &m.to_string(), &t.to_string(), &p.to_string()])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()?;
        let stdin = child.stdin.take().ok_or("python3 stdin")?;
        let stdout = BufReader::new(child.stdout.take().ok_or("python3 stdout")?);
        Ok(CRef {
            child,
            stdin,
            stdout,
            version: String::from_utf8_lossy(&version.stdout).trim().to_owned(),
        })
    }

    fn ask(&mut self, line: &str) -> Res<Vec<u64>> {
        writeln!(self.stdin, "{line}")?;
        self.stdin.flush()?;
        let mut answer = String::new();
        if self.stdout.read_line(&mut answer)? == 0 {
            return Err("argon2-cffi stopped answering".into());
        }
        answer
            .split_whitespace()
            .map(|n| {
                n.parse::<u64>()
                    .map_err(|e| format!("argon2-cffi said {answer:?}: {e}").into())
            })
            .collect()
    }

    /// Seconds for one C hash of `password` with a fresh salt.
    pub fn hash(&mut self, password: &str) -> Res<f64> {
        let answer = self.ask(&format!("hash {password}"))?;
        Ok(answer[0] as f64 / 1e9)
    }

    /// Seconds for one C verify, and whether it matched.
    pub fn verify(&mut self, phc: &str, password: &str) -> Res<(f64, bool)> {
        let answer = self.ask(&format!("verify {phc} {password}"))?;
        match answer.as_slice() {
            [ns, ok] => Ok((*ns as f64 / 1e9, *ok == 1)),
            _ => Err("argon2-cffi gave no verify answer".into()),
        }
    }
}

impl Drop for CRef {
    fn drop(&mut self) {
        let _ = writeln!(self.stdin, "quit");
        let _ = self.child.wait();
    }
}
