//! `attache serve`: a read-only JSON API (described by `/api/openapi.json`) and a dashboard
//! over an event store, every asset embedded in the binary.
//!
//! Safe by default: binds to loopback unless told otherwise, answers only `GET`/`HEAD` (other
//! methods get 405), refuses request bodies and long URIs, times out slow requests, opens the
//! database read-only and binds every value as an SQL parameter.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use attache_actors::KnowledgeBase;
use attache_store::{Filter, StoreError, StoredEvent};
use axum::extract::{Path as UrlPath, RawQuery, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Serialize;

pub mod db;
pub mod query;

use db::{Interval, Pool};
use query::Params;

/// Longest request URI accepted (bytes).
pub const MAX_URI: usize = 8 * 1024;
/// Largest request body accepted (bytes): the API takes none.
pub const MAX_BODY: u64 = 0;
/// Most events one page returns.
pub const MAX_LIMIT: u64 = 500;

/// Why serving failed, or why one request failed.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The database file does not exist.
    #[error("no database at {0} (create one with `attache ingest`)")]
    NoDatabase(PathBuf),
    /// The store failed.
    #[error("{0}")]
    Store(#[from] StoreError),
    /// SQLite failed.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// Binding or serving failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The request is malformed.
    #[error("{0}")]
    BadRequest(String),
    /// Nothing has this id.
    #[error("{0}")]
    NotFound(String),
    /// Anything else.
    #[error("internal error: {0}")]
    Internal(String),
}

impl ServeError {
    fn status(&self) -> StatusCode {
        let interrupted =
            |e: &rusqlite::Error| e.sqlite_error_code() == Some(rusqlite::ErrorCode::OperationInterrupted);
        match self {
            Self::BadRequest(_) | Self::Store(StoreError::Filter(_)) => StatusCode::BAD_REQUEST,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::Sqlite(e) | Self::Store(StoreError::Sqlite(e)) if interrupted(e) => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for ServeError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status == StatusCode::INTERNAL_SERVER_ERROR {
            eprintln!("attache serve: {self}");
        }
        let message = match status {
            StatusCode::INTERNAL_SERVER_ERROR => "internal error".to_string(),
            StatusCode::SERVICE_UNAVAILABLE => "query took too long".to_string(),
            _ => self.to_string(),
        };
        let mut r = json(&serde_json::json!({ "error": message }));
        *r.status_mut() = status;
        r
    }
}

/// `attache serve` options.
#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// The event store (made by `attache ingest`); opened read-only.
    #[arg(long, default_value = "attache.db")]
    pub db: PathBuf,
    /// Address to listen on; the default answers only this machine.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Seconds a request may take before it is answered 503.
    #[arg(long, default_value_t = 10)]
    pub timeout: u64,
}

/// Readable names of actor codes.
pub struct Names {
    kb: Option<KnowledgeBase>,
}

impl Names {
    /// Names from the knowledge base (`ATTACHE_DATA_DIR` or the embedded copy); codes stand for
    /// themselves when it cannot be loaded.
    pub fn load() -> Self {
        match KnowledgeBase::load(&attache_langdata::DataSource::from_env()) {
            Ok(kb) => Self { kb: Some(kb) },
            Err(e) => {
                eprintln!("attache serve: warning: no country names ({e}); showing codes");
                Self { kb: None }
            }
        }
    }

    /// The English display name of a code, or the code itself.
    pub fn name(&self, code: &str) -> String {
        let kb = self.kb.as_ref();
        kb.and_then(|k| k.display_name(code))
            .or_else(|| code.strip_prefix("IGO:").and_then(|c| kb.and_then(|k| k.display_name(c))))
            .unwrap_or(code)
            .to_string()
    }
}

/// An event with readable names of its countries.
#[derive(Debug, Serialize)]
pub struct EventOut {
    /// The stored event.
    #[serde(flatten)]
    pub event: StoredEvent,
    /// Names of the source countries, aligned with `source_country`.
    pub source_names: Vec<String>,
    /// Names of the target countries, aligned with `target_country`.
    pub target_names: Vec<String>,
}

impl EventOut {
    /// Add names to a stored event.
    pub fn new(event: StoredEvent, names: &Names) -> Self {
        let side = |s: &str| s.split(';').filter(|c| !c.is_empty()).map(|c| names.name(c)).collect();
        Self { source_names: side(&event.source_country), target_names: side(&event.target_country), event }
    }
}

/// What every request handler shares.
pub struct App {
    pool: Pool,
    names: Names,
    timeout: Duration,
    cache: Cache,
}

impl App {
    /// Open the store read-only and load the names.
    pub fn open(db: &Path, timeout: Duration) -> Result<Self, ServeError> {
        Ok(Self { pool: Pool::open(db, timeout)?, names: Names::load(), timeout, cache: Mutex::default() })
    }
}

/// A JSON response; `<`, `>` and `&` are written as `\u003c`, `\u003e`, `\u0026`, so the body
/// holds no markup even where a client would sniff it as HTML.
pub fn json(v: &impl Serialize) -> Response {
    match json_body(v) {
        Ok(body) => json_response(body),
        Err(e) => e.into_response(),
    }
}

/// The escaped JSON text of `v` (see [`json`]).
fn json_body(v: &impl Serialize) -> Result<String, ServeError> {
    let s = serde_json::to_string(v).map_err(|e| ServeError::Internal(e.to_string()))?;
    Ok(s.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026"))
}

fn json_response(body: String) -> Response {
    ([(header::CONTENT_TYPE, "application/json; charset=utf-8")], body).into_response()
}

/// How long an aggregate over the whole store is reused while the store does not change.
const CACHE_TTL: Duration = Duration::from_secs(60);
/// Most aggregate answers kept.
const CACHE_ENTRIES: usize = 256;

/// Store-wide aggregates (actors, top pairs) by request, with the store's state when computed.
type Cache = Mutex<HashMap<String, (Instant, [i64; 3], String)>>;

/// A cheap mark of the store's contents: the largest event, mention and document row ids.
fn store_stamp(s: &attache_store::Store) -> Result<[i64; 3], ServeError> {
    Ok(s.connection().query_row(
        "SELECT (SELECT coalesce(max(id), 0) FROM events), (SELECT coalesce(max(id), 0) FROM mentions), \
         (SELECT coalesce(max(rowid), 0) FROM documents)",
        [],
        |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?]),
    )?)
}

