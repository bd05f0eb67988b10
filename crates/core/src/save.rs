//! Saving a file a person may be editing, safely: under a lock on its
//! folder, through a temporary file created exclusively (never a planted
//! link), synced to disk with its folder, with the file's permissions kept,
//! and only if the file is still what it was when the work began.
//!
//! A target that is not a regular file (a pipe, a terminal, `/proc/self/fd/1`)
//! is written into, never replaced by a file; a link is written through to
//! the file it names; a file with other hard links is rewritten in place, so
//! every name still shows it.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// The lock file's name in a folder being saved into.
pub const LOCK_NAME: &str = ".annals.lock";

/// The end of every temporary file's name, so a leftover one (after a
/// power cut or `kill -9`) says what made it.
const TEMP_SUFFIX: &str = ".annals-tmp";

/// An exclusive lock on a folder, held while a file in it is read, worked
/// on and replaced; released (and its lock file removed) when dropped.
#[derive(Debug)]
pub struct FolderLock {
    file: File,
    path: PathBuf,
}

impl FolderLock {
    /// Takes the lock on `dir`. If another process holds it, `busy` is told
    /// who (what that process wrote in the lock file) and the call waits
    /// until it is free.
    pub fn acquire(dir: &Path, busy: impl FnOnce(&str)) -> io::Result<FolderLock> {
        let path = dir.join(LOCK_NAME);
        let mut busy = Some(busy);
        loop {
            let mut file = open_lock_file(&path)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => {
                    if let Some(tell) = busy.take() {
                        let mut holder = String::new();
                        let _ = (&file).take(4096).read_to_string(&mut holder);
                        tell(holder.trim());
                    }
                    file.lock()?;
                }
                Err(fs::TryLockError::Error(e)) => return Err(e),
            }
            // The holder before us removes the file before letting go: ours
            // may be that removed file, while a new one stands at the path.
            if same_file(&file, &path) {
                file.set_len(0)?;
                writeln!(
                    file,
                    "annals (pid {}) since {}",
                    std::process::id(),
                    chrono::Local::now().format("%Y-%m-%d %H:%M:%S")
                )?;
                return Ok(FolderLock { file, path });
            }
        }
    }
}

impl Drop for FolderLock {
    fn drop(&mut self) {
        // Removed while still held, so that nobody waits on a removed file
        // while another takes a new one (see `same_file`).
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// Opens (or creates) the lock file without following a link planted at its name.
fn open_lock_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other(format!(
            "{} is not a regular file; remove it",
            path.display()
        )));
    }
    Ok(file)
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &File, path: &Path) -> bool {
    path.exists()
}

/// What a file held when the work on it began: what it must still hold
/// when it is replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Before {
    /// There was no file.
    Absent,
    /// The file's bytes.
    Bytes(Vec<u8>),
}

impl Before {
    /// What `path` holds now (a regular file, or nothing).
    pub fn read(path: &Path) -> io::Result<Before> {
        match fs::read(path) {
            Ok(bytes) => Ok(Before::Bytes(bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Before::Absent),
            Err(e) => Err(e),
        }
    }
}

/// Why a file was not saved.
#[derive(Debug)]
pub enum SaveError {
    /// The file changed since the work began (a person saved it meanwhile):
    /// nothing was replaced.
    Changed(PathBuf),
    /// The system refused.
    Io(PathBuf, io::Error),
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Changed(path) => write!(
                f,
                "{} changed while annals worked on it (saved by someone else?); nothing was replaced",
                path.display()
            ),
            SaveError::Io(path, e) => write!(
                f,
                "cannot write {}: {}",
                path.display(),
                crate::load::io_reason(e)
            ),
        }
    }
}

impl std::error::Error for SaveError {}

/// Where a save goes, once links are followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A regular file, or none yet: replaced through a temporary file.
    File(PathBuf),
    /// A regular file with other hard links: rewritten in place.
    Linked(PathBuf),
    /// A pipe, a terminal, a device: written into.
    Stream(PathBuf),
}

