//! Reading QR codes back from what keyward prints or writes.

/// Removes ANSI escape sequences (CSI and OSC) from terminal output.
pub fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\u{1b}' {
            out.push(c);
            continue;
        }
        match it.peek() {
            Some('[') => {
                it.next();
                for d in it.by_ref() {
                    if ('@'..='~').contains(&d) {
                        break;
                    }
                }
            }
            Some(']') => {
                it.next();
                while let Some(d) = it.next() {
                    if d == '\u{7}' {
                        break;
                    }
                    if d == '\u{1b}' {
                        it.next();
                        break;
                    }
                }
            }
            Some(_) => {
                it.next();
            }
            None => {}
        }
    }
    out
}

/// Decodes the one QR code in a bitmap (`dark(x, y)`), after scaling it up
/// `scale` times and surrounding it with `border` light pixels.
pub fn decode_qr_bitmap(
    w: usize,
    h: usize,
    scale: usize,
    border: usize,
    dark: impl Fn(usize, usize) -> bool,
) -> Result<String, String> {
    let big_w = w * scale + 2 * border;
    let big_h = h * scale + 2 * border;
    let mut img = rqrr::PreparedImage::prepare_from_bitmap(big_w, big_h, |x, y| {
        if x < border || y < border || x >= border + w * scale || y >= border + h * scale {
            false
        } else {
            dark((x - border) / scale, (y - border) / scale)
        }
    });
    let grids = img.detect_grids();
    if grids.len() != 1 {
        return Err(format!("found {} QR codes, want 1", grids.len()));
    }
    grids[0]
        .decode()
        .map(|(_, text)| text)
        .map_err(|e| format!("the QR code does not decode: {e:?}"))
}

/// The QR code drawn with Unicode half blocks in terminal output, as a bitmap
/// of dark pixels: the longest run of lines made only of ' ', '▀', '▄', '█'
/// (with at least one block). Each character is two pixels, top and bottom;
/// a "filled" half is light when `filled_is_light` (dark terminal) and dark
/// otherwise (`--invert`). A space is the terminal's background, which is the
/// colour of an unfilled half. Returns (width, height, dark pixels).
pub fn half_block_bitmap(text: &str, filled_is_light: bool) -> Option<(usize, usize, Vec<bool>)> {
    let text = strip_ansi(text).replace('\r', "");
    let is_qr_line = |l: &str| {
        l.chars().any(|c| matches!(c, '▀' | '▄' | '█'))
            && l.chars().all(|c| matches!(c, ' ' | '▀' | '▄' | '█'))
    };
    let lines: Vec<&str> = text.split('\n').collect();
    let mut best: (usize, usize) = (0, 0); // (start, len)
    let mut i = 0;
    while i < lines.len() {
        if is_qr_line(lines[i]) {
            let start = i;
            while i < lines.len() && is_qr_line(lines[i]) {
                i += 1;
            }
            if i - start > best.1 {
                best = (start, i - start);
            }
        } else {
            i += 1;
        }
    }
    if best.1 == 0 {
        return None;
    }
    let rows: Vec<Vec<char>> = lines[best.0..best.0 + best.1]
        .iter()
        .map(|l| l.chars().collect())
        .collect();
    let w = rows.iter().map(Vec::len).max().unwrap_or(0);
    let h = rows.len() * 2;
    // Short lines end early: the rest is background, the colour of an unfilled half.
    let mut dark = vec![filled_is_light; w * h];
    for (r, row) in rows.iter().enumerate() {
        for (x, c) in row.iter().enumerate() {
            let (top, bottom) = match c {
                '█' => (true, true),
                '▀' => (true, false),
                '▄' => (false, true),
                _ => (false, false),
            };
            // A filled half is light on a dark terminal, dark with --invert.
            dark[(2 * r) * w + x] = top != filled_is_light;
            dark[(2 * r + 1) * w + x] = bottom != filled_is_light;
        }
    }
    Some((w, h, dark))
}

/// Decodes the half-block QR code of terminal output (see [`half_block_bitmap`])
/// as a terminal would show it: outside the drawing is the background.
pub fn decode_half_blocks(text: &str, filled_is_light: bool) -> Result<String, String> {
    let (w, h, dark) = half_block_bitmap(text, filled_is_light)
        .ok_or_else(|| "no half-block QR code in the output".to_owned())?;
    // The terminal's background around the drawing: dark on a dark terminal.
    let bg_dark = filled_is_light;
    let pad = 8;
    let (pw, ph) = (w + 2 * pad, h + 2 * pad);
    let px = |x: usize, y: usize| -> bool {
        if x < pad || y < pad || x >= pad + w || y >= pad + h {
            bg_dark
        } else {
            dark[(y - pad) * w + (x - pad)]
        }
    };
    // Each module 4×4 pixels, as a phone camera would see it on the screen.
    decode_qr_bitmap(pw, ph, 4, 0, px)
}

/// Decodes the QR code of a PNG file's bytes: pixels are thresholded to
/// black and white (transparent counts as white), then scaled up.
pub fn decode_png_qr(bytes: &[u8]) -> Result<String, String> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|e| format!("not a PNG: {e}"))?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| "PNG too large".to_owned())?;
    let mut buf = vec![0; size];
    let info = reader
        .next_frame(&mut buf)
        .map_err(|e| format!("PNG does not decode: {e}"))?;
    let (w, h) = (info.width as usize, info.height as usize);
    let channels = match info.color_type {
        png::ColorType::Grayscale => 1,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        png::ColorType::Indexed => return Err("indexed PNG not expanded".into()),
    };
    let line = info.line_size;
    let dark = |x: usize, y: usize| -> bool {
        let p = &buf[y * line + x * channels..y * line + (x + 1) * channels];
        let (lum, alpha) = match channels {
            1 => (u32::from(p[0]), 255),
            2 => (u32::from(p[0]), p[1]),
            3 => (
                (u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2])) / 3,
                255,
            ),
            _ => (
                (u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2])) / 3,
                p[3],
            ),
        };
        alpha >= 128 && lum < 128
    };
    let scale = (400 / w.max(1)).max(1);
    decode_qr_bitmap(w, h, scale, 8 * scale, dark)
}
