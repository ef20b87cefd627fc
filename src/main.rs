//! The `newsextract` command line. Parses flags, wires source → extractor → sink, reports
//! per-input problems on stderr and maps the outcome to an exit status. Nothing here
//! extracts facts or parses input formats: that is the library's job.

use std::fmt::Display;
use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use newsextract::gazetteer::DATA_FILES;
use newsextract::sink::{Format, JsonlSink, SinkError, jsonl::to_json};
use newsextract::source::{self, Input, Planned};
use newsextract::{Extractor, Gazetteers};

mod cli;

/// Exit status: every input was read and extracted (skipped files do not count).
pub(crate) const EXIT_OK: u8 = 0;
/// Exit status: some inputs failed; the others were processed.
pub(crate) const EXIT_FAILED: u8 = 1;
/// Exit status: usage error (bad flags, no inputs, unwritable output, bad --rules).
const EXIT_USAGE: u8 = 2;

/// Inputs handed to the worker threads at a time: bounds memory on huge folders while the
/// output keeps the input order.
const BATCH_CHUNK: usize = 256;
/// ... and at most about this many bytes of input files (a chunk holds at least one input).
const CHUNK_BYTES: u64 = 256 * 1024 * 1024;

const LONG_ABOUT: &str = "\
Turns German press articles into structured, auditable facts: the article's subject city, \
rankings (rank, previous rank, category, year), years, officials (name, role, party, \
organisation) and named initiatives. Every fact carries its evidence: char offsets into \
the article text, the sentence, and the id of the rule that found it.

