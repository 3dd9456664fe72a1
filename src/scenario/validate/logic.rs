//! Triggers, effects, events and votes, and whether each telegram can ever be sent.

use super::super::format::*;
use super::super::model::*;
use super::super::spans::Seg;
use super::world::{AllNames, cites};
use super::{Cx, Then, path};

/// Resolves the rules of a scenario; collects the `Chance` draws as it goes.
pub(super) struct Logic<'a> {
    pub n: &'a AllNames,
    pub issues: &'a [Issue],
    pub chances: Vec<f64>,
}

impl<'a> Logic<'a> {
    pub fn new(n: &'a AllNames, issues: &'a [Issue]) -> Self {
        Logic {
            n,
            issues,
            chances: Vec::new(),
        }
    }

    /// The width of an issue's scale: how far one effect may move a stance on it.
    fn scale(&self, issue: IssueId) -> Option<f64> {
        self.issues.get(issue.index()).map(|i| i.max - i.min)
    }

    pub fn trigger(&mut self, cx: &mut Cx, at: &[Seg], raw: &RawTrigger) -> Trigger {
        let n = self.n;
        match raw {
            RawTrigger::At(m) => {
                cx.within_period(&at.then(0), "the trigger's date", *m);
                Trigger::At(*m)
            }
            RawTrigger::Flag(f) => Trigger::Flag(self.flag_tested(cx, &at.then(0), f)),
            RawTrigger::StanceAbove {
                government,
                issue,
                value,
            }
            | RawTrigger::StanceBelow {
                government,
                issue,
                value,
            } => {
                let government = GovId(n.governments.resolve(
                    cx,
                    &at.then("government"),
                    government,
                ));
                let issue = IssueId(n.issues.resolve(cx, &at.then("issue"), issue));
                if let Some(i) = self.issues.get(issue.index()) {
                    cx.in_range(&at.then("value"), "the threshold", *value, i.min, i.max);
                }
                if matches!(raw, RawTrigger::StanceAbove { .. }) {
                    Trigger::StanceAbove {
                        government,
                        issue,
                        value: *value,
                    }
                } else {
                    Trigger::StanceBelow {
                        government,
                        issue,
                        value: *value,
                    }
                }
            }
            RawTrigger::Replied {
                telegram,
                request,
                from,
            } => {
                let (telegram, request) = self.request_ref(cx, at, telegram, request);
                Trigger::Replied {
                    telegram,
                    request,
                    from: self.post_opt(cx, &at.then("from"), from),
                }
            }
            RawTrigger::NoReply {
                telegram,
                request,
                from,
                by,
            } => {
                cx.within_period(&at.then("by"), "the reply deadline", *by);
                let (telegram, request) = self.request_ref(cx, at, telegram, request);
                Trigger::NoReply {
                    telegram,
                    request,
                    from: self.post_opt(cx, &at.then("from"), from),
                    by: *by,
                }
            }
            RawTrigger::Vote { vote, result } => Trigger::Vote {
                vote: VoteId(n.votes.resolve(cx, &at.then("vote"), vote)),
                result: *result,
            },
            RawTrigger::Chance(p) => {
                cx.in_range(&at.then(0), "the probability", *p, 0.0, 1.0);
                self.chances.push(*p);
                Trigger::Chance(ChanceId(self.chances.len() as u32 - 1))
            }
            RawTrigger::All(ts) => Trigger::All(self.triggers(cx, at, ts)),
            RawTrigger::Any(ts) => Trigger::Any(self.triggers(cx, at, ts)),
            RawTrigger::Not(t) => Trigger::Not(Box::new(self.trigger(cx, &at.then(0), t))),
        }
    }

    fn triggers(&mut self, cx: &mut Cx, at: &[Seg], ts: &[RawTrigger]) -> Vec<Trigger> {
        if ts.is_empty() {
            cx.error(
                at,
                "an empty `All`/`Any`; expected at least one trigger inside",
            );
        }
        ts.iter()
            .enumerate()
            .map(|(i, t)| self.trigger(cx, &at.then(0).then(i), t))
            .collect()
    }

    fn flag_tested(&self, cx: &mut Cx, at: &[Seg], flag: &str) -> FlagId {
        if self.n.flags.contains(flag) {
            FlagId(self.n.flags.resolve(cx, at, flag))
        } else {
            let hint = super::super::diagnostics::closest(
                flag,
                self.n.flags.ids().iter().map(String::as_str),
            )
            .map(|near| format!("; did you mean `{near}`?"))
            .unwrap_or_else(|| "; expected a flag that a `SetFlag` effect sets".into());
            cx.error(
                at,
                format!("flag `{flag}` is tested here but no effect ever sets it{hint}"),
            );
            FlagId(0)
        }
    }

