//! The home screen's call.

use std::time::SystemTime;

use crate::error::WaymarkError;
use crate::home::{self, HomeView};
use crate::waymark::Waymark;

#[uniffi::export]
impl Waymark {
    /// The home screen at `now`.
    pub fn home(&self, now: SystemTime) -> Result<HomeView, WaymarkError> {
        self.call(|| home::home_view(self.profile(), now))
    }
}
