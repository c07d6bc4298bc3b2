//! The guide's calls.

use crate::error::WaymarkError;
use crate::guide::{self, ArticleView, GuideView};
use crate::waymark::Waymark;

#[uniffi::export]
impl Waymark {
    /// The guide's sections and articles, in order.
    pub fn guide(&self) -> Result<GuideView, WaymarkError> {
        self.call(|| guide::guide_view(self.profile()))
    }

    /// One article by id.
    pub fn article(&self, id: String) -> Result<ArticleView, WaymarkError> {
        self.call(|| guide::article_view(self.profile(), &id))
    }
}