    fn request_ref(
        &self,
        cx: &mut Cx,
        at: &[Seg],
        telegram: &str,
        request: &str,
    ) -> (TelegramId, RequestIx) {
        let t = self.n.telegrams.resolve(cx, &at.then("telegram"), telegram);
        let ix = self
            .n
            .telegram_requests
            .get(t as usize)
            .and_then(|reqs| reqs.iter().position(|r| r == request));
        match ix {
            Some(ix) if self.n.action_requests[t as usize][ix] => {
                cx.error(
                    &at.then("request"),
                    format!(
                        "request `{request}` of `{telegram}` asks for action, which gets no reply; expected an estimate or decision request"
                    ),
                );
                (TelegramId(t), ix)
            }
            Some(ix) => (TelegramId(t), ix),
            None => {
                if self.n.telegrams.contains(telegram) {
                    cx.error(
                        &at.then("request"),
                        format!(
                            "telegram `{telegram}` has no request `{request}`; expected one of: {}",
                            self.n.telegram_requests[t as usize].join(", ")
                        ),
                    );
                }
                (TelegramId(t), 0)
            }
        }
    }

    fn post_opt(&self, cx: &mut Cx, at: &[Seg], post: &Option<String>) -> Option<PostId> {
        post.as_ref()
            .map(|p| PostId(self.n.missions.resolve(cx, at, p)))
    }

    pub fn effects(&mut self, cx: &mut Cx, at: &[Seg], raw: &[RawEffect]) -> Vec<Effect> {
        raw.iter()
            .enumerate()
            .map(|(i, e)| self.effect(cx, &at.then(i), e))
            .collect()
    }

    fn effect(&mut self, cx: &mut Cx, at: &[Seg], raw: &RawEffect) -> Effect {
        let n = self.n;
        match raw {
            RawEffect::MoveStance {
                governments,
                issue,
                by,
                spread,
            } => {
                let issue = IssueId(n.issues.resolve(cx, &at.then("issue"), issue));
                if let Some(scale) = self.scale(issue) {
                    cx.in_range(&at.then("by"), "`by`", *by, -scale, scale);
                    cx.in_range(&at.then("spread"), "the spread", *spread, 0.0, scale);
                }
                if governments.is_empty() {
                    cx.error(
                        &at.then("governments"),
                        "no governments to move; expected at least one",
                    );
                }
                Effect::MoveStance {
                    governments: governments
                        .iter()
                        .enumerate()
                        .map(|(i, g)| {
                            GovId(
                                n.governments
                                    .resolve(cx, &at.then("governments").then(i), g),
                            )
                        })
                        .collect(),
                    issue,
                    by: *by,
                    spread: *spread,
                }
            }
            RawEffect::SetFlag(f) => Effect::SetFlag(FlagId(n.flags.resolve(cx, at, f))),
            RawEffect::ClearFlag(f) => Effect::ClearFlag(FlagId(n.flags.resolve(cx, at, f))),
            RawEffect::Send(t) => Effect::Send(TelegramId(n.telegrams.resolve(cx, &at.then(0), t))),
            RawEffect::Schedule {
                telegram,
                after_hours,
            } => Effect::Schedule {
                telegram: {
                    cx.at_most(
                        &at.then("after_hours"),
                        "`after_hours`",
                        *after_hours,
                        super::numbers::MAX_HOURS,
                    );
                    TelegramId(n.telegrams.resolve(cx, &at.then("telegram"), telegram))
                },
                after_hours: *after_hours,
            },
            RawEffect::Rapport { post, by } => Effect::Rapport {
                post: {
                    cx.in_range(&at.then("by"), "`by`", *by, -1.0, 1.0);
                    PostId(n.missions.resolve(cx, &at.then("post"), post))
                },
                by: *by,
            },
            RawEffect::CallVote(v) => Effect::CallVote(VoteId(n.votes.resolve(cx, &at.then(0), v))),
            RawEffect::End(e) => Effect::End(EndingId(n.endings.resolve(cx, &at.then(0), e))),
        }
    }

    pub fn events(&mut self, cx: &mut Cx, raw: &RawScenario) -> Vec<Event> {
        raw.events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let at = path(&["events"]).then(i);
                Event {
                    id: e.id.clone(),
                    headline: e.headline.clone(),
                    text: e.text.clone(),
                    trigger: self.trigger(cx, &at.then("trigger"), &e.trigger),
                    effects: self.effects(cx, &at.then("effects"), &e.effects),
                    cite: cites(cx, self.n, &at, &e.cite),
                    provenance: e.provenance,
                    known_to: e
                        .known_to
                        .iter()
                        .enumerate()
                        .map(|(k, who)| {
                            if who == "department" {
                                Station::Department
                            } else {
                                Station::Post(PostId(self.n.missions.resolve_as(
                                    cx,
                                    &at.then("known_to").then(k),
                                    who,
                                    "(or `department`)",
                                )))
                            }
                        })
                        .collect(),
                }
            })
            .collect()
    }
}
