//! The debrief's charts as SVG, drawn with plotters: the true stances over time, and the
//! calibration of the player's estimates. SVG text needs no fonts on the machine.

use plotters::prelude::*;

use crate::debrief::Debrief;
use crate::debrief::calibration::Band;
use crate::scenario::{GovId, IssueId, Role};

/// Colours for the positions of an issue, from the low end (red) to the high end (blue).
fn position_colour(ix: usize, n: usize) -> RGBColor {
    let t = if n <= 1 {
        0.5
    } else {
        ix as f64 / (n - 1) as f64
    };
    let lerp = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
    RGBColor(lerp(196.0, 40.0), lerp(60.0, 90.0), lerp(50.0, 170.0))
}

/// One line per government: its true stance on `issue`, day by day. The player's host
/// government is drawn thick and black; the others are coloured by where they ended.
pub fn stances_svg(d: &Debrief, issue: IssueId) -> Result<String, String> {
    let s = d.scenario;
    let def = s.issue(issue);
    let start = s.start;
    let days = |m: crate::scenario::Moment| m.0.duration_since(start.0).as_secs_f64() / 86_400.0;
    let last_day = d.history.0.last().map_or(1.0, |(m, _)| days(*m)).max(1.0);
    let host = match d.setup.role {
        Role::Post(p) => Some(s.mission(p).host),
        Role::Department => None,
    };
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (900, 520)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(
                format!("True stances on {}, day by day", def.topic),
                ("sans-serif", 20),
            )
            .margin(12)
            .margin_right(150)
            .x_label_area_size(40)
            .y_label_area_size(50)
            .build_cartesian_2d(0.0..last_day, def.min..def.max)
            .map_err(err)?;
        chart
            .configure_mesh()
            .x_desc(format!("days from {}", start.long_date()))
            .y_desc(format!("{} ↔ {}", def.low, def.high))
            .x_label_formatter(&|x| {
                start
                    .plus_hours((*x * 24.0).round() as i64)
                    .0
                    .strftime("%-d %b")
                    .to_string()
            })
            .light_line_style(RGBColor(235, 235, 235))
            .draw()
            .map_err(err)?;
        for p in &def.positions[1..] {
            chart
                .draw_series(LineSeries::new(
                    [(0.0, p.from), (last_day, p.from)],
                    RGBColor(170, 170, 170).stroke_width(1),
                ))
                .map_err(err)?;
        }
        for (g, gov) in s.governments.iter().enumerate() {
            let series: Vec<(f64, f64)> = d
                .history
                .0
                .iter()
                .map(|(m, st)| (days(*m), st[g][issue.index()]))
                .collect();
            let Some(&(x, y)) = series.last() else {
                continue;
            };
            let mine = host == Some(GovId(g as u32));
            let colour = if mine {
                BLACK
            } else {
                position_colour(def.position_of(y), def.positions.len())
            };
            chart
                .draw_series(LineSeries::new(
                    series,
                    colour.stroke_width(if mine { 3 } else { 1 }),
                ))
                .map_err(err)?;
            chart
                .draw_series(std::iter::once(Text::new(
                    gov.country.clone(),
                    (x, y),
                    ("sans-serif", if mine { 13 } else { 10 })
                        .into_font()
                        .color(&colour),
                )))
                .map_err(err)?;
        }
        root.present().map_err(err)?;
    }
    Ok(svg)
}

/// A reliability diagram: for each band of stated probability, how often the player was
/// right. Points on the diagonal are perfect calibration.
pub fn calibration_svg(bands: &[Band]) -> Result<String, String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (520, 460)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let mut chart = ChartBuilder::on(&root)
            .caption("Calibration of your estimates", ("sans-serif", 20))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(50)
            .build_cartesian_2d(0.0..1.0, 0.0..1.0)
            .map_err(err)?;
        chart
            .configure_mesh()
            .x_desc("probability you stated")
            .y_desc("how often you were right")
            .x_label_formatter(&|x| format!("{:.0}%", x * 100.0))
            .y_label_formatter(&|y| format!("{:.0}%", y * 100.0))
            .light_line_style(RGBColor(235, 235, 235))
            .draw()
            .map_err(err)?;
        chart
            .draw_series(LineSeries::new(
                [(0.0, 0.0), (1.0, 1.0)],
                RGBColor(150, 150, 150).stroke_width(1),
            ))
            .map_err(err)?;
        chart
            .draw_series(bands.iter().map(|b| {
                let radius = 4 + (b.count as i32).min(12);
                Circle::new(
                    (b.stated, b.hit_rate()),
                    radius,
                    RGBColor(40, 90, 170).filled(),
                )
            }))
            .map_err(err)?;
        chart
            .draw_series(bands.iter().map(|b| {
                Text::new(
                    format!("{} in {}", b.right, b.count),
                    (b.stated, b.hit_rate()),
                    ("sans-serif", 12).into_font(),
                )
            }))
            .map_err(err)?;
        root.present().map_err(err)?;
    }
    Ok(svg)
}

fn err(e: impl std::fmt::Display) -> String {
    format!("drawing a chart: {e}")
}
