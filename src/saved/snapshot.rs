//! A snapshot: the registered state of a world, captured as typed values or read from a
//! file as RON text, and restored into a world of the same game.

use bevy::prelude::*;
use ron::value::RawValue;
use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, Visitor};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

use super::{Group, Registry, Value};

/// The whole state of a game between two commands, as data: what a save holds so that
/// loading does not replay anything, and what `replay` compares. The scenario and the setup
/// are not in it: they are what the state is a state of.
pub struct Snapshot(Form);

enum Form {
    Captured(Vec<(&'static str, Captured)>),
    /// As read from a file: each field's RON, typed when restored.
    Read(Vec<(String, Box<RawValue>)>),
}

enum Captured {
    One(Box<dyn Value>),
    Group {
        record: &'static str,
        records: Vec<Vec<Part>>,
    },
}

/// One component of a record: its field (none when it is the whole record), and its value
/// (none when the entity lacks it).
type Part = (Option<&'static str>, Option<Box<dyn Value>>);

impl Snapshot {
    /// The registered state of `world`.
    pub fn capture(world: &World) -> Snapshot {
        let registry = world.resource::<Registry>();
        let mut fields: Vec<(&'static str, Captured)> = registry
            .resources
            .iter()
            .map(|r| (r.field, Captured::One((r.capture)(world))))
            .collect();
        for group in &registry.groups {
            let records = (group.entities)(world)
                .into_iter()
                .map(|e| {
                    let entity = world.entity(e);
                    group
                        .components
                        .iter()
                        .map(|c| (c.field, (c.capture)(entity)))
                        .collect()
                })
                .collect();
            fields.push((
                group.field,
                Captured::Group {
                    record: group.record,
                    records,
                },
            ));
        }
        Snapshot(Form::Captured(fields))
    }

    /// Puts this state into a world built from the same scenario (and so with the same
    /// registry). Fields a save lacks (state added since it was written) keep the world's
    /// initial values.
    pub fn restore(self, world: &mut World) -> Result<(), String> {
        let fields = self.into_read()?;
        let find = |name: &str| fields.iter().find(|(f, _)| f == name).map(|(_, raw)| raw);
        world.resource_scope(|world, registry: Mut<Registry>| {
            // Every group is checked against the world before anything changes.
            let mut groups = Vec::new();
            for group in &registry.groups {
                let raw = find(group.field)
                    .ok_or_else(|| format!("the snapshot has no `{}`", group.field))?;
                let records: Vec<Box<RawValue>> = raw
                    .into_rust()
                    .map_err(|e| format!("{}: {e}", group.field))?;
                let entities = (group.entities)(world);
                if records.len() != entities.len() {
                    return Err(format!(
                        "the snapshot does not fit this scenario ({} {} saved, {} here)",
                        records.len(),
                        group.field,
                        entities.len()
                    ));
                }
                groups.push((group, entities, records));
            }
            for r in &registry.resources {
                match find(r.field) {
                    Some(raw) => {
                        (r.restore)(raw, world).map_err(|e| format!("{}: {e}", r.field))?
                    }
                    None if r.optional => {}
                    None => return Err(format!("the snapshot has no `{}`", r.field)),
                }
            }
            for (group, entities, records) in groups {
                for (e, record) in entities.into_iter().zip(records) {
                    restore_record(group, &record, &mut world.entity_mut(e))?;
                }
            }
            for hook in &registry.after_restore {
                hook(world);
            }
            Ok(())
        })
    }

    /// One field's value, typed.
    pub fn field<T: DeserializeOwned>(&self, name: &str) -> Result<T, String> {
        match &self.0 {
            Form::Read(fields) => fields
                .iter()
                .find(|(f, _)| f == name)
                .ok_or_else(|| format!("the snapshot has no `{name}`"))?
                .1
                .into_rust()
                .map_err(|e| e.to_string()),
            Form::Captured(_) => {
                let text = ron::to_string(self).map_err(|e| e.to_string())?;
                Snapshot::from_ron(&text)?.field(name)
            }
        }
    }

    /// Where this snapshot, read from a save, parts from `replayed`, the snapshot of the game
    /// its command log replays to: the field and the place inside it, and both values. Fields
    /// the save lacks (state added since it was written) are not compared.
    pub fn first_difference(&self, replayed: &Snapshot) -> Result<Option<String>, String> {
        let ours = replayed.read_fields()?;
        for (name, theirs) in self.read_fields()? {
            let Some((_, mine)) = ours.iter().find(|(f, _)| *f == name) else {
                return Ok(Some(format!(
                    "it holds `{name}`, which this game does not have"
                )));
            };
            let parted =
                super::difference::between(&theirs, mine).map_err(|e| format!("{name}: {e}"))?;
            if let Some(at) = parted {
                return Ok(Some(format!("`{name}`{at}")));
            }
        }
        Ok(None)
    }

    /// Each field's RON text.
    fn read_fields(&self) -> Result<Vec<(String, String)>, String> {
        match &self.0 {
            Form::Read(fields) => Ok(fields
                .iter()
                .map(|(f, raw)| (f.clone(), raw.get_ron().to_string()))
                .collect()),
            Form::Captured(_) => {
                let text = ron::to_string(self).map_err(|e| e.to_string())?;
                Snapshot::from_ron(&text)?.read_fields()
            }
        }
    }

    fn from_ron(text: &str) -> Result<Snapshot, String> {
        ron::from_str(text).map_err(|e| e.to_string())
    }

    /// The fields as RON text, however the snapshot was made.
    fn into_read(self) -> Result<Vec<(String, Box<RawValue>)>, String> {
        match self.0 {
            Form::Read(fields) => Ok(fields),
            form @ Form::Captured(_) => {
                let text = ron::to_string(&Snapshot(form)).map_err(|e| e.to_string())?;
                match Snapshot::from_ron(&text)?.0 {
                    Form::Read(fields) => Ok(fields),
                    Form::Captured(_) => unreachable!("a snapshot read from text is read"),
                }
            }
        }
    }
}

fn restore_record(
    group: &Group,
    record: &RawValue,
    entity: &mut EntityWorldMut,
) -> Result<(), String> {
    let at = |e: String| format!("{}: {e}", group.field);
    if let [one] = group.components.as_slice()
        && one.field.is_none()
    {
        return (one.restore)(record, entity).map_err(at);
    }
    let fields = ron::Options::default()
        .from_str_seed(record.get_ron(), Fields(group.record))
        .map_err(|e| at(e.to_string()))?;
    for c in &group.components {
        let name = c.field.unwrap_or_default();
        if let Some((_, raw)) = fields.iter().find(|(f, _)| f == name) {
            (c.restore)(raw, entity).map_err(|e| at(format!("{name}: {e}")))?;
        }
    }
    Ok(())
}

impl Serialize for Snapshot {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Form::Captured(fields) => {
                let mut s = serializer.serialize_struct("Snapshot", fields.len())?;
                for (name, value) in fields {
                    s.serialize_field(name, value)?;
                }
                s.end()
            }
            Form::Read(_) => Err(serde::ser::Error::custom(
                "a snapshot read from a file is written again only once restored into a world",
            )),
        }
    }
}

impl Serialize for Captured {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Captured::One(value) => value.serialize(serializer),
            Captured::Group { record, records } => {
                serializer.collect_seq(records.iter().map(|r| Record {
                    name: record,
                    fields: r,
                }))
            }
        }
    }
}

