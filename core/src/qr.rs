//! QR codes for handing a trip plan from the traveller's phone to the family's: the core draws the
//! code, so every shell shows the same one, and reads one from a camera frame, because Android's
//! framework has no QR reader of its own.

use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use serde::Serialize;

use crate::checkins::QR_BYTE_BUDGET;
use crate::content::reasons::english;
use crate::error::{Error, Result, WaymarkError, reason};

/// Light modules a reader needs around the code; drawing them is the shell's job.
pub const QR_QUIET_ZONE_MODULES: u32 = 4;
/// The largest camera frame `read_qr_code` accepts, in pixels (a 4096 × 4096 frame); larger
/// frames should be scaled down first, which also makes reading faster.
pub const QR_FRAME_MAX_PIXELS: u32 = 4096 * 4096;

/// A QR code ready to draw: `size` × `size` square modules, row by row from the top left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct QrCode {
    /// Modules per side (21 to 177).
    pub size: u32,
    /// One byte per module, row by row: 1 is dark, 0 is light.
    #[serde(skip)]
    pub modules: Vec<u8>,
    /// Light modules to leave on every side (the quiet zone), not included in `modules`.
    pub quiet_zone: u32,
}

impl QrCode {
    /// True when the module at (`x`, `y`) is dark.
    pub fn is_dark(&self, x: u32, y: u32) -> bool {
        self.modules[(y * self.size + x) as usize] == 1
    }
}

/// Draws `text` (a trip plan payload, or any text up to the QR budget) as a QR code with error
/// correction level M, which survives a scratched or glare-spotted screen. Made without a
/// profile, so an error's reason is in English.
#[uniffi::export]
pub fn qr_code(text: String) -> std::result::Result<QrCode, WaymarkError> {
    encode(&text).map_err(english)
}

/// Reads the text of the first QR code found in a greyscale camera frame: `luma` holds
/// `width` × `height` bytes, row by row (0 black, 255 white; Android's Y plane of a YUV frame
/// with its row padding removed). Fails with InvalidInput naming `luma` when the sizes disagree,
/// and with NotFound when no readable code is in the frame (try the next frame). Made without a
/// profile, so an error's reason is in English.
#[uniffi::export]
pub fn read_qr_code(
    width: u32,
    height: u32,
    luma: Vec<u8>,
) -> std::result::Result<String, WaymarkError> {
    decode_within_budget(width, height, luma).map_err(english)
}

pub(crate) fn encode(text: &str) -> Result<QrCode> {
    if text.is_empty() {
        return Err(Error::invalid("text", reason::EMPTY));
    }
    if text.len() > QR_BYTE_BUDGET as usize {
        return Err(Error::invalid_with(
            "text",
            reason::QR_TOO_LONG,
            &[("max", QR_BYTE_BUDGET.to_string())],
        ));
    }
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M)
        .map_err(|_| Error::invalid("text", reason::QR_UNDRAWABLE))?;
    let modules = code
        .to_colors()
        .into_iter()
        .map(|c| u8::from(c == qrcode::Color::Dark))
        .collect();
    Ok(QrCode {
        size: code.width() as u32,
        modules,
        quiet_zone: QR_QUIET_ZONE_MODULES,
    })
}

/// How long reading one frame may take. A camera delivers many frames a second and a real code
/// reads in milliseconds, but the fuzzer found a 186 × 186 frame on which the QR reader (rqrr)
/// spends more than a minute trying groups of finder patterns. Past this budget the frame
/// counts as holding no code, so the scanner takes the next frame instead of freezing.
const QR_READ_BUDGET: Duration = Duration::from_millis(1500);

/// At most this many over-budget reads may still be running; beyond it a frame is refused at
/// once, so a camera pointed at a crafted image cannot pile up work.
const QR_RUNAWAY_READS_MAX: usize = 4;

/// Over-budget reads still running.
static RUNAWAY_READS: AtomicUsize = AtomicUsize::new(0);

/// A read still running on its worker.
const RUNNING: u8 = 0;
/// The worker finished in time; the caller takes its result.
const FINISHED: u8 = 1;
/// The caller stopped waiting; the worker, when it ends, uncounts itself.
const ABANDONED: u8 = 2;

/// `decode` on a worker thread, waiting at most `QR_READ_BUDGET` for it. Sizes are checked
/// first, here, so a wrong frame is refused at once with its reason.
fn decode_within_budget(width: u32, height: u32, luma: Vec<u8>) -> Result<String> {
    check_frame(width, height, &luma)?;
    let no_code = || Error::not_found("qr code", "camera frame");
    if RUNAWAY_READS.load(Ordering::SeqCst) >= QR_RUNAWAY_READS_MAX {
        return Err(no_code());
    }
    let (sender, receiver) = mpsc::channel();
    let state = std::sync::Arc::new(AtomicU8::new(RUNNING));
    let worker_state = state.clone();
    let spawned = std::thread::Builder::new()
        .name("waymark-qr".into())
        .spawn(move || {
            let read = decode(width, height, &luma);
            let claimed = worker_state.compare_exchange(
                RUNNING,
                FINISHED,
                Ordering::SeqCst,
                Ordering::SeqCst,
            );
            match claimed {
                Ok(_) => {
                    // The caller is waiting, or about to take it.
                    let _ = sender.send(read);
                }
                Err(_) => {
                    RUNAWAY_READS.fetch_sub(1, Ordering::SeqCst);
                }
            }
        });
    if spawned.is_err() {
        // No thread to spare: the frame counts as holding no code; the next one may do.
        return Err(no_code());
    }
    match receiver.recv_timeout(QR_READ_BUDGET) {
        Ok(read) => read,
        // The worker ended without a result: the reader panicked. Nothing is left running.
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(Error::Bug("the QR reader stopped without an answer"))
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            // Count the runaway before marking it, so its own uncounting never comes first.
            RUNAWAY_READS.fetch_add(1, Ordering::SeqCst);
            match state.compare_exchange(RUNNING, ABANDONED, Ordering::SeqCst, Ordering::SeqCst) {
                Ok(_) => Err(no_code()),
                Err(_) => {
                    // It finished just now and is sending its result.
                    RUNAWAY_READS.fetch_sub(1, Ordering::SeqCst);
                    receiver.recv().unwrap_or_else(|_| Err(no_code()))
                }
            }
        }
    }
}

