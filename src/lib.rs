//! Démarche: a game engine for diplomatic cable simulations, on Bevy.
//!
//! The simulation is a headless Bevy app ([`sim`]) built from one plugin per domain; the
//! views (the terminal, later the window) read its world and send it [`command`]s.

pub mod batch;
pub mod cables;
pub mod calendar;
pub mod cli;
pub mod command;
pub mod debrief;

pub mod effects;
pub mod endings;
pub mod game;
pub mod glossary;
pub mod governments;
pub mod instructor;
pub mod missions;
pub mod report;
pub mod requests;
pub mod rng;
pub mod save;
pub mod scenario;
pub mod shipped;

pub mod sim;
pub mod stations;
pub mod synthetic;
pub mod text;

pub mod transcript;
pub mod triggers;
#[cfg(feature = "gui")]
pub mod ui;
pub mod views;
pub mod votes;

pub use game::Game;
