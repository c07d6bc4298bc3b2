//! What the every-field forms share (trip plan, own contact, PINs, changing the PINs, job
//! offer): the refused inputs as the fields they belong beside, in the person's words.

use crate::content::reasons;
use crate::content::ui::Ui;
use crate::error::{Error, Result, WaymarkError};

/// The problems as a form shows them: each beside its field, in the language of `ui`, once per
/// field, in the form's order (the order the field enum declares). `field_of` names the form's
/// field for a refused input's field; a problem it does not place ("the list is full", storage)
/// is given back as the call's failure.
pub(crate) fn field_refusals<F: Copy + Ord>(
    problems: Vec<Error>,
    ui: &Ui<'_>,
    field_of: impl Fn(&str) -> Option<F>,
) -> Result<Vec<(F, String)>> {
    let mut found: Vec<(F, String)> = Vec::new();
    for problem in problems {
        let placed = match &problem {
            Error::Invalid { field, .. } => field_of(field),
            _ => None,
        };
        let Some(field) = placed else {
            return Err(problem);
        };
        let message = match reasons::public(problem, ui) {
            WaymarkError::InvalidInput { reason, .. } => reason,
            other => return Err(other.into()),
        };
        if !found.iter().any(|(seen, _)| *seen == field) {
            found.push((field, message));
        }
    }
    found.sort_by_key(|(field, _)| *field);
    Ok(found)
}