/// Refuses a frame whose sizes are out of range or disagree with its bytes.
fn check_frame(width: u32, height: u32, luma: &[u8]) -> Result<()> {
    let pixels = u64::from(width) * u64::from(height);
    if width == 0 || height == 0 || pixels > u64::from(QR_FRAME_MAX_PIXELS) {
        return Err(Error::invalid_with(
            "luma",
            reason::QR_FRAME_SIZE,
            &[("max", QR_FRAME_MAX_PIXELS.to_string())],
        ));
    }
    if luma.len() as u64 != pixels {
        return Err(Error::invalid("luma", reason::QR_FRAME_BYTES));
    }
    Ok(())
}

pub(crate) fn decode(width: u32, height: u32, luma: &[u8]) -> Result<String> {
    check_frame(width, height, luma)?;
    let (w, h) = (width as usize, height as usize);
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| luma[y * w + x]);
    image
        .detect_grids()
        .iter()
        .find_map(|grid| grid.decode().ok().map(|(_, text)| text))
        .ok_or_else(|| Error::not_found("qr code", "camera frame"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders a code as a camera would see it: `scale` pixels per module, a quiet zone, and
    /// grey levels rather than pure black and white.
    fn photograph(code: &QrCode, scale: u32) -> (u32, Vec<u8>) {
        let side = (code.size + 2 * code.quiet_zone) * scale;
        let mut luma = vec![0u8; (side * side) as usize];
        for y in 0..side {
            for x in 0..side {
                let (mx, my) = (x / scale, y / scale);
                let inside = (code.quiet_zone..code.quiet_zone + code.size).contains(&mx)
                    && (code.quiet_zone..code.quiet_zone + code.size).contains(&my);
                let dark = inside && code.is_dark(mx - code.quiet_zone, my - code.quiet_zone);
                luma[(y * side + x) as usize] = if dark { 40 } else { 210 };
            }
        }
        (side, luma)
    }

    #[test]
    fn a_drawn_code_reads_back_to_the_same_text() {
        let text = "WAYMARK1P.eyJ0cmF2ZWxsZXIiOiJBbm5hIiwiY2l0eSI6ItCh0L7Rh9C4In0";
        let code = encode(text).unwrap();
        assert_eq!(code.modules.len(), (code.size * code.size) as usize);
        assert!(code.modules.iter().all(|&m| m <= 1));
        let (side, luma) = photograph(&code, 3);
        assert_eq!(decode(side, side, &luma).unwrap(), text);
    }

    #[test]
    fn a_payload_at_the_full_budget_fits_one_code_and_reads_back() {
        let text: String = "WAYMARK1S."
            .chars()
            .chain(
                std::iter::repeat("AbC-_9xYz")
                    .flat_map(str::chars)
                    .take(QR_BYTE_BUDGET as usize - 10),
            )
            .collect();
        let code = encode(&text).unwrap();
        assert_eq!(code.size, 177, "the budget is the capacity of version 40");
        let (side, luma) = photograph(&code, 2);
        assert_eq!(decode(side, side, &luma).unwrap(), text);
    }

    #[test]
    fn text_over_the_budget_or_empty_is_refused() {
        let long = "x".repeat(QR_BYTE_BUDGET as usize + 1);
        for text in ["", long.as_str()] {
            match encode(text) {
                Err(Error::Invalid { field, .. }) => {
                    assert_eq!(field, "text")
                }
                other => panic!("expected an invalid-input error, got {other:?}"),
            }
        }
    }

    #[test]
    fn a_frame_without_a_code_is_not_found_and_a_wrong_size_is_invalid() {
        let blank = vec![200u8; 64 * 48];
        assert!(matches!(
            decode(64, 48, &blank),
            Err(Error::NotFound { .. })
        ));
        match decode(64, 49, &blank) {
            Err(Error::Invalid { field, .. }) => {
                assert_eq!(field, "luma")
            }
            other => panic!("expected an invalid-input error, got {other:?}"),
        }
        assert!(matches!(decode(0, 0, &[]), Err(Error::Invalid { .. })));
        assert!(matches!(
            decode(QR_FRAME_MAX_PIXELS, 2, &[]),
            Err(Error::Invalid { .. })
        ));
    }

    /// A frame the fuzzer made, on which the reader would spin for more than a minute: the
    /// public call gives up on it as holding no code, and a real code still reads right after.
    #[test]
    fn a_frame_crafted_to_be_slow_is_given_up_and_the_next_frame_reads() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../fuzz/regressions/qr_frame/slow-186x186"
        );
        let data = std::fs::read(path).unwrap();
        let (width, height) = (
            u32::from(u16::from_le_bytes([data[0], data[1]])),
            u32::from(u16::from_le_bytes([data[2], data[3]])),
        );
        let slow = read_qr_code(width, height, data[4..].to_vec());
        assert!(
            matches!(slow, Err(WaymarkError::NotFound { .. })),
            "{slow:?}"
        );
        let text = "WAYMARK1P.after-the-slow-frame";
        let code = encode(text).unwrap();
        let (side, luma) = photograph(&code, 3);
        assert_eq!(read_qr_code(side, side, luma).unwrap(), text);
    }
}
