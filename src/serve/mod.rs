//! The classroom server: `demarche serve`. One class (see [`crate::class`]) on a real web
//! stack: axum on tokio, one WebSocket per page. The class lives on one thread of its own
//! (the game is not shared between threads); the web side only carries messages to it.

mod http;
mod hub;

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use std::thread::JoinHandle;

pub use http::{BURST, PER_SECOND};
pub use hub::STRIKES;

use crate::class::{Class, ClassError};

/// Messages from the pages waiting for the class.
const HUB_QUEUE: usize = 8192;

/// A server running: where it listens and the class's codes.
pub struct Server {
    pub addr: SocketAddr,
    pub class_code: String,
    pub instructor_code: String,
    pub log: std::path::PathBuf,
    pub title: String,
    pub students: usize,
    hub: std::sync::mpsc::SyncSender<hub::ToHub>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    threads: Vec<JoinHandle<()>>,
}

/// The class's facts a page may read before joining.
#[derive(serde::Serialize)]
struct Public {
    title: String,
    scenario: String,
    posts: Vec<crate::class::view::Named>,
    department: bool,
}

/// Starts a class and serves it on `addr` (port 0: any free port). `make` builds the class
/// on the thread that will hold it.
pub fn start(
    make: impl FnOnce() -> Result<Class, ClassError> + Send + 'static,
    addr: SocketAddr,
) -> Result<Server, String> {
    // Bind first: a port already taken leaves no class log behind.
    let listener = std::net::TcpListener::bind(addr).map_err(|e| format!("{addr}: {e}"))?;
    listener.set_nonblocking(true).map_err(|e| e.to_string())?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    // Bounded: a class too busy to keep up drops pages rather than grow without end.
    let (to_hub, from_pages) = std::sync::mpsc::sync_channel(HUB_QUEUE);
    let (ready, started) = std::sync::mpsc::channel();
    let hub_thread = std::thread::Builder::new()
        .name("class".into())
        .spawn(move || {
            let class = match make() {
                Ok(class) => class,
                Err(e) => {
                    let _ = ready.send(Err(e.to_string()));
                    return;
                }
            };
            let s = class.scenario();
            let public = Public {
                title: s.title.clone(),
                scenario: s.id.clone(),
                posts: class
                    .roster()
                    .posts()
                    .map(|r| crate::class::view::Named {
                        id: s.role_id(r),
                        label: crate::class::console::station(s, r),
                    })
                    .collect(),
                department: class
                    .roster()
                    .posts()
                    .any(|r| r == crate::scenario::Role::Department),
            };
            let facts = (
                serde_json::to_string(&public).expect("serializes"),
                public.title.clone(),
                class.class_code().to_string(),
                class.instructor_code().to_string(),
                class.log_path().to_path_buf(),
                public.posts.len(),
            );
            let _ = ready.send(Ok(facts));
            hub::Hub::new(class).run(from_pages);
        })
        .map_err(|e| e.to_string())?;
    let (public, title, class_code, instructor_code, log, students) = started
        .recv()
        .map_err(|_| "the class did not start".to_string())??;
    let shared = http::Shared {
        hub: to_hub.clone(),
        public: Arc::new(public),
        next: Arc::new(AtomicU64::new(1)),
    };
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let web = std::thread::Builder::new()
        .name("web".into())
        .spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("a tokio runtime");
            runtime.block_on(async move {
                let listener =
                    tokio::net::TcpListener::from_std(listener).expect("a tokio listener");
                let _ = axum::serve(listener, http::router(shared))
                    .with_graceful_shutdown(async {
                        let _ = stopped.await;
                    })
                    .await;
            });
            // Open WebSockets are not waited for: the class is stopping.
            runtime.shutdown_background();
        })
        .map_err(|e| e.to_string())?;
    Ok(Server {
        addr,
        class_code,
        instructor_code,
        log,
        title,
        students,
        hub: to_hub,
        stop: Some(stop),
        threads: vec![hub_thread, web],
    })
}

impl Server {
    /// Serves until the process is stopped.
    pub fn wait(mut self) {
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }

    /// Stops serving and lets the class go (its log is already on disk).
    pub fn stop(mut self) {
        self.halt();
    }

    fn halt(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let _ = self.hub.send(hub::ToHub::Stop);
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.halt();
    }
}
