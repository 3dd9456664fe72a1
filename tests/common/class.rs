//! A page of a class, as the tests and the benchmark play it: a real WebSocket to the server
//! (blocking, one per thread), keeping every message it received.

use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

pub struct Page {
    ws: WebSocket<MaybeTlsStream<TcpStream>>,
    /// Every message received, in order.
    pub seen: Vec<Value>,
    next_id: u64,
    pub closed: bool,
}

impl Page {
    pub fn open(addr: SocketAddr) -> Page {
        let (ws, _) = tungstenite::connect(format!("ws://{addr}/ws")).expect("the server answers");
        if let MaybeTlsStream::Plain(s) = ws.get_ref() {
            s.set_read_timeout(Some(Duration::from_millis(50))).unwrap();
        }
        Page {
            ws,
            seen: Vec::new(),
            next_id: 1,
            closed: false,
        }
    }

    pub fn send(&mut self, message: Value) {
        self.send_text(message.to_string());
    }

    /// Sends raw text. A send that fails is not a panic (the security tests send what gets
    /// them dropped): what the server said before it closed is still read by `recv`.
    pub fn send_text(&mut self, text: String) {
        let _ = self.ws.send(Message::Text(text.into()));
    }

    /// The next message, if one comes within `wait`.
    pub fn recv(&mut self, wait: Duration) -> Option<Value> {
        let end = Instant::now() + wait;
        while Instant::now() < end && !self.closed {
            match self.ws.read() {
                Ok(Message::Text(t)) => {
                    let v: Value = serde_json::from_str(t.as_str()).expect("the server sends JSON");
                    self.seen.push(v.clone());
                    return Some(v);
                }
                Ok(Message::Close(_)) => self.closed = true,
                Ok(_) => {}
                Err(tungstenite::Error::Io(e))
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) => {}
                Err(_) => self.closed = true,
            }
        }
        None
    }

    /// Reads until a message matches, for at most `wait`.
    pub fn until(&mut self, wait: Duration, pred: impl Fn(&Value) -> bool) -> Option<Value> {
        let end = Instant::now() + wait;
        while Instant::now() < end {
            if let Some(v) = self.recv(end.saturating_duration_since(Instant::now())) {
                if pred(&v) {
                    return Some(v);
                }
            } else if self.closed {
                return None;
            }
        }
        None
    }

    /// Reads whatever comes until `quiet` passes with nothing.
    pub fn drain(&mut self, quiet: Duration) {
        while self.recv(quiet).is_some() {}
    }

    /// Sends a command with a fresh id and waits for its acknowledgement.
    pub fn command(&mut self, mut message: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        message["id"] = json!(id);
        self.send(message);
        self.until(Duration::from_secs(30), |v| {
            v["type"] == "ack" && v["id"] == id
        })
        .unwrap_or_else(|| panic!("no acknowledgement of command {id}"))
    }

    /// Joins as a student; returns the token.
    pub fn join(&mut self, code: &str, name: &str, post: &str) -> String {
        self.send(json!({"type": "join", "code": code, "name": name, "post": post}));
        let welcome = self
            .until(Duration::from_secs(30), |v| {
                v["type"] == "welcome" || v["type"] == "error"
            })
            .expect("an answer to joining");
        assert_eq!(welcome["type"], "welcome", "{welcome}");
        welcome["token"].as_str().unwrap().to_string()
    }

    /// The last view (or console view) received.
    pub fn last(&self, kind: &str) -> Option<&Value> {
        self.seen.iter().rev().find(|v| v["type"] == kind)
    }

    /// The last view, once one has come.
    pub fn view(&mut self) -> Value {
        if self.last("view").is_none() {
            self.until(Duration::from_secs(30), |v| v["type"] == "view");
        }
        self.last("view").cloned().expect("a view")
    }
}

/// The posts of the class, as `/class.json` lists them.
pub fn posts(addr: SocketAddr) -> Vec<String> {
    let body = http_get(addr, "/class.json").1;
    let v: Value = serde_json::from_str(&body).unwrap();
    v["posts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect()
}

/// A plain HTTP GET: the status code and the body.
pub fn http_get(addr: SocketAddr, path: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(60)))
        .unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let status = out[9..12].parse().unwrap();
    let body = out
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}
