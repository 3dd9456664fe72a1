//! The hub: the one thread that holds the class. Connections send it what their pages ask;
//! it answers, and after every change tells each page what its post knows now (only when
//! that changed). The game runs on this thread alone, so commands are applied one at a time
//! in the order they arrive, as the log has them.

mod views;

use std::collections::HashMap;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use tokio::sync::{mpsc, oneshot};

use crate::class::{Ask, Class, Tell};
use crate::debrief::export::Format;
use crate::scenario::Role;

/// How many wrong codes or tokens, unreadable messages, asks before joining or second joins
/// a connection may send before it is dropped.
pub const STRIKES: u32 = 5;
/// How often the pace looks at the clock.
const PACE_TICK: Duration = Duration::from_secs(1);

pub enum ToHub {
    Open {
        conn: u64,
        out: mpsc::Sender<Out>,
    },
    Ask {
        conn: u64,
        ask: Box<Ask>,
    },
    /// A message that did not read as an ask.
    Garbled {
        conn: u64,
        why: String,
    },
    Closed {
        conn: u64,
    },
    Report {
        code: String,
        format: Format,
        reply: oneshot::Sender<Result<String, String>>,
    },
    Stop,
}

/// What a connection's task sends its page.
#[derive(Debug)]
pub enum Out {
    Text(String),
    /// Say why, then close.
    Drop(String),
}

enum Who {
    Nobody,
    Student { token: String, role: Role },
    Instructor,
}

struct Conn {
    out: mpsc::Sender<Out>,
    who: Who,
    strikes: u32,
    /// The last view sent, so that an unchanged one is not sent again.
    last: Option<String>,
}

/// The most messages handled together, under one sync of the log and one broadcast.
const BATCH: usize = 512;

pub struct Hub {
    class: Class,
    conns: HashMap<u64, Conn>,
    /// What the pages are told once the log is synced.
    outbox: Vec<(u64, Out)>,
    /// Acknowledgements waiting for the sync: only then are they true.
    acks: Vec<(u64, u64, Result<String, String>)>,
    /// Whether the world or the roster changed, so that the pages are told.
    changed: bool,
    /// Report downloads, answered once the log is synced (a report shows nothing unsynced).
    reports: Vec<(Format, oneshot::Sender<Result<String, String>>)>,
    /// When the pace last ran the clock.
    paced: Instant,
}

impl Hub {
    pub fn new(class: Class) -> Hub {
        Hub {
            class,
            conns: HashMap::new(),
            outbox: Vec::new(),
            acks: Vec::new(),
            changed: false,
            reports: Vec::new(),
            paced: Instant::now(),
        }
    }