Inputs are .txt files (one article each, UTF-8; windows-1252 is decoded with a warning), \
.json files (one {\"text\": …} record or an array of them), .jsonl files (one record per \
line), HTML pages (.html, .htm, .xhtml: the main text is extracted first, see `text`), any of \
these gzip-compressed (.gz), folders (walked recursively) and - for stdin.

Examples:
  newsextract extract fixtures/articles/leipzig-smart-city-index.txt
  echo 'Leipzig belegt im Smart City Index Platz 12.' | newsextract extract -
  newsextract batch fixtures/articles -o out/fixtures.jsonl
  newsextract text fixtures/html/leipzig-smart-city-index.html
  newsextract --rules my-rules/ batch articles/ -o out/all.jsonl --errors out/errors.jsonl

Exit status: 0 all inputs ok (skipped files do not count), 1 some inputs failed, \
2 usage error (bad flags, no inputs found, unwritable output, bad --rules directory).";

const EXTRACT_ABOUT: &str = "\
Extracts the facts of each input and prints one record per article on stdout: pretty JSON \
when stdout is a terminal, JSON Lines otherwise (or with --jsonl). Problems with an input are \
reported on stderr as `newsextract: PATH: reason` and the other inputs go on; the exit status \
is 1 when any input failed.

Examples:
  newsextract extract article.txt
  newsextract extract --jsonl articles/ > records.jsonl
  cat article.txt | newsextract extract -";

const BATCH_ABOUT: &str = "\
Extracts every article under the given folders and files on all cores and writes one JSON \
line per article to OUT. The output is in input order (folders sorted by name) and \
byte-identical whatever the thread count. Files of unsupported types met in folders are \
skipped; inputs that cannot be read are reported on stderr (and with --errors in a JSON Lines \
file). The last line on stderr is a summary: `N ok, N failed, N skipped`.

Examples:
  newsextract batch fixtures/articles -o out/fixtures.jsonl
  newsextract batch articles/ more.jsonl -o - --threads 4 | jq .city
  newsextract batch articles/ -o out/all.jsonl --errors out/errors.jsonl --no-progress";

fn rules_help() -> String {
    format!(
        "Read data files from DIR instead of the built-in ones. Each file found in DIR replaces \
         its built-in twin; missing files keep the built-in version. Same formats as in the \
         repository's data/ folder: UTF-8, `#` comments, and tab-separated .tsv tables whose \
         first line is a header. Files: {}",
        DATA_FILES.join(", ")
    )
}

#[derive(Parser)]
#[command(name = "newsextract", version, about, long_about = LONG_ABOUT, arg_required_else_help = true)]
struct Cli {
    /// Override the built-in data files (gazetteers) with those found in DIR
    #[arg(long, global = true, value_name = "DIR", long_help = rules_help())]
    rules: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract facts from a few articles and print the records
    #[command(long_about = EXTRACT_ABOUT)]
    Extract(ExtractArgs),
    /// Extract facts from many articles on all cores into a JSON Lines file
    #[command(long_about = BATCH_ABOUT)]
    Batch(BatchArgs),
    /// Show the main text and metadata of HTML pages (what the extractors see)
    #[command(long_about = cli::text::ABOUT)]
    Text(cli::text::TextArgs),
}

#[derive(Args)]
struct ExtractArgs {
    /// Articles: .txt, .json, .jsonl or .html files (also .gz), folders (walked recursively),
    /// or - for stdin
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<String>,

    /// Print JSON Lines (one compact record per line), also on a terminal
    #[arg(long, conflicts_with = "pretty")]
    jsonl: bool,

    /// Print indented JSON, also when stdout is not a terminal
    #[arg(long)]
    pretty: bool,
}

#[derive(Args)]
struct BatchArgs {
    /// Folders (walked recursively), .txt, .json, .jsonl or .html files (also .gz), or - for
    /// stdin
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<String>,

    /// Write the records (JSON Lines) to OUT; - writes to stdout. Parent folders are created
    #[arg(short = 'o', long = "output", value_name = "OUT.jsonl")]
    output: String,

    /// Worker threads [default: all cores]. The output is the same for any number
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,

    /// Do not draw the progress bar (it is drawn only when stderr is a terminal anyway)
    #[arg(long)]
    no_progress: bool,

    /// Also write each failed or skipped input to FILE as a JSON line:
    /// {"path", "line", "status": "failed"|"skipped", "reason"}
    #[arg(long, value_name = "FILE.jsonl")]
    errors: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // clap: 0 for --help/--version, 2 for usage errors.
            return ExitCode::from(if e.use_stderr() { EXIT_USAGE } else { EXIT_OK });
        }
    };
    match run(cli) {
        Ok(status) => ExitCode::from(status),
        Err(e) => {
            say(format_args!("{e:#}"));
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// Runs a command; `Err` is a usage error (exit 2), `Ok` the exit status.
fn run(cli: Cli) -> anyhow::Result<u8> {
    let extractor = || -> anyhow::Result<Extractor> {
        let gaz = Gazetteers::load(cli.rules.as_deref()).context("bad --rules directory")?;
        Ok(Extractor::new(gaz))
    };
    match cli.command {
        Command::Extract(args) => extract(&extractor()?, args),
        Command::Batch(args) => batch(&extractor()?, args),
        Command::Text(args) => cli::text::run(args),
    }
}

/// Writes `newsextract: MSG` to stderr; never fails (a closed stderr is not worth a panic).
pub(crate) fn say(msg: impl Display) {
    let _ = writeln!(io::stderr().lock(), "newsextract: {msg}");
}

/// Something that went wrong with one input (or one record of it).
struct Problem {
    path: String,
    line: Option<usize>,
    reason: String,
}

impl Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.reason),
            None => write!(f, "{}: {}", self.path, self.reason),
        }
    }
}

/// A line of the `--errors` file.
#[derive(serde::Serialize)]
struct ErrorLine<'a> {
    path: &'a str,
    line: Option<usize>,
    status: &'a str,
    reason: &'a str,
}

/// What became of one document.
enum Outcome {
    Record {
        json: String,
        path: String,
        warnings: Vec<String>,
    },
    Failed(Problem),
}

