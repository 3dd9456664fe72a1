//! The web side: the pages (built into the binary, nothing from elsewhere), the class's
//! public facts, the report, and one WebSocket per page. Each connection only reads, bounds
//! and forwards; the hub decides.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{SyncSender, TrySendError};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade, close_code};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;
use tokio::sync::{mpsc, oneshot};

use super::hub::{Out, ToHub};
use crate::class::protocol::MAX_MESSAGE;
use crate::class::{Ask, Tell};
use crate::debrief::export::Format;

/// Messages a page may send in a burst, and per second after it.
pub const BURST: f64 = 30.0;
pub const PER_SECOND: f64 = 10.0;
/// Messages waiting for a page before it counts as not reading them.
const QUEUE: usize = 256;
/// How long one message may take to go out to a page.
const SEND_WAIT: Duration = Duration::from_secs(10);

#[derive(Clone)]
pub struct Shared {
    pub hub: SyncSender<ToHub>,
    /// `/class.json`: the title and the posts, which anyone may see before joining.
    pub public: Arc<String>,
    pub next: Arc<AtomicU64>,
}

pub fn router(shared: Shared) -> Router {
    Router::new()
        .route("/", get(|| page(STUDENT)))
        .route("/console", get(|| page(CONSOLE)))
        .route("/projector", get(|| page(CONSOLE)))
        .route("/static/{file}", get(file))
        .route("/class.json", get(public))
        .route("/report", get(report))
        .route("/ws", get(ws))
        .with_state(shared)
}

const STUDENT: &str = include_str!("../../web/student.html");
const CONSOLE: &str = include_str!("../../web/console.html");

/// Every page and file: scripts only from this server, no inline script, nothing framed.
fn secured(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; frame-ancestors 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

async fn page(html: &'static str) -> Response {
    secured(([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response())
}

async fn file(Path(name): Path<String>) -> Response {
    let (kind, body) = match name.as_str() {
        "common.js" => ("text/javascript", include_str!("../../web/common.js")),
        "student.js" => ("text/javascript", include_str!("../../web/student.js")),
        "console.js" => ("text/javascript", include_str!("../../web/console.js")),
        "style.css" => ("text/css", include_str!("../../web/style.css")),
        // The same Natural Earth shapes as the window's map (assets/map/README.md).
        "americas.json" => (
            "application/json",
            include_str!("../../assets/map/americas.json"),
        ),
        _ => return (StatusCode::NOT_FOUND, "no such file").into_response(),
    };
    secured(([(header::CONTENT_TYPE, kind)], body).into_response())
}

async fn public(State(shared): State<Shared>) -> Response {
    secured(
        (
            [(header::CONTENT_TYPE, "application/json")],
            shared.public.as_str().to_string(),
        )
            .into_response(),
    )
}

#[derive(Deserialize)]
struct ReportQuery {
    code: String,
    #[serde(default)]
    format: Option<String>,
}

async fn report(State(shared): State<Shared>, Query(q): Query<ReportQuery>) -> Response {
    let format = match q.format.as_deref() {
        None | Some("md") => Format::Md,
        Some("html") => Format::Html,
        Some(other) => {
            return (
                StatusCode::BAD_REQUEST,
                format!("no report format `{other}`; expected md or html"),
            )
                .into_response();
        }
    };
    let (reply, answer) = oneshot::channel();
    if shared
        .hub
        .try_send(ToHub::Report {
            code: q.code,
            format,
            reply,
        })
        .is_err()
    {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "the class is stopped or too busy; try again",
        )
            .into_response();
    }
    match answer.await {
        Ok(Ok(text)) => {
            let (kind, name) = match format {
                Format::Md => ("text/markdown; charset=utf-8", "class-report.md"),
                Format::Html => ("text/html; charset=utf-8", "class-report.html"),
            };
            secured(
                (
                    [
                        (header::CONTENT_TYPE, kind.to_string()),
                        (
                            header::CONTENT_DISPOSITION,
                            format!("attachment; filename=\"{name}\""),
                        ),
                    ],
                    text,
                )
                    .into_response(),
            )
        }
        Ok(Err(why)) => (StatusCode::FORBIDDEN, why).into_response(),
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "the class has stopped").into_response(),
    }
}

async fn ws(State(shared): State<Shared>, upgrade: WebSocketUpgrade) -> Response {
    upgrade
        .max_message_size(MAX_MESSAGE)
        .max_frame_size(MAX_MESSAGE)
        .on_upgrade(move |socket| connection(socket, shared))
}

/// A token bucket: a page may send [`BURST`] messages at once, then [`PER_SECOND`].
struct Bucket {
    tokens: f64,
    at: Instant,
}

impl Bucket {
    fn take(&mut self) -> bool {
        let now = Instant::now();
        let refill = now.duration_since(self.at).as_secs_f64() * PER_SECOND;
        self.tokens = (self.tokens + refill).min(BURST);
        self.at = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

async fn connection(mut socket: WebSocket, shared: Shared) {
    let conn = shared.next.fetch_add(1, Ordering::Relaxed);
    let (out, mut queued) = mpsc::channel::<Out>(QUEUE);
    if shared.hub.send(ToHub::Open { conn, out }).is_err() {
        return;
    }
    let mut bucket = Bucket {
        tokens: BURST,
        at: Instant::now(),
    };
    let why = loop {
        tokio::select! {
            incoming = socket.recv() => match incoming {
                Some(Ok(Message::Text(text))) => {
                    if !bucket.take() {
                        break Some("too many messages at once; this page is disconnected".to_string());
                    }
                    let message = match serde_json::from_str::<Ask>(text.as_str()) {
                        Ok(ask) => ToHub::Ask { conn, ask: Box::new(ask) },
                        Err(e) => ToHub::Garbled { conn, why: format!("that message does not read ({e})") },
                    };
                    match shared.hub.try_send(message) {
                        Ok(()) => {}
                        Err(TrySendError::Full(_)) => {
                            break Some("the class is too busy to read this page; reload it in a moment".into());
                        }
                        Err(TrySendError::Disconnected(_)) => break Some("the class has stopped".into()),
                    }
                }
                Some(Ok(Message::Binary(_))) => {
                    break Some("this class speaks JSON text only".into());
                }
                Some(Ok(Message::Close(_))) | None => break None,
                Some(Ok(_)) => {}
                // Too large, or not WebSocket: nothing more is read from it.
                Some(Err(_)) => break None,
            },
            sent = queued.recv() => match sent {
                Some(Out::Text(json)) => {
                    // A page that stops reading is let go, rather than hold its queue.
                    let sent = tokio::time::timeout(SEND_WAIT, socket.send(Message::Text(json.into()))).await;
                    if !matches!(sent, Ok(Ok(()))) {
                        break None;
                    }
                }
                Some(Out::Drop(why)) => break Some(why),
                None => break Some("the server closed this page's connection".into()),
            },
        }
    };
    let _ = shared.hub.send(ToHub::Closed { conn });
    if let Some(why) = why {
        let _ = tokio::time::timeout(Duration::from_secs(2), async {
            let _ = socket
                .send(Message::Text(Tell::error(why.clone()).json().into()))
                .await;
            // A close frame's reason is at most 123 bytes.
            let mut reason = String::new();
            for c in why.chars() {
                if reason.len() + c.len_utf8() > 120 {
                    break;
                }
                reason.push(c);
            }
            let _ = socket
                .send(Message::Close(Some(CloseFrame {
                    code: close_code::POLICY,
                    reason: reason.into(),
                })))
                .await;
        })
        .await;
    }
}
