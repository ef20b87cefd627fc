//! `newsextract text`: shows what the extractors see in HTML pages: the main text (or, with
//! `--json`, text plus metadata), or with `--out-dir` writes `<page>.txt` and
//! `<page>.meta.json` per page, as trafilatura's `--output-dir` does. It extracts no facts and
//! loads no gazetteers.

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, bail};
use clap::Args;
use rayon::prelude::*;

use newsextract::document::html::{HtmlPage, PageOptions};
use newsextract::source::{self, Input, Planned};

use crate::{EXIT_FAILED, EXIT_OK, say};

pub const ABOUT: &str = "\
Prints the main text of HTML pages: what `extract` and `batch` run the extractors on, with \
navigation, consent banners, teaser boxes, comments and footers removed. Paragraphs are \
separated by a blank line. With --json, prints one JSON line per page with the text and the \
metadata (title, author, date, site name, canonical URL, language, encoding, warnings). \
With --out-dir, converts many pages at once: for each page it writes DIR/<name>.txt (the \
main text) and DIR/<name>.meta.json (the metadata), where <name> is the page's file name \
without a trailing .gz. Pages may be .html, .htm, .xhtml, gzip-compressed (.html.gz, .gz), or \
- for stdin; folders are walked recursively and other files in them are skipped.

Examples:
  newsextract text page.html
  newsextract text --json page.html.gz | jq .date
  newsextract text --out-dir out/pages saved-pages/";

#[derive(Args)]
pub struct TextArgs {
    /// HTML pages (.html, .htm, .xhtml, optionally .gz), folders of them, or - for stdin
    #[arg(value_name = "PAGE", required = true)]
    paths: Vec<String>,

    /// Print one JSON line per page: text plus metadata
    #[arg(long, conflicts_with = "out_dir")]
    json: bool,

    /// Write <name>.txt and <name>.meta.json per page into DIR (created if missing)
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,

    /// When the pages were fetched (RFC 3339, e.g. 2024-03-12T14:05:00+01:00): resolves
    /// relative dates such as "vor 3 Stunden". Without it such dates are ignored
    #[arg(long, value_name = "TIME")]
    fetched_at: Option<jiff::Timestamp>,

    /// Worker threads for --out-dir [default: all cores]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,

    /// Also write the time spent converting (without start-up) to FILE as JSON:
    /// {"pages", "extract_wall_s"}
    #[arg(long, value_name = "FILE", requires = "out_dir")]
    timing: Option<PathBuf>,
}

/// The `.meta.json` written next to each `.txt`, and the metadata part of `--json`.
#[derive(serde::Serialize)]
struct Meta<'a> {
    title: Option<&'a str>,
    /// Several authors are joined with "; ".
    author: Option<String>,
    date: Option<&'a str>,
    sitename: Option<&'a str>,
    url: Option<&'a str>,
    language: Option<&'a str>,
    encoding: &'a str,
    warnings: &'a [String],
}

impl<'a> Meta<'a> {
    fn of(page: &'a HtmlPage) -> Meta<'a> {
        let m = &page.meta;
        Meta {
            title: m.title.as_deref(),
            author: (!m.authors.is_empty()).then(|| m.authors.join("; ")),
            date: m.date.as_deref(),
            sitename: m.sitename.as_deref(),
            url: m.url.as_deref(),
            language: m.language.as_deref(),
            encoding: page.encoding,
            warnings: &page.warnings,
        }
    }
}

#[derive(serde::Serialize)]
struct JsonLine<'a> {
    path: Option<&'a str>,
    text: &'a str,
    #[serde(flatten)]
    meta: Meta<'a>,
}

pub fn run(args: TextArgs) -> anyhow::Result<u8> {
    let opts = PageOptions {
        fetched_at: args.fetched_at,
        ..PageOptions::default()
    };
    let mut inputs = Vec::new();
    let mut failed = 0usize;
    let mut skipped = 0usize;
    for planned in source::expand(&args.paths, Vec::new()) {
        match planned {
            // Text and JSON files met in a folder are not pages; named ones fail when read.
            Planned::Input(Input::File { kind, display, .. })
                if !source::page::may_be_html(kind) && !args.paths.contains(&display) =>
            {
                skipped += 1
            }
            Planned::Input(input) => inputs.push(input),
            Planned::Skipped { .. } => skipped += 1,
            Planned::Failed(f) => {
                failed += 1;
                say(&f);
            }
        }
    }
    if inputs.is_empty() && failed == 0 {
        bail!(
            "no HTML pages found in {}: looked for .html, .htm, .xhtml and .gz files{}",
            args.paths.join(" "),
            match skipped {
                0 => String::new(),
                n => format!(" ({n} files of other types skipped)"),
            }
        );
    }
    failed += match &args.out_dir {
        Some(dir) => {
            let (ok, bad) = write_dir(dir, &inputs, &opts, args.threads, args.timing.as_deref())?;
            say(format_args!(
                "{ok} ok, {} failed, {skipped} skipped",
                failed + bad
            ));
            bad
        }
        None => print(&inputs, &opts, args.json)?,
    };
    Ok(if failed > 0 { EXIT_FAILED } else { EXIT_OK })
}

