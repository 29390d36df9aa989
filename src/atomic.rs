//! Files written whole or not at all: outputs, kept rounds, caches. A reader never sees half a
//! file, a failed write leaves the old file, and a killed write's leftovers are removed by the
//! next write of the same file.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a
/// reader never sees a half-written file and a failure leaves the old file intact.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("output");
    remove_stale_temps(dir, name);
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// Removes the temporary files of earlier writes of `name` whose process is gone (a build
/// killed before its rename): `.{name}.{pid}.tmp`. A temporary file of a process still
/// running is its write in progress and is left alone.
fn remove_stale_temps(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(pid) = file
            .to_str()
            .and_then(|f| f.strip_prefix(&prefix))
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|pid| pid.parse::<i32>().ok())
        else {
            continue;
        };
        if pid > 0 && !process_alive(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn process_alive(pid: i32) -> bool {
    // SAFETY: signal 0 sends nothing; it only asks whether the process exists.
    let answer = unsafe { libc::kill(pid, 0) };
    answer == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_killed_writes_temporary_file_is_removed_by_the_next_write() {
        let dir = crate::content::scratch::TempDir::new().unwrap();
        // No process has this id (above Linux's largest pid_max).
        let stale = dir.path().join(".p.pdf.99999999.tmp");
        let other = dir.path().join(".q.pdf.99999999.tmp");
        std::fs::write(&stale, "half a PDF").unwrap();
        std::fs::write(&other, "another output's").unwrap();
        write_atomic(&dir.path().join("p.pdf"), b"%PDF").unwrap();
        assert!(!stale.exists(), "the killed build's temporary file is left");
        assert!(
            other.exists(),
            "another output's temporary file was removed"
        );
        assert_eq!(std::fs::read(dir.path().join("p.pdf")).unwrap(), b"%PDF");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }
}