struct Record<'a> {
    name: &'static str,
    fields: &'a [Part],
}

impl Serialize for Record<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let [(None, value)] = self.fields {
            // A component missing from its entity (none is, in a world the game built).
            return match value {
                Some(value) => value.serialize(serializer),
                None => serializer.serialize_unit(),
            };
        }
        let present = self.fields.iter().filter(|(_, v)| v.is_some()).count();
        let mut s = serializer.serialize_struct(self.name, present)?;
        for (name, value) in self.fields {
            if let (Some(name), Some(value)) = (name, value) {
                s.serialize_field(name, value)?;
            }
        }
        s.end()
    }
}

impl<'de> Deserialize<'de> for Snapshot {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Snapshot, D::Error> {
        Fields("Snapshot")
            .deserialize(deserializer)
            .map(|fields| Snapshot(Form::Read(fields)))
    }
}

/// A struct of any fields, each kept as its RON text: the snapshot, or a group's record.
struct Fields(&'static str);

impl<'de> DeserializeSeed<'de> for Fields {
    type Value = Vec<(String, Box<RawValue>)>;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_struct(self.0, &[], self)
    }
}

impl<'de> Visitor<'de> for Fields {
    type Value = Vec<(String, Box<RawValue>)>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "a {} struct", self.0)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut fields = Vec::new();
        while let Some(name) = map.next_key::<String>()? {
            fields.push((name, map.next_value::<Box<RawValue>>()?));
        }
        Ok(fields)
    }
}
