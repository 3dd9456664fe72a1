//! A class: one shared world, each student the chief of one mission (or one of a team), the
//! instructor at the controls. [`Class`] is the authority the classroom server holds: every
//! command goes through it, is written to the class's log before it is acknowledged, and
//! each page is told only what its post knows. It knows nothing of the network, so tests
//! and the benchmark drive it directly too.

mod begin;
pub mod console;
pub mod log;
pub mod protocol;
pub mod roster;
mod rules;
pub mod view;

use std::path::{Path, PathBuf};

use crate::command::{Action, By, Command, CommandError, CommandLog};
use crate::scenario::{GovId, IssueId, Role, Scenario};
use crate::session::{GameError, Session};

pub use log::{ClassLog, Header, LogError, Record};
pub use protocol::{Ask, Segment, Tell};
pub use roster::{Roster, Seat};
pub use view::StudentView;

/// What a new class is started from.
#[derive(Clone, Debug)]
pub struct ClassStart {
    /// A shipped name, a mod's name, or a path.
    pub scenario: String,
    pub seed: u64,
    /// The posts students play (ids); `None` for every playable post.
    pub posts: Option<Vec<String>>,
    /// A student plays the Department (else the rules do).
    pub department: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ClassError {
    #[error(transparent)]
    Game(#[from] GameError),
    #[error(transparent)]
    Log(#[from] LogError),
    #[error("{0}")]
    Refused(String),
}

/// Why a command was not taken: the world refused it, or the log could not keep it.
#[derive(Debug, thiserror::Error)]
enum Refusal {
    #[error(transparent)]
    Command(CommandError),
    #[error("{0}")]
    Log(String),
}

/// The most students at one post: enough for 200 students in a class of twenty posts,
/// and a bound on how many seats a class can be made to keep.
pub const MAX_TEAM: usize = 16;

pub struct Class {
    session: Session,
    roster: Roster,
    log: ClassLog,
    class_code: String,
    instructor_code: String,
    /// Game hours per real minute; 0 when the clock runs only when told.
    pace: f64,
    /// Hours the pace owes the clock, run once a whole hour is due.
    owed: f64,
    projector: IssueId,
    revealed: Vec<(GovId, IssueId)>,
    /// Once the game is over: each role's debrief, and the class's (the record re-run once).
    debriefs: Option<Vec<(Role, String)>>,
    /// Set when the log could not be written: the class then takes nothing more, since
    /// what it acknowledged must be what the log holds.
    broken: Option<String>,
}

impl Class {
    pub fn scenario(&self) -> &Scenario {
        self.session.scenario()
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn roster(&self) -> &Roster {
        &self.roster
    }

    pub fn class_code(&self) -> &str {
        &self.class_code
    }

    pub fn instructor_code(&self) -> &str {
        &self.instructor_code
    }

    pub fn log_path(&self) -> &Path {
        self.log.path()
    }

    pub fn pace(&self) -> f64 {
        self.pace
    }

    /// A student joins a post with the class code; returns their seat, whose token lets
    /// them rejoin. Written to the log before it is returned (synced by [`Class::sync`]).
    pub fn join(&mut self, code: &str, name: &str, post: &str) -> Result<Seat, String> {
        if !roster::same_code(code, &self.class_code) {
            return Err("that is not this class's code".into());
        }
        let name = roster::clean_name(name).ok_or("give your name to join")?;
        let role = self
            .scenario()
            .role_by_name(post.trim())
            .map_err(|e| e.to_string())?;
        if !self.roster.posts().any(|r| r == role) {
            return Err(format!(
                "nobody in this class plays `{}`; choose one of the class's posts",
                post.trim()
            ));
        }
        if self.roster.names_at(role).len() >= MAX_TEAM {
            return Err(format!(
                "{} already has {MAX_TEAM} students; choose another post",
                console::station(self.scenario(), role)
            ));
        }
        let seat = Seat {
            token: roster::secret(24),
            name,
            role,
            connected: 0,
            last: None,
        };
        self.record(&Record::Seat {
            token: seat.token.clone(),
            name: seat.name.clone(),
            role: self.scenario().role_id(role),
        })?;
        self.roster.add(seat.clone());
        Ok(seat)
    }

    pub fn seat(&self, token: &str) -> Option<&Seat> {
        self.roster.seat(token)
    }

    /// A page opened, or closed, on a seat.
    pub fn connected(&mut self, token: &str, open: bool) {
        if let Some(seat) = self.roster.seat_mut(token) {
            seat.connected = if open {
                seat.connected + 1
            } else {
                seat.connected.saturating_sub(1)
            };
        }
    }

    /// Whether a code typed is the instructor's.
    pub fn is_instructor(&self, code: &str) -> bool {
        roster::same_code(code, &self.instructor_code)
    }

    /// A student's command, for their own post and no other.
    pub fn student(&mut self, token: &str, ask: Ask) -> Result<String, String> {
        let seat = self
            .roster
            .seat(token)
            .ok_or("you have not joined this class")?;
        let by = By {
            role: self.scenario().role_id(seat.role),
            name: seat.name.clone(),
        };
        let action = rules::action(ask)?;
        let role = seat.role;
        let result = match self.give_checked(Some(by.clone()), action) {
            Err(Refusal::Command(e)) => Err(rules::refusal_to(role, e)),
            Err(Refusal::Log(why)) => Err(why),
            Ok(summary) => Ok(summary),
        };
        if let Ok(summary) = &result {
            self.note_last(&by, summary);
        }
        result
    }

    /// The instructor's command.
    pub fn instructor(&mut self, ask: Ask) -> Result<String, String> {
        match rules::instruction(self.scenario(), ask)? {
            rules::Instruction::Act(action) => self.give(None, action),
            rules::Instruction::Pace(pace) => {
                self.record(&Record::Pace(pace))?;
                self.pace = pace;
                self.owed = 0.0;
                Ok(if pace > 0.0 {
                    format!("the clock runs at {pace} game hours a minute")
                } else {
                    "the clock runs only when told".into()
                })
            }
            rules::Instruction::Projector(issue) => {
                let id = self.scenario().issue(issue).id.clone();
                self.record(&Record::Projector(id))?;
                self.projector = issue;
                Ok(format!(
                    "the projector shows: {}",
                    self.scenario().issue(issue).question
                ))
            }
            rules::Instruction::Reveal(g, i) => {
                let (government, issue) = (
                    self.scenario().government(g).id.clone(),
                    self.scenario().issue(i).id.clone(),
                );
                self.record(&Record::Reveal {
                    government,
                    issue: issue.clone(),
                })?;
                self.reveal(g, i);
                Ok(format!(
                    "the projector shows {}'s true stance on {issue}",
                    self.scenario().government(g).country
                ))
            }
        }
    }

    /// Shows a government's true stance on the projector, which turns to that issue.
    fn reveal(&mut self, g: GovId, i: IssueId) {
        if !self.revealed.contains(&(g, i)) {
            self.revealed.push((g, i));
        }
        self.projector = i;
    }

    /// Lets `seconds` of real time pass at the set pace: the clock runs once a whole game
    /// hour is due. `None` when nothing was run.
    pub fn run_pace(&mut self, seconds: f64) -> Option<Result<String, String>> {
        let world = self.session.world();
        if self.pace <= 0.0
            || self.session.is_over()
            || world.resource::<crate::instructor::Paused>().0
        {
            return None;
        }
        self.owed += self.pace * seconds / 60.0;
        let hours = self.owed.floor();
        if hours < 1.0 {
            return None;
        }
        self.owed -= hours;
        let until = self.session.now().plus_hours(hours as i64);
        Some(self.give(None, Action::Advance(crate::command::Step::Until(until))))
    }

    /// Gives a command to the world and writes what it accepted to the log, before anyone
    /// hears of it.
    fn give(&mut self, by: Option<By>, action: Action) -> Result<String, String> {
        self.give_checked(by, action).map_err(|e| e.to_string())
    }

    fn give_checked(&mut self, by: Option<By>, action: Action) -> Result<String, Refusal> {
        if let Some(why) = &self.broken {
            return Err(Refusal::Log(why.clone()));
        }
        let before = self.session.world().resource::<CommandLog>().0.len();
        let result = match by {
            Some(by) => self.session.command_by(by, action),
            None => self.session.command(action),
        };
        let accepted: Vec<Command> =
            self.session.world().resource::<CommandLog>().0[before..].to_vec();
        for command in accepted {
            self.record(&Record::Command(command))
                .map_err(Refusal::Log)?;
        }
        self.note_end();
        result.map_err(Refusal::Command)
    }

    /// Writes a record to the log; it is on the disk once [`Class::sync`] returns.
    fn record(&mut self, record: &Record) -> Result<(), String> {
        if let Some(why) = &self.broken {
            return Err(why.clone());
        }
        let written = self.log.append(record);
        written.map_err(|e| self.break_log(e))
    }

    /// Syncs what the log has been given: call it before acknowledging anything. When it
    /// fails, nothing since the last sync may be acknowledged, and the class stops.
    pub fn sync(&mut self) -> Result<(), String> {
        if let Some(why) = &self.broken {
            return Err(why.clone());
        }
        let synced = self.log.sync();
        synced.map_err(|e| self.break_log(e))
    }

    fn break_log(&mut self, e: std::io::Error) -> String {
        let why = format!(
            "the class log {} could not be written ({e}); the class takes nothing more until the server is restarted with `--resume`",
            self.log.path().display()
        );
        self.broken = Some(why.clone());
        why
    }

    fn note_last(&mut self, by: &By, summary: &str) {
        let line = format!("{summary} ({})", self.session.now());
        if let Ok(role) = self.session.scenario().role_by_name(&by.role) {
            self.roster.note(role, &by.name, line);
        }
    }

    /// Once the game is over, every debrief is written once (the record re-run once).
    fn note_end(&mut self) {
        if self.debriefs.is_some() || !self.session.is_over() {
            return;
        }
        let world = self.session.world();
        let mut roles: Vec<Role> = self.roster.posts().collect();
        let default = world.resource::<crate::vocab::Setup>().role;
        if !roles.contains(&default) {
            roles.push(default);
        }
        let texts = crate::debrief::texts_of(world, &roles);
        self.debriefs = Some(roles.into_iter().zip(texts).collect());
    }

    fn debrief_of(&self, role: Role) -> Option<String> {
        let list = self.debriefs.as_ref()?;
        list.iter()
            .find(|(r, _)| *r == role)
            .map(|(_, t)| t.clone())
    }

    /// What a student at `role` sees now.
    pub fn view(&self, role: Role) -> StudentView {
        view::student_view(self.session.world(), role, self.debrief_of(role))
    }

    /// What the instructor's console shows now.
    pub fn console(&self) -> console::ConsoleView {
        let world = self.session.world();
        let default = world.resource::<crate::vocab::Setup>().role;
        let text = self.debrief_of(default);
        console::console_view(
            world,
            &console::Desk {
                roster: &self.roster,
                class_code: &self.class_code,
                pace: self.pace,
                projector: self.projector,
                revealed: &self.revealed,
                debrief: text.as_deref(),
            },
        )
    }

    /// A cable of a student's own in-tray, as a teleprinter page.
    pub fn cable(&self, role: Role, cable: u32) -> Option<Vec<Segment>> {
        view::cable_of(self.session.world(), role, crate::vocab::CableId(cable))
    }

    /// The return cable a reply would be, as it would go now.
    pub fn preview(&self, role: Role, ask: &Ask) -> Result<Vec<Segment>, String> {
        rules::preview(self.session.world(), role, ask)
    }

    /// The class report: each student's score and calibration, then the game's debrief.
    pub fn report(&self, format: crate::debrief::export::Format) -> Result<String, String> {
        rules::report(self.session.world(), &self.console(), format)
    }
}

/// Where a new class's log goes when the teacher names none: the data directory's
/// `classes/` folder, named by the date and the scenario.
pub fn default_log(data_dir: &Path, scenario_id: &str) -> Result<PathBuf, String> {
    let dir = data_dir.join("classes");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let stamp = jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H-%M-%S")
        .to_string();
    Ok(dir.join(format!("{stamp}-{scenario_id}.class.log")))
}
