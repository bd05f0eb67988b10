//! The user's config through the real binary: a broken one stops annals
//! with exit code 2 before anything starts, every mistake at its place.

use std::process::Command;

fn annals(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_annals"))
        .env("ANNALS_CACHE_DIR", "") // never the user's cache
        .args(args)
        .env_remove("XDG_CONFIG_HOME")
        .output()
        .expect("run annals");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_broken_config_is_a_usage_error_with_places_and_suggestions() {
    let dir = std::env::temp_dir().join(format!("annals-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("config.toml");
    std::fs::write(&file, "theme = \"drak\"\n[keys.main]\nquit = [\"j\"]\n").expect("write");
    let path = file.to_string_lossy().into_owned();
    let (code, err) = annals(&["check", "--config", &path]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(&format!("{path}:1:9: unknown theme `drak`")),
        "{err}"
    );
    assert!(err.contains("did you mean `dark`?"), "{err}");
    assert!(
        err.contains(&format!("{path}:3:9: key `j` is bound to both")),
        "{err}"
    );
    // Problems read top to bottom.
    assert!(err.find("drak") < err.find("bound to both"), "{err}");
    std::fs::write(&file, "theme = \"light\"\n[keys.main]\nquit = [\"x\"]\n").expect("write");
    let (code, err) = annals(&["check", "--config", &path]);
    assert_eq!(code, 0, "{err}");
    let none = dir.join("none.toml").to_string_lossy().into_owned();
    let (code, err) = annals(&["check", "--config", &none]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cannot read the config"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A mistake that needs the list of actions or keys points to where an
/// installed user can read it (the man page, the help overlay), never to
/// the source tree's `src/ui/keys.toml`, which only a clone has.
#[test]
fn a_config_error_points_to_the_man_page_not_the_source_tree() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("config.toml");
    let path = file.to_string_lossy().into_owned();
    // An action near a real one, and one near none.
    for (config, near) in [
        ("[keys.main]\nqiut = [\"x\"]\n", Some("quit")),
        ("[keys.passages]\nfrobnicate = [\"x\"]\n", None),
    ] {
        std::fs::write(&file, config).expect("write");
        let (code, err) = annals(&["check", "--config", &path]);
        assert_eq!(code, 2, "{config}: {err}");
        assert!(err.contains(":2:1: unknown action"), "{config}: {err}");
        if let Some(near) = near {
            assert!(err.contains(&format!("did you mean `{near}`?")), "{err}");
        }
        assert!(err.contains("`annals man` lists the actions of ["), "{err}");
        assert!(err.contains("(KEYS)"), "{err}");
        assert!(!err.contains("keys.toml"), "{config}: {err}");
        assert!(!err.contains("src/"), "{config}: {err}");
    }
    // The man page has the section the message names.
    let man = Command::new(env!("CARGO_BIN_EXE_annals"))
        .env("ANNALS_CACHE_DIR", "") // never the user's cache
        .arg("man")
        .output()
        .expect("run annals man");
    assert!(man.status.success());
    let man = String::from_utf8_lossy(&man.stdout);
    assert!(man.contains(".SH KEYS"), "no KEYS in the man page");
    assert!(man.contains("[passages]"), "no [passages] under KEYS");
}
