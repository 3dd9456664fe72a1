//! The game in the terminal: for screen readers, servers and machines without a display.
//! It reads the world and sends commands, like the window will.

mod forms;
mod input;
pub mod instructor;
pub mod views;

use std::collections::HashSet;
use std::io::{self, BufRead, Write};

use crate::cables::{Archive, CableId, render};
use crate::command::Step;
use crate::report::render_entry;
use crate::scenario::{Moment, Station};
use crate::session::{Reload, Session, Watch};
use crate::transcript::{Entry, Transcript};
use input::{Halt, Read};

const HELP: &str = "\
Commands:
  tray (t)              the in-tray, newest first
  read N (r N)          read cable N of the in-tray
  requests (q)          the requests waiting for you
  reply                 answer an estimate request by return cable (asks step by step)
  demarche              call on a leader of the host government (asks step by step)
  decide                settle a decision (the Department)
  recommend             recommend to the Department, by cable, a course on a coming vote
  approach GOV secretary|president
                        a high-level approach to a government (the Department; few)
  dossier [POST]        the host government as the mission estimates it
  reports               what the posts have reported (the Department)
  next (n)              let time run until the next cable reaches you
  day (d)               let time run to the next morning
  until YYYY-MM-DD      let time run to a date
  finish                let time run to the end of the scenario, past every deadline
  save [FILE]           save the game (default: the scenario's id, .save.ron, here)
  help (?)              this list
  quit                  leave the game

Inside a step-by-step form, `cancel` (or an empty answer where one is needed) drops it, and
`quit` drops it and leaves the game; nothing half-written is sent.
";

/// Plays a game on `input`/`output` until it ends or the input closes. The instructor's
/// commands are open if the session's instructor is at the controls.
pub fn run(game: &mut Session, input: impl BufRead, mut out: impl Write) -> io::Result<()> {
    let instructor = game.instructor();
    let mut term = Terminal {
        input,
        read: HashSet::new(),
        shown: 0,
        sight: if instructor {
            crate::report::Sight::Record
        } else {
            crate::report::Sight::Player
        },
    };
    let mut watch = Watch::new(game.source());
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
        term.news(game, &mut out)?;
        if game.is_over() {
            writeln!(out, "\n{}", crate::debrief::full_text(game.world()))?;
            return Ok(());
        }
        if watch.changed() {
            reload(game, &mut out)?;
            term.shown = game.world().resource::<Transcript>().0.len();
        }
        write!(out, "[{}] > ", game.now())?;
        out.flush()?;
        let line = match term.read()? {
            Read::Line(line) => line,
            Read::Bad(why) => {
                writeln!(out, "! {why}")?;
                continue;
            }
            Read::End => {
                writeln!(out, "\n(input closed; leaving the game)")?;
                return Ok(());
            }
        };
        let words: Vec<&str> = line.split_whitespace().collect();
        let result = match words.as_slice() {
            [] => continue,
            ["help" | "?"] if instructor => Ok(format!("{HELP}{}", instructor::HELP)),
            ["help" | "?"] => Ok(HELP.to_string()),
            ["quit" | "exit"] => return Ok(()),
            ["tray" | "t"] => Ok(views::render_tray(game.world(), &term.read)),
            ["read" | "r", n] => term.read_cable(game, n),
            ["requests" | "q"] => Ok(views::render_requests(game.world())),
            ["dossier"] => match views::own_post(game.world()) {
                Some(p) => Ok(views::render_dossier(game.world(), p)),
                None => Err("name a post: `dossier caracas`".into()),
            },
            ["dossier", post] => game
                .scenario()
                .post_by_name(post)
                .map(|p| views::render_dossier(game.world(), p))
                .map_err(|e| e.to_string()),
            ["reports"] => Ok(views::render_reports(game.world())),
            ["next" | "n"] => advance(game, Step::NextCable),
            ["day" | "d"] => advance(game, Step::Day),
            // To the end, past every deadline: the player asked for it.
            ["finish"] => {
                let end = game.scenario().end;
                game.finish();
                Ok(format!("advance to {end}"))
            }
            ["until", date] => Moment::parse(date)
                .map(|m| game.morning_of(m))
                .and_then(|m| advance(game, Step::Until(m))),
            ["reply" | "demarche" | "decide" | "recommend"] => {
                let form = match words[0] {
                    "reply" => term.reply(game, &mut out),
                    "demarche" => term.demarche(game, &mut out),
                    "decide" => term.decide(game, &mut out),
                    _ => term.recommend(game, &mut out),
                };
                match form {
                    Ok(done) => Ok(done),
                    Err(Halt::Refused(why)) => Err(why),
                    Err(Halt::Cancelled) => Ok("(cancelled: nothing was sent)".into()),
                    Err(Halt::Quit) => {
                        writeln!(out, "(cancelled: nothing was sent)")?;
                        return Ok(());
                    }
                    Err(Halt::Closed) => {
                        writeln!(out, "\n(input closed: nothing was sent; leaving the game)")?;
                        return Ok(());
                    }
                }
            }
            ["approach", government, who] => match *who {
                "secretary" | "president" => game
                    .command(crate::command::Action::Approach {
                        government: government.to_string(),
                        by: if *who == "secretary" {
                            crate::command::Approacher::Secretary
                        } else {
                            crate::command::Approacher::President
                        },
                        issue: None,
                    })
                    .map_err(|e| e.to_string()),
                _ => Err(format!(
                    "`{who}` cannot make an approach; expected `secretary` or `president`"
                )),
            },
            ["save"] => save(game, &game.save_file_name()),
            ["save", file] => save(game, file),
            words => match instructor
                .then(|| instructor::command(game, words))
                .flatten()
            {
                Some(result) => result,
                None => Err(format!("unknown command `{line}`; type `help`")),
            },
        };
        // One autosave each game day: a crash loses at most a day.
        if let Err(e) = game.autosave() {
            writeln!(out, "! autosave failed: {e}")?;
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

/// The scenario's file changed: the front door reloads it; the terminal says what came of it.
fn reload(game: &mut Session, out: &mut impl Write) -> io::Result<()> {
    let source = game.source().to_string();
    match game.reload() {
        Reload::Invalid(diags) => {
            writeln!(
                out,
                "\n! {source} changed but does not validate; the last good version goes on:"
            )?;
            for d in diags {
                writeln!(out, "  {d}")?;
            }
        }
        Reload::Reloaded { commands } => writeln!(
            out,
            "\n{source} changed: reloaded, and your {commands} command(s) replayed from the start; it is {}.",
            game.now()
        )?,
        Reload::Refused { index, error } => writeln!(
            out,
            "\n! {source} changed, but your command {index} no longer applies ({error}); the last good version goes on."
        )?,
    }
    Ok(())
}

fn advance(game: &mut Session, step: Step) -> Result<String, String> {
    game.advance(step).map_err(|e| e.to_string())
}

fn save(game: &Session, file: &str) -> Result<String, String> {
    let path = std::path::Path::new(file);
    game.save_to(path).map_err(|e| e.to_string())?;
    Ok(format!(
        "Saved to {} (continue with `demarche play --text --load {}`).",
        path.display(),
        path.display()
    ))
}

struct Terminal<R> {
    input: R,
    read: HashSet<CableId>,
    /// How much of the transcript has been shown.
    shown: usize,
    /// Whether votes show the stances behind them (the instructor) or only the ballots.
    sight: crate::report::Sight,
}

impl<R: BufRead> Terminal<R> {
    /// Shows what reached the player since the last prompt.
    fn news(&mut self, game: &Session, out: &mut impl Write) -> io::Result<()> {
        let world = game.world();
        let me = game.setup().role.station();
        let entries = &world.resource::<Transcript>().0;
        for entry in &entries[self.shown..] {
            let show = match entry {
                Entry::Delivered { to, .. } => to.contains(&me),
                // A memorandum of the player's own call is shown as it is filed.
                Entry::Sent { cable, .. } => {
                    let c = world.resource::<Archive>().get(*cable);
                    c.series == crate::scenario::format::Series::Memcon && c.from == me
                }
                Entry::Command { .. } => false,
                Entry::Demarche { post, .. } => me == Station::Post(*post),
                Entry::Defaulted { from, .. } => *from == me,
                // Secret news reaches only those the scenario says learn of it.
                Entry::News { event, .. } => {
                    self.sight == crate::report::Sight::Record
                        || game.scenario().events[event.index()].known_to(me)
                }
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
                    other => render_entry(world, other, self.sight),
                };
                write!(out, "{text}")?;
            }
        }
        self.shown = entries.len();
        Ok(())
    }

    fn read_cable(&mut self, game: &Session, n: &str) -> Result<String, String> {
        let tray = views::tray(game.world());
        let ix: usize = n
            .parse()
            .map_err(|_| format!("`{n}` is not a number; `read 1` reads the first cable"))?;
        let cable = tray
            .get(ix.wrapping_sub(1))
            .ok_or_else(|| format!("the in-tray has {} cable(s)", tray.len()))?;
        self.read.insert(*cable);
        let archive = game.world().resource::<Archive>();
        Ok(render(game.scenario(), archive.get(*cable)))
    }
}
