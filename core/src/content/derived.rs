//! What features build from a pack once and keep with it, such as the search index. Content
//! holds them without knowing their types, so it needs nothing from the features that make
//! them; each value lives and dies with its pack.

use std::any::Any;
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

/// The values built from one pack, at most one of each type.
#[derive(Default)]
pub(crate) struct Derived {
    built: Mutex<Vec<Arc<dyn Any + Send + Sync>>>,
}

impl Derived {
    /// The value of type `T`, built by `build` on first use. Callers that come meanwhile wait
    /// for it rather than build it again.
    pub(crate) fn get_or_build<T: Any + Send + Sync>(&self, build: impl FnOnce() -> T) -> Arc<T> {
        // A build that panicked leaves nothing behind, so the next caller can try again.
        let mut built = self.built.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(found) = built
            .iter()
            .find_map(|b| Arc::clone(b).downcast::<T>().ok())
        {
            return found;
        }
        let new = Arc::new(build());
        built.push(new.clone());
        new
    }
}

impl fmt::Debug for Derived {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.built.lock().map_or(0, |b| b.len());
        f.debug_struct("Derived").field("built", &count).finish()
    }
}
