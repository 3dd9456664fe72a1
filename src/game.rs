//! A game in progress: the headless app, driven by commands. What `simulate`, the terminal
//! and the tests hold.

use std::sync::Arc;

use bevy::prelude::*;

use crate::calendar::{Calendar, Settle};
use crate::command::{Action, By, Command, CommandError, CommandQueue, CommandResults, Step};
use crate::endings::Outcome;
use crate::scenario::{Moment, Scenario};
use crate::sim::{headless_app, headless_app_for};
use crate::transcript::Transcript;
use crate::vocab::{ActiveScenario, People, Setup};

pub struct Game {
    app: App,
    /// Set when a chain of effects ran away at one moment: the game then takes no command.
    halted: Option<Moment>,
}

pub use crate::vocab::RUNAWAY;

impl Game {
    /// Builds the world from the scenario; the clock stands at the period's start.
    pub fn new(scenario: Arc<Scenario>, setup: Setup) -> Self {
        Self::build(headless_app(scenario, setup))
    }

    /// A game in which people play `people` (a class) and the rules the other roles.
    pub fn with_people(scenario: Arc<Scenario>, setup: Setup, people: People) -> Self {
        Self::build(headless_app_for(scenario, setup, people))
    }

    fn build(mut app: App) -> Self {
        app.finish();
        app.cleanup();
        app.update();
        let mut game = Game { app, halted: None };
        game.settle();
        game
    }

    pub fn world(&self) -> &World {
        self.app.world()
    }

    pub fn scenario(&self) -> &Scenario {
        &self.world().resource::<ActiveScenario>().0
    }

    /// The scenario, shared: for a second game of the same one.
    pub fn scenario_arc(&self) -> Arc<Scenario> {
        self.world().resource::<ActiveScenario>().0.clone()
    }

    pub fn setup(&self) -> Setup {
        *self.world().resource::<Setup>()
    }

    pub fn now(&self) -> Moment {
        self.world().resource::<Calendar>().now
    }

    pub fn is_over(&self) -> bool {
        self.world().resource::<Outcome>().0.is_some()
    }

    /// Gives a command now; returns what it did, or why it was refused.
    pub fn command(&mut self, action: Action) -> Result<String, CommandError> {
        self.give(Command::new(self.now(), action))
    }

    /// Gives a command now on behalf of someone in a class: it acts for their role.
    pub fn command_by(&mut self, by: By, action: Action) -> Result<String, CommandError> {
        self.give(Command {
            at: self.now(),
            by: Some(by),
            action,
        })
    }

    /// The roles people play.
    pub fn people(&self) -> &People {
        self.world().resource::<People>()
    }

    fn give(&mut self, command: Command) -> Result<String, CommandError> {
        if let Some(at) = self.halted {
            return Err(CommandError::Runaway(at));
        }
        if self.is_over() {
            return Err(CommandError::GameOver);
        }
        let advancing = matches!(command.action, Action::Advance(_));
        self.app
            .world_mut()
            .resource_mut::<CommandQueue>()
            .0
            .push_back(command);
        self.app.update();
        let result = self
            .app
            .world_mut()
            .resource_mut::<CommandResults>()
            .0
            .pop()
            .unwrap_or(Err(CommandError::NotApplied));
        if advancing && result.is_ok() {
            self.run_clock();
        } else {
            self.settle();
        }
        match self.halted {
            Some(at) => Err(CommandError::Runaway(at)),
            None => result,
        }
    }

    /// Whether a chain of effects ran away, and when: the game takes no more commands.
    pub fn halted(&self) -> Option<Moment> {
        self.halted
    }

    /// Ticks until the clock has run as far as asked, or the game ends.
    fn run_clock(&mut self) {
        self.tick_while(|g| g.world().resource::<Calendar>().until.is_some() || !g.settled());
    }

    /// Ticks while `more` holds and the game goes on. More than [`RUNAWAY`] ticks at one
    /// moment halt the game.
    fn tick_while(&mut self, more: impl Fn(&Game) -> bool) {
        let mut still = 0;
        while !self.is_over() && more(self) {
            self.app.update();
            still = if self.world().resource::<Calendar>().moved {
                0
            } else {
                still + 1
            };
            if still > RUNAWAY {
                self.halted = Some(self.now());
                return;
            }
        }
    }

    /// Whether the last tick changed nothing (see [`crate::calendar::Settle`]).
    fn settled(&self) -> bool {
        let world = self.world();
        world
            .resource::<Settle>()
            .settled(world.resource::<Transcript>())
    }

    /// Ticks without moving the clock until nothing more happens at this moment.
    fn settle(&mut self) {
        self.tick_while(|g| !g.settled());
    }

    /// Applies a command from a log: it must be dated now, as it was when first given.
    pub fn apply_logged(&mut self, command: Command) -> Result<String, CommandError> {
        if command.at != self.now() {
            return Err(CommandError::Misdated {
                at: command.at,
                now: self.now(),
            });
        }
        self.give(command)
    }

    pub fn advance(&mut self, step: Step) -> Result<String, CommandError> {
        self.command(Action::Advance(step))
    }

    /// Plays a scripted command at its date: time runs to `at` first.
    pub fn play_scripted(&mut self, command: Command) -> Result<String, CommandError> {
        self.run_until(command.at)?;
        if self.is_over() {
            return Err(CommandError::EndedBefore(command.at));
        }
        self.give(Command {
            at: self.now(),
            ..command
        })
    }

    /// Lets time run to `at` (or the end), through the stops the clock makes for the
    /// player's deadlines and Niacts: what a script, not a player, wants.
    pub fn run_until(&mut self, at: Moment) -> Result<(), CommandError> {
        while at > self.now() && !self.is_over() {
            self.advance(Step::Until(at))?;
        }
        Ok(())
    }

    /// Lets time run to the end of the scenario.
    pub fn finish(&mut self) {
        let end = self.scenario().end;
        while !self.is_over() {
            if self.advance(Step::Until(end)).is_err() {
                break;
            }
        }
    }
}
