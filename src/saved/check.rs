//! A save's snapshot checked against the types its domains registered, straight from the
//! file's text, so that an error points at its line and column.

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};

use super::{Check, Group, Registry};

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