/// Extracts one document read from `input` and serialises its record (this runs on the
/// worker threads). A panic in the extractor fails that document, not the run.
fn extract_item(extractor: &Extractor, input: &str, item: source::Item, format: Format) -> Outcome {
    let doc = match item {
        Ok(doc) => doc,
        Err(f) => {
            let reason = f.error.to_string();
            return Outcome::Failed(Problem {
                path: f.path,
                line: f.line,
                reason,
            });
        }
    };
    let failed = |reason: String| {
        Outcome::Failed(Problem {
            path: input.to_string(),
            line: None,
            reason,
        })
    };
    let record = match catch_unwind(AssertUnwindSafe(|| extractor.extract(&doc))) {
        Ok(record) => record,
        Err(_) => {
            return failed(
                "internal error in the extractor (a bug: please report it with this input)".into(),
            );
        }
    };
    match to_json(&record, format) {
        Ok(json) => Outcome::Record {
            json,
            path: input.to_string(),
            warnings: record.warnings,
        },
        Err(e) => failed(e.to_string()),
    }
}

#[derive(Default)]
struct Tally {
    /// Inputs read (files, stdin), whatever came of them.
    inputs: usize,
    ok: usize,
    failed: usize,
    skipped: usize,
}

impl Tally {
    fn status(&self) -> u8 {
        if self.failed > 0 {
            EXIT_FAILED
        } else {
            EXIT_OK
        }
    }
    fn summary(&self) -> String {
        format!(
            "{} ok, {} failed, {} skipped",
            self.ok, self.failed, self.skipped
        )
    }
}

/// How a run reports.
struct Reporting<'a> {
    progress: Option<ProgressBar>,
    /// Also name skipped files and record warnings on stderr (interactive `extract`).
    verbose: bool,
    errors: Option<&'a mut JsonlSink<File>>,
}

impl Reporting<'_> {
    fn say(&self, msg: impl Display) {
        match &self.progress {
            Some(pb) => pb.suspend(|| say(msg)),
            None => say(msg),
        }
    }

    fn problem(&mut self, status: &str, p: &Problem) -> Result<(), SinkError> {
        if status == "failed" {
            self.say(p);
        } else if self.verbose {
            self.say(format_args!("{}: skipped: {}", p.path, p.reason));
        }
        if let Some(errors) = self.errors.as_deref_mut() {
            errors.write(&ErrorLine {
                path: &p.path,
                line: p.line,
                status,
                reason: &p.reason,
            })?;
        }
        Ok(())
    }
}

/// Why a run stopped early.
enum Stop {
    /// The reader of stdout went away: stop quietly.
    BrokenPipe,
    Sink(SinkError),
}

impl From<SinkError> for Stop {
    fn from(e: SinkError) -> Stop {
        if e.is_broken_pipe() {
            Stop::BrokenPipe
        } else {
            Stop::Sink(e)
        }
    }
}

/// Takes the next inputs to work on: up to `max` of them, fewer when their files add up to
/// more than [`CHUNK_BYTES`] (always at least one).
fn next_chunk(
    planned: &mut std::iter::Peekable<impl Iterator<Item = Planned>>,
    max: usize,
) -> Vec<Planned> {
    let mut chunk = Vec::new();
    let mut bytes = 0u64;
    while chunk.len() < max && (chunk.is_empty() || bytes < CHUNK_BYTES) {
        let Some(p) = planned.next() else { break };
        if let Planned::Input(Input::File { path, .. }) = &p {
            bytes += std::fs::metadata(path).map_or(0, |m| m.len());
        }
        chunk.push(p);
    }
    chunk
}

