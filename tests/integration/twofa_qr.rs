//! `2fa enroll --png FILE` / `--svg FILE`: the QR code written to a file
//! (decisions "Decisions for two-factor authentication"), and self-tests of
//! the decoding helpers that the terminal tests rely on.

use crate::common::*;
use std::os::unix::fs::PermissionsExt;

const PW: &str = "Start#pw1";

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

// ---- the helpers decode what a known encoder draws --------------------------

const SAMPLE_URI: &str =
    "otpauth://totp/keyward:alice?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=keyward";

#[test]
fn helper_decodes_half_blocks_in_both_polarities() {
    use qrcode::render::unicode::Dense1x2;
    let code = qrcode::QrCode::new(SAMPLE_URI.as_bytes()).expect("encode");
    // qrcode draws dark modules filled: a light terminal, like --invert.
    let filled_dark = code.render::<Dense1x2>().quiet_zone(true).build();
    assert_eq!(
        decode_half_blocks(&filled_dark, false).as_deref(),
        Ok(SAMPLE_URI)
    );
    // Light modules filled: a dark terminal, keyward's default.
    let filled_light = code
        .render::<Dense1x2>()
        .dark_color(Dense1x2::Light)
        .light_color(Dense1x2::Dark)
        .quiet_zone(true)
        .build();
    let framed = format!("Scan this:\r\n  {}\r\nSecret: ABCD\r\n", {
        filled_light.replace('\n', "\r\n  ")
    });
    assert_eq!(decode_half_blocks(&framed, true).as_deref(), Ok(SAMPLE_URI));
    // The wrong polarity does not decode to the URI.
    assert_ne!(
        decode_half_blocks(&filled_light, false).as_deref(),
        Ok(SAMPLE_URI)
    );
}

#[test]
fn helper_decodes_a_png_with_one_pixel_per_module() {
    let code = qrcode::QrCode::new(SAMPLE_URI.as_bytes()).expect("encode");
    let n = code.width();
    let q = 4;
    let side = n + 2 * q;
    let colors = code.to_colors();
    let mut pixels = vec![255u8; side * side];
    for y in 0..n {
        for x in 0..n {
            if colors[y * n + x] == qrcode::Color::Dark {
                pixels[(y + q) * side + x + q] = 0;
            }
        }
    }
    let mut bytes = Vec::new();
    {
        let side = u32::try_from(side).expect("size");
        let mut enc = png::Encoder::new(&mut bytes, side, side);
        enc.set_color(png::ColorType::Grayscale);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header().expect("png header");
        w.write_image_data(&pixels).expect("png data");
    }
    assert_eq!(decode_png_qr(&bytes).as_deref(), Ok(SAMPLE_URI));
}

// ---- --png ----------------------------------------------------------------

#[test]
fn png_file_decodes_to_exactly_the_uri_and_is_private() {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let file = env.path().join("alice.png");
    let v = env.json(&[
        "2fa",
        "enroll",
        "alice",
        "--png",
        file.to_str().expect("utf-8"),
    ]);
    let uri = v["uri"].as_str().expect("uri");
    let bytes = std::fs::read(&file).expect("the PNG file was written");
    assert!(
        bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "not a PNG signature"
    );
    assert_eq!(decode_png_qr(&bytes).as_deref(), Ok(uri));
    assert_eq!(
        uri,
        default_uri("alice", v["secret"].as_str().expect("secret"))
    );
    assert_eq!(mode(&file), 0o600, "the PNG holds the secret");
}

#[test]
fn png_over_an_existing_file_exits_8_and_leaves_it() {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let file = env.write_file("taken.png", b"keep me");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let out = env.run(&[
        "--json",
        "2fa",
        "enroll",
        "alice",
        "--png",
        file.to_str().expect("utf-8"),
    ]);
    assert_code(&out, 8);
    assert_eq!(std::fs::read(&file).expect("read"), b"keep me");
    assert_eq!(mode(&file), 0o644);
}

// ---- --svg ----------------------------------------------------------------

#[test]
fn svg_file_is_an_svg_image_and_is_private() {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let file = env.path().join("alice.svg");
    env.json(&[
        "2fa",
        "enroll",
        "alice",
        "--svg",
        file.to_str().expect("utf-8"),
    ]);
    let text = std::fs::read_to_string(&file).expect("the SVG file was written");
    let start = text.trim_start();
    assert!(
        start.starts_with("<?xml") || start.starts_with("<svg"),
        "{text}"
    );
    assert!(text.contains("<svg"), "{text}");
    assert!(
        text.contains("<path") || text.contains("<rect"),
        "no shapes: {text}"
    );
    assert_eq!(mode(&file), 0o600, "the SVG holds the secret");
}

#[test]
fn svg_over_an_existing_file_exits_8_and_leaves_it() {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let file = env.write_file("taken.svg", b"keep me");
    let out = env.run(&[
        "--json",
        "2fa",
        "enroll",
        "alice",
        "--svg",
        file.to_str().expect("utf-8"),
    ]);
    assert_code(&out, 8);
    assert_eq!(std::fs::read(&file).expect("read"), b"keep me");
}

#[test]
fn png_and_svg_together_write_both() {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let png = env.path().join("a.png");
    let svg = env.path().join("a.svg");
    let v = env.json(&[
        "2fa",
        "enroll",
        "alice",
        "--png",
        png.to_str().expect("utf-8"),
        "--svg",
        svg.to_str().expect("utf-8"),
    ]);
    let bytes = std::fs::read(&png).expect("png written");
    assert_eq!(
        decode_png_qr(&bytes),
        Ok(v["uri"].as_str().expect("uri").to_owned())
    );
    assert!(
        std::fs::read_to_string(&svg)
            .expect("svg written")
            .contains("<svg")
    );
}

#[test]
fn the_same_path_for_png_and_svg_is_a_usage_error() {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let file = env.path().join("qr.img");
    let f = file.to_str().expect("utf-8");
    let out = env.run(&["--json", "2fa", "enroll", "alice", "--png", f, "--svg", f]);
    assert_code(&out, 2);
    assert!(!file.exists(), "a file was written");
}

#[test]
fn when_one_image_cannot_be_written_the_other_is_removed() {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let png = env.path().join("new.png");
    let svg = env.write_file("taken.svg", b"keep me");
    let out = env.run(&[
        "--json",
        "2fa",
        "enroll",
        "alice",
        "--png",
        png.to_str().expect("utf-8"),
        "--svg",
        svg.to_str().expect("utf-8"),
    ]);
    assert_code(&out, 8);
    assert!(!png.exists(), "the PNG was left behind");
    assert_eq!(std::fs::read(&svg).expect("read"), b"keep me");
}
