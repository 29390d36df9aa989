//! Hostile and runaway input, tried as an attacker or a broken upstream system would: each is
//! refused or handled within bounds (time, memory), and nothing it costs is lost unreported.
//! Peak memory is the child's own (`wait4`), so these bounds do not depend on other tests.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::*;

/// What a run of banmian came to: its exit code, stderr and peak resident memory (MiB).
struct Measured {
    code: Option<i32>,
    stderr: String,
    peak_mib: f64,
}

/// Runs banmian with `args` in the repository, killed if it takes longer than `limit`.
fn measured(args: &[&str], limit: Duration) -> Measured {
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let log = scratch(&format!("hostile-log-{n}")).join("stderr.txt");
    // Reaped below by wait4, which also gives its peak memory (`Child::wait` would not).
    #[allow(clippy::zombie_processes)]
    let child = Command::new(env!("CARGO_BIN_EXE_banmian"))
        .args(args)
        .current_dir(repo())
        .env("BANMIAN_CACHE", repo().join("target/test-scratch/cache"))
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .expect("banmian runs");
    let pid = child.id() as libc::pid_t;
    let started = Instant::now();
    let (mut status, mut usage) = (0, unsafe { std::mem::zeroed::<libc::rusage>() });
    loop {
        // SAFETY: waits for (reaps) the child this function started, once.
        let done = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if done == pid {
            break;
        }
        if started.elapsed() > limit {
            // SAFETY: kill(2) of our own child, then reap it.
            unsafe {
                libc::kill(pid, libc::SIGKILL);
                libc::wait4(pid, &mut status, 0, &mut usage);
            }
            panic!(
                "banmian {args:?} still ran after {limit:?}:\n{}",
                std::fs::read_to_string(&log).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    Measured {
        code: libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status)),
        stderr: std::fs::read_to_string(&log).unwrap_or_default(),
        peak_mib: usage.ru_maxrss as f64 / 1024.0,
    }
}

#[test]
fn a_named_pipe_in_a_font_folder_is_skipped_with_a_warning() {
    let dir = scratch("hostile-fifo-font");
    let pipe = dir.join("a.ttf");
    let name = std::ffi::CString::new(pipe.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo(3) of a path in the test's own folder.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
    std::fs::write(dir.join("b.otf"), "not a font").unwrap();
    // A symlink back to the folder: walked once, not forty times.
    std::os::unix::fs::symlink(&dir, dir.join("loop")).unwrap();
    let run = measured(
        &["fonts", "--font-path", dir.to_str().unwrap()],
        Duration::from_secs(20),
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("a.ttf: is a named pipe (FIFO), not a file"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("b.otf: no font face could be read"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.matches("b.otf").count(), 1, "{}", run.stderr);
}

/// A small JPEG whose header claims `width` × `height` pixels.
fn jpeg_claiming(width: u16, height: u16) -> Vec<u8> {
    let picture = image::RgbImage::from_pixel(16, 16, image::Rgb([120, 130, 140]));
    let mut jpeg = std::io::Cursor::new(Vec::new());
    picture
        .write_to(&mut jpeg, image::ImageFormat::Jpeg)
        .unwrap();
    let mut bytes = jpeg.into_inner();
    // The frame header (SOF0): FF C0, length, precision, then height and width.
    let sof = bytes
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("a baseline JPEG");
    bytes[sof + 5..sof + 7].copy_from_slice(&height.to_be_bytes());
    bytes[sof + 7..sof + 9].copy_from_slice(&width.to_be_bytes());
    bytes
}

#[test]
fn a_photo_claiming_400_megapixels_is_refused_before_it_is_decoded() {
    let project = TempProject::new("hostile-giant-jpeg", MINIMAL_PAGE);
    let photo = project.root.join("content/p/images/photo-1.jpg");
    std::fs::write(&photo, jpeg_claiming(19_999, 19_999)).unwrap();
    let fonts = repo().join("fonts");
    let pdf = project.root.join("out.pdf");
    let run = measured(
        &[
            "build",
            project.page().to_str().unwrap(),
            "-o",
            pdf.to_str().unwrap(),
            "--font-path",
            fonts.to_str().unwrap(),
        ],
        Duration::from_secs(20),
    );
    eprintln!("19,999² JPEG: refused at {:.0} MiB peak", run.peak_mib);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let line = MINIMAL_PAGE
        .lines()
        .position(|l| l.contains("photo-1.jpg"))
        .unwrap()
        + 1;
    assert!(
        run.stderr.contains(&format!("page.yaml:{line}:"))
            && run.stderr.contains("limit `photo-pixels` exceeded"),
        "{}",
        run.stderr
    );
    assert!(run.peak_mib < 300.0, "{:.0} MiB", run.peak_mib);
    assert!(!pdf.exists());
}

#[test]
fn a_word_too_long_to_break_is_set_inside_its_column_and_reported() {
    let word: String = "abcdefghijklmnopqrstuvwxyz".repeat(80);
    let page = sample_yaml().replacen(
        "思想是本，行动是形，本正则形立。",
        &format!("思想是本，{word}，本正则形立。"),
        1,
    );
    let line = page
        .lines()
        .position(|l| l.contains(&word))
        .expect("the word is on a line")
        + 1;
    let project = TempProject::new("hostile-long-word", &page);
    let pdf = project.root.join("out.pdf");
    let out = project.build_with(&pdf, &["--pdf-standard", "1.7"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(&format!("page.yaml:{line}:"))
            && err.contains("a word of 2080 characters with no place to break"),
        "{err}"
    );
    assert!(
        !err.contains("outside-column") && !err.contains("past the edge"),
        "{err}"
    );
    let text: String = poppler("pdftotext", &[pdf.to_str().unwrap(), "-"])
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200B}')
        .collect();
    // pdftotext reads the columns' lines side by side: count letters, not the word.
    for letter in ['a', 'q', 'z'] {
        assert_eq!(
            text.matches(letter).count(),
            80,
            "every `{letter}` of the word reaches the page"
        );
    }
}

#[test]
fn a_killed_builds_temporary_file_is_removed_by_the_next_build() {
    let project = TempProject::new("hostile-killed-build", MINIMAL_PAGE);
    let pdf = project.root.join("out.pdf");
    // What `write_atomic` leaves when the build is killed before its rename; no process has
    // this id (above Linux's largest pid_max).
    let left = project.root.join(".out.pdf.99999999.tmp");
    std::fs::write(&left, "half a PDF").unwrap();
    let out = project.build(&pdf);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !left.exists(),
        "the killed build's temporary file is still there"
    );
}

/// An issue of 400 pages (the limit) each different, checked: memory flat in the page count.
#[test]
fn a_400_page_issue_is_checked_in_bounded_memory() {
    let root = scratch("hostile-400-pages");
    copy_dir(&repo().join("layout"), &root.join("layout"));
    let content = root.join("content");
    copy_dir(
        &repo().join("content/pingluo-cppcc/images"),
        &content.join("images"),
    );
    let mut issue =
        String::from("paper: 测试报\ndate: 2024-01-15\npages:\n  - file: p0.yaml\n    page: 1\n");
    let page = MINIMAL_PAGE.replace("  page: 1\n", "");
    for n in 0..400 {
        let text = page.replace("第一段正文。", &format!("第{n}段正文。"));
        std::fs::write(content.join(format!("p{n}.yaml")), text).unwrap();
        if n > 0 {
            issue += &format!("  - file: p{n}.yaml\n");
        }
    }
    std::fs::write(content.join("issue.yaml"), issue).unwrap();
    let fonts = repo().join("fonts");
    let issue = content.join("issue.yaml");
    let run = measured(
        &[
            "check",
            issue.to_str().unwrap(),
            // Each page exported as a plain PDF: this test is about memory in the page count,
            // not the press steps.
            "--pdf-standard",
            "1.7",
            "--root",
            root.to_str().unwrap(),
            "--font-path",
            fonts.to_str().unwrap(),
        ],
        Duration::from_secs(240),
    );
    eprintln!("400-page issue checked at {:.0} MiB peak", run.peak_mib);
    assert!(
        run.stderr.contains("checked 400 of 400 pages"),
        "{}",
        run.stderr
    );
    // Each page is exported as build would (check ≡ build): 125–160 MiB here, 80 MiB at 100
    // pages; before pages were released as they were done, a check without export took 306
    // MiB and grew with each page. The issue's bound is 500.
    assert!(run.peak_mib < 250.0, "{:.0} MiB", run.peak_mib);
}
