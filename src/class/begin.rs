//! How a class begins: started from a scenario, or brought back from its log after a stop or
//! a crash, every acknowledged command replayed and every student's seat kept.

use std::path::Path;

use super::log::{self, ClassLog, Header, LogError, Record};
use super::roster::{self, Roster, Seat};
use super::{Class, ClassError, ClassStart, view};
use crate::command::{Action, CommandError, resolve};
use crate::game::Game;
use crate::scenario::{Role, Scenario};
use crate::session::{GameError, Mode, Session};
use crate::shipped::Loader;
use crate::vocab::People;

impl Class {
    /// A new class, its log started at `log`.
    pub fn start(loader: &Loader, start: &ClassStart, log: &Path) -> Result<Class, ClassError> {
        let loaded = crate::session::load(loader, &start.scenario)?;
        let scenario = loaded.scenario;
        let mut people: Vec<Role> = match &start.posts {
            None => scenario
                .playable_posts
                .iter()
                .map(|p| Role::Post(*p))
                .collect(),
            Some(names) => names
                .iter()
                .map(|n| scenario.role_by_name(n).map_err(GameError::from))
                .collect::<Result<_, _>>()?,
        };
        // Each role once, in the order the teacher gave them.
        let mut seen = std::collections::HashSet::new();
        people.retain(|r| seen.insert(*r));
        if start.department && !people.contains(&Role::Department) {
            // Refused where the scenario has no playable Department.
            scenario
                .role_by_name("department")
                .map_err(GameError::from)?;
            people.push(Role::Department);
        }
        if people.is_empty() {
            return Err(ClassError::Refused(
                "this scenario has no post a student can play".into(),
            ));
        }
        let header = Header {
            class: log::MAGIC.into(),
            format: log::FORMAT,
            engine: env!("CARGO_PKG_VERSION").into(),
            scenario: crate::save::ScenarioRef {
                id: scenario.id.clone(),
                source: start.scenario.clone(),
                hash: scenario.hash.clone(),
            },
            seed: start.seed,
            people: people.iter().map(|r| scenario.role_id(*r)).collect(),
            class_code: roster::class_code(),
            instructor_code: roster::secret(12),
        };
        let log = ClassLog::create(log, &header)?;
        let mut class = Class::of(loader, header, scenario, people, log);
        // A class opens on its first cable, not on an empty in-tray: the clock runs to it
        // (logged like any other advance, so a resume replays it).
        class
            .give(None, Action::Advance(crate::command::Step::NextCable))
            .and_then(|_| class.sync())
            .map_err(ClassError::Refused)?;
        Ok(class)
    }

    /// A class brought back from its log, after a crash or a stop: every acknowledged
    /// command replayed, every student's seat kept.
    pub fn resume(loader: &Loader, path: &Path) -> Result<Class, ClassError> {
        let log::Opened {
            log,
            header,
            records,
        } = ClassLog::open(path)?;
        let refused = |line: usize, reason: String| {
            ClassError::Log(LogError::Line {
                path: path.display().to_string(),
                line,
                reason,
            })
        };
        let loaded = crate::session::load(loader, &header.scenario.source)?;
        let scenario = loaded.scenario;
        if scenario.hash != header.scenario.hash {
            return Err(refused(
                1,
                format!(
                    "the scenario `{}` has changed since this class began; expected the version it was started with",
                    header.scenario.source
                ),
            ));
        }
        if crate::session::newer_engine(&header.engine).map_err(|e| refused(1, e))? {
            return Err(refused(
                1,
                format!(
                    "a class log written by engine {}, later than this one ({}); expected one this engine can replay",
                    header.engine,
                    env!("CARGO_PKG_VERSION")
                ),
            ));
        }
        let people = header
            .people
            .iter()
            .map(|r| scenario.role_by_name(r))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| refused(1, e.to_string()))?;
        if people.is_empty() {
            return Err(refused(
                1,
                "the class names no post a student plays; expected at least one in `people`".into(),
            ));
        }
        let mut class = Class::of(loader, header, scenario, people, log);
        for (line, record) in records {
            class
                .replay(record)
                .map_err(|reason| refused(line, reason))?;
        }
        class.note_end();
        Ok(class)
    }

    fn of(
        loader: &Loader,
        header: Header,
        scenario: std::sync::Arc<Scenario>,
        people: Vec<Role>,
        log: ClassLog,
    ) -> Class {
        let mut setup = crate::session::setup_for(&scenario, header.seed, None, Mode::Player)
            .expect("the default role is always the scenario's");
        // Views and the debrief that name no role show the default one, if students play
        // it, else the first they play.
        if !people.contains(&setup.role) {
            setup.role = people[0];
        }
        let projector = view::mapped_issue(&scenario);
        let game = Game::with_people(scenario, setup, People(people.clone()));
        let session = Session::of(game, &header.scenario.source, loader, true);
        Class {
            session,
            roster: Roster::new(people),
            log,
            class_code: header.class_code,
            instructor_code: header.instructor_code,
            pace: 0.0,
            owed: 0.0,
            projector,
            revealed: Vec::new(),
            debriefs: None,
            broken: None,
        }
    }

    /// One record of the log, applied again.
    fn replay(&mut self, record: Record) -> Result<(), String> {
        match record {
            Record::Seat { token, name, role } => {
                let role = self
                    .scenario()
                    .role_by_name(&role)
                    .map_err(|e| e.to_string())?;
                self.roster.add(Seat {
                    token,
                    name,
                    role,
                    connected: 0,
                    last: None,
                });
            }
            Record::Command(command) => {
                let by = command.by.clone();
                match self.session.game_mut().apply_logged(command) {
                    Ok(summary) => {
                        if let Some(by) = by {
                            self.note_last(&by, &summary);
                        }
                    }
                    // Accepted, and then the scenario's effects ran away: the class halted
                    // there live too, and is brought back halted.
                    Err(CommandError::Runaway(_)) => {}
                    Err(e) => return Err(format!("the logged command is refused on replay: {e}")),
                }
            }
            Record::Pace(pace) => self.pace = pace,
            Record::Projector(issue) => {
                self.projector =
                    resolve::issue(self.scenario(), &issue).map_err(|e| e.to_string())?
            }
            Record::Reveal { government, issue } => {
                let s = self.scenario();
                let g = resolve::government(s, &government).map_err(|e| e.to_string())?;
                let i = resolve::issue(s, &issue).map_err(|e| e.to_string())?;
                self.reveal(g, i);
            }
        }
        Ok(())
    }
}
