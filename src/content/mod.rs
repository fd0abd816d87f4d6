//! Reading a site's files: finding them, splitting front matter from body,
//! and turning YAML into a tree that remembers where each value was written.
//!
//! Nothing here knows what a vacancy is; `vacancy` and `config` give the
//! tree its meaning.

pub(crate) mod discover;
pub(crate) mod fields;
pub(crate) mod frontmatter;
pub(crate) mod walk;
pub mod yaml;

pub use discover::{Document, Reread, SiteSources, SourceFile, discover, reread};
pub use walk::{open_not_following, read_not_following};
