//! Saved state, registered by the domain that owns it, as bevy_ggrs registers rollback state:
//! each plugin names its resources (`app.saved_resource::<Flags>("flags")`) and its
//! components (`app.saved_component::<Rapport>("posts", Some("rapport"))`), and a snapshot
//! of a world is whatever the registry holds. A domain that adds state registers it beside
//! the `init_resource`, and nothing else has to change.
//!
//! A snapshot is captured from a world as typed values, which a save writes as RON (with
//! the registered names as field names). A snapshot read from a file keeps each field's RON
//! text until it is restored into a world, whose registry knows the types.

mod check;
mod difference;
mod snapshot;

use std::any::Any;

use bevy::prelude::*;
use ron::value::RawValue;
use serde::Serialize;
use serde::de::DeserializeOwned;

pub use check::check_save;
pub use snapshot::Snapshot;

/// A captured value: serializable, and typed again on restore.
pub(crate) trait Value: erased_serde::Serialize + Any + Send + Sync {}
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

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
