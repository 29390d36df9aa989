//! `banmian serve`: the page as a live proof in the browser.
//!
//! A build thread lays the page out on every save (`live`, on the `watch` machinery) and
//! publishes each result; a small HTTP server (`http`) gives the browser one page of embedded
//! assets and an event stream (`events`) that carries each proof as SVG cut into pieces
//! (`svg`), only what the browser lacks, with the findings, where each line came from in the
//! YAML and what changed since the previous proof (`proof`, on `crate::desk::redline`). It binds 127.0.0.1 unless told otherwise.

mod editor;
mod events;
mod http;
mod kept;
mod live;
mod proof;
mod render;
mod svg;

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;

use crate::build::watcher::Watcher;
use tokio::sync::watch;

use crate::build::session::Session;
use crate::failure::Failure;
use crate::project::Project;

pub struct Options {
    pub page: PathBuf,
    pub root: Option<PathBuf>,
    pub font_paths: Vec<PathBuf>,
    pub host: IpAddr,
    /// 0 for any free port (the URL printed says which).
    pub port: u16,
    pub editor: Option<String>,
    /// Other machines may open the editor and keep rounds, not only watch.
    pub allow_remote_edit: bool,
}

/// Serves until the process is stopped. Returns only when it cannot start (or the server
/// fails): why, in the words of a build failure.
pub fn run(options: Options) -> Result<(), Failure> {
    if !options.page.is_file() {
        return Err(Failure::NoPage(options.page.clone()));
    }
    let editor = editor::Editor::new(options.editor.as_deref(), options.page.clone())
        .map_err(Failure::Refused)?;
    let project = Project::open(&options.page, options.root.as_deref(), &options.font_paths)?;
    let watcher = Watcher::new(None).map_err(|err| Failure::Service(err.to_string()))?;
    let address = SocketAddr::new(options.host, options.port);
    let listener = std::net::TcpListener::bind(address)
        .and_then(|l| l.set_nonblocking(true).map(|()| l))
        .map_err(|err| {
            Failure::Service(crate::content::t!(
                "cannot-listen",
                address = address,
                error = err
            ))
        })?;
    let port = listener
        .local_addr()
        .map_err(|err| Failure::Service(err.to_string()))?
        .port();
    // Beyond this machine, the proof is seen only with a secret token (in the URL printed).
    let token = (!options.host.is_loopback()).then(http::token);
    if token.is_some() {
        let edit = if options.allow_remote_edit {
            "yes"
        } else {
            "no"
        };
        let said = crate::content::t!("serving-beyond", host = options.host, edit = edit);
        eprintln!("{said}");
    }
    let shown = match options.host {
        IpAddr::V6(ip) => format!("[{ip}]"),
        IpAddr::V4(ip) if ip.is_unspecified() => "127.0.0.1".into(),
        IpAddr::V4(ip) => ip.to_string(),
    };
    let query = token
        .as_ref()
        .map_or(String::new(), |t| format!("?token={t}"));
    let url = format!("http://{shown}:{port}/{query}");
    let said = crate::content::t!("serving", page = options.page.display(), url = url);
    eprintln!("{said}");

    let (sender, builds) = watch::channel(Arc::new(proof::Snapshot::empty()));
    let rounds = Arc::new(kept::KeptRounds::open(
        crate::desk::redline::rounds::folder(&project.root, &options.page),
        &options.page,
    ));
    let kept = rounds.clone();
    // A proof is for the screen: laid out as the print PDF is (CMYK), drawn in RGB by the SVG;
    // nothing is written.
    let session = Session::new(options.page, project, options.font_paths, None);
    std::thread::Builder::new()
        .name("banmian-build".into())
        .spawn(move || live::run(session, watcher, sender, kept))
        .map_err(|err| Failure::Service(format!("cannot start the build thread: {err}")))?;

    let app = http::App {
        builds,
        editor: Arc::new(editor),
        rounds,
        port,
        token,
        allow_remote_edit: options.allow_remote_edit,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|err| Failure::Service(format!("cannot start the server: {err}")))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)
            .map_err(|err| Failure::Service(format!("cannot listen: {err}")))?;
        let service = http::router(app).into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(listener, service)
            .await
            .map_err(|err| Failure::Service(format!("server failed: {err}")))
    })
}