/// The answer to `key` from the cache when the store is unchanged and it is recent, else `f`'s.
fn cached<T: Serialize>(
    app: &App,
    s: &attache_store::Store,
    key: &str,
    f: impl FnOnce() -> Result<T, ServeError>,
) -> Result<String, ServeError> {
    let stamp = store_stamp(s)?;
    if let Ok(cache) = app.cache.lock() {
        if let Some((at, st, body)) = cache.get(key) {
            if *st == stamp && at.elapsed() < CACHE_TTL {
                return Ok(body.clone());
            }
        }
    }
    let body = json_body(&f()?)?;
    if let Ok(mut cache) = app.cache.lock() {
        if cache.len() >= CACHE_ENTRIES {
            cache.clear();
        }
        cache.insert(key.to_string(), (Instant::now(), stamp, body.clone()));
    }
    Ok(body)
}

type ApiResult = Result<Response, ServeError>;

/// Run `f` with a read-only store on the blocking pool.
async fn blocking<T: Send + 'static>(
    app: &Arc<App>,
    f: impl FnOnce(&App, &attache_store::Store) -> Result<T, ServeError> + Send + 'static,
) -> Result<T, ServeError> {
    let app = Arc::clone(app);
    tokio::task::spawn_blocking(move || app.pool.with(|s| f(&app, s)))
        .await
        .map_err(|e| ServeError::Internal(e.to_string()))?
}

const INDEX_HTML: &str = include_str!("../assets/index.html");
const APP_JS: &str = include_str!("../assets/app.js");
const APP_CSS: &str = include_str!("../assets/app.css");
const FAVICON_SVG: &str = include_str!("../assets/favicon.svg");
const OPENAPI_JSON: &str = include_str!("../assets/openapi.json");

fn asset(content_type: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "no-cache")], body).into_response()
}

