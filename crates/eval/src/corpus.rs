//! Reading a corpus: articles through the loader, as `annals` reads them.

use std::path::Path;

use annals_core::Source;
use annals_core::load::{self, Options};

/// The articles of a folder or a `.jsonl` file, as `annals draft` reads them;
/// an article that cannot be read is an error naming it.
pub fn articles(path: &Path) -> Result<Vec<Source>, String> {
    let options = Options::default();
    let files = load::read_with(path, &options).map_err(|p| p.to_string())?;
    let (sources, problems) = load::articles(files, &options);
    if problems.is_empty() {
        Ok(sources)
    } else {
        Err(problems.to_string())
    }
}

/// Reads a JSON file.
pub fn json(path: &Path) -> Result<serde_json::Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}
