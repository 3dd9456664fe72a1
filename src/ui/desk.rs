//! The player's desk in the window: the game (the front door's [`Session`], as the terminal
//! and the tests drive it) and the window's own state (what is open, what is being drafted).

use std::collections::HashSet;

use bevy::prelude::*;

use crate::command::{Action, Step};
use crate::session::Session;
use crate::vocab::CableId;

pub use crate::views::View;

/// Which screen is up.
#[derive(States, Default, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    #[default]
    Title,
    Playing,
}

/// A game in progress and what the window shows of it.
pub struct Desk {
    pub game: Session,
    pub tab: View,
    pub selected: Option<CableId>,
    pub read: HashSet<CableId>,
    /// The thread the in-tray is filtered to, if any.
    pub thread: Option<String>,
    /// The post whose dossier is open.
    pub dossier: Option<crate::scenario::PostId>,
    pub issue: crate::scenario::IssueId,
    pub drafts: Drafts,
    /// The last command's result, for the status line.
    pub status: Option<Result<String, String>>,
    /// Time runs by itself: one stop every this many frames (`None`: paused).
    pub running: Option<u32>,
    pub frames: u32,
    pub instructor_form: super::instructor::InstructorForm,
    /// The record re-run beside this game, once the debrief has asked for it.
    pub counterfactual: Option<Option<crate::debrief::Counterfactual>>,
    pub tray: super::tray::TrayCache,
}

/// Forms being filled in.
#[derive(Default)]
pub struct Drafts {
    pub position: Option<usize>,
    pub probability: f64,
    pub text: String,
    pub leader: usize,
    pub show: HashSet<usize>,
    pub option: usize,
}

impl Desk {
    pub fn new(game: Session) -> Self {
        let dossier = match game.setup().role {
            crate::scenario::Role::Post(p) => Some(p),
            crate::scenario::Role::Department => None,
        };
        Desk {
            game,
            tab: View::Reader,
            selected: None,
            read: HashSet::new(),
            thread: None,
            dossier,
            issue: crate::scenario::IssueId(0),
            drafts: Drafts {
                probability: 0.6,
                ..default()
            },
            status: None,
            running: None,
            frames: 0,
            instructor_form: Default::default(),
            counterfactual: None,
            tray: default(),
        }
    }

    /// Gives the game a command and keeps its result for the status line.
    pub fn command(&mut self, action: Action) {
        let result = self.game.command(action).map_err(|e| e.to_string());
        if result.is_ok() {
            self.drafts = Drafts {
                probability: 0.6,
                ..default()
            };
        }
        self.status = Some(result);
    }

    pub fn advance(&mut self, step: Step) {
        let result = self.game.advance(step).map_err(|e| e.to_string());
        // Time that cannot run (the instructor paused it) stops running by itself.
        if result.is_err() {
            self.running = None;
        }
        self.status = Some(result);
        if self.game.is_over() {
            self.tab = View::Debrief;
            self.running = None;
        }
    }

    /// Saves where the player's quick save lives; the status line says where.
    pub fn save(&mut self) {
        self.status = Some(
            self.game
                .quick_save()
                .map(|path| format!("Saved to {}", path.display()))
                .map_err(|e| e.to_string()),
        );
    }

    /// One autosave each game day.
    pub fn autosave(&mut self) {
        if let Err(e) = self.game.autosave() {
            self.status = Some(Err(format!("autosave failed: {e}")));
        }
    }

    /// Whether the instructor's tab and commands are open (`--instructor`).
    pub fn instructor(&self) -> bool {
        self.game.instructor()
    }

    pub fn open(&mut self, cable: CableId) {
        if self.selected != Some(cable) {
            self.drafts = Drafts {
                probability: 0.6,
                ..default()
            };
        }
        self.selected = Some(cable);
        self.read.insert(cable);
        if !matches!(self.tab, View::Reader | View::Composer) {
            self.tab = View::Reader;
        }
    }
}

/// The session lives outside the ECS's threads: the egui systems that use it run on the main
/// thread, as egui does.
pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .add_systems(Update, run_time.run_if(in_state(Screen::Playing)));
}

/// When time is running, the clock moves one day every so many frames.
fn run_time(session: Option<NonSendMut<Desk>>) {
    let Some(mut s) = session else { return };
    let Some(every) = s.running else { return };
    s.frames += 1;
    if s.frames.is_multiple_of(every) && !s.game.is_over() {
        s.advance(Step::Day);
    }
}
