//! A QR code drawn with half-block characters, two module rows per terminal line, so a phone can
//! scan the plan straight off the screen.

use waymark_core::QrCode;

use super::Ctx;

/// Draws `code` with its quiet zone. With colours allowed the code is painted black on white, as
/// scanners expect; without them, light modules are printed as blocks, which reads correctly on
/// the usual light-on-dark terminal.
pub(crate) fn qr_code(code: &QrCode, ctx: &Ctx) -> String {
    let side = code.size + 2 * code.quiet_zone;
    let light = |x: u32, y: u32| {
        let inside = |v: u32| (code.quiet_zone..code.quiet_zone + code.size).contains(&v);
        !(inside(x) && inside(y) && code.is_dark(x - code.quiet_zone, y - code.quiet_zone))
    };
    let coloured = ctx.style.enabled();
    let mut out = String::new();
    for top in (0..side).step_by(2) {
        let mut line = String::new();
        for x in 0..side {
            let upper = light(x, top);
            let lower = top + 1 >= side || light(x, top + 1);
            // Coloured: the foreground is black (dark modules); plain: the blocks are the light
            // modules.
            let (upper_ink, lower_ink) = if coloured {
                (!upper, !lower)
            } else {
                (upper, lower)
            };
            line.push(match (upper_ink, lower_ink) {
                (true, true) => '█',
                (true, false) => '▀',
                (false, true) => '▄',
                (false, false) => ' ',
            });
        }
        if coloured {
            out += "\u{1b}[30;47m";
            out += &line;
            out += "\u{1b}[0m";
        } else {
            out += &line;
        }
        out.push('\n');
    }
    out
}
