//! The enrolment QR code: Unicode half blocks for a terminal, PNG and SVG
//! for files. Every form keeps the 4-module quiet zone scanners need.

use qrcode::render::{svg, unicode::Dense1x2};
use qrcode::{Color, EcLevel, QrCode};

#[derive(Debug, thiserror::Error)]
pub enum QrError {
    #[error("cannot encode the QR code: {0}")]
    Encode(String),
    #[error("cannot write the PNG image: {0}")]
    Png(String),
}

/// Modules of quiet zone on every side.
const QUIET: usize = 4;

fn code(uri: &str) -> Result<QrCode, QrError> {
    QrCode::with_error_correction_level(uri.as_bytes(), EcLevel::M)
        .map_err(|e| QrError::Encode(e.to_string()))
}

/// Columns the terminal rendering needs (one per module, quiet zone included).
pub fn terminal_width(uri: &str) -> Result<usize, QrError> {
    Ok(code(uri)?.width() + 2 * QUIET)
}

/// The code as half-block text, two modules per character cell vertically.
/// `light_background == false` (the default, for dark terminals) draws the
/// light modules as ink, so the code reads dark-on-light whatever the theme.
pub fn terminal(uri: &str, light_background: bool) -> Result<String, QrError> {
    let code = code(uri)?;
    let mut render = code.render::<Dense1x2>();
    render.quiet_zone(true);
    if !light_background {
        render
            .dark_color(Dense1x2::Light)
            .light_color(Dense1x2::Dark);
    }
    Ok(render.build())
}

/// A greyscale PNG, `scale` pixels per module, dark modules black.
pub fn png(uri: &str, scale: usize) -> Result<Vec<u8>, QrError> {
    let code = code(uri)?;
    let n = code.width();
    let side = (n + 2 * QUIET) * scale;
    let colors = code.to_colors();
    let mut pixels = vec![255u8; side * side];
    for (i, c) in colors.iter().enumerate() {
        if *c == Color::Dark {
            let (mx, my) = (i % n + QUIET, i / n + QUIET);
            for y in my * scale..(my + 1) * scale {
                let row = y * side;
                pixels[row + mx * scale..row + (mx + 1) * scale].fill(0);
            }
        }
    }
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, side as u32, side as u32);
        enc.set_color(png::ColorType::Grayscale);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc
            .write_header()
            .map_err(|e| QrError::Png(e.to_string()))?;
        writer
            .write_image_data(&pixels)
            .map_err(|e| QrError::Png(e.to_string()))?;
    }
    Ok(out)
}

/// An SVG document, dark modules black on white.
pub fn svg(uri: &str) -> Result<String, QrError> {
    Ok(code(uri)?
        .render::<svg::Color<'_>>()
        .quiet_zone(true)
        .min_dimensions(256, 256)
        .build())
}

#[cfg(test)]
mod tests {
    use super::*;

    const URI: &str =
        "otpauth://totp/keyward:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=keyward";

    /// Turn half-block text back into modules: "ink" is light on a dark theme.
    fn decode_terminal(text: &str, ink_is_dark: bool) -> Option<String> {
        let rows: Vec<Vec<char>> = text.lines().map(|l| l.chars().collect()).collect();
        let w = rows.iter().map(Vec::len).max()?;
        let h = rows.len() * 2;
        let scale = 4;
        let dark = |x: usize, y: usize| -> bool {
            let c = rows
                .get(y / 2)
                .and_then(|r| r.get(x))
                .copied()
                .unwrap_or(' ');
            let ink = if y.is_multiple_of(2) {
                matches!(c, '▀' | '█')
            } else {
                matches!(c, '▄' | '█')
            };
            ink == ink_is_dark
        };
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(w * scale, h * scale, |x, y| {
            if dark(x / scale, y / scale) { 0 } else { 255 }
        });
        let grids = img.detect_grids();
        grids.first()?.decode().ok().map(|(_, content)| content)
    }

    #[test]
    fn terminal_code_decodes_to_the_uri_in_both_polarities() -> Result<(), QrError> {
        assert_eq!(
            decode_terminal(&terminal(URI, false)?, false).as_deref(),
            Some(URI)
        );
        assert_eq!(
            decode_terminal(&terminal(URI, true)?, true).as_deref(),
            Some(URI)
        );
        Ok(())
    }

    #[test]
    fn the_terminal_code_keeps_its_quiet_zone() -> Result<(), QrError> {
        let text = terminal(URI, true)?;
        let first = text.lines().next().unwrap_or_default();
        assert!(
            first.chars().all(|c| c == ' '),
            "top rows must be blank on a light background"
        );
        assert_eq!(first.chars().count(), terminal_width(URI)?);
        Ok(())
    }

    #[test]
    fn png_decodes_to_the_uri() -> Result<(), QrError> {
        let bytes = png(URI, 6)?;
        let decoder = ::png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder
            .read_info()
            .map_err(|e| QrError::Png(e.to_string()))?;
        let mut buf = vec![0; reader.output_buffer_size().unwrap_or(0)];
        let info = reader
            .next_frame(&mut buf)
            .map_err(|e| QrError::Png(e.to_string()))?;
        let (w, h) = (info.width as usize, info.height as usize);
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| buf[y * w + x]);
        let grids = img.detect_grids();
        let decoded = grids.first().and_then(|g| g.decode().ok()).map(|(_, c)| c);
        assert_eq!(decoded.as_deref(), Some(URI));
        Ok(())
    }

    #[test]
    fn svg_is_an_svg_document() -> Result<(), QrError> {
        let doc = svg(URI)?;
        assert!(doc.contains("<svg") && doc.contains("</svg>"));
        Ok(())
    }
}