/// The router: dashboard assets and the API, behind the safety guard.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(|| async { asset("text/html; charset=utf-8", INDEX_HTML) }))
        .route("/index.html", get(|| async { asset("text/html; charset=utf-8", INDEX_HTML) }))
        .route("/app.js", get(|| async { asset("text/javascript; charset=utf-8", APP_JS) }))
        .route("/app.css", get(|| async { asset("text/css; charset=utf-8", APP_CSS) }))
        .route("/favicon.svg", get(|| async { asset("image/svg+xml", FAVICON_SVG) }))
        .route("/api/openapi.json", get(|| async { asset("application/json", OPENAPI_JSON) }))
        .route("/api/stats", get(stats))
        .route("/api/events", get(events))
        .route("/api/events/{id}", get(event))
        .route("/api/actors", get(actors))
        .route("/api/documents", get(documents))
        .route("/api/documents/{*id}", get(document))
        .route("/api/series", get(series))
        .route("/api/pairs", get(pairs))
        .route("/api/search", get(search))
        .fallback(|| async { ServeError::NotFound("no such page".into()) })
        .layer(middleware::from_fn_with_state(Arc::clone(&app), guard))
        .with_state(app)
}

/// Only GET/HEAD, no body, bounded URI, a deadline; security headers on every answer.
async fn guard(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let mut resp = if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut r = (StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD\n").into_response();
        r.headers_mut().insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        r
    } else if req.uri().to_string().len() > MAX_URI {
        (StatusCode::URI_TOO_LONG, "URI too long\n").into_response()
    } else if req
        .headers()
        .get(header::CONTENT_LENGTH)
        .is_some_and(|v| v.to_str().ok().and_then(|s| s.parse::<u64>().ok()).is_none_or(|n| n > MAX_BODY))
        || req.headers().contains_key(header::TRANSFER_ENCODING)
    {
        (StatusCode::PAYLOAD_TOO_LARGE, "requests take no body\n").into_response()
    } else {
        match tokio::time::timeout(app.timeout, next.run(req)).await {
            Ok(r) => r,
            Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "request took too long\n").into_response(),
        }
    };
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    resp
}

async fn stats(State(app): State<Arc<App>>) -> ApiResult {
    let v = blocking(&app, |_, s| {
        let c = attache_store::EventStore::counts(s)?;
        let (first, last): (Option<String>, Option<String>) = s.connection().query_row(
            "SELECT (SELECT date FROM events WHERE day_lo IS NOT NULL ORDER BY day_lo LIMIT 1), \
             (SELECT date FROM events WHERE day_lo IS NOT NULL ORDER BY day_lo DESC LIMIT 1)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(serde_json::json!({"documents": c.documents, "events": c.events, "mentions": c.mentions,
            "first_date": first, "last_date": last}))
    })
    .await?;
    Ok(json(&v))
}

async fn events(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(q.as_deref());
    let filter = p.filter()?;
    let (limit, offset) = (filter.limit.unwrap_or(50), filter.offset.unwrap_or(0));
    let (events, more) = blocking(&app, move |app, s| {
        let (ev, more) = db::events_page(s, &filter)?;
        Ok((ev.into_iter().map(|e| EventOut::new(e, &app.names)).collect::<Vec<_>>(), more))
    })
    .await?;
    Ok(json(&serde_json::json!({"limit": limit, "offset": offset, "more": more, "events": events})))
}

async fn event(State(app): State<Arc<App>>, UrlPath(id): UrlPath<String>) -> ApiResult {
    let id: i64 = id.trim().parse().map_err(|_| ServeError::BadRequest(format!("not an event id: {id:?}")))?;
    let v = blocking(&app, move |app, s| {
        let Some(e) = attache_store::EventStore::event(s, id)? else {
            return Err(ServeError::NotFound(format!("no event {id}")));
        };
        let mentions = db::mentions(s, id)?;
        Ok(serde_json::json!({"event": EventOut::new(e, &app.names), "mentions": mentions}))
    })
    .await?;
    Ok(json(&v))
}

async fn actors(State(app): State<Arc<App>>) -> ApiResult {
    let body = blocking(&app, |app, s| {
        cached(app, s, "actors", || Ok(serde_json::json!({ "actors": db::actors(s, &app.names)? })))
    })
    .await?;
    Ok(json_response(body))
}

