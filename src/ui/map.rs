//! The map of the Americas: Natural Earth shapes (assets/map, loaded by the asset server),
//! each republic coloured by what the player knows of its stance, the posts marked; a click
//! opens the country's dossier.

use std::sync::Arc;

use bevy::asset::{AssetLoader, LoadContext, io::Reader};
use bevy::prelude::*;
use bevy_egui::egui;
use serde::Deserialize;

use super::desk::{Desk, View};
use super::theme::{CONTEXT, UNKNOWN, position_colour};
use crate::scenario::GovId;
use crate::views::{self, Knowledge};

/// The shapes, triangulated once when loaded.
#[derive(Asset, TypePath, Debug)]
pub struct MapShapes {
    pub countries: Vec<Country>,
    pub source: String,
}

#[derive(Debug)]
pub struct Country {
    /// The scenario's government id, for the republics.
    pub id: Option<String>,
    pub name: String,
    pub capital: Option<[f32; 2]>,
    /// Rings of [lon, lat].
    pub rings: Vec<Vec<[f32; 2]>>,
    /// Triangles of each ring, as indices into it.
    pub triangles: Vec<Vec<u32>>,
}

#[derive(Deserialize)]
struct RawMap {
    source: String,
    countries: Vec<RawCountry>,
}

#[derive(Deserialize)]
struct RawCountry {
    id: Option<String>,
    name: String,
    capital: Option<[f32; 2]>,
    rings: Vec<Vec<[f32; 2]>>,
}

#[derive(Default, TypePath)]
struct MapLoader;

impl AssetLoader for MapLoader {
    type Asset = MapShapes;
    type Settings = ();
    type Error = BevyError;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _: &(),
        _: &mut LoadContext<'_>,
    ) -> Result<MapShapes, BevyError> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).await?;
        let raw: RawMap = serde_json::from_slice(&bytes)?;
        let countries = raw
            .countries
            .into_iter()
            .map(|mut c| {
                // The file closes each ring on its first point; the triangulator wants it open.
                for ring in &mut c.rings {
                    if ring.len() > 3 && ring.first() == ring.last() {
                        ring.pop();
                    }
                }
                let triangles = c
                    .rings
                    .iter()
                    .map(|ring| {
                        let flat: Vec<f64> = ring
                            .iter()
                            .flat_map(|p| [p[0] as f64, p[1] as f64])
                            .collect();
                        earcutr::earcut(&flat, &[], 2)
                            .unwrap_or_default()
                            .into_iter()
                            .map(|i| i as u32)
                            .collect()
                    })
                    .collect();
                Country {
                    id: c.id,
                    name: c.name,
                    capital: c.capital,
                    rings: c.rings,
                    triangles,
                }
            })
            .collect();
        Ok(MapShapes {
            countries,
            source: raw.source,
        })
    }

    fn extensions(&self) -> &[&str] {
        &["json"]
    }
}

/// The loaded shapes, once ready (the drawing code runs outside the asset systems).
#[derive(Resource, Default)]
pub struct MapData(pub Option<Arc<MapShapes>>);

#[derive(Resource)]
struct MapHandle(Handle<MapShapes>);

pub(super) fn plugin(app: &mut App) {
    app.init_asset::<MapShapes>()
        .init_asset_loader::<MapLoader>()
        .init_resource::<MapData>()
        .add_systems(
            Startup,
            |mut commands: Commands, server: Res<AssetServer>| {
                commands.insert_resource(MapHandle(server.load("map/americas.json")));
            },
        )
        .add_systems(Update, take_loaded);
}

fn take_loaded(
    handle: Res<MapHandle>,
    mut assets: ResMut<Assets<MapShapes>>,
    mut data: ResMut<MapData>,
) {
    if data.0.is_none()
        && let Some(shapes) = assets.remove(&handle.0)
    {
        data.0 = Some(Arc::new(shapes));
    }
}

/// The part of the globe shown: from Washington to Cape Horn.
const WEST: f32 = -120.0;
const EAST: f32 = -32.0;
const NORTH: f32 = 50.0;
const SOUTH: f32 = -56.0;

