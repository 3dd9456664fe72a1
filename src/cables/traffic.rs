//! Sending and delivering: transit time by precedence, office hours, and in-trays.

use bevy::prelude::*;

use super::{Archive, Cable, CableId};
use crate::calendar::{Agenda, Calendar, Until};
use crate::effects::{SendTelegram, apply_all};
use crate::saved::SavedApp;
use crate::scenario::format::Precedence;
use crate::scenario::{Moment, Reference, Scenario, Station, TelegramId};
use crate::stations::{InTray, Stations};
use crate::transcript::{Entry, Transcript};
use crate::vocab::{ActiveScenario, Setup, SimSet};

/// A cable handed to the wire.
#[derive(Message, Clone, Debug)]
pub struct Sent(pub Cable);

/// A cable has reached a station's in-tray.
#[derive(Event, Clone, Copy, Debug)]
pub struct Delivered {
    pub cable: CableId,
    pub to: Station,
    pub at: Moment,
}

/// Cables on the wire, and which scenario telegrams have gone out.
#[derive(Resource, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Traffic {
    /// (due, order sent, cable, addressee): delivered in this order.
    in_transit: Vec<(Moment, usize, CableId, Station)>,
    /// Telegrams an effect scheduled for later.
    scheduled: Vec<(Moment, TelegramId)>,
    pub sent_telegrams: Vec<bool>,
}

