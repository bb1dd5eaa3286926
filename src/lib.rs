//! factlint: lints the arithmetic of news articles.
//!
//! Data flows one way: [`document`] (read, normalize, offset map, segments) → [`figure`]
//! (grammar, intervals, units). The library never prints; the binary renders.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod document;
pub mod figure;
