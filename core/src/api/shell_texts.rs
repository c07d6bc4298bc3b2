//! The call that gives a shell its own words.

use crate::shell_texts::{self, ShellTexts};
use crate::waymark::Waymark;

#[uniffi::export]
impl Waymark {
    /// The words a shell needs around the view models, in the person's language.
    pub fn shell_texts(&self) -> ShellTexts {
        shell_texts::build_shell_texts(self.profile())
    }
}