impl Target {
    /// What `path` is: a link is followed to the file it names.
    pub fn of(path: &Path) -> io::Result<Target> {
        let meta = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                // No file yet, or a dangling link: write where it points.
                let path = match fs::read_link(path) {
                    Ok(to) => path.parent().unwrap_or(Path::new(".")).join(to),
                    Err(_) => path.to_path_buf(),
                };
                return Ok(Target::File(path));
            }
            Err(e) => return Err(e),
        };
        if meta.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                "it is a folder",
            ));
        }
        if !meta.is_file() {
            // Opened by the name given: `/proc/self/fd/1` names a pipe no
            // path leads to.
            return Ok(Target::Stream(path.to_path_buf()));
        }
        let real = if fs::symlink_metadata(path)?.file_type().is_symlink() {
            fs::canonicalize(path)?
        } else {
            path.to_path_buf()
        };
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            if meta.nlink() > 1 {
                return Ok(Target::Linked(real));
            }
        }
        Ok(Target::File(real))
    }

    /// The file or stream written.
    pub fn path(&self) -> &Path {
        match self {
            Target::File(p) | Target::Linked(p) | Target::Stream(p) => p,
        }
    }

    /// The folder a replaced file lives in (what to lock), if it is a file.
    pub fn folder(&self) -> Option<&Path> {
        match self {
            Target::Stream(_) => None,
            Target::File(p) | Target::Linked(p) => Some(
                p.parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .unwrap_or(Path::new(".")),
            ),
        }
    }
}

/// Writes `text` to `target`, which held `before` when the work began.
///
/// A file is replaced atomically: the text goes to a new, exclusively
/// created temporary file beside it, with the old file's permissions, is
/// synced, and is renamed over the file only if the file still holds
/// `before` (else [`SaveError::Changed`], and nothing is replaced); the
/// folder is synced after. A temporary file is removed on every failure.
/// Call it holding the folder's [`FolderLock`].
pub fn save(target: &Target, text: &[u8], before: &Before) -> Result<(), SaveError> {
    save_with(target, text, before, &mut || {})
}

/// [`save`], calling `between` after the last look at the file and before
/// it is replaced: where a test saves an edit at the worst moment.
fn save_with(
    target: &Target,
    text: &[u8],
    before: &Before,
    between: &mut dyn FnMut(),
) -> Result<(), SaveError> {
    let path = target.path();
    let io = |e: io::Error| SaveError::Io(path.to_path_buf(), e);
    match target {
        Target::Stream(_) => {
            let mut out = OpenOptions::new().write(true).open(path).map_err(io)?;
            out.write_all(text).and_then(|()| out.flush()).map_err(io)
        }
        Target::Linked(_) => {
            unchanged(path, before)?;
            // Every name of the file must show the new text: it is written
            // into the file itself, after the check, and synced.
            let mut file = OpenOptions::new()
                .write(true)
                .truncate(true)
                .open(path)
                .map_err(io)?;
            file.write_all(text)
                .and_then(|()| file.sync_all())
                .map_err(io)
        }
        Target::File(_) => {
            let dir = target.folder().unwrap_or(Path::new("."));
            let name = path
                .file_name()
                .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
            let prefix = format!(".{name}.");
            let mut builder = tempfile::Builder::new();
            builder.prefix(&prefix).suffix(TEMP_SUFFIX);
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                // A new file gets what any new file gets (0666 less the
                // umask); a replaced one keeps its own permissions.
                let mode = match fs::metadata(path) {
                    Ok(meta) => meta.permissions().mode() & 0o7777,
                    Err(_) => 0o666,
                };
                builder.permissions(fs::Permissions::from_mode(mode));
            }
            let mut temp = builder.tempfile_in(dir).map_err(io)?;
            #[cfg(unix)]
            if let Ok(meta) = fs::metadata(path) {
                // The umask applied at creation: the old file's mode, exactly.
                let _ = temp.as_file().set_permissions(meta.permissions());
            }
            temp.write_all(text)
                .and_then(|()| temp.as_file().sync_all())
                .map_err(io)?;
            unchanged(path, before)?;
            between();
            match before {
                Before::Absent => {
                    temp.persist_noclobber(path).map_err(|e| {
                        if e.error.kind() == io::ErrorKind::AlreadyExists {
                            SaveError::Changed(path.to_path_buf())
                        } else {
                            io(e.error)
                        }
                    })?;
                }
                Before::Bytes(bytes) => replace(temp.into_temp_path(), path, bytes, text)?,
            }
            sync_folder(dir).map_err(io)
        }
    }
}

