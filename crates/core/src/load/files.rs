//! Reading a data folder's files from disk, without interpreting them.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{DataFile, DataFiles};
use crate::problem::{Position, Problem, Problems};

fn fail(path: &Path, message: String, help: &str) -> Problems {
    let mut problems = Problems::new();
    problems.push(Problem::new(path, Position::START, message).with_help(help));
    problems
}

/// Reads the files of a data folder without interpreting them.
pub fn read_dir(dir: &Path) -> Result<DataFiles, Problems> {
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => {
            return Err(fail(
                dir,
                "this is a file, not a data folder".into(),
                "pass the folder that holds timeline.toml and sources/",
            ));
        }
        Err(e) => {
            return Err(fail(
                dir,
                format!("cannot open the data folder: {}", io_reason(&e)),
                "pass the folder that holds timeline.toml and sources/",
            ));
        }
    }
    let read = |path: PathBuf| -> Result<Option<DataFile>, Problems> {
        match fs::read(&path) {
            Ok(bytes) => Ok(Some(DataFile { path, bytes })),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(fail(
                &path,
                format!("cannot read: {}", io_reason(&e)),
                "check the file's permissions",
            )),
        }
    };
    let timeline = read(dir.join("timeline.toml"))?;
    let sources_dir = dir.join("sources");
    let sources = match fs::read_dir(&sources_dir) {
        Ok(entries) => {
            let mut paths: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt") && p.is_file())
                .collect();
            paths.sort();
            let mut files = Vec::with_capacity(paths.len());
            for path in paths {
                files.extend(read(path)?);
            }
            Some(files)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(fail(
                &sources_dir,
                format!("cannot read the sources folder: {}", io_reason(&e)),
                "check the folder's permissions",
            ));
        }
    };
    Ok(DataFiles {
        dir: dir.to_path_buf(),
        timeline,
        sources,
    })
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "it does not exist".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}