/// The pipeline: planned inputs in chunks → (parallel) read + extract → ordered writes.
fn run_inputs<W: Write>(
    extractor: &Extractor,
    planned: impl Iterator<Item = Planned>,
    pool: Option<&rayon::ThreadPool>,
    chunk: usize,
    out: &mut JsonlSink<W>,
    report: &mut Reporting,
    tally: &mut Tally,
) -> Result<(), Stop> {
    let format = out.format();
    let mut planned = planned.peekable();
    while planned.peek().is_some() {
        let batch = next_chunk(&mut planned, chunk);
        // Read the inputs, then extract their documents, both in parallel: over documents, so
        // that one big JSON Lines file keeps every core busy. Indexed parallel iterators keep
        // the order, so the output does not depend on the thread count.
        let read = |p: &Planned| match p {
            Planned::Input(input) => source::read(input),
            _ => Vec::new(),
        };
        let items: Vec<Vec<source::Item>> = match pool {
            Some(pool) => pool.install(|| batch.par_iter().map(read).collect()),
            None => batch.iter().map(read).collect(),
        };
        let items: Vec<(usize, source::Item)> = items
            .into_iter()
            .enumerate()
            .flat_map(|(i, items)| items.into_iter().map(move |item| (i, item)))
            .collect();
        let work = |(i, item): (usize, source::Item)| {
            let name = match &batch[i] {
                Planned::Input(input) => input.name(),
                _ => "",
            };
            (i, extract_item(extractor, name, item, format))
        };
        let outcomes: Vec<(usize, Outcome)> = match pool {
            Some(pool) => pool.install(|| items.into_par_iter().map(work).collect()),
            None => items.into_iter().map(work).collect(),
        };
        let mut outcomes = outcomes.into_iter().peekable();
        for (i, p) in batch.into_iter().enumerate() {
            match p {
                Planned::Input(_) => tally.inputs += 1,
                Planned::Skipped { path, reason } => {
                    tally.skipped += 1;
                    report.problem(
                        "skipped",
                        &Problem {
                            path,
                            line: None,
                            reason,
                        },
                    )?;
                }
                Planned::Failed(f) => {
                    tally.failed += 1;
                    let reason = f.error.to_string();
                    report.problem(
                        "failed",
                        &Problem {
                            path: f.path,
                            line: f.line,
                            reason,
                        },
                    )?;
                }
            }
            while let Some((_, outcome)) = outcomes.next_if(|(j, _)| *j == i) {
                match outcome {
                    Outcome::Record {
                        json,
                        path,
                        warnings,
                    } => {
                        out.write_serialized(&json)?;
                        tally.ok += 1;
                        if report.verbose {
                            for w in warnings {
                                report.say(format_args!("{path}: warning: {w}"));
                            }
                        }
                    }
                    Outcome::Failed(problem) => {
                        tally.failed += 1;
                        report.problem("failed", &problem)?;
                    }
                }
            }
            if let Some(pb) = &report.progress {
                pb.inc(1);
            }
        }
        out.flush()?;
    }
    Ok(())
}

fn no_inputs(paths: &[String], tally: &Tally) -> anyhow::Error {
    let skipped = match tally.skipped {
        0 => String::new(),
        n => format!(" ({n} files of other types skipped)"),
    };
    anyhow::anyhow!(
        "no inputs found in {}: looked for .txt, .json, .jsonl, .html, .htm, .xhtml and .gz files{skipped}",
        paths.join(" ")
    )
}

fn extract(extractor: &Extractor, args: ExtractArgs) -> anyhow::Result<u8> {
    let stdout = io::stdout();
    let pretty = args.pretty || (!args.jsonl && stdout.is_terminal());
    let format = if pretty {
        Format::Pretty
    } else {
        Format::Lines
    };
    let mut out = JsonlSink::new(stdout.lock(), format);
    let mut tally = Tally::default();
    let mut report = Reporting {
        progress: None,
        verbose: true,
        errors: None,
    };
    let planned = source::expand(&args.paths, Vec::new());
    let result = run_inputs(
        extractor,
        planned,
        None,
        1,
        &mut out,
        &mut report,
        &mut tally,
    )
    .and_then(|()| out.finish().map(drop).map_err(Stop::from));
    match result {
        Ok(()) | Err(Stop::BrokenPipe) => {}
        Err(Stop::Sink(e)) => bail!("stdout: {e}"),
    }
    if tally.inputs == 0 && tally.failed == 0 {
        return Err(no_inputs(&args.paths, &tally));
    }
    Ok(tally.status())
}

