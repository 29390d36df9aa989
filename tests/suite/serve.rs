//! `banmian serve` on a temporary copy of the sample, over real sockets: what it serves and
//! refuses, and that a save reaches the event stream as only what changed. The browser test is
//! in `serve_browser.rs`.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::*;

/// A running `banmian serve`, killed when the test ends, pass or fail.
pub struct Serving {
    child: Child,
    log: PathBuf,
    pub port: u16,
}

impl Serving {
    /// Starts serving `page` on a free port with `extra` arguments; waits for its first proof.
    pub fn start(project: &TempProject, extra: &[&str]) -> Self {
        Self::start_until(project, extra, &["proof 1 in", "第 1 次校样"])
    }

    /// Starts serving as [`start`](Self::start) does; waits until its log holds one of
    /// `ready`.
    pub fn start_until(project: &TempProject, extra: &[&str], ready: &[&str]) -> Self {
        let log = project.root.join("serve.log");
        let child = Command::new(env!("CARGO_BIN_EXE_banmian"))
            // Named from the project folder, as an editor would type it.
            .args(["serve", "content/p/page.yaml", "--port", "0"])
            .arg("--font-path")
            .arg(repo().join("fonts"))
            .args(extra)
            .current_dir(&project.root)
            .env("BANMIAN_CACHE", repo().join("target/test-scratch/cache"))
            // English whatever the machine's locale; `--lang` in `extra` says otherwise.
            .env("BANMIAN_LANG", "en")
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("banmian serve starts");
        let mut serving = Self {
            child,
            log,
            port: 0,
        };
        assert!(
            eventually(20, || {
                let log = serving.log();
                ready.iter().any(|said| log.contains(said))
            }),
            "not ready; serve printed:\n{}",
            serving.log()
        );
        let log = serving.log();
        let url = log
            .split("http://127.0.0.1:")
            .nth(1)
            .unwrap_or_else(|| panic!("no URL printed:\n{log}"));
        serving.port = url[..url.find('/').unwrap()].parse().unwrap();
        serving
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// The server's resident memory now and at its peak, as /proc reports it (`VmRSS`, `VmHWM`).
    pub fn memory(&self) -> String {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .filter(|l| l.starts_with("VmRSS") || l.starts_with("VmHWM"))
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Sends `head` (request line and headers, without the blank line) and `body`; returns the
    /// status and the response (headers and body) as text.
    pub fn raw(&self, head: &str, body: &[u8]) -> (u16, String) {
        self.raw_from(std::net::Ipv4Addr::LOCALHOST.into(), head, body)
    }

    /// [`raw`](Self::raw) to the server's address `ip` (another machine's view when `ip` is
    /// not a loopback address).
    pub fn raw_from(&self, ip: std::net::IpAddr, head: &str, body: &[u8]) -> (u16, String) {
        let mut stream = TcpStream::connect((ip, self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let mut request = format!("{head}\r\nConnection: close\r\n\r\n").into_bytes();
        request.extend_from_slice(body);
        // The server may refuse and close before reading all of a large request.
        let _ = stream.write_all(&request);
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        let text = String::from_utf8_lossy(&response).into_owned();
        let status = text
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no HTTP status in {text:?}"));
        (status, text)
    }

    /// The response's status line and headers only (for a stream that never ends).
    pub fn head(&self, head: &str) -> String {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(stream, "{head}\r\n\r\n").unwrap();
        let mut response = Vec::new();
        let mut byte = [0u8; 1];
        while !response.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
            response.push(byte[0]);
        }
        String::from_utf8_lossy(&response).into_owned()
    }

    /// POSTs `json` to `path` from a page of `origin`.
    pub fn post(&self, path: &str, json: &str, origin: &str) -> (u16, String) {
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nOrigin: {origin}\r\nContent-Type: application/json\r\nContent-Length: {}",
            self.port,
            json.len()
        );
        self.raw(&head, json.as_bytes())
    }

    pub fn get(&self, path: &str, headers: &str) -> (u16, String) {
        let mut head = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{}", self.port);
        if !headers.is_empty() {
            head += "\r\n";
            head += headers;
        }
        self.raw(&head, b"")
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The server's event stream, read event by event.
struct Events {
    stream: TcpStream,
    buffer: String,
}

impl Events {
    fn open(serving: &Serving) -> Self {
        let mut stream = TcpStream::connect(("127.0.0.1", serving.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        write!(
            stream,
            "GET /events HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nAccept: text/event-stream\r\n\r\n",
            serving.port
        )
        .unwrap();
        Self {
            stream,
            buffer: String::new(),
        }
    }

    /// The next `build` event's data (bounded: 20 s).
    fn next(&mut self) -> serde_json::Value {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut chunk = [0u8; 1 << 16];
        loop {
            if let Some(start) = self.buffer.find("event: build\ndata: ") {
                let data_start = start + "event: build\ndata: ".len();
                if let Some(len) = self.buffer[data_start..].find("\n\n") {
                    let data = self.buffer[data_start..data_start + len].to_string();
                    self.buffer.drain(..data_start + len + 2);
                    // The body is chunked: a chunk boundary may fall inside an event.
                    let data = dechunk(&data);
                    return serde_json::from_str(&data)
                        .unwrap_or_else(|e| panic!("event is not JSON ({e}): {data:.300}"));
                }
            }
            assert!(Instant::now() < deadline, "no build event within 20 s");
            match self.stream.read(&mut chunk) {
                Ok(0) => panic!("the event stream closed"),
                Ok(n) => self.buffer.push_str(&String::from_utf8_lossy(&chunk[..n])),
                Err(e)
                    if e.kind() == std::io::ErrorKind::WouldBlock
                        || e.kind() == std::io::ErrorKind::TimedOut => {}
                Err(e) => panic!("reading the event stream: {e}"),
            }
        }
    }
}

/// An event's data with chunked-transfer framing (`\r\n<hex>\r\n`) that fell inside it removed.
fn dechunk(data: &str) -> String {
    let mut out = String::new();
    let mut rest = data;
    while let Some(at) = rest.find("\r\n") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let size_end = after.find("\r\n").unwrap_or(0);
        rest = &after[size_end + 2..];
    }
    out.push_str(rest);
    out
}

fn sample_project(name: &str) -> TempProject {
    TempProject::new(name, &sample_yaml())
}

/// A stand-in editor: records the words it was run with.
fn recording_editor(dir: &Path) -> (PathBuf, PathBuf) {
    let script = dir.join("editor.sh");
    let record = dir.join("editor.log");
    std::fs::write(
        &script,
        format!("#!/bin/sh\necho \"$@\" >> '{}'\n", record.display()),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    (script, record)
}

#[test]
fn serve_serves_its_page_and_refuses_everything_else() {
    let project = sample_project("serve-security");
    let (editor, record) = recording_editor(&project.root);
    let command = format!("{} {{file}} {{line}} {{col}}", editor.display());
    let serving = Serving::start(&project, &["--editor", &command]);
    let port = serving.port;

    // Its own page and assets.
    let (status, page) = serving.get("/", "");
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("<script src=\"/app.js\""), "{page}");
    assert!(
        page.contains("content-security-policy: default-src 'self'")
            && page.contains("frame-ancestors 'none'"),
        "{page:.600}"
    );
    assert_eq!(serving.get("/app.js", "").0, 200);
    assert_eq!(serving.get("/app.css", "").0, 200);

    // Nothing from disk: not the page, not a template, not outside the project, however named.
    let yaml = std::fs::read_to_string(project.page()).unwrap();
    let secret = "凝心聚力促发展";
    assert!(yaml.contains(secret));
    for path in [
        "/content/p/page.yaml",
        "/layout/style.typ",
        "/../content/p/page.yaml",
        "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/asset/../../content/p/page.yaml",
        "/asset/..%2F..%2Fcontent%2Fp%2Fpage.yaml",
        "/asset/%2Fetc%2Fpasswd",
        "/app.js/../../etc/passwd",
        "//etc/passwd",
    ] {
        let (status, text) = serving.get(path, "");
        assert!(
            status == 404 || status == 400,
            "{path} gave {status}:\n{text:.500}"
        );
        assert!(
            !text.contains(secret) && !text.contains("root:"),
            "{path} leaked:\n{text:.500}"
        );
    }

    // Another site: its Origin on the event stream or on /open, a cross-site fetch, a domain
    // name that resolves here (DNS rebinding).
    let foreign = "Origin: http://evil.example";
    assert_eq!(serving.get("/events", foreign).0, 403);
    assert_eq!(
        serving
            .get("/events", &format!("Origin: http://127.0.0.1:{}", port + 1))
            .0,
        403
    );
    assert_eq!(
        serving
            .get(
                "/events",
                "Sec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: cors"
            )
            .0,
        403
    );
    let rebinding = serving.raw(
        &format!("GET /events HTTP/1.1\r\nHost: evil.example:{port}"),
        b"",
    );
    assert_eq!(rebinding.0, 403, "{}", rebinding.1);
    let open = |origin: &str| {
        let body = br#"{"line": 12, "column": 3}"#;
        serving.raw(
            &format!(
                "POST /open HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{origin}Content-Type: application/json\r\nContent-Length: {}",
                body.len()
            ),
            body,
        )
    };
    assert_eq!(open(&format!("{foreign}\r\n")).0, 403);
    std::thread::sleep(Duration::from_millis(300));
    assert!(!record.exists(), "a foreign page ran the editor");

    // Our own page may open the editor, at the page's YAML and nowhere else.
    let (status, text) = open(&format!("Origin: http://127.0.0.1:{port}\r\n"));
    assert_eq!(status, 200, "{text}");
    // Its whole line, not only the file: the shell creates the file before it writes to it.
    assert!(
        eventually(10, || std::fs::read_to_string(&record)
            .is_ok_and(|r| r.ends_with('\n'))),
        "the editor did not run"
    );
    let ran = std::fs::read_to_string(&record).unwrap();
    let page = std::path::absolute(project.page()).unwrap();
    assert_eq!(ran.trim(), format!("{} 12 3", page.display()));
    // A position that is not in the page is refused, and runs nothing.
    std::fs::remove_file(&record).unwrap();
    let ours = format!("http://127.0.0.1:{port}");
    for (line, column) in [("0", "3"), ("18446744073709551615", "1"), ("12", "100000")] {
        let body = format!(r#"{{"line": {line}, "column": {column}}}"#);
        let (status, text) = serving.post("/open", &body, &ours);
        assert_eq!(status, 400, "{line}:{column}: {text}");
        assert!(text.contains("is not"), "{text}");
    }
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        !record.exists(),
        "an editor opened at a position not in the page"
    );

    // Oversized requests.
    let big = vec![b'x'; 100_000];
    let (status, _) = serving.raw(
        &format!(
            "POST /open HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}",
            big.len()
        ),
        &big,
    );
    assert_eq!(status, 413);
    // A body announced huge is refused from its header, before a byte of it is sent.
    let started = std::time::Instant::now();
    let (status, _) = serving.raw(
        &format!(
            "POST /open HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: 100000000000"
        ),
        b"",
    );
    assert_eq!(status, 413);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the server waited for the body"
    );
    let long = format!("/{}", "a".repeat(5000));
    assert_eq!(serving.get(&long, "").0, 414);
    let huge_header = format!("X-Filler: {}", "b".repeat(20_000));
    assert_eq!(serving.get("/", &huge_header).0, 431);

    // And the event stream, to our own page.
    let head = serving.head(&format!(
        "GET /events HTTP/1.1\r\nHost: localhost:{port}\r\nOrigin: http://localhost:{port}"
    ));
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(head.contains("text/event-stream"), "{head}");
}

#[test]
fn serve_sends_only_what_changed_and_keeps_the_proof_when_an_edit_breaks() {
    let sample = sample_yaml();
    let project = sample_project("serve-events");
    let serving = Serving::start(&project, &[]);
    let mut events = Events::open(&serving);

    let first = events.next();
    let proof = &first["proof"];
    assert_eq!(proof["id"], 1, "{first:.300}");

    // The desk keeps this proof as round 一校: once, under out/rounds/, only from our page.
    let round = |name: &str, origin: &str| {
        serving.post("/round", &format!(r#"{{"name": "{name}"}}"#), origin)
    };
    let ours = format!("http://127.0.0.1:{}", serving.port);
    assert_eq!(round("一校", "http://evil.example").0, 403);
    let (status, text) = round("一校", &ours);
    assert_eq!(status, 200, "{text}");
    let kept = project.root.join("out/rounds/p/一校.json");
    assert!(kept.is_file(), "{text}");
    let (status, text) = round("一校", &ours);
    assert_eq!(status, 409, "{text}");
    assert!(text.contains("kept already"), "{text}");
    let (status, text) = round("../../escaped", &ours);
    assert_eq!(status, 400, "{text}");
    assert!(text.contains("is not a round name"), "{text}");
    assert!(
        !project.root.join("out/escaped.json").exists()
            && !project.root.join("escaped.json").exists()
    );
    // On a new connection, every block of the page.
    let blocks = proof["chunks"].as_object().unwrap().len();
    assert!(blocks > 100, "the page was cut in {blocks} blocks");
    assert!(
        proof["defs"].as_str().unwrap().len() > 100_000,
        "glyph outlines sent"
    );
    // Photos are fetched once, by hash, not inlined.
    let blocks_text: String = proof["chunks"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.to_string())
        .collect();
    assert!(!blocks_text.contains("data:image"), "a photo was inlined");
    let asset = blocks_text.split("/asset/").nth(1).expect("a photo")[..32].to_string();
    let (status, photo) = serving.get(&format!("/asset/{asset}"), "");
    assert_eq!(status, 200);
    assert!(photo.contains("image/jpeg"), "{photo:.300}");
    // The ink overlay of the proof shown, made when asked: a PNG of the page's plates.
    let (status, map) = serving.get("/ink/1/1", "");
    assert_eq!(status, 200, "{map:.300}");
    assert!(
        map.contains("image/png") && map.contains("PNG"),
        "{map:.300}"
    );
    assert_eq!(serving.get("/ink/1/2", "").0, 404, "no second page");
    assert_eq!(serving.get("/ink/7/1", "").0, 404, "not the proof shown");

    // One sentence edited: a few blocks sent, no outlines but the new characters'.
    let original = "思想是本，行动是形，本正则形立。";
    replace_file(
        &project.page(),
        sample
            .replace(original, "思想是本，行动是形，编辑改了这一句。")
            .as_bytes(),
    );
    let second = events.next();
    let delta = &second["proof"];
    assert_eq!(delta["id"], 2, "{second:.300}");
    let resent = delta["chunks"].as_object().unwrap().len();
    assert!(
        resent >= 1 && resent * 5 < blocks,
        "{resent} of {blocks} blocks sent again"
    );
    assert!(
        delta["defs"].as_str().unwrap().len() < 20_000,
        "outlines sent again"
    );
    // Marked as changed: the edited characters, on a printed line of section 1's body, where
    // the sentence stands.
    assert_eq!(
        proof["changes"].as_array().unwrap().len(),
        0,
        "the first proof has no changes"
    );
    let changes = delta["changes"].as_array().unwrap();
    let changed: Vec<&serde_json::Value> =
        changes.iter().filter(|c| c["kind"] == "changed").collect();
    assert!((1..=2).contains(&changed.len()), "{changes:?}");
    let on_body_line = |c: &serde_json::Value| {
        delta["sources"].as_array().unwrap().iter().any(|s| {
            s["what"] == "sections[0].body"
                && s["area"]["page"] == c["area"]["page"]
                && (s["area"]["y"].as_f64().unwrap() - c["area"]["y"].as_f64().unwrap()).abs() < 1.5
        })
    };
    assert!(changed.iter().all(|c| on_body_line(c)), "{changed:?}");
    // Against round 一校 too, and the same from the command line.
    let since = &delta["rounds"][0];
    assert_eq!(since["name"], "一校", "{delta:.300}");
    assert_eq!(
        since["changes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["kind"] == "changed")
            .count(),
        changed.len()
    );
    let out = Command::new(env!("CARGO_BIN_EXE_banmian"))
        .args([
            "diff",
            "--since",
            "一校",
            "content/p/page.yaml",
            "-o",
            "out/r.png",
            "--ppi",
            "20",
            "--font-path",
        ])
        .arg(repo().join("fonts"))
        .current_dir(&project.root)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("{} change", changed.len())),
        "{}",
        stderr(&out)
    );
    let out = Command::new(env!("CARGO_BIN_EXE_banmian"))
        .args([
            "diff",
            "--since",
            "三校",
            "content/p/page.yaml",
            "--font-path",
        ])
        .arg(repo().join("fonts"))
        .current_dir(&project.root)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no round `三校`") && stderr(&out).contains("kept rounds: 一校"),
        "{}",
        stderr(&out)
    );

    // A broken edit: the error with its file:line:col, and no proof (the browser keeps its own).
    replace_file(
        &project.page(),
        sample.replace("headline:", "headlin:").as_bytes(),
    );
    let third = events.next();
    assert!(third["proof"].is_null(), "{third:.300}");
    let text = third["broken"]["text"].as_str().unwrap();
    assert!(
        text.contains("page.yaml:") && text.contains("unknown field `headlin`"),
        "{text}"
    );
    let line = sample
        .lines()
        .position(|l| l.starts_with("headline:"))
        .unwrap()
        + 1;
    assert!(text.contains(&format!("page.yaml:{line}:1")), "{text}");

    // Fixed: a proof again.
    replace_file(&project.page(), sample.as_bytes());
    let fourth = events.next();
    assert!(fourth["broken"].is_null(), "{fourth:.300}");
    assert_eq!(fourth["proof"]["id"], 3);
}

/// Started with `--lang zh-CN`, serve says everything in Chinese: the page's own words, the
/// words its script fills in, the terminal's lines and a broken page's error, with its
/// position, in the browser.
#[test]
fn serve_speaks_the_desks_language_in_the_browser_and_the_terminal() {
    let project = sample_project("serve-chinese");
    let sample = std::fs::read_to_string(project.page()).unwrap();
    let serving = Serving::start(&project, &["--lang", "zh-CN"]);
    let (status, page) = serving.get("/", "");
    assert_eq!(status, 200, "{page}");
    for chinese in [
        "<html lang=\"zh-CN\">",
        "<h2>检查结果</h2>",
        "正在连接…",
        "第 {page} 页",
    ] {
        assert!(page.contains(chinese), "`{chinese}` not in:\n{page}");
    }
    assert!(!page.contains("Findings") && !page.contains("{{"), "{page}");
    assert!(
        serving.log().contains("第 1 次校样，用时"),
        "{}",
        serving.log()
    );

    let mut events = Events::open(&serving);
    events.next();
    replace_file(
        &project.page(),
        sample.replace("headline:", "headlin:").as_bytes(),
    );
    let broken = events.next();
    let text = broken["broken"]["text"].as_str().unwrap();
    let line = sample
        .lines()
        .position(|l| l.starts_with("headline:"))
        .unwrap()
        + 1;
    for said in [
        format!("错误: content/p/page.yaml:{line}:1: 未知字段 `headlin`"),
        "提示: 是不是 `headline`？".to_string(),
    ] {
        assert!(text.contains(&said), "`{said}` not in:\n{text}");
    }
    assert!(
        eventually(10, || serving.log().contains("失败，用时")),
        "{}",
        serving.log()
    );
}

/// Started on a page that does not build, serve shows the error with its position in the
/// browser at once (there is no proof yet to keep), then the proof once the page is fixed.
#[test]
fn serve_started_on_a_broken_page_shows_where_it_is_broken() {
    let sample = sample_yaml();
    let project = TempProject::new(
        "serve-broken-start",
        &sample.replace("headline:", "headlin:"),
    );
    let serving = Serving::start_until(&project, &[], &["error: "]);
    let mut events = Events::open(&serving);
    let first = events.next();
    assert!(first["proof"].is_null(), "{first:.300}");
    let text = first["broken"]["text"].as_str().unwrap();
    let line = sample
        .lines()
        .position(|l| l.starts_with("headline:"))
        .unwrap()
        + 1;
    assert!(
        text.contains(&format!("page.yaml:{line}:1: unknown field `headlin`"))
            && text.contains("did you mean `headline`?"),
        "{text}"
    );
    // One mistake, said once: the misspelt headline is not also missing.
    assert!(!text.contains("is missing"), "{text}");
    replace_file(&project.page(), sample.as_bytes());
    let fixed = events.next();
    assert!(
        fixed["broken"].is_null() && !fixed["proof"].is_null(),
        "{fixed:.300}"
    );
}

/// One of this machine's addresses that is not a loopback one, if it has any (the address it
/// would reach the outside from; nothing is sent).
fn outside_address() -> Option<std::net::IpAddr> {
    let socket = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.connect("192.0.2.1:9").ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
}

#[test]
fn serve_on_a_network_wants_its_token_and_keeps_editing_local() {
    let project = sample_project("serve-host");
    let serving = Serving::start(&project, &["--host", "0.0.0.0"]);
    let log = serving.log();
    assert!(
        log.contains("warning: serving on 0.0.0.0 (not only this machine)"),
        "{log}"
    );
    let token = log
        .split("?token=")
        .nth(1)
        .map(|t| t[..32].to_string())
        .unwrap_or_else(|| panic!("no token in the URL printed:\n{log}"));
    // Without the token, nothing; with it in the URL, the page and a cookie for what follows.
    let (status, text) = serving.get("/", "");
    assert_eq!(status, 403, "{text}");
    assert!(text.contains("served with a token"), "{text}");
    assert_eq!(
        serving
            .get("/?token=0123456789abcdef0123456789abcdef", "")
            .0,
        403
    );
    let (status, text) = serving.get(&format!("/?token={token}"), "");
    assert_eq!(status, 200, "{text:.300}");
    assert!(
        text.contains(&format!(
            "banmian_token={token}; Path=/; HttpOnly; SameSite=Strict"
        )),
        "{text:.400}"
    );
    let cookie = format!("Cookie: banmian_token={token}");
    assert_eq!(serving.get("/app.js", &cookie).0, 200);
    assert_eq!(serving.get("/app.js", "Cookie: banmian_token=nope").0, 403);
    // From this machine, a round may be kept; from another, not without --allow-remote-edit.
    let round = |ip: std::net::IpAddr| {
        let json = r#"{"name": "一校"}"#;
        let head = format!(
            "POST /round HTTP/1.1\r\nHost: {ip}:{}\r\nOrigin: http://{ip}:{}\r\n{cookie}\r\nContent-Type: application/json\r\nContent-Length: {}",
            serving.port,
            serving.port,
            json.len()
        );
        serving.raw_from(ip, &head, json.as_bytes())
    };
    if let Some(outside) = outside_address() {
        let (status, text) = round(outside);
        assert_eq!(status, 403, "{text}");
        assert!(text.contains("--allow-remote-edit"), "{text}");
        let (status, text) = serving.raw_from(
            outside,
            &format!(
                "GET /app.js HTTP/1.1\r\nHost: {outside}:{}\r\n{cookie}",
                serving.port
            ),
            b"",
        );
        assert_eq!(
            status, 200,
            "another machine with the token watches: {text:.200}"
        );
    }
    let (status, text) = round(std::net::Ipv4Addr::LOCALHOST.into());
    assert_eq!(status, 200, "{text}");
    drop(serving);
    // Allowed: another machine with the token keeps a round too.
    if let Some(outside) = outside_address() {
        let project = sample_project("serve-host-edit");
        let serving = Serving::start(&project, &["--host", "0.0.0.0", "--allow-remote-edit"]);
        let token = serving.log().split("?token=").nth(1).unwrap()[..32].to_string();
        let json = r#"{"name": "二校"}"#;
        let head = format!(
            "POST /round HTTP/1.1\r\nHost: {outside}:{port}\r\nOrigin: http://{outside}:{port}\r\nCookie: banmian_token={token}\r\nContent-Type: application/json\r\nContent-Length: {}",
            json.len(),
            port = serving.port,
        );
        let (status, text) = serving.raw_from(outside, &head, json.as_bytes());
        assert_eq!(status, 200, "{text}");
    }

    let quiet = Serving::start(&sample_project("serve-loopback"), &[]);
    assert!(!quiet.log().contains("warning: serving"), "{}", quiet.log());
}

#[test]
fn serve_of_a_missing_page_or_a_taken_port_fails_with_a_message() {
    let out = banmian(&["serve", "no/such/page.yaml", "--port", "0"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no such page file"),
        "{}",
        stderr(&out)
    );

    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = banmian(&["serve", "--port", &port]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("cannot listen on 127.0.0.1:"),
        "{}",
        stderr(&out)
    );
}