async fn documents(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(q.as_deref());
    let (limit, offset) = p.page(50)?;
    let text = p.get("q").map(str::to_string);
    let v = blocking(&app, move |_, s| db::documents(s, text.as_deref(), limit, offset)).await?;
    Ok(json(&serde_json::json!({"limit": limit, "offset": offset, "documents": v})))
}

async fn document(State(app): State<Arc<App>>, UrlPath(id): UrlPath<String>) -> ApiResult {
    let v = blocking(&app, move |app, s| {
        db::document(s, &id, &app.names)?.ok_or_else(|| ServeError::NotFound(format!("no document {id:?}")))
    })
    .await?;
    Ok(json(&v))
}

async fn series(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(q.as_deref());
    let scope = p.scope()?;
    let interval = match p.get("interval").unwrap_or("month") {
        "day" => Interval::Day,
        "week" => Interval::Week,
        "month" => Interval::Month,
        other => return Err(ServeError::BadRequest(format!("interval is day, week or month, not {other:?}"))),
    };
    let label = match interval {
        Interval::Day => "day",
        Interval::Week => "week",
        Interval::Month => "month",
    };
    let pair = scope.pair.clone();
    let v = blocking(&app, move |app, s| {
        let buckets = db::series(s, &scope, interval)?;
        let names = pair.map(|(a, b)| [app.names.name(&a), app.names.name(&b)]);
        Ok(serde_json::json!({"interval": label, "pair": scope.pair, "pair_names": names, "buckets": buckets}))
    })
    .await?;
    Ok(json(&v))
}

async fn pairs(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(q.as_deref());
    let scope = p.scope()?;
    let (limit, _) = p.page(30)?;
    let key = format!("pairs {scope:?} {limit}");
    let body = blocking(&app, move |app, s| {
        cached(app, s, &key, || {
            Ok(serde_json::json!({ "pairs": db::top_pairs(s, &scope, limit.min(200), &app.names)? }))
        })
    })
    .await?;
    Ok(json_response(body))
}

async fn search(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(q.as_deref());
    let Some(text) = p.get("q").map(str::to_string) else {
        return Err(ServeError::BadRequest("missing q (the words to search for)".into()));
    };
    let (limit, _) = p.page(20)?;
    let v = blocking(&app, move |app, s| {
        let filter = Filter { text: Some(text.clone()), limit: Some(limit), ..Filter::default() };
        let (ev, more) = db::events_page(s, &filter)?;
        let events: Vec<EventOut> = ev.into_iter().map(|e| EventOut::new(e, &app.names)).collect();
        let docs = db::documents(s, Some(&text), limit, 0)?;
        Ok(serde_json::json!({"q": text, "events": events, "more_events": more, "documents": docs}))
    })
    .await?;
    Ok(json(&v))
}

fn runtime() -> Result<tokio::runtime::Runtime, ServeError> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .worker_threads(std::thread::available_parallelism().map_or(2, |n| n.get()).min(4))
        .max_blocking_threads(16)
        .enable_all()
        .build()?)
}

/// `attache serve`: answer until Ctrl-C.
pub fn run(args: &ServeArgs) -> Result<ExitCode, ServeError> {
    let app = Arc::new(App::open(&args.db, Duration::from_secs(args.timeout.max(1)))?);
    if !args.addr.ip().is_loopback() {
        eprintln!("attache serve: warning: listening on {} answers other machines too", args.addr.ip());
    }
    let rt = runtime()?;
    rt.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.addr).await?;
        eprintln!("attache serve: http://{}/ (database {}, read-only)", listener.local_addr()?, args.db.display());
        axum::serve(listener, router(app))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok::<_, ServeError>(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Serve `db` on `addr` from a background thread (for tests); returns the bound address.
pub fn spawn(db: &Path, addr: SocketAddr) -> Result<SocketAddr, ServeError> {
    let app = Arc::new(App::open(db, Duration::from_secs(10))?);
    let rt = runtime()?;
    let listener = rt.block_on(tokio::net::TcpListener::bind(addr))?;
    let bound = listener.local_addr()?;
    std::thread::spawn(move || {
        rt.block_on(async move {
            if let Err(e) = axum::serve(listener, router(app)).await {
                eprintln!("attache serve: {e}");
            }
        });
    });
    Ok(bound)
}