pub fn show(ui: &mut egui::Ui, session: &mut Desk, shapes: Option<&MapShapes>) {
    let Some(shapes) = shapes else {
        ui.weak("Loading the map…");
        return;
    };
    let world = session.game.world();
    let s = views::scenario(world);
    let issue = session.issue;
    let known = views::knowledge(world, issue);
    let issue_def = s.issue(issue).clone();
    ui.horizontal_wrapped(|ui| {
        ui.label("Coloured by");
        egui::ComboBox::from_id_salt("map_issue")
            .selected_text(&issue_def.topic)
            .show_ui(ui, |ui| {
                for (i, x) in s.issues.iter().enumerate() {
                    ui.selectable_value(
                        &mut session.issue,
                        crate::scenario::IssueId(i as u32),
                        &x.topic,
                    );
                }
            });
        for (i, p) in issue_def.positions.iter().enumerate() {
            ui.colored_label(
                position_colour(i, issue_def.positions.len()),
                format!("■ {}", p.label),
            );
        }
        ui.colored_label(UNKNOWN, "■ unknown");
    });
    let size = ui.available_size();
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    // Equirectangular, with longitude shrunk by the cosine of the middle latitude.
    let aspect = (EAST - WEST) * 0.93 / (NORTH - SOUTH);
    let (w, h) = if rect.width() / rect.height() > aspect {
        (rect.height() * aspect, rect.height())
    } else {
        (rect.width(), rect.width() / aspect)
    };
    let origin = rect.center() - egui::vec2(w, h) / 2.0;
    let to_screen = |p: [f32; 2]| {
        egui::pos2(
            origin.x + (p[0] - WEST) / (EAST - WEST) * w,
            origin.y + (NORTH - p[1]) / (NORTH - SOUTH) * h,
        )
    };
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, egui::Color32::from_rgb(0x16, 0x22, 0x2E));
    let government = |c: &Country| {
        c.id.as_ref()
            .and_then(|id| s.governments.iter().position(|g| &g.id == id))
    };
    let mut hovered = None;
    let pointer = response.hover_pos();
    for c in &shapes.countries {
        let g = government(c);
        let fill = match g.map(|g| known[g]) {
            None => CONTEXT,
            Some(k) => k
                .position()
                .map(|p| position_colour(p, issue_def.positions.len()))
                .unwrap_or(UNKNOWN),
        };
        for (ring, tris) in c.rings.iter().zip(&c.triangles) {
            let points: Vec<egui::Pos2> = ring.iter().map(|p| to_screen(*p)).collect();
            let mut mesh = egui::Mesh::default();
            for p in &points {
                mesh.colored_vertex(*p, fill);
            }
            mesh.indices = tris.clone();
            painter.add(egui::Shape::mesh(mesh));
            painter.add(egui::Shape::closed_line(
                points.clone(),
                egui::Stroke::new(0.6, egui::Color32::from_gray(20)),
            ));
            if let (Some(ptr), Some(g)) = (pointer, g)
                && contains(&points, ptr)
            {
                hovered = Some((g, c.name.clone()));
            }
        }
    }
    for (g, gov) in s.governments.iter().enumerate() {
        let Some(c) = shapes
            .countries
            .iter()
            .find(|c| c.id.as_deref() == Some(gov.id.as_str()))
        else {
            continue;
        };
        let Some(capital) = c.capital else { continue };
        if views::post_for(world, GovId(g as u32)).is_some() {
            let at = to_screen(capital);
            painter.circle(
                at,
                3.5,
                egui::Color32::WHITE,
                egui::Stroke::new(1.0, egui::Color32::BLACK),
            );
        }
    }
    if let Some((g, _)) = hovered {
        let gov = &s.governments[g];
        let what = match known[g] {
            Knowledge::Unknown => "stance unknown".to_string(),
            Knowledge::Estimated { position, estimate } => format!(
                "your estimate: {} ({:+.2} ± {:.2})",
                issue_def.positions[position].label, estimate.mean, estimate.sd
            ),
            Knowledge::Reported {
                position,
                probability,
            } => format!(
                "reported: {}{}",
                issue_def.positions[position].label,
                probability
                    .map(|p| format!(" ({:.0}%)", p * 100.0))
                    .unwrap_or_default()
            ),
            Knowledge::Revealed { cast, vote, .. } => format!(
                "{} on \"{}\"",
                crate::votes::cast_verb(cast),
                s.vote(vote).title
            ),
        };
        let text = format!("{} — {}", gov.country, what);
        response.clone().on_hover_text(text);
        if response.clicked() {
            session.dossier = views::post_for(world, GovId(g as u32));
            session.tab = View::Dossier;
        }
    }
    painter.text(
        rect.left_bottom() + egui::vec2(6.0, -6.0),
        egui::Align2::LEFT_BOTTOM,
        &shapes.source,
        egui::FontId::proportional(11.0),
        egui::Color32::GRAY,
    );
}

/// Even–odd point-in-polygon test.
fn contains(poly: &[egui::Pos2], p: egui::Pos2) -> bool {
    let mut inside = false;
    let mut j = poly.len().wrapping_sub(1);
    for i in 0..poly.len() {
        let (a, b) = (poly[i], poly[j]);
        if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
            inside = !inside;
        }
        j = i;
    }
    inside
}
