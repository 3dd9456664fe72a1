//! Saved state, registered by the domain that owns it, as bevy_ggrs registers rollback state:
//! each plugin names its resources (`app.saved_resource::<Flags>("flags")`) and its
//! components (`app.saved_component::<Rapport>("posts", Some("rapport"))`), and a snapshot
//! of a world is whatever the registry holds. A domain that adds state registers it beside
//! the `init_resource`, and nothing else has to change.
//!
//! A snapshot is captured from a world as typed values, which a save writes as RON (with
//! the registered names as field names). A snapshot read from a file keeps each field's RON
//! text until it is restored into a world, whose registry knows the types.

use std::any::Any;

use bevy::prelude::*;
use ron::value::RawValue;
use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, Visitor};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

/// A captured value: serializable, and typed again on restore.
trait Value: erased_serde::Serialize + Any + Send + Sync {}
impl<T: erased_serde::Serialize + Any + Send + Sync> Value for T {}

erased_serde::serialize_trait_object!(Value);

type Capture = fn(&World) -> Box<dyn Value>;
type Restore = fn(&RawValue, &mut World) -> Result<(), String>;
type CaptureOf = fn(EntityRef) -> Option<Box<dyn Value>>;
type RestoreOf = fn(&RawValue, &mut EntityWorldMut) -> Result<(), String>;
/// Reads a value of the registered type from a save's text, to check it.
type Check =
    for<'a, 'de> fn(&'a mut dyn erased_serde::Deserializer<'de>) -> Result<(), erased_serde::Error>;

#[derive(Clone)]
struct SavedResource {
    field: &'static str,
    /// Saves written before this state was saved lack it; they keep the initial value.
    optional: bool,
    capture: Capture,
    restore: Restore,
    check: Check,
}

#[derive(Clone)]
struct SavedComponent {
    /// The record's field, or `None` when the component is the whole record.
    field: Option<&'static str>,
    capture: CaptureOf,
    restore: RestoreOf,
    check: Check,
}

/// Entities saved one record each, in a stable order (the posts, the governments).
#[derive(Clone)]
struct Group {
    field: &'static str,
    /// The record's struct name in the file, when it has fields.
    record: &'static str,
    entities: fn(&World) -> Vec<Entity>,
    components: Vec<SavedComponent>,
}

/// What the registry holds. Filled while the app is built; read when a snapshot is taken
/// or restored.
#[derive(Resource, Default, Clone)]
pub struct Registry {
    resources: Vec<SavedResource>,
    groups: Vec<Group>,
    after_restore: Vec<fn(&mut World)>,
}

impl Registry {
    fn group(&mut self, field: &'static str) -> &mut Group {
        let i = self
            .groups
            .iter()
            .position(|g| g.field == field)
            .unwrap_or_else(|| panic!("saved group `{field}` is registered before its components"));
        &mut self.groups[i]
    }
}

