//! The routes, and the guard every request passes first.
//!
//! The server serves its own embedded assets, the event stream, the photos of the proofs it
//! made (by hash) and two actions: open the editor at a YAML line of the page, keep the proof
//! shown as a named round (a file under `out/rounds/`, named after a checked round name). No route reads
//! a file named by the request, so there is nothing to traverse to. The guard refuses, before
//! any route runs:
//! - a `Host` that is a domain name other than `localhost` (DNS rebinding: a foreign site whose
//!   name resolves to 127.0.0.1 would otherwise be same-origin with us);
//! - an `Origin` other than our own (another site's page opening the event stream or posting
//!   to `/open`), and cross-site fetches that are not a plain navigation to the page;
//! - oversized requests: a long URL (414), large headers (431), a body over 4 KiB (413, from
//!   its `Content-Length` before any of it is read; a chunked body is cut off at 4 KiB).

use std::sync::Arc;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use tokio::sync::watch;

use crate::content::messages;
use crate::content::t;

use super::editor::Editor;
use super::kept::KeptRounds;
use super::proof::Snapshot;

/// The longest URL accepted, in bytes.
pub const MAX_URL: usize = 2048;
/// The most header bytes accepted.
pub const MAX_HEADERS: usize = 16 * 1024;
/// The largest body accepted (only `/open` and `/round` take one, a few dozen bytes; the
/// refusal's text says 4 KiB).
pub const MAX_BODY: usize = 4 * 1024;

/// The page, its words as `{{id}}` of the message files (see [`index`]).
const INDEX: &str = include_str!("assets/index.html");
const SCRIPT: &str = include_str!("assets/app.js");
const STYLE: &str = include_str!("assets/app.css");

#[derive(Clone)]
pub struct App {
    pub builds: watch::Receiver<Arc<Snapshot>>,
    pub editor: Arc<Editor>,
    pub rounds: Arc<KeptRounds>,
    /// The port we listen on: a `Host` or `Origin` naming another port is another origin.
    pub port: u16,
    /// Served beyond this machine: the secret every request carries (`?token=` once, then the
    /// cookie it sets).
    pub token: Option<String>,
    /// Other machines may use `/open` and `/round`, not only watch.
    pub allow_remote_edit: bool,
}

/// The cookie that carries the token after the first visit.
const TOKEN_COOKIE: &str = "banmian_token";

/// A new secret: 128 random bits from the system, as hex.
pub fn token() -> String {
    let mut bytes = [0u8; 16];
    let from_system = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut bytes));
    if from_system.is_err() {
        // No /dev/urandom (not Unix): the standard library's per-process random keys.
        use std::hash::{BuildHasher, Hasher};
        for (i, chunk) in bytes.chunks_mut(8).enumerate() {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_usize(i);
            chunk.copy_from_slice(&h.finish().to_le_bytes()[..chunk.len()]);
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// How a request stands with the token: not needed, carried by its cookie, or given in the
/// URL (then the cookie is set); `None` without it.
enum Token {
    NotNeeded,
    Cookie,
    Query,
}

fn token_of(request: &Request, token: Option<&str>) -> Option<Token> {
    let Some(token) = token else {
        return Some(Token::NotNeeded);
    };
    let in_query = request.uri().query().is_some_and(|q| {
        q.split('&')
            .any(|pair| pair.strip_prefix("token=").is_some_and(|t| same(t, token)))
    });
    if in_query {
        return Some(Token::Query);
    }
    let in_cookie = request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .any(|(name, value)| name == TOKEN_COOKIE && same(value, token));
    in_cookie.then_some(Token::Cookie)
}

/// Compares in time that does not depend on where they differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0, |d, (x, y)| d | (x ^ y)) == 0
}

pub fn router(app: App) -> Router {
    Router::new()
        .route(
            "/",
            get(|| async { page(index(), "text/html; charset=utf-8") }),
        )
        .route(
            "/app.js",
            get(|| async { page(SCRIPT, "text/javascript; charset=utf-8") }),
        )
        .route(
            "/app.css",
            get(|| async { page(STYLE, "text/css; charset=utf-8") }),
        )
        .route("/events", get(events))
        .route("/asset/{key}", get(asset))
        .route("/ink/{proof}/{page}", get(ink_map))
        .route("/open", post(open))
        .route("/round", post(keep_round))
        .fallback(|| async { (StatusCode::NOT_FOUND, "not found\n") })
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(middleware::from_fn_with_state(app.clone(), guard))
        .with_state(app)
}

/// The page in the editor's language, made once: each `{{id}}` of index.html is its message,
/// `{{lang}}` the language's tag, and `{{words}}` the messages the script says (every
/// `serve-…` id, each argument left as `{name}` for the script to fill in).
fn index() -> &'static str {
    static SAID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SAID.get_or_init(|| said_in(INDEX, messages::lang()))
}

