//! Every integration test, in one binary: each file of `tests/` is a module here, so that Bevy
//! and the crate are linked once rather than once per file (see the README's test figures).

mod common;

#[path = "architecture.rs"]
mod architecture;
#[path = "bad_input.rs"]
mod bad_input;
#[path = "batch.rs"]
mod batch;
#[cfg(feature = "serve")]
#[path = "class_browser.rs"]
mod class_browser;
#[cfg(feature = "serve")]
#[path = "class_debrief.rs"]
mod class_debrief;
#[cfg(feature = "serve")]
#[path = "class_resume.rs"]
mod class_resume;
#[cfg(feature = "serve")]
#[path = "class_security.rs"]
mod class_security;
#[cfg(feature = "serve")]
#[path = "class_server.rs"]
mod class_server;
#[path = "classroom.rs"]
mod classroom;
#[path = "conversations.rs"]
mod conversations;
#[path = "format_reference.rs"]
mod format_reference;
#[path = "golden.rs"]
mod golden;
#[path = "historical.rs"]
mod historical;
#[path = "hostile.rs"]
mod hostile;
#[path = "hostile_saves.rs"]
mod hostile_saves;
#[path = "hostile_scenarios.rs"]
mod hostile_scenarios;
#[path = "hostile_terminal.rs"]
mod hostile_terminal;
#[path = "loader_properties.rs"]
mod loader_properties;
#[path = "modding.rs"]
mod modding;
#[path = "play.rs"]
mod play;
#[path = "saves.rs"]
mod saves;
#[path = "session.rs"]
mod session;
#[path = "shipped.rs"]
mod shipped;
#[path = "strategies.rs"]
mod strategies;
#[path = "terminal.rs"]
mod terminal;
#[path = "validation.rs"]
mod validation;
#[path = "views.rs"]
mod views;
#[path = "voting_rules.rs"]
mod voting_rules;
#[cfg(feature = "gui")]
#[path = "window.rs"]
mod window;
