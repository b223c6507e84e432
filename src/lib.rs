//! `jointly`: a keyboard-only terminal browser for joint statements of
//! international technology partnerships.
//!
//! Data flows one way: sources → [`loader`] → [`model`] → ([`compare`]) → app state → view;
//! [`layout`] (geometry: panes, and how many lines a text takes) is read by both the
//! state and the view, and reads neither.

#![forbid(unsafe_code)]
// Files, keys, terminal sizes and settings are the user's: code outside
// tests handles what can fail instead of unwrapping it.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod app;
pub mod bookmarks;
pub mod changes;
pub mod cite;
pub mod cli;
pub mod compare;
pub mod config;
pub mod crosswalk;
pub mod diagnostics;
pub mod glossary;
pub mod import;
pub mod layout;
pub mod listing;
pub mod loader;
pub mod model;
pub mod output;
pub(crate) mod report;
pub mod search;
pub mod session;
pub mod state;
pub mod storage;
pub mod terminal;
pub mod timestamp;
pub mod ui;
pub mod wrap;