/// Puts `temp` (which holds `text`) at `path` if `path` still holds
/// `before`, which it did a moment ago.
///
/// On Linux the look and the replacement are one step: the two files are
/// exchanged (renameat2 with RENAME_EXCHANGE), and then what came out is
/// compared with `before`. If it is an edit saved since the last look,
/// the exchange is undone and the edit stays, so an edit saved by rename
/// (as editors save) at any moment before the replacement is never lost.
/// Where files cannot be exchanged, the file is looked at once more and
/// renamed over, which leaves the moment between the two.
///
/// What no replacement can see: an editor that opened the old file before
/// the exchange and writes into it afterwards (saving in place, not by
/// rename) writes into a file no name leads to any more. Only a lock the
/// editor honours could stop that, and editors take none.
fn replace(
    temp: tempfile::TempPath,
    path: &Path,
    before: &[u8],
    text: &[u8],
) -> Result<(), SaveError> {
    let io = |e: io::Error| SaveError::Io(path.to_path_buf(), e);
    match exchange(&temp, path) {
        Ok(()) => {
            // `temp` names what `path` held until now.
            if fs::read(&temp).is_ok_and(|out| out == before) {
                return temp.close().map_err(io);
            }
            exchange(&temp, path).map_err(io)?;
            if fs::read(&temp).is_ok_and(|back| back == text) {
                let _ = temp.close();
            } else {
                // A second save landed between the two exchanges: it is
                // kept beside the file, under a name that says so.
                let mut kept = path.as_os_str().to_owned();
                kept.push(".saved-during-draft");
                let _ = temp.persist(kept);
            }
            Err(SaveError::Changed(path.to_path_buf()))
        }
        Err(e) if exchange_unsupported(&e) => {
            unchanged(path, &Before::Bytes(before.to_vec()))?;
            temp.persist(path).map_err(|e| io(e.error))
        }
        Err(e) => Err(io(e)),
    }
}

/// Swaps two paths' files in one step.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: two NUL-terminated paths that live through the call.
    let done = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if done == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

/// Whether `exchange` failed only because this system or file system
/// cannot exchange files.
fn exchange_unsupported(e: &io::Error) -> bool {
    #[cfg(target_os = "linux")]
    if matches!(
        e.raw_os_error(),
        Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP)
    ) {
        return true;
    }
    e.kind() == io::ErrorKind::Unsupported
}

/// `Ok` if `path` still holds `before`.
fn unchanged(path: &Path, before: &Before) -> Result<(), SaveError> {
    match Before::read(path) {
        Ok(now) if now == *before => Ok(()),
        Ok(_) => Err(SaveError::Changed(path.to_path_buf())),
        Err(e) => Err(SaveError::Io(path.to_path_buf(), e)),
    }
}