fn said_in(html: &str, lang: messages::Lang) -> String {
    let words: serde_json::Map<String, serde_json::Value> = messages::ids(lang)
        .into_iter()
        .filter(|id| id.starts_with("serve-"))
        .map(|id| {
            let args: Vec<(&str, messages::Arg)> = messages::arguments(lang, id)
                .into_iter()
                .map(|name| (name, messages::Arg::from(format!("{{{name}}}"))))
                .collect();
            (id.to_string(), messages::say(lang, id, &args).into())
        })
        .collect();
    // In a <script> element: no `</script>` may close it early.
    let words = serde_json::Value::Object(words)
        .to_string()
        .replace('<', "\\u003c");
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("{{") {
        let Some(length) = rest[start..].find("}}") else {
            break;
        };
        out.push_str(&rest[..start]);
        out.push_str(&match &rest[start + 2..start + length] {
            "lang" => messages::FILES[lang as usize].1.to_string(),
            "words" => words.clone(),
            id => escape_html(&messages::say(lang, id, &[])),
        });
        rest = &rest[start + length + 2..];
    }
    out.push_str(rest);
    out
}

/// `text` as HTML text or an attribute's value.
fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn page(body: &'static str, kind: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

async fn events(State(app): State<App>) -> Response {
    super::events::stream(app.builds.clone()).into_response()
}

/// A photo of a proof, by the hash of its bytes: never changes, so cached for good.
async fn asset(State(app): State<App>, Path(key): Path<String>) -> Response {
    let valid = key.len() == 32 && key.bytes().all(|b| b.is_ascii_hexdigit());
    let found = if valid {
        app.builds.borrow().asset(&key)
    } else {
        None
    };
    match found {
        Some((media, bytes)) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_str(&media)
                        .unwrap_or(HeaderValue::from_static("application/octet-stream")),
                ),
                (
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=31536000, immutable"),
                ),
            ],
            Body::from(Bytes::from_owner(bytes)),
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "not found\n").into_response(),
    }
}

/// The map of the ink on page `page` of proof `proof` (the current one), made when first
/// asked: grey by total ink, red over the house limit.
async fn ink_map(State(app): State<App>, Path((proof, page)): Path<(u64, usize)>) -> Response {
    let shown = app.builds.borrow().proof.clone();
    let Some(shown) = shown.filter(|p| p.id == proof) else {
        return (StatusCode::NOT_FOUND, "not the proof shown\n").into_response();
    };
    let made = tokio::task::spawn_blocking(move || shown.ink.png(page)).await;
    match made {
        Ok(Some(png)) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static("image/png")),
                (
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=31536000, immutable"),
                ),
            ],
            Body::from(Bytes::from_owner(png)),
        )
            .into_response(),
        _ => (StatusCode::NOT_FOUND, "no such page\n").into_response(),
    }
}

#[derive(Deserialize)]
struct OpenAt {
    line: usize,
    column: usize,
}

/// Opens the editor at a line of the page's YAML (the file is always the page: the browser
/// names only the position).
async fn open(State(app): State<App>, headers: HeaderMap, body: Bytes) -> Response {
    if !is_json(&headers) {
        return (StatusCode::UNSUPPORTED_MEDIA_TYPE, "expected JSON\n").into_response();
    }
    let Ok(at) = serde_json::from_slice::<OpenAt>(&body) else {
        return (
            StatusCode::BAD_REQUEST,
            "expected {\"line\": N, \"column\": N}\n",
        )
            .into_response();
    };
    if let Err(message) = app.editor.check_position(at.line, at.column) {
        return (StatusCode::BAD_REQUEST, message).into_response();
    }
    match app.editor.open(at.line, at.column) {
        Ok(message) => (StatusCode::OK, message).into_response(),
        Err(message) => (StatusCode::CONFLICT, message).into_response(),
    }
}

#[derive(Deserialize)]
struct RoundName {
    name: String,
}

