//! What the every-field forms share (the trip plan, own contacts): a refused input as the field
//! it belongs beside and its words for the person.

use crate::content::reasons;
use crate::content::ui::Ui;
use crate::error::{Error, Result, WaymarkError};

/// The field a refused input names and what to tell the person about it, in the language of
/// `ui`; any other failure (storage, say) is given back as it is.
pub(crate) fn field_problem(problem: Error, ui: &Ui<'_>) -> Result<(String, String)> {
    let Error::Invalid { field, .. } = &problem else {
        return Err(problem);
    };
    let field = field.clone();
    match reasons::public(problem, ui) {
        WaymarkError::InvalidInput { reason, .. } => Ok((field, reason)),
        other => Err(other.into()),
    }
}
