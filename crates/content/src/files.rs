//! Opening the files editors and upstream systems point banmian at (pages, issues, manifests,
//! photos) only when they are regular files, and reading no more of them than a limit allows.
//! A named pipe would block `open` until something writes to it, a device can be endless,
//! and a symlink loop is not "not found": each is refused with what it is.

use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::Path;

/// Why a file cannot be read, in words for an editor.
pub fn describe(err: &io::Error) -> String {
    if is_loop(err) {
        return "is a symlink loop (a link that leads, directly or not, back to itself)".into();
    }
    match err.kind() {
        io::ErrorKind::NotFound => "not found".into(),
        io::ErrorKind::PermissionDenied => "cannot be read: permission denied".into(),
        _ => format!("cannot be read ({err})"),
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
fn kind_of(meta: &Metadata) -> Option<&'static str> {
    if meta.is_file() {
        return None;
    }
    if meta.is_dir() {
        return Some("is a folder, not a file");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return Some("is a named pipe (FIFO), not a file");
        }
        if kind.is_socket() {
            return Some("is a socket, not a file");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("is a device, not a file");
        }
    }
    Some("is not a regular file")
}

/// The metadata of `path` (symlinks followed) if it is a regular file, else why not.
pub fn regular(path: &Path) -> Result<Metadata, String> {
    let meta = std::fs::metadata(path).map_err(|err| describe(&err))?;
    match kind_of(&meta) {
        None => Ok(meta),
        Some(what) => Err(what.into()),
    }
}

/// Opens `path` for reading if it is a regular file. Checked before opening (so a pipe is
/// never opened) and again on the open file (so one swapped in between is refused too); the
/// open itself does not block (`O_NONBLOCK`, which regular files ignore).
pub fn open_regular(path: &Path) -> Result<(File, Metadata), String> {
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
        Some(what) => Err(what.into()),
    }
}

/// At most `max + 1` bytes of the regular file `path` (one more than allowed, so a file over
/// the limit shows it), and the size its metadata gives.
pub fn read_at_most(path: &Path, max: u64) -> Result<(Vec<u8>, u64), String> {
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
            let err = read_at_most(&fifo, 10).unwrap_err();
            assert!(err.contains("named pipe"), "{err}");
        }
        let looped = dir.path().join("loop.yaml");
        std::os::unix::fs::symlink(&looped, &looped).unwrap();
        let err = read_at_most(&looped, 10).unwrap_err();
        assert!(err.contains("symlink loop"), "{err}");
        assert!(read_at_most(dir.path(), 10).unwrap_err().contains("folder"));
        assert_eq!(
            read_at_most(&dir.path().join("none"), 10).unwrap_err(),
            "not found"
        );
        assert!(
            read_at_most(Path::new("/dev/zero"), 10)
                .unwrap_err()
                .contains("device")
        );
        let file = dir.path().join("a.yaml");
        std::fs::write(&file, "0123456789abc").unwrap();
        let (bytes, size) = read_at_most(&file, 4).unwrap();
        assert_eq!((bytes.as_slice(), size), (&b"01234"[..], 13));
    }
}