impl Traffic {
    pub fn schedule(&mut self, at: Moment, telegram: TelegramId, agenda: &mut Agenda) {
        self.scheduled.push((at, telegram));
        agenda.add(at);
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<Sent>()
        .init_resource::<Traffic>()
        .saved_resource::<Traffic>("traffic")
        .add_systems(Startup, size_traffic)
        .add_observer(send_by_effect)
        .add_systems(
            Update,
            (
                (send_scheduled, deliver).chain().in_set(SimSet::Traffic),
                dispatch.in_set(SimSet::Dispatch),
            ),
        );
}

fn size_traffic(mut traffic: ResMut<Traffic>, scenario: Res<ActiveScenario>) {
    traffic.sent_telegrams = vec![false; scenario.telegrams.len()];
}

/// The cable a scenario telegram becomes when it is sent at `now`.
pub fn send_telegram(scenario: &Scenario, id: TelegramId, now: Moment) -> Cable {
    let t = scenario.telegram(id);
    Cable {
        series: t.series,
        number: t.number,
        precedence: t.precedence,
        classification: t.classification,
        captions: t.captions.clone(),
        from: t.from,
        to: t.to.clone(),
        repeated: t.repeated.clone(),
        info: t.info.clone(),
        to_caption: t.to_caption.clone(),
        refs: t
            .refs
            .iter()
            .map(|r| match r {
                Reference::Telegram(r) => scenario.telegram(*r).cited(),
                Reference::External(s) => s.clone(),
            })
            .collect(),
        subject: t.subject.clone(),
        body: t.body.clone(),
        signed: t.signed.clone(),
        sent: now,
        telegram: Some(id),
        answers: None,
        file: t.file.clone(),
        citation: (!t.cite.is_empty()).then(|| {
            t.cite
                .iter()
                .map(|s| scenario.sources[s.index()].citation.clone())
                .collect::<Vec<_>>()
                .join("; ")
        }),
    }
}

fn send_scheduled(
    mut traffic: ResMut<Traffic>,
    calendar: Res<Calendar>,
    scenario: Res<ActiveScenario>,
    mut sent: MessageWriter<Sent>,
) {
    let now = calendar.now;
    let due: Vec<TelegramId> = traffic
        .scheduled
        .iter()
        .filter(|(at, _)| *at <= now)
        .map(|(_, t)| *t)
        .collect();
    traffic.scheduled.retain(|(at, _)| *at > now);
    for t in due {
        if !traffic.sent_telegrams[t.index()] {
            traffic.sent_telegrams[t.index()] = true;
            sent.write(Sent(send_telegram(&scenario, t, now)));
        }
    }
}

/// Files each sent cable and puts it on the wire to every recipient.
fn dispatch(
    mut incoming: MessageReader<Sent>,
    mut archive: ResMut<Archive>,
    mut traffic: ResMut<Traffic>,
    mut agenda: ResMut<Agenda>,
    mut transcript: ResMut<Transcript>,
    scenario: Res<ActiveScenario>,
    stations: Res<Stations>,
    mut trays: Query<&mut InTray>,
    mut commands: Commands,
) {
    for Sent(cable) in incoming.read() {
        let id = CableId(archive.0.len() as u32);
        for to in cable.recipients() {
            // A paper filed in the sender's own files (a memorandum) is there at once.
            if to == cable.from {
                if let Ok(mut tray) = trays.get_mut(stations.entity(to)) {
                    tray.receive(id, cable.sent);
                }
                commands.trigger(Delivered {
                    cable: id,
                    to,
                    at: cable.sent,
                });
                continue;
            }
            let due = arrival(&scenario, cable.sent, cable.precedence);
            let order = traffic.in_transit.len() + archive.0.len();
            traffic.in_transit.push((due, order, id, to));
            agenda.add(due);
        }
        transcript.push(Entry::Sent {
            at: cable.sent,
            cable: id,
        });
        if let Some(t) = cable.telegram {
            let t = scenario.telegram(t);
            apply_all(
                &mut commands,
                &t.effects,
                &format!("{}: {}", t.cited(), t.subject),
            );
        }
        archive.0.push(cable.clone());
    }
    traffic.in_transit.sort();
}

/// When a cable is read: after its transit time, and, unless it is Niact, in office hours.
fn arrival(scenario: &Scenario, sent: Moment, precedence: Precedence) -> Moment {
    let model = &scenario.model;
    let landed = sent.plus_hours(model.transit(precedence) as i64);
    if precedence == Precedence::Niact {
        return landed;
    }
    model.next_office_hour(landed)
}

fn deliver(
    mut traffic: ResMut<Traffic>,
    mut calendar: ResMut<Calendar>,
    setup: Res<Setup>,
    people: Res<crate::vocab::People>,
    stations: Res<Stations>,
    mut trays: Query<&mut InTray>,
    mut transcript: ResMut<Transcript>,
    mut commands: Commands,
    archive: Res<Archive>,
) {
    let now = calendar.now;
    let split = traffic.in_transit.partition_point(|(due, ..)| *due <= now);
    let due: Vec<_> = traffic.in_transit.drain(..split).collect();
    let mut batch: Vec<(CableId, Vec<Station>, Moment)> = Vec::new();
    for (at, _, cable, to) in due {
        if let Ok(mut tray) = trays.get_mut(stations.entity(to)) {
            tray.receive(cable, at);
        }
        // A run stops when a cable reaches the player it waits for (in a class, any
        // student's post), and on every Niact to a person.
        let person = to == setup.role.station() || people.at(to);
        let niact = archive.get(cable).precedence == Precedence::Niact && people.at(to);
        if (person && calendar.until == Some(Until::NextCable)) || niact {
            calendar.until = None;
        }
        match batch.last_mut() {
            Some((c, list, t)) if *c == cable && *t == at => list.push(to),
            _ => batch.push((cable, vec![to], at)),
        }
        commands.trigger(Delivered { cable, to, at });
    }
    for (cable, to, at) in batch {
        transcript.push(Entry::Delivered { at, cable, to });
    }
}

/// `Send` and `Schedule` effects: a scenario telegram goes out (once) now or later.
fn send_by_effect(
    on: On<SendTelegram>,
    mut traffic: ResMut<Traffic>,
    mut agenda: ResMut<Agenda>,
    calendar: Res<Calendar>,
    scenario: Res<ActiveScenario>,
    mut sent: MessageWriter<Sent>,
) {
    let SendTelegram {
        telegram: t,
        after_hours,
    } = *on.event();
    match after_hours {
        None if !traffic.sent_telegrams[t.index()] => {
            traffic.sent_telegrams[t.index()] = true;
            sent.write(Sent(send_telegram(&scenario, t, calendar.now)));
        }
        // A telegram already sent goes out only once.
        None => {}
        Some(hours) => {
            let at = calendar.now.plus_hours(hours as i64);
            traffic.schedule(at, t, &mut agenda);
        }
    }
}
