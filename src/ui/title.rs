//! The title screen: a scenario (shipped, or a file), a role, a seed.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::WindowOptions;
use super::desk::{Desk, Screen, View};
use crate::session::{GameError, Session, Start, instructed, read_commands};
use crate::shipped::{DEFAULT, Loader, SHIPPED};

/// The choices being made on the title screen.
#[derive(Resource)]
struct Choice {
    scenario: String,
    role: String,
    seed: String,
    error: Option<String>,
    roles: Vec<(String, String)>,
    /// The scenario's id, for finding its autosaves.
    id: String,
    title: String,
    summary: String,
}

impl Choice {
    fn load(loader: &Loader, scenario: &str) -> Self {
        let mut choice = Choice {
            scenario: scenario.to_string(),
            role: String::new(),
            seed: "1".into(),
            error: None,
            roles: Vec::new(),
            id: String::new(),
            title: String::new(),
            summary: String::new(),
        };
        choice.refresh(loader);
        choice
    }

    /// Reads the chosen scenario's title, summary and roles.
    fn refresh(&mut self, loader: &Loader) {
        match crate::session::load(loader, &self.scenario) {
            Ok(l) => {
                let s = &l.scenario;
                self.title = s.title.clone();
                self.id = s.id.clone();
                self.summary = s.summary.clone();
                self.roles = s
                    .playable_posts
                    .iter()
                    .map(|p| {
                        (
                            s.mission(*p).id.clone(),
                            s.role_name(crate::scenario::Role::Post(*p)),
                        )
                    })
                    .collect();
                if s.department_playable {
                    self.roles
                        .push(("department".into(), "the Department of State".into()));
                }
                self.role = s.role_id(s.default_role);
                self.error = None;
            }
            Err(e) => {
                self.error = Some(e.to_string());
                self.roles.clear();
            }
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, start).add_systems(
        EguiPrimaryContextPass,
        title_screen.run_if(in_state(Screen::Title)),
    );
}

/// Starts at once when the command line named a scenario (or a scripted run), else shows
/// the title screen.
fn start(world: &mut World) {
    let options = world.resource::<WindowOptions>().clone();
    world.insert_resource(Choice::load(
        &options.loader,
        options.scenario.as_deref().unwrap_or(DEFAULT),
    ));
    if options.view == Some(View::Title)
        || (options.scenario.is_none() && options.commands.is_none())
    {
        return;
    }
    let name = options.scenario.clone().unwrap_or_else(|| DEFAULT.into());
    let started = match &options.load {
        Some(path) => Session::load(&options.loader, path, false, options.instructor),
        None => begin(&options, &name, options.seed, options.role.as_deref()),
    };
    match started.map(Desk::new) {
        Ok(mut session) => {
            // A scripted command the game refuses is logged, and the rest still run: the
            // window shows what the script could do.
            if let Some(path) = &options.commands {
                match read_commands(path).and_then(|c| instructed(c, options.instructor)) {
                    Ok(commands) => {
                        for c in commands {
                            if let Err(e) = session.game.play_scripted(c) {
                                error!("scripted command refused: {e}");
                            }
                        }
                    }
                    Err(e) => error!("{e}"),
                }
            }
            if let Some(view) = options.view {
                session.tab = view;
            }
            if session.game.is_over() && options.view.is_none() {
                session.tab = View::Debrief;
            }
            super::play::select_default_cable(&mut session);
            world.insert_non_send(session);
            world
                .resource_mut::<NextState<Screen>>()
                .set(Screen::Playing);
        }
        Err(e) => world.resource_mut::<Choice>().error = Some(e.to_string()),
    }
}

fn begin(
    options: &WindowOptions,
    scenario: &str,
    seed: u64,
    role: Option<&str>,
) -> Result<Session, GameError> {
    Session::start(
        &options.loader,
        &Start {
            seed,
            role: role.map(String::from),
            instructor: options.instructor,
            ..Start::new(scenario)
        },
    )
}

fn title_screen(world: &mut World) {
    let Some(ctx) = primary_ctx(world) else {
        return;
    };
    let ctx = &ctx;
    let mut start: Option<(String, u64, String)> = None;
    let mut resume: Option<std::path::PathBuf> = None;
    let options = world.resource::<WindowOptions>().clone();
    let loader = &options.loader;
    world.resource_scope(|_, mut choice: Mut<Choice>| {
        egui::CentralPanel::default().show(&mut root(ctx), |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(40.0);
                ui.heading(egui::RichText::new("DÉMARCHE").size(42.0).monospace());
                ui.label("Diplomatic cable simulations");
                ui.add_space(24.0);
            });
            ui.horizontal(|ui| {
                ui.add_space(ui.available_width() / 2.0 - 320.0);
                ui.vertical(|ui| {
                    ui.set_max_width(640.0);
                    ui.label(egui::RichText::new("Scenario").strong());
                    for s in SHIPPED {
                        if ui.radio(choice.scenario == s.name, s.name).clicked() {
                            *choice = Choice::load(loader, s.name);
                        }
                    }
                    ui.horizontal(|ui| {
                        ui.label("or a file:");
                        let edit = ui.text_edit_singleline(&mut choice.scenario);
                        if edit.lost_focus() {
                            choice.refresh(loader);
                        }
                    });
                    ui.add_space(8.0);
                    if let Some(e) = &choice.error {
                        ui.colored_label(egui::Color32::LIGHT_RED, e);
                    } else {
                        ui.label(egui::RichText::new(&choice.title).heading());
                        ui.label(&choice.summary);
                    }
                    ui.add_space(12.0);
                    ui.horizontal(|ui| {
                        ui.label("Play as");
                        let current = choice
                            .roles
                            .iter()
                            .find(|(id, _)| *id == choice.role)
                            .map(|(_, n)| n.clone())
                            .unwrap_or_default();
                        let roles = choice.roles.clone();
                        egui::ComboBox::from_id_salt("role")
                            .selected_text(current)
                            .width(360.0)
                            .show_ui(ui, |ui| {
                                for (id, name) in roles {
                                    ui.selectable_value(&mut choice.role, id, name);
                                }
                            });
                    });
                    ui.horizontal(|ui| {
                        ui.label("Seed");
                        ui.add(egui::TextEdit::singleline(&mut choice.seed).desired_width(80.0));
                    });
                    ui.add_space(16.0);
                    if let Some(path) = crate::save::latest(&choice.id) {
                        if ui
                            .button("Continue the last game")
                            .on_hover_text(path.display().to_string())
                            .clicked()
                        {
                            resume = Some(path);
                        }
                        ui.add_space(8.0);
                    }
                    let ready = choice.error.is_none() && !choice.roles.is_empty();
                    let go = ui.add_enabled(
                        ready,
                        egui::Button::new(egui::RichText::new("Begin  (Enter)").size(18.0)),
                    );
                    let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if go.clicked() || (ready && enter) {
                        match choice.seed.trim().parse::<u64>() {
                            Ok(seed) => {
                                start = Some((choice.scenario.clone(), seed, choice.role.clone()))
                            }
                            Err(_) => choice.error = Some("the seed is a whole number".into()),
                        }
                    }
                });
            });
        });
    });
    let started = match (start, resume) {
        (_, Some(path)) => Some(Session::load(loader, &path, false, options.instructor)),
        (Some((scenario, seed, role)), None) => Some(begin(&options, &scenario, seed, Some(&role))),
        (None, None) => None,
    };
    if let Some(started) = started {
        match started.map(Desk::new) {
            Ok(mut session) => {
                super::play::select_default_cable(&mut session);
                world.insert_non_send(session);
                world
                    .resource_mut::<NextState<Screen>>()
                    .set(Screen::Playing);
            }
            Err(e) => world.resource_mut::<Choice>().error = Some(e.to_string()),
        }
    }
}

/// A root `Ui` covering the window, for panels (egui 0.36 panels show inside a `Ui`).
pub fn root(ctx: &egui::Context) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}

/// The window's egui context, for exclusive systems (the session is not `Send`).
pub fn primary_ctx(world: &mut World) -> Option<egui::Context> {
    let mut q =
        world.query_filtered::<&mut bevy_egui::EguiContext, With<bevy_egui::PrimaryEguiContext>>();
    q.iter_mut(world).next().map(|mut c| c.get_mut().clone())
}
