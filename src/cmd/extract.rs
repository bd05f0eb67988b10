//! `annals extract`: the temporal expressions of articles, as text or JSON Lines.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

use annals_core::load::{self, DataFile, Options};
use annals_core::problem::{Position, Problem, Problems};
use annals_core::text::sanitize_line;
use annals_tagger::Tagger;
use annals_tagger::pieces::{PIECE, pieces, rough_sentence_ends};

use crate::cli::{ExtractArgs, ExtractFormat};
use crate::failure::{Failure, with_problems};
use crate::output;

/// Reads standard input, no more than the size limit.
fn read_stdin(options: &Options) -> Result<DataFile, Problem> {
    let stdin = Path::new("<stdin>");
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .take(options.max_file_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| {
            Problem::new(
                stdin,
                Position::START,
                format!("cannot read: {}", output::reason(&e)),
            )
            .with_help("pipe the article in, or name its file")
        })?;
    if bytes.len() as u64 > options.max_file_size {
        return Err(Problem::new(
            stdin,
            Position::START,
            format!(
                "more than the limit of {} MB",
                options.max_file_size / 1_000_000
            ),
        )
        .with_help("pass --max-file-size with a larger size"));
    }
    Ok(DataFile::new(PathBuf::from("<stdin>"), bytes))
}

/// Tags each file and writes what it finds; the files that cannot be read
/// are reported at the end, after what the others gave.
pub fn run(args: &ExtractArgs, options: &Options) -> Result<(), Failure> {
    let tagger = Tagger::new();
    let mut problems = Problems::new();
    for path in &args.files {
        let file = if path.as_os_str() == "-" {
            read_stdin(options)
        } else {
            load::read_file(Path::new(path), options)
        };
        let file = match file {
            Ok(file) => file,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        let name = file.path.display().to_string();
        let article = match load::read_article(file) {
            Ok(article) => article,
            Err(found) => {
                for p in found {
                    problems.push(p);
                }
                continue;
            }
        };
        let dct = match args.dct.or(article.published) {
            Some(dct) => dct,
            None => {
                let today = chrono::Local::now().date_naive();
                output::eprintln_safe(&format!(
                    "note: {}: no --dct and no front matter; dates are resolved against today, {today}",
                    sanitize_line(&name)
                ));
                today
            }
        };
        // A long article is tagged and written a piece at a time, so that
        // neither the tagger's tokens nor the expressions found are held
        // for the whole of it.
        let body = article.body.as_str();
        let ends = if body.len() > PIECE {
            rough_sentence_ends(body)
        } else {
            Vec::new()
        };
        let cut = pieces(body, &ends, PIECE);
        drop(ends);
        let mut text = annals_tagger::output::Text::new(&name, body, article.body_line);
        let written = output::stdout(|out| {
            tagger.tag_in_pieces(body, dct, &cut, |found| match args.format {
                ExtractFormat::Jsonl => annals_tagger::output::jsonl(out, &found),
                ExtractFormat::Text => text.write(out, &found),
            })
        });
        if written.is_err() {
            return with_problems(written, problems);
        }
    }
    with_problems(Ok(()), problems)
}
