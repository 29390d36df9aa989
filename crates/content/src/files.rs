//! Opening the files editors and upstream systems point banmian at (pages, issues, manifests,
//! photos) only when they are regular files, and reading no more of them than a limit allows.
//! A named pipe would block `open` until something writes to it, a device can be endless,
//! and a symlink loop is not "not found": each is refused with what it is.

use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::Path;

/// Why a file cannot be read; said (in the editor's language) after the file's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    Loop,
    NotFound,
    Denied,
    /// Any other error the system gave, in its words.
    Failed(String),
    Folder,
    Pipe,
    Socket,
    Device,
    /// Not a regular file, and none of the above.
    Special,
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let said = match self {
            Unreadable::Loop => crate::t!("file-loop"),
            Unreadable::NotFound => crate::t!("not-found"),
            Unreadable::Denied => crate::t!("file-denied"),
            Unreadable::Failed(error) => crate::t!("file-failed", error = error),
            Unreadable::Folder => crate::t!("file-folder"),
            Unreadable::Pipe => crate::t!("file-pipe"),
            Unreadable::Socket => crate::t!("file-socket"),
            Unreadable::Device => crate::t!("file-device"),
            Unreadable::Special => crate::t!("file-special"),
        };
        f.write_str(&said)
    }
}

/// Why a file cannot be read.
pub fn describe(err: &io::Error) -> Unreadable {
    if is_loop(err) {
        return Unreadable::Loop;
    }
    match err.kind() {
        io::ErrorKind::NotFound => Unreadable::NotFound,
        io::ErrorKind::PermissionDenied => Unreadable::Denied,
        _ => Unreadable::Failed(err.to_string()),
    }
}

/// Whether `err` is the system's "too many levels of symbolic links".
pub fn is_loop(err: &io::Error) -> bool {
    #[cfg(unix)]
    {
        err.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = err;
        false
    }
}

/// What a file system entry is, when it is not a regular file.
fn kind_of(meta: &Metadata) -> Option<Unreadable> {
    if meta.is_file() {
        return None;
    }
    if meta.is_dir() {
        return Some(Unreadable::Folder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return Some(Unreadable::Pipe);
        }
        if kind.is_socket() {
            return Some(Unreadable::Socket);
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some(Unreadable::Device);
        }
    }
    Some(Unreadable::Special)
}

/// The metadata of `path` (symlinks followed) if it is a regular file, else why not.
pub fn regular(path: &Path) -> Result<Metadata, Unreadable> {
    let meta = std::fs::metadata(path).map_err(|err| describe(&err))?;
    match kind_of(&meta) {
        None => Ok(meta),
        Some(what) => Err(what),
    }
}

/// Opens `path` for reading if it is a regular file. Checked before opening (so a pipe is
/// never opened) and again on the open file (so one swapped in between is refused too); the
/// open itself does not block (`O_NONBLOCK`, which regular files ignore).
pub fn open_regular(path: &Path) -> Result<(File, Metadata), Unreadable> {
    regular(path)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|err| describe(&err))?;
    let meta = file.metadata().map_err(|err| describe(&err))?;
    match kind_of(&meta) {
        None => Ok((file, meta)),
        Some(what) => Err(what),
    }
}

/// At most `max + 1` bytes of the regular file `path` (one more than allowed, so a file over
/// the limit shows it), and the size its metadata gives.
pub fn read_at_most(path: &Path, max: u64) -> Result<(Vec<u8>, u64), Unreadable> {
    let (file, meta) = open_regular(path)?;
    let mut bytes = Vec::new();
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|err| describe(&err))?;
    let size = meta.len().max(bytes.len() as u64);
    Ok((bytes, size))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn pipes_loops_and_folders_are_named_and_never_opened() {
        let dir = crate::scratch::TempDir::new().unwrap();
        let fifo = dir.path().join("pipe.yaml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            // Would block for good if opened without O_NONBLOCK and no writer came.
            assert_eq!(read_at_most(&fifo, 10).unwrap_err(), Unreadable::Pipe);
        }
        let looped = dir.path().join("loop.yaml");
        std::os::unix::fs::symlink(&looped, &looped).unwrap();
        assert_eq!(read_at_most(&looped, 10).unwrap_err(), Unreadable::Loop);
        assert_eq!(
            read_at_most(dir.path(), 10).unwrap_err(),
            Unreadable::Folder
        );
        let none = dir.path().join("none");
        assert_eq!(read_at_most(&none, 10).unwrap_err(), Unreadable::NotFound);
        let zero = read_at_most(Path::new("/dev/zero"), 10).unwrap_err();
        assert_eq!(zero, Unreadable::Device);
        let file = dir.path().join("a.yaml");
        std::fs::write(&file, "0123456789abc").unwrap();
        let (bytes, size) = read_at_most(&file, 4).unwrap();
        assert_eq!((bytes.as_slice(), size), (&b"01234"[..], 13));
    }
}