/// Syncs a folder, so that a rename in it survives a power cut.
fn sync_folder(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Removes temporary files a killed save left in `dir` beside `name`. Call
/// it holding the folder's lock: every save into the folder holds it, so
/// any such file is a leftover.
pub fn remove_leftovers(dir: &Path, name: &str) {
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let file = file.to_string_lossy();
        if file.starts_with(&prefix) && file.ends_with(TEMP_SUFFIX) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(path: &Path) -> Target {
        Target::of(path).unwrap()
    }

    #[test]
    fn a_file_is_replaced_keeping_its_permissions_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("timeline.toml");
        fs::write(&path, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        }
        let before = Before::read(&path).unwrap();
        save(&target(&path), b"new", &before).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn a_file_changed_meanwhile_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("timeline.toml");
        fs::write(&path, "old").unwrap();
        let before = Before::read(&path).unwrap();
        fs::write(&path, "a person's edit").unwrap();
        let e = save(&target(&path), b"draft", &before).unwrap_err();
        assert!(matches!(e, SaveError::Changed(_)), "{e}");
        assert!(e.to_string().contains("nothing was replaced"), "{e}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "a person's edit");
        // A file created meanwhile where there was none is kept too.
        let new = dir.path().join("new.toml");
        let absent = Before::read(&new).unwrap();
        assert_eq!(absent, Before::Absent);
        fs::write(&new, "mine").unwrap();
        assert!(matches!(
            save(&Target::File(new.clone()), b"draft", &absent),
            Err(SaveError::Changed(_))
        ));
        assert_eq!(fs::read_to_string(&new).unwrap(), "mine");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    /// An edit saved (by rename, as editors save) after the last look at
    /// the file and before it is replaced: the edit stays, nothing else is
    /// left behind, and the user is told.
    #[test]
    fn an_edit_saved_at_the_last_moment_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("timeline.toml");
        fs::write(&path, "old").unwrap();
        let before = Before::read(&path).unwrap();
        let mut edit = || {
            let temp = dir.path().join("timeline.toml.swp");
            fs::write(&temp, "an edit at the last moment").unwrap();
            fs::rename(&temp, &path).unwrap();
        };
        let e = save_with(&target(&path), b"draft", &before, &mut edit).unwrap_err();
        assert!(matches!(e, SaveError::Changed(_)), "{e}");
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "an edit at the last moment"
        );
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        // With no edit, the same save replaces the file.
        let before = Before::read(&path).unwrap();
        save_with(&target(&path), b"draft", &before, &mut || {}).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "draft");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn links_are_written_through_and_hard_links_kept() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.toml");
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("timeline.toml");
        symlink(&real, &link).unwrap();
        let before = Before::read(&link).unwrap();
        save(&target(&link), b"new", &before).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");

        let other = dir.path().join("other-name.toml");
        fs::hard_link(&real, &other).unwrap();
        assert!(matches!(target(&real), Target::Linked(_)));
        let before = Before::read(&real).unwrap();
        save(&target(&real), b"newer", &before).unwrap();
        assert_eq!(fs::read_to_string(&other).unwrap(), "newer");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_written_into_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("out");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
        };
        let t = target(&fifo);
        assert!(matches!(t, Target::Stream(_)));
        save(&t, b"through the pipe", &Before::Absent).unwrap();
        assert_eq!(reader.join().unwrap(), "through the pipe");
        use std::os::unix::fs::FileTypeExt;
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_at_the_lock_is_never_followed() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "precious").unwrap();
        symlink(&victim, dir.path().join(LOCK_NAME)).unwrap();
        assert!(FolderLock::acquire(dir.path(), |_| {}).is_err());
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    }

    #[test]
    fn a_second_lock_waits_and_is_told_who_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let first = FolderLock::acquire(dir.path(), |_| panic!("free")).unwrap();
        let (told, heard) = std::sync::mpsc::channel();
        let path = dir.path().to_path_buf();
        let second = std::thread::spawn(move || {
            let lock = FolderLock::acquire(&path, |who| told.send(who.to_string()).unwrap());
            lock.map(|_| ())
        });
        let who = heard
            .recv_timeout(std::time::Duration::from_secs(60))
            .unwrap();
        assert!(
            who.starts_with(&format!("annals (pid {})", std::process::id())),
            "{who}"
        );
        drop(first);
        second.join().unwrap().unwrap();
        // Released, the lock leaves nothing behind.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn leftover_temporary_files_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(".timeline.toml.x1y2z3.annals-tmp"), "half").unwrap();
        fs::write(dir.path().join("keep.txt"), "article").unwrap();
        remove_leftovers(dir.path(), "timeline.toml");
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["keep.txt"]);
    }
}
