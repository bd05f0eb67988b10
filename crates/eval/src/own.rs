//! The own set: stories built for this benchmark from public material
//! whose source and licence `corpora/README.md` states, one folder each
//! under `corpora/` with a gold list of the story's dated happenings made
//! by hand from its articles: `gold.json`, `{"articles", "entries":
//! [{"date", "what"}]}`, where `articles` is the articles' folder relative
//! to the story's (`articles/` when it is left out), so that articles the
//! repository already holds are not copied. The draft is scored as
//! SemEval's whole corpus is: dates at their precision, matched one to
//! one; baselines the same.

use std::collections::BTreeSet;
use std::path::Path;

use annals_core::Source;
use annals_draft::{Drafter, Options};
use annals_tagger::{Date, Tagger, TimexType, Value};

use crate::corpus;
use crate::score::{self, Dated};

/// The scores of one story: as a SemEval timeline's (its `name` the
/// story's folder), and how many articles it has.
#[derive(Debug, Clone)]
pub struct Scored {
    /// The draft's and the baselines' scores.
    pub scores: crate::semeval::Scored,
    /// Articles.
    pub articles: usize,
}

/// The stories kept in the crate.
pub fn corpora() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora")
}

/// Scores every story under `dir` (folders with a `gold.json`); a story
/// whose articles are TimeML files under `shared` (`"timeml": "data/…"`,
/// `"files": [...]`) is skipped when that folder is not there, and named
/// in the second list.
pub fn run(
    dir: &Path,
    shared: &Path,
    drafter: &Drafter,
    tagger: &Tagger,
) -> Result<(Vec<Scored>, Vec<String>), String> {
    let mut stories: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("gold.json").is_file())
        .collect();
    stories.sort();
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for story in stories {
        let name = story
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let json = corpus::json(&story.join("gold.json"))?;
        let articles = match json["timeml"].as_str() {
            Some(sub) => {
                let folder = shared.join(sub);
                if !folder.is_dir() {
                    skipped.push(format!("{name}: no {}", folder.display()));
                    continue;
                }
                let files: Vec<&str> = json["files"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|f| f.as_str())
                    .collect();
                timeml(&folder, &files)?
            }
            None => corpus::articles(&story.join(json["articles"].as_str().unwrap_or("articles")))?,
        };
        let gold: BTreeSet<Dated> = json["entries"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| {
                let date = e["date"].as_str().unwrap_or_default();
                Dated::parse(date).ok_or_else(|| format!("{}: gold date {date:?}", story.display()))
            })
            .collect::<Result<_, _>>()?;
        let published: BTreeSet<Dated> = articles.iter().map(|s| Dated::Day(s.published)).collect();
        let mut days = published.clone();
        for s in &articles {
            for t in tagger.tag(s.body(), s.published) {
                if let (TimexType::Date, Value::Date(Date::Day(d))) = (t.kind, t.value) {
                    days.insert(Dated::Day(d));
                }
            }
        }
        let n = articles.len();
        let t = drafter.draft(articles, &Options::default());
        out.push(Scored {
            scores: crate::semeval::Scored {
                name,
                annals: score::dated(&crate::semeval::predicted(&t), &gold),
                days_pub: score::dated(&days, &gold),
                pub_only: score::dated(&published, &gold),
                events: t.events.len(),
            },
            articles: n,
        });
    }
    Ok((out, skipped))
}

/// News articles kept as TimeML (TempEval-3's): each file's `<TEXT>`, its
/// lines as paragraphs, published at its creation time. Only the text and
/// the date are read; the annotations are not the drafter's to see.
fn timeml(folder: &Path, files: &[&str]) -> Result<Vec<Source>, String> {
    files
        .iter()
        .map(|file| {
            let path = folder.join(file);
            let doc = timex_eval::Document::read(&path)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            let published = doc
                .dct
                .ok_or_else(|| format!("{}: no creation time", path.display()))?;
            let body = doc
                .text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n\n");
            Ok(Source::new(doc.name, published, body))
        })
        .collect()
}