/// Registering saved state on an [`App`].
pub trait SavedApp {
    /// A resource, saved as the snapshot's `field`.
    fn saved_resource<R>(&mut self, field: &'static str) -> &mut Self
    where
        R: Resource + Serialize + DeserializeOwned;

    /// A resource saved as `field` that older saves lack: loaded from one, it keeps its
    /// initial value.
    fn saved_resource_optional<R>(&mut self, field: &'static str) -> &mut Self
    where
        R: Resource + Serialize + DeserializeOwned;

    /// Entities saved as a list under `field`, one record each, in the order `entities`
    /// gives; `record` names a record that has fields.
    fn saved_group(
        &mut self,
        field: &'static str,
        record: &'static str,
        entities: fn(&World) -> Vec<Entity>,
    ) -> &mut Self;

    /// A component of each entity of `group`: the record's `field`, or (with `None`) the
    /// whole record.
    fn saved_component<C>(&mut self, group: &'static str, field: Option<&'static str>) -> &mut Self
    where
        C: Component<Mutability = bevy::ecs::component::Mutable>
            + Clone
            + Serialize
            + DeserializeOwned;

    /// Runs after a snapshot is restored, for state derived from the saved state.
    fn after_restore(&mut self, hook: fn(&mut World)) -> &mut Self;
}

impl SavedApp for App {
    fn saved_resource<R>(&mut self, field: &'static str) -> &mut Self
    where
        R: Resource + Serialize + DeserializeOwned,
    {
        registry(self).resources.push(SavedResource {
            field,
            optional: false,
            capture: |world| Box::new(copied::<R>(world.resource::<R>())),
            restore: |raw, world| {
                let value: R = raw.into_rust().map_err(|e| e.to_string())?;
                world.insert_resource(value);
                Ok(())
            },
            check: |d| erased_serde::deserialize::<R>(d).map(drop),
        });
        self
    }

    fn saved_resource_optional<R>(&mut self, field: &'static str) -> &mut Self
    where
        R: Resource + Serialize + DeserializeOwned,
    {
        self.saved_resource::<R>(field);
        if let Some(last) = registry(self).resources.last_mut() {
            last.optional = true;
        }
        self
    }

    fn saved_group(
        &mut self,
        field: &'static str,
        record: &'static str,
        entities: fn(&World) -> Vec<Entity>,
    ) -> &mut Self {
        registry(self).groups.push(Group {
            field,
            record,
            entities,
            components: Vec::new(),
        });
        self
    }

    fn saved_component<C>(&mut self, group: &'static str, field: Option<&'static str>) -> &mut Self
    where
        C: Component<Mutability = bevy::ecs::component::Mutable>
            + Clone
            + Serialize
            + DeserializeOwned,
    {
        registry(self).group(group).components.push(SavedComponent {
            field,
            capture: |entity| {
                entity
                    .get::<C>()
                    .map(|c| Box::new(c.clone()) as Box<dyn Value>)
            },
            restore: |raw, entity| {
                let value: C = raw.into_rust().map_err(|e| e.to_string())?;
                entity.insert(value);
                Ok(())
            },
            check: |d| erased_serde::deserialize::<C>(d).map(drop),
        });
        self
    }

    fn after_restore(&mut self, hook: fn(&mut World)) -> &mut Self {
        registry(self).after_restore.push(hook);
        self
    }
}

fn registry(app: &mut App) -> Mut<'_, Registry> {
    app.world_mut().get_resource_or_init::<Registry>()
}

/// A copy of a value that need not be `Clone`: resources are plain data, and a serde round
/// trip copies them.
fn copied<T: Serialize + DeserializeOwned>(value: &T) -> T {
    ron::from_str(&ron::to_string(value).expect("saved state serializes"))
        .expect("saved state deserializes")
}

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

/// Checks a save's text: each field of its snapshot is of the type the domain that owns it
/// registered, and none that a save must have is missing. The error points into the text.
pub fn check_save(
    options: &ron::Options,
    text: &str,
    registry: &Registry,
) -> Result<(), ron::error::SpannedError> {
    options.from_str_seed(text, SaveSeed(registry))
}

/// The save's top level: only its snapshot is checked here (the rest is typed by serde).
struct SaveSeed<'r>(&'r Registry);

impl<'de> DeserializeSeed<'de> for SaveSeed<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_struct("Save", &[], self)
    }
}

impl<'de> Visitor<'de> for SaveSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a Save struct")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "snapshot" {
                map.next_value_seed(SnapshotSeed(self.0))?;
            } else {
                map.next_value::<de::IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

struct SnapshotSeed<'r>(&'r Registry);

impl<'de> DeserializeSeed<'de> for SnapshotSeed<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_struct("Snapshot", &[], self)
    }
}

impl<'de> Visitor<'de> for SnapshotSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a Snapshot struct")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if let Some(r) = self.0.resources.iter().find(|r| r.field == key) {
                map.next_value_seed(Checked(r.check))?;
            } else if let Some(g) = self.0.groups.iter().find(|g| g.field == key) {
                map.next_value_seed(GroupSeed(g))?;
            } else {
                map.next_value::<de::IgnoredAny>()?;
            }
            seen.push(key);
        }
        let required = (self.0.resources.iter())
            .filter(|r| !r.optional)
            .map(|r| r.field)
            .chain(self.0.groups.iter().map(|g| g.field));
        for field in required {
            if !seen.iter().any(|s| s == field) {
                return Err(de::Error::missing_field(field));
            }
        }
        Ok(())
    }
}

/// One value, read as its registered type and dropped.
struct Checked(Check);

impl<'de> DeserializeSeed<'de> for Checked {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        let mut erased = <dyn erased_serde::Deserializer>::erase(d);
        (self.0)(&mut erased).map_err(de::Error::custom)
    }
}

struct GroupSeed<'g>(&'g Group);

impl<'de> DeserializeSeed<'de> for GroupSeed<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for GroupSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "a list of {}", self.0.field)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(RecordSeed(self.0))?.is_some() {}
        Ok(())
    }
}

struct RecordSeed<'g>(&'g Group);

impl<'de> DeserializeSeed<'de> for RecordSeed<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        match self.0.components.as_slice() {
            [one] if one.field.is_none() => Checked(one.check).deserialize(d),
            _ => d.deserialize_struct(self.0.record, &[], self),
        }
    }
}

