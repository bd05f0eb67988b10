//! The verified-load cache, through the binary: a large story checked once
//! is answered from the cache with the same output, and any change to an
//! article, or a damaged entry, is checked in full again.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// A synthetic story just over the cache's threshold (800 articles, about
/// 4.7 MB), written to `dir`.
fn story(dir: &Path) -> annals_synth::Story {
    let story = annals_synth::generate(800, 3);
    assert!(
        story.bytes() as u64 >= annals::cache::MIN_BYTES,
        "{}",
        story.bytes()
    );
    story.write_to(dir).expect("the story is written");
    story
}

fn annals(data: &Path, cache: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(args)
        .arg("--data")
        .arg(data)
        .env(annals::cache::DIR_VARIABLE, cache)
        .env("NO_COLOR", "1")
        .output()
        .expect("annals runs")
}

fn entries(cache: &Path) -> Vec<std::path::PathBuf> {
    fs::read_dir(cache)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default()
}

#[test]
fn a_story_checked_once_is_answered_alike_and_any_change_is_checked_again() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, cache) = (tmp.path().join("story"), tmp.path().join("cache"));
    story(&data);

    let first = annals(&data, &cache, &["check"]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let kept = entries(&cache);
    assert_eq!(kept.len(), 1, "one entry for the folder: {kept:?}");
    let json = annals(&data, &cache, &["print", "--format", "json"]);
    assert!(json.status.success());

    // From the cache: the same answers, byte for byte, and the entry is
    // read, not written again (a miss would write it).
    let long_ago = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    let set = fs::File::options().write(true).open(&kept[0]).unwrap();
    set.set_modified(long_ago).unwrap();
    drop(set);
    let again = annals(&data, &cache, &["check"]);
    let modified = fs::metadata(&kept[0]).unwrap().modified().unwrap();
    assert_eq!(modified, long_ago, "a hit leaves the entry as it was");
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(again.stdout, first.stdout);
    assert_eq!(again.stderr, first.stderr);
    let uncached = Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(["print", "--format", "json", "--data"])
        .arg(&data)
        .env(annals::cache::DIR_VARIABLE, "")
        .output()
        .unwrap();
    assert_eq!(json.stdout, uncached.stdout, "as without a cache");
    assert!(json.stdout.len() > 1_000_000, "{}", json.stdout.len());

    // A quoted word changed in one article: the quote is no longer there,
    // and check says so, cache or not.
    let toml = fs::read_to_string(data.join("timeline.toml")).unwrap();
    let (source, quote) = first_evidence(&toml);
    let path = data.join("sources").join(format!("{source}.txt"));
    let article = fs::read_to_string(&path).unwrap();
    assert!(article.contains(&quote), "{quote}");
    fs::write(&path, article.replacen(&quote, &quote.to_uppercase(), 1)).unwrap();
    let broken = annals(&data, &cache, &["check"]);
    assert_eq!(
        broken.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&broken.stdout)
    );
    let said = String::from_utf8_lossy(&broken.stderr);
    assert!(said.contains("timeline.toml:"), "{said}");
    assert!(said.contains(&source), "{said}");
    // A story with a problem is not kept, and what was kept of it is
    // forgotten: the explorer never glances at what it was.
    assert_eq!(entries(&cache), Vec::<std::path::PathBuf>::new());
    fs::write(&path, &article).unwrap();
    let kept_again = annals(&data, &cache, &["check"]);
    assert_eq!(kept_again.status.code(), Some(0));
    assert_eq!(entries(&cache).len(), 1, "mended, it is kept again");

    // A damaged entry is a miss: the story is checked in full, and passes.
    let entry = &entries(&cache)[0];
    let mut bytes = fs::read(entry).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x21;
    fs::write(entry, &bytes).unwrap();
    let mended = annals(&data, &cache, &["check"]);
    assert_eq!(mended.status.code(), Some(0));
    assert_eq!(mended.stdout, first.stdout);
    assert_ne!(fs::read(entry).unwrap(), bytes, "written again");

    // Set but empty, the variable turns the cache off.
    let off = tmp.path().join("off");
    let plain = Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(["check", "--data"])
        .arg(&data)
        .env(annals::cache::DIR_VARIABLE, "")
        .env("HOME", &off)
        .env("XDG_CACHE_HOME", &off)
        .output()
        .unwrap();
    assert_eq!(plain.stdout, first.stdout);
    assert!(!off.exists(), "nothing written");
}

/// The source and quote of the first evidence of `timeline.toml` quoted on
/// one line as `{ source = "…", quote = "…" }`.
fn first_evidence(toml: &str) -> (String, String) {
    let line = toml
        .lines()
        .find(|l| l.contains("source = \"") && l.contains("quote = \""))
        .expect("an evidence line");
    let field = |name: &str| {
        let from = line.find(&format!("{name} = \"")).unwrap() + name.len() + 4;
        line[from..][..line[from..].find('"').unwrap()].to_string()
    };
    (field("source"), field("quote"))
}