/// Keeps the proof shown as a named round (written once under `out/rounds/`, never replaced).
async fn keep_round(State(app): State<App>, headers: HeaderMap, body: Bytes) -> Response {
    if !is_json(&headers) {
        return (StatusCode::UNSUPPORTED_MEDIA_TYPE, "expected JSON\n").into_response();
    }
    let Ok(round) = serde_json::from_slice::<RoundName>(&body) else {
        return (StatusCode::BAD_REQUEST, "expected {\"name\": \"一校\"}\n").into_response();
    };
    if let Err(message) = crate::desk::redline::rounds::check_name(&round.name) {
        return (StatusCode::BAD_REQUEST, message + "\n").into_response();
    }
    let proof = app.builds.borrow().proof.clone();
    let Some(proof) = proof else {
        return (StatusCode::CONFLICT, t!("serve-no-proof") + "\n").into_response();
    };
    match app.rounds.keep(&round.name, &proof.sources) {
        Ok(message) => (StatusCode::OK, message + "\n").into_response(),
        Err(message) => (StatusCode::CONFLICT, message + "\n").into_response(),
    }
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

async fn guard(State(app): State<App>, request: Request, next: Next) -> Response {
    if let Err(refusal) = check(&request, app.port) {
        return refusal.into_response();
    }
    let Some(token) = token_of(&request, app.token.as_deref()) else {
        return (StatusCode::FORBIDDEN, t!("serve-token-needed") + "\n").into_response();
    };
    let peer = request
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip());
    let edits = matches!(request.uri().path(), "/open" | "/round");
    if edits && !app.allow_remote_edit && peer.is_some_and(|ip| !ip.is_loopback()) {
        return (StatusCode::FORBIDDEN, t!("serve-remote-edit-off") + "\n").into_response();
    }
    let mut response = next.run(request).await;
    if let (Token::Query, Some(secret)) = (token, &app.token)
        && let Ok(cookie) = HeaderValue::from_str(&format!(
            "{TOKEN_COOKIE}={secret}; Path=/; HttpOnly; SameSite=Strict"
        ))
    {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    // The page runs only its own script, in no other site's frame, and sends no referrer.
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'",
        ),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

/// Why a request is refused: its status and a line saying why.
type Refusal = (StatusCode, &'static str);

fn check(request: &Request, port: u16) -> Result<(), Refusal> {
    let uri_length = request
        .uri()
        .path_and_query()
        .map_or(0, |p| p.as_str().len());
    if uri_length > MAX_URL {
        return Err((StatusCode::URI_TOO_LONG, "URL too long\n"));
    }
    let headers = request.headers();
    let header_bytes: usize = headers
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    if header_bytes > MAX_HEADERS {
        return Err((
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "headers too large\n",
        ));
    }
    // Refused from the header, before any of the body is read: a client announcing a huge body
    // must not hold a connection while it sends (or pretends to send) it.
    if announced_body(headers).is_some_and(|length| length > MAX_BODY as u64) {
        return Err((
            StatusCode::PAYLOAD_TOO_LARGE,
            "body too large (at most 4 KiB)\n",
        ));
    }
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let host = text(header::HOST.as_str()).ok_or((StatusCode::BAD_REQUEST, "no Host header\n"))?;
    if !local_host(host, port) {
        return Err((StatusCode::FORBIDDEN, "unknown Host\n"));
    }
    if let Some(origin) = text(header::ORIGIN.as_str())
        && origin != format!("http://{host}")
    {
        return Err((StatusCode::FORBIDDEN, "foreign Origin\n"));
    }
    let cross_site =
        text("sec-fetch-site").is_some_and(|site| site != "same-origin" && site != "none");
    let navigation = text("sec-fetch-mode") == Some("navigate") && request.uri().path() == "/";
    if cross_site && !navigation {
        return Err((StatusCode::FORBIDDEN, "cross-site request\n"));
    }
    Ok(())
}

/// The body length a request announces (`Content-Length`). hyper has refused a malformed or
/// repeated one before any route runs.
fn announced_body(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// Whether `host` (a `Host` header) names this server: `localhost` or an IP address, on our
/// port. A domain name is refused: that is how a DNS-rebinding page would reach us.
fn local_host(host: &str, port: u16) -> bool {
    let Some((name, host_port)) = host.rsplit_once(':') else {
        return false;
    };
    if host_port.parse::<u16>().ok() != Some(port) {
        return false;
    }
    let bare = name
        .strip_prefix('[')
        .and_then(|n| n.strip_suffix(']'))
        .unwrap_or(name);
    name.eq_ignore_ascii_case("localhost") || bare.parse::<std::net::IpAddr>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::{INDEX, local_host, messages, said_in};

    #[test]
    fn the_page_is_said_in_either_language_whole() {
        for (lang, tag, findings) in [
            (messages::Lang::En, "en", "Findings"),
            (messages::Lang::Zh, "zh-CN", "检查结果"),
        ] {
            let html = said_in(INDEX, lang);
            assert!(!html.contains("{{"), "a word left unsaid in {tag}");
            assert!(html.contains(&format!("<html lang=\"{tag}\">")));
            assert!(html.contains(&format!("<h2>{findings}</h2>")));
            // The script's words: valid JSON with the arguments left to fill in.
            let json = html
                .split("<script id=\"words\" type=\"application/json\">")
                .nth(1)
                .and_then(|rest| rest.split("</script>").next())
                .unwrap();
            let words: serde_json::Value = serde_json::from_str(json).unwrap();
            assert!(words["serve-page"].as_str().unwrap().contains("{page}"));
            assert!(
                words["serve-source-at"]
                    .as_str()
                    .unwrap()
                    .contains("{what}")
            );
        }
    }

    #[test]
    fn accepts_only_addresses_and_localhost_on_our_port() {
        assert!(local_host("127.0.0.1:8080", 8080));
        assert!(local_host("localhost:8080", 8080));
        assert!(local_host("[::1]:8080", 8080));
        assert!(local_host("192.168.1.5:8080", 8080));
        assert!(!local_host("127.0.0.1:8081", 8080));
        assert!(!local_host("127.0.0.1", 8080));
        assert!(!local_host("evil.example:8080", 8080));
        assert!(!local_host("localhost.evil.example:8080", 8080));
    }
}