    /// Runs until told to stop or every sender is gone. What came in together is handled
    /// together: the log is synced once for all of it, then the acknowledgements go out,
    /// then each page's new view once.
    pub fn run(mut self, rx: Receiver<ToHub>) {
        loop {
            let wait = (self.paced + PACE_TICK).saturating_duration_since(Instant::now());
            match rx.recv_timeout(wait) {
                Ok(ToHub::Stop) | Err(RecvTimeoutError::Disconnected) => return,
                Ok(first) => {
                    self.handle(first);
                    for _ in 1..BATCH {
                        match rx.try_recv() {
                            Ok(ToHub::Stop) => {
                                self.settle();
                                return;
                            }
                            Ok(message) => self.handle(message),
                            Err(_) => break,
                        }
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
            }
            self.pace();
            self.settle();
        }
    }

    /// Runs the clock for the real time passed since it last did, at the instructor's
    /// pace, however busy the class was meanwhile.
    fn pace(&mut self) {
        let now = Instant::now();
        let passed = now.duration_since(self.paced);
        if passed < PACE_TICK {
            return;
        }
        self.paced = now;
        if let Some(result) = self.class.run_pace(passed.as_secs_f64()) {
            if let Err(why) = result {
                self.tell_instructors(&Tell::error(why));
            }
            self.changed = true;
        }
    }

    /// Syncs the log, then tells the pages: the acknowledgements, the reports asked for,
    /// what else was queued, and the new views. When the sync fails, nothing since the last
    /// one is on the disk, so no page hears of any of it (no welcome, view or report): each
    /// command is told that it was not kept.
    fn settle(&mut self) {
        let synced = self.class.sync();
        if let Err(why) = &synced {
            self.outbox.clear();
            self.changed = false;
            for (_, reply) in self.reports.drain(..) {
                let _ = reply.send(Err(why.clone()));
            }
        }
        for (conn, id, result) in std::mem::take(&mut self.acks) {
            let result = match &synced {
                Err(why) => Err(why.clone()),
                Ok(()) => result,
            };
            self.outbox
                .push((conn, Out::Text(Tell::ack(id, result).json())));
        }
        for (format, reply) in std::mem::take(&mut self.reports) {
            let _ = reply.send(self.class.report(format));
        }
        if std::mem::take(&mut self.changed) {
            self.broadcast();
        }
        for (conn, out) in std::mem::take(&mut self.outbox) {
            let Some(c) = self.conns.get(&conn) else {
                continue;
            };
            // A page that does not read what it is sent is dropped rather than let the
            // server's memory grow for it.
            if c.out.try_send(out).is_err() {
                self.remove(conn);
            }
        }
    }

    fn handle(&mut self, message: ToHub) {
        match message {
            ToHub::Open { conn, out } => {
                self.conns.insert(
                    conn,
                    Conn {
                        out,
                        who: Who::Nobody,
                        strikes: 0,
                        last: None,
                    },
                );
            }
            ToHub::Closed { conn } => {
                self.remove(conn);
                self.changed = true;
            }
            ToHub::Garbled { conn, why } => self.strike(conn, why),
            ToHub::Ask { conn, ask } => self.ask(conn, *ask),
            ToHub::Report {
                code,
                format,
                reply,
            } => {
                if self.class.is_instructor(&code) {
                    self.reports.push((format, reply));
                } else {
                    let _ = reply.send(Err(
                        "the instructor's code is needed for the class report".into()
                    ));
                }
            }
            ToHub::Stop => {}
        }
    }

    fn ask(&mut self, conn: u64, ask: Ask) {
        let Some(c) = self.conns.get(&conn) else {
            return;
        };
        let who = match &c.who {
            Who::Nobody => None,
            Who::Student { token, role } => Some(Ok((token.clone(), *role))),
            Who::Instructor => Some(Err(())),
        };
        match (ask, who) {
            (Ask::Join { code, name, post }, None) => match self.class.join(&code, &name, &post) {
                Ok(seat) => self.seat(conn, seat.token.clone()),
                Err(why) => self.strike(conn, why),
            },
            (Ask::Rejoin { token }, None) => match self.class.seat(&token) {
                Some(_) => self.seat(conn, token),
                None => self.strike(
                    conn,
                    "that token is not one of this class's; join again with the class code".into(),
                ),
            },
            (Ask::Console { code }, None) => {
                if self.class.is_instructor(&code) {
                    if let Some(c) = self.conns.get_mut(&conn) {
                        c.who = Who::Instructor;
                    }
                    self.changed = true;
                } else {
                    self.strike(conn, "that is not the instructor's code".into());
                }
            }
            (_, None) => self.strike(conn, "join the class first".into()),
            (Ask::Join { .. } | Ask::Rejoin { .. } | Ask::Console { .. }, Some(_)) => {
                self.strike(conn, "this page has already joined the class".into())
            }
            (Ask::Read { cable }, Some(Ok((_, role)))) => {
                let tell = match self.class.cable(role, cable) {
                    Some(segments) => Tell::Cable { cable, segments },
                    None => Tell::error("no such cable in your in-tray"),
                };
                self.tell(conn, &tell);
            }
            (ask @ Ask::Preview { .. }, Some(Ok((_, role)))) => {
                let tell = match self.class.preview(role, &ask) {
                    Ok(segments) => Tell::Preview { segments },
                    Err(why) => Tell::error(why),
                };
                self.tell(conn, &tell);
            }
            (ask, Some(Ok((token, _)))) => {
                let id = ask.id();
                let result = self.class.student(&token, ask);
                self.answer(conn, id, result);
            }
            (ask, Some(Err(()))) => {
                let id = ask.id();
                let result = self.class.instructor(ask);
                self.answer(conn, id, result);
            }
        }
    }

    /// A page now holds a seat: it is welcomed and sent its view.
    fn seat(&mut self, conn: u64, token: String) {
        let Some(seat) = self.class.seat(&token).cloned() else {
            return;
        };
        self.class.connected(&token, true);
        let welcome = Tell::Welcome {
            token: seat.token.clone(),
            role: self.class.scenario().role_id(seat.role),
            name: seat.name.clone(),
            station: crate::class::console::station(self.class.scenario(), seat.role),
        };
        if let Some(c) = self.conns.get_mut(&conn) {
            c.who = Who::Student {
                token,
                role: seat.role,
            };
            c.last = None;
        }
        self.tell(conn, &welcome);
        self.changed = true;
    }

    fn answer(&mut self, conn: u64, id: Option<u64>, result: Result<String, String>) {
        match id {
            Some(id) => self.acks.push((conn, id, result)),
            None => {
                if let Err(why) = result {
                    self.tell(conn, &Tell::error(why));
                }
            }
        }
        self.changed = true;
    }

    /// A wrong code, an unreadable message or an ask out of turn: told why, and dropped
    /// after [`STRIKES`] of them.
    fn strike(&mut self, conn: u64, why: String) {
        let Some(c) = self.conns.get_mut(&conn) else {
            return;
        };
        c.strikes += 1;
        if c.strikes >= STRIKES {
            // Told at once: the page is forgotten here, so nothing queued reaches it after.
            let _ = c.out.try_send(Out::Drop(format!(
                "{why}; too many refused messages, so this page is disconnected"
            )));
            self.remove(conn);
        } else {
            self.tell(conn, &Tell::error(why));
        }
    }

    fn tell(&mut self, conn: u64, tell: &Tell) {
        self.push(conn, Out::Text(tell.json()));
    }

    /// Queues a message for a page, to go once the log is synced.
    fn push(&mut self, conn: u64, out: Out) {
        self.outbox.push((conn, out));
    }

    /// Forgets a connection: its task sees its channel close and closes the socket.
    fn remove(&mut self, conn: u64) {
        // The console's roster shows who is connected.
        self.changed = true;
        if let Some(Conn {
            who: Who::Student { token, .. },
            ..
        }) = self.conns.remove(&conn)
        {
            self.class.connected(&token, false);
        }
    }
}
