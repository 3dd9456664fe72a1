//! The step-by-step forms of the terminal: a reply, a démarche, a decision.

use std::io::Write;

use super::Terminal;
use super::input::{Halt, percent};
use crate::cables::{Archive, render};
use crate::command::Action;
use crate::missions::can_call;
use crate::requests::Requests;
use crate::scenario::format::RawWhom;
use crate::scenario::{RequestKind, Role, Station, Whom};
use crate::session::Session;

impl<R: std::io::BufRead> Terminal<R> {
    pub(super) fn reply(
        &mut self,
        game: &mut Session,
        out: &mut impl Write,
    ) -> Result<String, Halt> {
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
                let t = s.telegram(r.telegram);
                let _ = writeln!(out, "  {}. {}", i + 1, t.request_cited(r.request));
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
        let _ = writeln!(
            out,
            "{}: {}",
            t.request_cited(chosen.request),
            issue.question
        );
        for (i, p) in positions.iter().enumerate() {
            let _ = writeln!(out, "  {}. {}", i + 1, issue.positions[*p].label);
        }
        let pick = self.choose(out, "Your estimate (number)?", positions.len())?;
        let probability = loop {
            let answer = self.ask_required(out, "Your probability that it is right (0-100%)?")?;
            match percent(&answer) {
                Some(p) => break p,
                None => {
                    let _ = writeln!(out, "! give a percentage from 0 to 100, such as 70");
                }
            }
        };
        let _ = writeln!(
            out,
            "Your text for the cable, paragraph by paragraph; a line with a single `.` ends it (`cancel` drops the cable):"
        );
        let mut text = String::new();
        loop {
            match self.text_line(out)? {
                None => break,
                Some(l) if l.is_empty() => text.push_str("\n\n"),
                Some(l) => {
                    if !text.is_empty() && !text.ends_with("\n\n") {
                        text.push(' ');
                    }
                    text.push_str(&l);
                }
            }
        }
        let id = game
            .command(Action::Reply {
                telegram: t.id.clone(),
                request: req.id.clone(),
                position: issue.positions[positions[pick]].id.clone(),
                probability,
                text,
            })
            .map_err(Halt::from)?;
        let archive = game.world().resource::<Archive>();
        let sent = archive
            .0
            .last()
            .map(|c| render(game.scenario(), c))
            .unwrap_or_default();
        Ok(format!("Sent:\n{sent}\n({id})"))
    }

    pub(super) fn demarche(
        &mut self,
        game: &mut Session,
        out: &mut impl Write,
    ) -> Result<String, Halt> {
        let s = game.scenario();
        let post = match game.setup().role {
            Role::Post(p) => p,
            Role::Department => {
                let name = self.ask_required(out, "Instruct which post?")?;
                s.post_by_name(&name).map_err(|e| e.to_string())?
            }
        };
        let host = s.mission(post).host;
        let gov = s.government(host);
        // Who can be seen is said before the form is filled in, with the reason for each
        // who cannot.
        let open: Vec<(usize, Result<(), crate::vocab::CommandError>)> = (0..gov.leaders.len())
            .map(|ix| (ix, can_call(game.world(), post, Whom::Leader(host, ix))))
            .collect();
        let callable: Vec<usize> = open
            .iter()
            .filter(|(_, r)| r.is_ok())
            .map(|(ix, _)| *ix)
            .collect();
        if callable.is_empty() {
            let why = open
                .iter()
                .filter_map(|(_, r)| r.as_ref().err().map(|e| e.to_string()))
                .collect::<Vec<_>>();
            return Err(format!("no call can be made now: {}", why.join("; ")).into());
        }
        let _ = writeln!(out, "Whom will you see?");
        for (n, ix) in callable.iter().enumerate() {
            let l = &gov.leaders[*ix];
            let _ = writeln!(out, "  {}. {} {}", n + 1, l.title, l.name);
        }
        for (_, r) in &open {
            if let Err(e) = r {
                let _ = writeln!(out, "  (not now: {e})");
            }
        }
        let leader = &gov.leaders[callable[self.choose(out, "Number?", callable.len())?]];
        let _ = writeln!(
            out,
            "What will you show? (numbers separated by spaces, or nothing)"
        );
        for (i, m) in s.materials.iter().enumerate() {
            let _ = writeln!(out, "  {}. {}", i + 1, m.title);
        }
        let answer = self.ask(out, ">")?;
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
        .map_err(Halt::from)
    }

    pub(super) fn recommend(
        &mut self,
        game: &mut Session,
        out: &mut impl Write,
    ) -> Result<String, Halt> {
        let s = game.scenario();
        let held = &game.world().resource::<crate::votes::VoteLog>().0;
        let coming: Vec<usize> = (0..s.votes.len())
            .filter(|v| !held.iter().any(|r| r.vote.index() == *v))
            .collect();
        if coming.is_empty() {
            return Err("every vote has been held".into());
        }
        let _ = writeln!(out, "On which coming vote?");
        for (n, v) in coming.iter().enumerate() {
            let _ = writeln!(out, "  {}. {}", n + 1, s.votes[*v].title);
        }
        let vote = s.votes[coming[self.choose(out, "Number?", coming.len())?]]
            .id
            .clone();
        let _ = writeln!(
            out,
            "  1. The Department should press for it\n  2. It should not"
        );
        let press = self.choose(out, "Number?", 2)? == 0;
        let text = self.ask(out, "Why, in a sentence or two (or nothing)?")?;
        game.command(Action::Recommend { vote, press, text })
            .map_err(Halt::from)
    }

    pub(super) fn decide(
        &mut self,
        game: &mut Session,
        out: &mut impl Write,
    ) -> Result<String, Halt> {
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
        .map_err(Halt::from)
    }

    /// Asks for a number from 1 to `n` until one is given; returns it 0-based.
    /// An empty answer, `cancel` or `quit` leaves the form.
    fn choose(&mut self, out: &mut impl Write, question: &str, n: usize) -> Result<usize, Halt> {
        loop {
            let answer = self.ask_required(out, question)?;
            match answer.parse::<usize>() {
                Ok(k) if (1..=n).contains(&k) => return Ok(k - 1),
                _ => {
                    let _ = writeln!(out, "! give a number from 1 to {n}");
                }
            }
        }
    }
}
