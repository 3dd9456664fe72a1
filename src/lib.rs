//! Démarche: a game engine for diplomatic cable simulations, on Bevy.
//!
//! The simulation is a headless Bevy app ([`sim`]) built from one plugin per domain, which
//! share the types of [`vocab`]. Every way of playing goes through one front door,
//! [`session`]: the terminal ([`text`]), the window (`ui`), and the binary's commands. The
//! views read the world and send it [`command`]s.

pub mod batch;
pub mod cables;
pub mod calendar;
pub mod class;
pub mod command;
pub mod debrief;

pub mod effects;
pub mod endings;
pub mod files;
pub mod game;
pub mod glossary;
pub mod governments;
pub mod instructor;
pub mod missions;
pub mod paths;
pub mod report;
pub mod requests;
pub mod rng;
pub mod save;
pub mod saved;
pub mod scenario;
#[cfg(feature = "serve")]
pub mod serve;
pub mod session;
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
pub mod vocab;
pub mod votes;

pub use game::Game;
