//! The game in the terminal: for screen readers, servers and machines without a display.
//! It reads the world and sends commands, like the window will.

mod views;
mod watch;

use std::collections::HashSet;
use std::io::{self, BufRead, Write};

use crate::cables::{Archive, CableId, render};
use crate::command::{Action, Step};
use crate::debrief::Debrief;
use crate::game::Game;
use crate::report::render_entry;
use crate::requests::Requests;
use crate::scenario::format::RawWhom;
use crate::scenario::{Moment, RequestKind, Role, Station};
use crate::transcript::{Entry, Transcript};

const HELP: &str = "\
Commands:
  tray (t)              the in-tray, newest first
  read N (r N)          read cable N of the in-tray
  requests (q)          the requests waiting for you
  reply                 answer an estimate request by return cable (asks step by step)
  demarche              call on a leader of the host government (asks step by step)
  decide                settle a decision (the Department)
  dossier [POST]        the host government as the mission estimates it
  reports               what the posts have reported (the Department)
  next (n)              let time run until the next cable reaches you
  day (d)               let time run to the next morning
  until YYYY-MM-DD      let time run to a date
  finish                let time run to the end of the scenario
  save [FILE]           save the game (default: the scenario's id, .save.ron, here)
  help (?)              this list
  quit                  leave the game
";

/// Plays a game on `input`/`output` until it ends or the input closes.
pub fn run(
    mut game: Game,
    source: &str,
    input: impl BufRead,
    mut out: impl Write,
) -> io::Result<()> {
    let mut term = Terminal {
        lines: input.lines(),
        read: HashSet::new(),
        shown: 0,
    };
    let mut saved_day = game.now().date();
    let mut watch = watch::Watch::new(source);
    let s = game.scenario();
    writeln!(out, "{}\n{}\n", s.title, s.summary.trim())?;
    writeln!(
        out,
        "You are {}. The date is {}.",
        s.role_name(game.setup().role),
        game.now().long_date()
    )?;
    writeln!(
        out,
        "Type `help` for commands; `next` lets time run until a cable arrives.\n"
    )?;
    loop {
        term.news(&game, &mut out)?;
        if game.is_over() {
            writeln!(out, "\n{}", Debrief::from_world(game.world()).render_text())?;
            return Ok(());
        }
        if watch.changed() {
            reload(&mut game, source, &mut out)?;
            term.shown = game.world().resource::<Transcript>().0.len();
        }
        write!(out, "[{}] > ", game.now())?;
        out.flush()?;
        let Some(line) = term.line()? else {
            writeln!(out, "\n(input closed; leaving the game)")?;
            return Ok(());
        };
        let words: Vec<&str> = line.split_whitespace().collect();
        let result = match words.as_slice() {
            [] => continue,
            ["help" | "?"] => Ok(HELP.to_string()),
            ["quit" | "exit"] => return Ok(()),
            ["tray" | "t"] => Ok(views::render_tray(game.world(), &term.read)),
            ["read" | "r", n] => term.read_cable(&game, n),
            ["requests" | "q"] => Ok(views::render_requests(game.world())),
            ["dossier"] => match views::own_post(game.world()) {
                Some(p) => Ok(views::render_dossier(game.world(), p)),
                None => Err("name a post: `dossier caracas`".into()),
            },
            ["dossier", post] => game
                .scenario()
                .post_by_name(post)
                .map(|p| views::render_dossier(game.world(), p))
                .ok_or_else(|| format!("no post `{post}`")),
            ["reports"] => Ok(views::render_reports(game.world())),
            ["next" | "n"] => game.advance(Step::NextCable),
            ["day" | "d"] => game.advance(Step::Day),
            ["finish"] => game.advance(Step::Until(game.scenario().end)),
            ["until", date] => Moment::parse(date)
                .map(|m| m.at_hour(game.scenario().model.office_opens))
                .and_then(|m| game.advance(Step::Until(m))),
            ["reply"] => term.reply(&mut game, &mut out),
            ["demarche"] => term.demarche(&mut game, &mut out),
            ["decide"] => term.decide(&mut game, &mut out),
            ["save"] => save(&game, source, &format!("{}.save.ron", game.scenario().id)),
            ["save", file] => save(&game, source, file),
            _ => Err(format!("unknown command `{line}`; type `help`")),
        };
        // One autosave each game day: a crash loses at most a day.
        if game.now().date() != saved_day && !game.is_over() {
            saved_day = game.now().date();
            if let Err(e) = crate::save::autosave(&game, source) {
                writeln!(out, "! autosave failed: {e}")?;
            }
        }
        match result {
            Ok(text) if !text.is_empty() => write!(
                out,
                "{}{}",
                text,
                if text.ends_with('\n') { "" } else { "\n" }
            )?,
            Ok(_) => {}
            Err(e) => writeln!(out, "! {e}")?,
        }
    }
}

/// The scenario's file changed: a valid version replaces the running one, replayed from
/// the start with the same seed and commands; an invalid one is reported and ignored.
fn reload(game: &mut Game, source: &str, out: &mut impl Write) -> io::Result<()> {
    match crate::shipped::load(source) {
        Err(diags) => {
            writeln!(
                out,
                "\n! {source} changed but does not validate; the last good version goes on:"
            )?;
            for d in diags {
                writeln!(out, "  {d}")?;
            }
        }
        Ok(loaded) => {
            let commands = game
                .world()
                .resource::<crate::command::CommandLog>()
                .0
                .clone();
            let count = commands.len();
            match crate::save::replay(loaded.scenario, game.setup(), commands) {
                Ok(new) => {
                    *game = new;
                    writeln!(
                        out,
                        "\n{source} changed: reloaded, and your {count} command(s) replayed from the start; it is {}.",
                        game.now()
                    )?;
                }
                Err((i, e)) => writeln!(
                    out,
                    "\n! {source} changed, but your command {} no longer applies ({e}); the last good version goes on.",
                    i + 1
                )?,
            }
        }
    }
    Ok(())
}

fn save(game: &Game, source: &str, file: &str) -> Result<String, String> {
    let path = std::path::Path::new(file);
    crate::save::write_save(path, &crate::save::Save::of(game, source))
        .map_err(|e| e.to_string())?;
    Ok(format!(
        "Saved to {} (continue with `demarche play --text --load {}`).",
        path.display(),
        path.display()
    ))
}

struct Terminal<L> {
    lines: L,
    read: HashSet<CableId>,
    /// How much of the transcript has been shown.
    shown: usize,
}

impl<L: Iterator<Item = io::Result<String>>> Terminal<L> {
    fn line(&mut self) -> io::Result<Option<String>> {
        self.lines
            .next()
            .transpose()
            .map(|l| l.map(|s| s.trim().to_string()))
    }

    /// Asks a question and reads the answer; `None` when input closes.
    fn ask(&mut self, out: &mut impl Write, question: &str) -> io::Result<Option<String>> {
        write!(out, "{question} ")?;
        out.flush()?;
        self.line()
    }

    /// Shows what reached the player since the last prompt.
    fn news(&mut self, game: &Game, out: &mut impl Write) -> io::Result<()> {
        let world = game.world();
        let me = game.setup().role.station();
        let entries = &world.resource::<Transcript>().0;
        for entry in &entries[self.shown..] {
            let show = match entry {
                Entry::Delivered { to, .. } => to.contains(&me),
                Entry::Sent { .. } | Entry::Command { .. } => false,
                Entry::Demarche { post, .. } => me == Station::Post(*post),
                Entry::Defaulted { from, .. } => *from == me,
                _ => true,
            };
            if show {
                let text = match entry {
                    Entry::Delivered { at, cable, .. } => {
                        let c = world.resource::<Archive>().get(*cable);
                        let flag = if c.precedence == crate::scenario::format::Precedence::Niact {
                            " *** NIACT ***"
                        } else {
                            ""
                        };
                        format!(
                            "{at}  IN-TRAY   {}: {}{flag}  (`tray`, then `read N`)\n",
                            c.citation_name(),
                            c.subject
                        )
                    }
                    other => render_entry(world, other),
                };
                write!(out, "{text}")?;
            }
        }
        self.shown = entries.len();
        Ok(())
    }

    fn read_cable(&mut self, game: &Game, n: &str) -> Result<String, String> {
        let tray = views::tray(game.world());
        let ix: usize = n
            .parse()
            .map_err(|_| format!("`{n}` is not a number; `read 1` reads the first cable"))?;
        let (cable, _) = tray
            .get(ix.wrapping_sub(1))
            .ok_or_else(|| format!("the in-tray has {} cable(s)", tray.len()))?;
        self.read.insert(*cable);
        let archive = game.world().resource::<Archive>();
        Ok(render(game.scenario(), archive.get(*cable)))
    }

    fn reply(&mut self, game: &mut Game, out: &mut impl Write) -> Result<String, String> {
        let s = game.scenario();
        let me = game.setup().role.station();
        let open: Vec<_> = game
            .world()
            .resource::<Requests>()
            .open_for(me)
            .filter(|r| {
                matches!(
                    s.telegram(r.telegram).requests[r.request].kind,
                    RequestKind::Estimate { .. }
                )
            })
            .cloned()
            .collect();
        let Some(first) = open.first() else {
            return Err("no estimate request is waiting for a reply".into());
        };
        let chosen = if open.len() == 1 {
            first.clone()
        } else {
            for (i, r) in open.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "  {}. {} ({})",
                    i + 1,
                    s.telegram(r.telegram).id,
                    s.telegram(r.telegram).requests[r.request].id
                );
            }
            let pick = self.choose(out, "Which request?", open.len())?;
            open[pick].clone()
        };
        let t = s.telegram(chosen.telegram);
        let req = &t.requests[chosen.request];
        let RequestKind::Estimate {
            issue, positions, ..
        } = &req.kind
        else {
            unreachable!()
        };
        let issue = s.issue(*issue);
        let _ = writeln!(out, "{} ({}): {}", t.id, req.id, issue.question);
        for (i, p) in positions.iter().enumerate() {
            let _ = writeln!(out, "  {}. {}", i + 1, issue.positions[*p].label);
        }
        let pick = self.choose(out, "Your estimate (number)?", positions.len())?;
        let probability = loop {
            let answer = self
                .ask(out, "Your probability that it is right (0-100%)?")
                .map_err(|e| e.to_string())?;
            let answer = answer.ok_or("input closed")?;
            match answer.trim_end_matches('%').parse::<f64>() {
                Ok(p) if (0.0..=100.0).contains(&p) => break if p > 1.0 { p / 100.0 } else { p },
                _ => {
                    let _ = writeln!(out, "! give a number from 0 to 100");
                }
            }
        };
        let _ = writeln!(
            out,
            "Your text for the cable, paragraph by paragraph; a line with a single `.` ends it:"
        );
        let mut text = String::new();
        loop {
            match self.line().map_err(|e| e.to_string())? {
                None => break,
                Some(l) if l == "." => break,
                Some(l) if l.is_empty() => text.push_str("\n\n"),
                Some(l) => {
                    if !text.is_empty() && !text.ends_with("\n\n") {
                        text.push(' ');
                    }
                    text.push_str(&l);
                }
            }
        }
        let id = game.command(Action::Reply {
            telegram: t.id.clone(),
            request: req.id.clone(),
            position: issue.positions[positions[pick]].id.clone(),
            probability,
            text,
        })?;
        let archive = game.world().resource::<Archive>();
        let sent = archive
            .0
            .last()
            .map(|c| render(game.scenario(), c))
            .unwrap_or_default();
        Ok(format!("Sent:\n{sent}\n({id})"))
    }

    fn demarche(&mut self, game: &mut Game, out: &mut impl Write) -> Result<String, String> {
        let s = game.scenario();
        let post = match game.setup().role {
            Role::Post(p) => p,
            Role::Department => {
                let name = self
                    .ask(out, "Instruct which post?")
                    .map_err(|e| e.to_string())?
                    .ok_or("input closed")?;
                s.post_by_name(&name)
                    .ok_or_else(|| format!("no post `{name}`"))?
            }
        };
        let gov = s.government(s.mission(post).host);
        let _ = writeln!(out, "Whom will you see?");
        for (i, l) in gov.leaders.iter().enumerate() {
            let _ = writeln!(out, "  {}. {} {}", i + 1, l.title, l.name);
        }
        let leader = &gov.leaders[self.choose(out, "Number?", gov.leaders.len())?];
        let _ = writeln!(
            out,
            "What will you show? (numbers separated by spaces, or nothing)"
        );
        for (i, m) in s.materials.iter().enumerate() {
            let _ = writeln!(out, "  {}. {}", i + 1, m.title);
        }
        let answer = self
            .ask(out, ">")
            .map_err(|e| e.to_string())?
            .unwrap_or_default();
        let mut show = Vec::new();
        for w in answer.split_whitespace() {
            let n: usize = w.parse().map_err(|_| format!("`{w}` is not a number"))?;
            let m = s
                .materials
                .get(n.wrapping_sub(1))
                .ok_or_else(|| format!("no material {n}"))?;
            show.push(m.id.clone());
        }
        let post_id = s.mission(post).id.clone();
        game.command(Action::Demarche {
            see: RawWhom::Leader(leader.id.clone()),
            show,
            issue: None,
            post: Some(post_id),
        })
    }

    fn decide(&mut self, game: &mut Game, out: &mut impl Write) -> Result<String, String> {
        let s = game.scenario();
        let open: Vec<_> = game
            .world()
            .resource::<Requests>()
            .open_for(Station::Department)
            .filter(|r| {
                matches!(
                    s.telegram(r.telegram).requests[r.request].kind,
                    RequestKind::Decision { .. }
                )
            })
            .cloned()
            .collect();
        let Some(r) = open.first() else {
            return Err("no decision is waiting for the Department".into());
        };
        let t = s.telegram(r.telegram);
        let req = &t.requests[r.request];
        let RequestKind::Decision {
            question, options, ..
        } = &req.kind
        else {
            unreachable!()
        };
        let _ = writeln!(out, "{question}");
        for (i, o) in options.iter().enumerate() {
            let _ = writeln!(out, "  {}. {}", i + 1, o.label);
        }
        let pick = self.choose(out, "Number?", options.len())?;
        game.command(Action::Decide {
            telegram: t.id.clone(),
            request: req.id.clone(),
            option: options[pick].id.clone(),
        })
    }

    /// Asks for a number from 1 to `n` until one is given; returns it 0-based.
    fn choose(&mut self, out: &mut impl Write, question: &str, n: usize) -> Result<usize, String> {
        loop {
            let answer = self
                .ask(out, question)
                .map_err(|e| e.to_string())?
                .ok_or("input closed")?;
            match answer.parse::<usize>() {
                Ok(k) if (1..=n).contains(&k) => return Ok(k - 1),
                _ => {
                    let _ = writeln!(out, "! give a number from 1 to {n}");
                }
            }
        }
    }
}