/// Prints each page's text (or JSON line) in input order; returns how many failed.
fn print(inputs: &[Input], opts: &PageOptions, json: bool) -> anyhow::Result<usize> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = 0;
    let headers = !json && inputs.len() > 1;
    for input in inputs {
        let page = match source::page::read_input_page(input, opts) {
            Ok(page) => page,
            Err(e) => {
                failed += 1;
                say(format_args!("{}: {e}", input.name()));
                continue;
            }
        };
        for w in &page.warnings {
            say(format_args!("{}: warning: {w}", input.name()));
        }
        let written = if json {
            let line = JsonLine {
                path: matches!(input, Input::File { .. }).then(|| input.name()),
                text: &page.text,
                meta: Meta::of(&page),
            };
            serde_json::to_string(&line)
                .map_err(io::Error::other)
                .and_then(|s| writeln!(out, "{s}"))
        } else if headers {
            writeln!(out, "==> {} <==\n{}\n", input.name(), page.text)
        } else {
            writeln!(out, "{}", page.text)
        };
        match written.and_then(|()| out.flush()) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => break,
            Err(e) => bail!("stdout: {e}"),
        }
    }
    Ok(failed)
}

/// The output name of a page: its file name without a trailing `.gz` (`<stdin>` → `stdin`).
fn out_name(input: &Input) -> String {
    match input {
        Input::File { path, .. } => {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            match name
                .strip_suffix(".gz")
                .or_else(|| name.strip_suffix(".GZ"))
            {
                Some(stem) => stem.to_string(),
                None => name,
            }
        }
        Input::Stdin => "stdin".to_string(),
    }
}

/// Converts every page into DIR on a thread pool; returns (ok, failed).
fn write_dir(
    dir: &Path,
    inputs: &[Input],
    opts: &PageOptions,
    threads: Option<u16>,
    timing: Option<&Path>,
) -> anyhow::Result<(usize, usize)> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the output folder {}", dir.display()))?;
    let threads = match threads {
        Some(n) => usize::from(n),
        None => std::thread::available_parallelism().map_or(1, usize::from),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start the worker threads")?;
    // Two pages with the same file name would overwrite each other: the later ones fail.
    let mut seen = HashSet::new();
    let names: Vec<Option<String>> = inputs
        .iter()
        .map(|i| {
            let name = out_name(i);
            seen.insert(name.clone()).then_some(name)
        })
        .collect();
    let started = Instant::now();
    let results: Vec<Result<(), String>> = pool.install(|| {
        inputs
            .par_iter()
            .zip(names.par_iter())
            .map(|(input, name)| {
                let Some(name) = name else {
                    return Err(format!(
                        "another page has the output name {}; rename one of them",
                        out_name(input)
                    ));
                };
                let page = source::page::read_input_page(input, opts).map_err(|e| e.to_string())?;
                write_page(dir, name, &page)
                    .map_err(|e| format!("cannot write into {}: {e}", dir.display()))?;
                Ok(())
            })
            .collect()
    });
    let elapsed = started.elapsed();
    let (mut ok, mut failed) = (0, 0);
    for (input, result) in inputs.iter().zip(results) {
        match result {
            Ok(()) => ok += 1,
            Err(e) => {
                failed += 1;
                say(format_args!("{}: {e}", input.name()));
            }
        }
    }
    if let Some(path) = timing {
        let json = serde_json::json!({
            "pages": inputs.len(),
            "threads": threads,
            "extract_wall_s": elapsed.as_secs_f64(),
        });
        std::fs::write(path, format!("{json}\n"))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok((ok, failed))
}

fn write_page(dir: &Path, name: &str, page: &HtmlPage) -> io::Result<()> {
    let mut txt = io::BufWriter::new(std::fs::File::create(dir.join(format!("{name}.txt")))?);
    writeln!(txt, "{}", page.text)?;
    txt.flush()?;
    let meta = serde_json::to_string_pretty(&Meta::of(page)).map_err(io::Error::other)?;
    std::fs::write(dir.join(format!("{name}.meta.json")), meta + "\n")
}
