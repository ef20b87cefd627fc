//! The JSON Lines sink: one compact JSON object per line (or pretty-printed objects, one after
//! another, for people), buffered. Errors are returned, never swallowed; the caller decides
//! that a broken pipe ([`SinkError::is_broken_pipe`]) ends a run quietly.

use std::io::{self, BufWriter, Write};

use serde::Serialize;

/// How each value is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One compact object per line (JSON Lines).
    Lines,
    /// Indented JSON, one object after another, each ending with a newline.
    Pretty,
}

#[derive(Debug, thiserror::Error)]
pub enum SinkError {
    #[error("cannot write output: {0}")]
    Io(#[from] io::Error),
    #[error("cannot serialise record: {0}")]
    Serialize(#[from] serde_json::Error),
}

impl SinkError {
    /// The reader went away (`newsextract … | head`): not worth a message.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, SinkError::Io(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

/// Serialises one value as it will be written, without the trailing newline. Cheap to call
/// on worker threads, so that only the writing is sequential.
pub fn to_json(value: &impl Serialize, format: Format) -> Result<String, SinkError> {
    Ok(match format {
        Format::Lines => serde_json::to_string(value)?,
        Format::Pretty => serde_json::to_string_pretty(value)?,
    })
}

/// A buffered writer of JSON values.
pub struct JsonlSink<W: Write> {
    out: BufWriter<W>,
    format: Format,
    written: usize,
}

impl<W: Write> JsonlSink<W> {
    pub fn new(out: W, format: Format) -> JsonlSink<W> {
        JsonlSink {
            out: BufWriter::with_capacity(64 * 1024, out),
            format,
            written: 0,
        }
    }

    pub fn format(&self) -> Format {
        self.format
    }

    /// How many values were written so far.
    pub fn written(&self) -> usize {
        self.written
    }

    /// Writes one value.
    pub fn write(&mut self, value: &impl Serialize) -> Result<(), SinkError> {
        let json = to_json(value, self.format)?;
        self.write_serialized(&json)
    }

    /// Writes a value already serialised by [`to_json`] with this sink's format.
    pub fn write_serialized(&mut self, json: &str) -> Result<(), SinkError> {
        self.out.write_all(json.as_bytes())?;
        self.out.write_all(b"\n")?;
        self.written += 1;
        Ok(())
    }

    /// Pushes buffered output to the writer (e.g. after each record on an interactive terminal).
    pub fn flush(&mut self) -> Result<(), SinkError> {
        Ok(self.out.flush()?)
    }

    /// Flushes and hands back the writer.
    pub fn finish(self) -> Result<W, SinkError> {
        self.out
            .into_inner()
            .map_err(|e| SinkError::Io(e.into_error()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_pretty() {
        let mut sink = JsonlSink::new(Vec::new(), Format::Lines);
        sink.write(&serde_json::json!({"a": 1, "b": "ü"})).unwrap();
        sink.write(&serde_json::json!({"a": 2})).unwrap();
        assert_eq!(sink.written(), 2);
        assert_eq!(
            String::from_utf8(sink.finish().unwrap()).unwrap(),
            "{\"a\":1,\"b\":\"ü\"}\n{\"a\":2}\n"
        );
        let mut sink = JsonlSink::new(Vec::new(), Format::Pretty);
        sink.write(&serde_json::json!({"a": 1})).unwrap();
        assert_eq!(
            String::from_utf8(sink.finish().unwrap()).unwrap(),
            "{\n  \"a\": 1\n}\n"
        );
    }

    struct Closed;
    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(io::ErrorKind::BrokenPipe))
        }
        fn flush(&mut self) -> io::Result<()> {
            Err(io::Error::from(io::ErrorKind::BrokenPipe))
        }
    }

    #[test]
    fn broken_pipe_is_reported_not_panicked() {
        let mut sink = JsonlSink::new(Closed, Format::Lines);
        sink.write(&1).unwrap(); // buffered
        let err = sink.finish().err().unwrap();
        assert!(err.is_broken_pipe());
    }
}
