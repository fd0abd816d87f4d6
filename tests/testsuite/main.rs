//! The integration tests, in one binary so that the suite links once: each
//! module below tests one area through the library or the built `careers`
//! binary, on fixture sites written into temporary folders. Shared helpers
//! are in `common`.

mod common;

mod body_cost;
mod boundary;
mod broken_sites;
mod calendars;
mod cards;
mod chrome;
mod cli;
mod cms;
mod example_site;
mod feeds;
mod field_docs;
mod following;
mod hostile_urls;
mod import;
mod incremental;
mod indexes;
mod json_schema;
mod jsonld;
mod killed_builds;
mod links;
mod next_change;
mod output;
mod pagination;
mod pipelines;
mod publication;
mod robustness;
mod safety;
mod scaffold;
mod search;
mod serve;
mod serve_limits;
mod sitemap;
mod themes;
mod vacancy_pages;
mod validation;
