//! Where records go: for now JSON Lines (or pretty JSON) to a file or stdout. A sink writes
//! what it is given, in the order given; it neither extracts nor reorders. (SQLite and
//! PostgreSQL sinks come later.)

pub mod jsonl;

pub use jsonl::{Format, JsonlSink, SinkError};