/// Opens an output file, creating its parent folders.
fn create(path: &Path, what: &str) -> anyhow::Result<File> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| {
            format!("cannot create the folder of the {what} {}", path.display())
        })?;
    }
    File::create(path).with_context(|| format!("cannot write the {what} {}", path.display()))
}

/// Refuses to truncate a file that is also named as an input.
fn check_not_input(out: &Path, paths: &[String], what: &str) -> anyhow::Result<()> {
    let Ok(out) = out.canonicalize() else {
        return Ok(());
    };
    for p in paths.iter().filter(|p| p.as_str() != "-") {
        if Path::new(p).canonicalize().is_ok_and(|c| c == out) {
            bail!("the {what} {p} is also an input; choose another file");
        }
    }
    Ok(())
}

fn batch(extractor: &Extractor, args: BatchArgs) -> anyhow::Result<u8> {
    if let Some(path) = &args.errors
        && (path.as_os_str() == "-" || path.as_os_str() == args.output.as_str())
    {
        bail!("--errors needs a file of its own, not {}", path.display());
    }
    let to_stdout = args.output == "-";
    let mut exclude = Vec::new();
    let file_out = if to_stdout {
        None
    } else {
        let path = Path::new(&args.output);
        check_not_input(path, &args.paths, "output file")?;
        let file = create(path, "output file")?;
        exclude.extend(path.canonicalize().ok());
        Some(file)
    };
    let mut errors = match &args.errors {
        Some(path) => {
            check_not_input(path, &args.paths, "--errors file")?;
            let file = create(path, "--errors file")?;
            exclude.extend(path.canonicalize().ok());
            Some(JsonlSink::new(file, Format::Lines))
        }
        None => None,
    };
    let threads = match args.threads {
        Some(n) => usize::from(n),
        None => std::thread::available_parallelism().map_or(1, usize::from),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start the worker threads")?;

    let progress = (!args.no_progress && io::stderr().is_terminal()).then(|| {
        // A first, cheap walk counts the inputs so that the bar can show an ETA.
        let total = source::expand(&args.paths, exclude.clone())
            .filter(|p| matches!(p, Planned::Input(_)))
            .count();
        let pb = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template(
            "{bar:40} {pos}/{len} inputs  {per_sec}  {elapsed_precise} (eta {eta})",
        ) {
            pb.set_style(style);
        }
        pb
    });
    let mut report = Reporting {
        progress,
        verbose: false,
        errors: errors.as_mut(),
    };
    let mut tally = Tally::default();
    let planned = source::expand(&args.paths, exclude);
    // one writer type for both destinations (a Box costs nothing next to the extraction)
    let writer: Box<dyn Write> = match file_out {
        Some(file) => Box::new(file),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = JsonlSink::new(writer, Format::Lines);
    let result = run_inputs(
        extractor,
        planned,
        Some(&pool),
        BATCH_CHUNK,
        &mut out,
        &mut report,
        &mut tally,
    )
    .and_then(|()| out.finish().map(drop).map_err(Stop::from));
    if let Some(pb) = &report.progress {
        pb.finish_and_clear();
    }
    let errors_result = match errors {
        Some(e) => e.finish().map(drop),
        None => Ok(()),
    };
    match result {
        Ok(()) => {}
        Err(Stop::BrokenPipe) => return Ok(tally.status()),
        Err(Stop::Sink(e)) => bail!("{}: {e}", args.output),
    }
    if let (Err(e), Some(path)) = (errors_result, &args.errors) {
        bail!("{}: {e}", path.display());
    }
    if tally.inputs == 0 && tally.failed == 0 {
        return Err(no_inputs(&args.paths, &tally));
    }
    say(tally.summary());
    Ok(tally.status())
}
