//! Event coding: language packs' patterns, applied to recognised actors, give CAMEO and
//! PLOVER events with source, target, date, place and evidence; the document level
//! resolves "the two sides", pronouns, dates and duplicates.
//!
//! The pipeline of one document: text front-end (paragraphs, boilerplate, sentences,
//! keys) → names learned from "title + state + Name" → per sentence: phrases matched in
//! one automaton, mentions assembled, triggers' slots filled → document resolution.

mod analysis;
mod automaton_cache;
mod code_classes;
mod engine;
mod lexicon;
mod pack;
pub mod pack_tests;
mod verb_final;

pub use analysis::Learned;
pub use engine::{detect_language, DocOutput, Engine, Explanation};
pub use pack::{
    expand_braces, parse_events, parse_word_lines, parse_words, Frame, Particle, Pattern, Spellings, WordClass,
};

/// Errors loading language packs.
#[derive(Debug, thiserror::Error)]
pub enum CoderError {
    /// A pack file has a bad line.
    #[error("{file}:{line}: {message}")]
    Pack {
        /// The file.
        file: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The automaton could not be built.
    #[error("cannot build the phrase automaton: {0}")]
    Automaton(String),
    /// A data file could not be read.
    #[error(transparent)]
    Data(#[from] attache_langdata::DataError),
    /// The knowledge base could not be loaded.
    #[error(transparent)]
    Kb(#[from] attache_actors::KbError),
    /// The time lexicon could not be loaded.
    #[error("time lexicon: {0}")]
    Time(String),
}
