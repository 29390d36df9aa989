//! The few WebDriver commands the browser test sends to chromedriver, over plain HTTP/1.1 on
//! loopback. WebDriver is JSON over HTTP (https://www.w3.org/TR/webdriver2/); a client crate
//! would pull in a second HTTP stack whose features differ from the run build's, so that the
//! test build would compile typst again (README: one build for running and testing).

use std::io::{BufRead, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use base64::Engine;
use serde_json::{Value, json};

/// One browser session of a chromedriver listening on `port`.
pub struct Session {
    port: u16,
    id: String,
}

impl Session {
    /// Starts a browser with these `goog:chromeOptions`.
    pub fn new(port: u16, chrome_options: Value) -> Result<Self, String> {
        let capabilities = json!({
            "capabilities": { "alwaysMatch": { "goog:chromeOptions": chrome_options } }
        });
        let answer = request(port, "POST", "/session", Some(&capabilities))?;
        let id = answer["sessionId"]
            .as_str()
            .ok_or_else(|| format!("no session id in {answer}"))?
            .to_string();
        Ok(Self { port, id })
    }

    fn command(&self, method: &str, what: &str, body: Option<&Value>) -> Result<Value, String> {
        let path = format!("/session/{}{what}", self.id);
        request(self.port, method, &path, body)
    }

    pub fn goto(&self, url: &str) -> Result<(), String> {
        self.command("POST", "/url", Some(&json!({ "url": url })))
            .map(drop)
    }

    /// Runs `script` in the page and returns what it returns.
    pub fn execute(&self, script: &str) -> Result<Value, String> {
        let body = json!({ "script": script, "args": [] });
        self.command("POST", "/execute/sync", Some(&body))
    }

    /// Runs `script`, which calls its last argument with the result when it is done.
    pub fn execute_async(&self, script: &str) -> Result<Value, String> {
        let body = json!({ "script": script, "args": [] });
        self.command("POST", "/execute/async", Some(&body))
    }

    /// The viewport as PNG bytes.
    pub fn screenshot(&self) -> Result<Vec<u8>, String> {
        let png = self.command("GET", "/screenshot", None)?;
        base64::engine::general_purpose::STANDARD
            .decode(png.as_str().unwrap_or_default())
            .map_err(|e| format!("screenshot is not base64: {e}"))
    }

    /// A left click at viewport point (x, y).
    pub fn click_at(&self, x: f64, y: f64) -> Result<(), String> {
        let actions = json!({ "actions": [{
            "type": "pointer", "id": "mouse", "parameters": { "pointerType": "mouse" },
            "actions": [
                { "type": "pointerMove", "duration": 0, "x": x.round(), "y": y.round() },
                { "type": "pointerDown", "button": 0 },
                { "type": "pointerUp", "button": 0 },
            ],
        }]});
        self.command("POST", "/actions", Some(&actions)).map(drop)
    }

    pub fn close(self) -> Result<(), String> {
        self.command("DELETE", "", None).map(drop)
    }
}

/// One WebDriver request; the answer's `value`, or the error chromedriver gave.
fn request(port: u16, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
    let body = body.map(Value::to_string).unwrap_or_default();
    let mut stream =
        TcpStream::connect(("127.0.0.1", port)).map_err(|e| format!("chromedriver: {e}"))?;
    // Starting chromium is the slowest command; nothing the test sends takes a minute.
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .map_err(|e| e.to_string())?;
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(body.as_bytes()))
        .map_err(|e| format!("{method} {path}: {e}"))?;
    let (head, json) = read_answer(&mut stream).map_err(|e| format!("{method} {path}: {e}"))?;
    let value: Value = serde_json::from_slice(&json)
        .map_err(|e| format!("{method} {path}: {e}: {}", String::from_utf8_lossy(&json)))?;
    let status_ok = head
        .split(' ')
        .nth(1)
        .is_some_and(|code| code.starts_with('2'));
    if status_ok {
        Ok(value["value"].clone())
    } else {
        Err(format!("{method} {path}: {}", value["value"]))
    }
}

/// An HTTP answer's head (lower-cased) and body. chromedriver keeps the connection open
/// whatever the request asks, so the body is read by its length, not to the end.
fn read_answer(stream: &mut TcpStream) -> std::io::Result<(String, Vec<u8>)> {
    let mut reader = std::io::BufReader::new(stream);
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" {
            break;
        }
        head.push_str(&line.to_ascii_lowercase());
    }
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|n| n.trim().parse::<usize>().ok());
    let mut body = Vec::new();
    match length {
        Some(n) => {
            body.resize(n, 0);
            reader.read_exact(&mut body)?;
        }
        None if head.contains("transfer-encoding: chunked") => loop {
            let mut size = String::new();
            reader.read_line(&mut size)?;
            let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
            if size == 0 {
                break;
            }
            let mut chunk = vec![0; size + 2];
            reader.read_exact(&mut chunk)?;
            body.extend_from_slice(&chunk[..size]);
        },
        None => {
            reader.read_to_end(&mut body)?;
        }
    }
    Ok((head, body))
}