impl<'de> Visitor<'de> for RecordSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "a {} struct", self.0.record)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            match self
                .0
                .components
                .iter()
                .find(|c| c.field == Some(key.as_str()))
            {
                Some(c) => map.next_value_seed(Checked(c.check))?,
                None => drop(map.next_value::<de::IgnoredAny>()?),
            }
            seen.push(key);
        }
        for field in self.0.components.iter().filter_map(|c| c.field) {
            if !seen.iter().any(|s| s == field) {
                return Err(de::Error::missing_field(field));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Resource, Default, Debug, PartialEq, Serialize, Deserialize)]
    struct Count(u32);

    #[derive(Resource, Default, Debug, PartialEq, Serialize, Deserialize)]
    struct Restored(bool);

    #[derive(Component, Clone, Debug, PartialEq, Serialize, Deserialize)]
    #[serde(transparent)]
    struct Mood(f64);

    #[derive(Component, Clone, Debug, PartialEq, Serialize, Deserialize)]
    #[serde(transparent)]
    struct Name(String);

    #[derive(Resource)]
    struct Folk(Vec<Entity>);

    /// A tiny app whose two domains register a resource and a group of two people.
    fn app(people: usize) -> App {
        let mut app = App::new();
        app.init_resource::<Count>()
            .init_resource::<Restored>()
            .saved_resource_optional::<Count>("count")
            .saved_group("folk", "Person", |w| w.resource::<Folk>().0.clone())
            .saved_component::<Mood>("folk", Some("mood"))
            .saved_component::<Name>("folk", Some("name"))
            .after_restore(|w| w.resource_mut::<Restored>().0 = true);
        let folk = (0..people)
            .map(|i| {
                let name = Name(format!("p{i}"));
                app.world_mut().spawn((Mood(0.5), name)).id()
            })
            .collect();
        app.insert_resource(Folk(folk));
        app
    }

    fn written(app: &App) -> String {
        let pretty = ron::ser::PrettyConfig::default().struct_names(true);
        ron::ser::to_string_pretty(&Snapshot::capture(app.world()), pretty).unwrap()
    }

    #[test]
    fn a_snapshot_holds_what_the_domains_registered_and_restores_it() {
        let mut from = app(2);
        from.world_mut().resource_mut::<Count>().0 = 7;
        let first = from.world().resource::<Folk>().0[0];
        from.world_mut().get_mut::<Mood>(first).unwrap().0 = 0.9;
        let text = written(&from);
        assert!(text.contains("count: Count(7)"), "{text}");
        assert!(
            text.contains("Person(") && text.contains("mood: 0.9"),
            "{text}"
        );

        let mut to = app(2);
        let read: Snapshot = ron::from_str(&text).unwrap();
        read.restore(to.world_mut()).unwrap();
        assert_eq!(to.world().resource::<Count>(), &Count(7));
        let first = to.world().resource::<Folk>().0[0];
        assert_eq!(to.world().get::<Mood>(first), Some(&Mood(0.9)));
        assert!(to.world().resource::<Restored>().0, "the hook ran");
        assert_eq!(written(&to), text, "restored, it is the same state");
    }

    #[test]
    fn a_snapshot_of_another_world_is_refused_and_a_missing_field_keeps_its_value() {
        let text = written(&app(3));
        let mut two = app(2);
        let read: Snapshot = ron::from_str(&text).unwrap();
        let err = read.restore(two.world_mut()).unwrap_err();
        assert_eq!(
            err,
            "the snapshot does not fit this scenario (3 folk saved, 2 here)"
        );
        assert!(!two.world().resource::<Restored>().0, "nothing was changed");

        // A save from before `count` (optional) was saved: the world's own value stays.
        let mut from = app(2);
        from.world_mut().resource_mut::<Count>().0 = 3;
        let older = written(&from).replace("count: Count(3),", "");
        let mut to = app(2);
        to.world_mut().resource_mut::<Count>().0 = 11;
        let read: Snapshot = ron::from_str(&older).unwrap();
        read.restore(to.world_mut()).unwrap();
        assert_eq!(to.world().resource::<Count>(), &Count(11));

        // Without the people (which every save has), it is refused.
        let start = older.find("folk:").unwrap();
        let headless = format!("{})", &older[..start].trim_end());
        let read: Snapshot = ron::from_str(&headless).unwrap();
        assert_eq!(
            read.restore(app(2).world_mut()).unwrap_err(),
            "the snapshot has no `folk`"
        );
    }
}
