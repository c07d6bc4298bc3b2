//! The search call.

use crate::error::WaymarkError;
use crate::search::{self, SearchView};
use crate::waymark::Waymark;

#[uniffi::export]
impl Waymark {
    /// Finds articles, checklist items, red flags and contacts by words, in any form ("паспорта"
    /// finds "паспорт"), forgiving one typo in words of five letters or more. Every word of the
    /// query must be found. The query must not be blank and is at most 200 characters.
    pub fn search(&self, query: String) -> Result<SearchView, WaymarkError> {
        self.call(|| search::search_view(self.profile(), &query))
    }
}
