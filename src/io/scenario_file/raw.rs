//! The scenario file as written: every value kept, nothing resolved yet.
//!
//! Deserialization here is deliberately lenient about *content* (unknown keys,
//! misspelled keywords, impossible dates, missing fields are all kept for the
//! validator, which reports every one of them) and strict about *shape* (a
//! list where a string belongs is a syntax error with line and column).

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

use crate::{ActorKind, Date, Firmness, RelationKind, Stance};

/// A value that parsed, or the text that did not.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Lenient<T> {
    Valid(T),
    Invalid(String),
}

impl<'de, T: FromStr> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(LenientVisitor(PhantomData))
    }
}

struct LenientVisitor<T>(PhantomData<T>);

impl<'de, T: FromStr> Visitor<'de> for LenientVisitor<T> {
    type Value = Lenient<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(match text.parse() {
            Ok(value) => Lenient::Valid(value),
            Err(_) => Lenient::Invalid(text.to_owned()),
        })
    }

    /// TOML hands native dates (`date = 2025-05-29`) over as a map with one
    /// private key; any other map is the wrong type.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        const TOML_DATETIME: &str = "$__toml_private_datetime";
        let key: Option<String> = map.next_key()?;
        if key.as_deref() != Some(TOML_DATETIME) {
            return Err(de::Error::invalid_type(de::Unexpected::Map, &self));
        }
        let text: String = map.next_value()?;
        if map.next_key::<IgnoredAny>()?.is_some() {
            return Err(de::Error::invalid_type(de::Unexpected::Map, &self));
        }
        self.visit_str(&text)
    }
}

/// A mapping whose known keys are listed in `FIELDS`; unknown keys are
/// collected (not rejected) so that validation can report all of them.
pub(crate) trait Record: Default {
    const EXPECTING: &'static str;
    const FIELDS: &'static [&'static str];
    fn read_field<'de, A: MapAccess<'de>>(
        &mut self,
        field: usize,
        map: &mut A,
    ) -> Result<(), A::Error>;
    fn unknown_keys(&mut self) -> &mut Vec<String>;
}

/// A mapping key: the index of a known field, or an unknown key's text.
pub(crate) enum Key {
    Known(usize),
    Unknown(String),
}

impl Key {
    pub(crate) fn known(&self) -> Option<usize> {
        match self {
            Key::Known(i) => Some(*i),
            Key::Unknown(_) => None,
        }
    }

    pub(crate) fn unknown(self) -> Option<String> {
        match self {
            Key::Known(_) => None,
            Key::Unknown(k) => Some(k),
        }
    }
}

/// Reads a mapping key against a list of known field names.
pub(crate) struct FieldKey(pub(crate) &'static [&'static str]);

impl<'de> DeserializeSeed<'de> for FieldKey {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for FieldKey {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(match self.0.iter().position(|f| *f == key) {
            Some(i) => Key::Known(i),
            None => Key::Unknown(key.to_owned()),
        })
    }
}

pub(crate) struct RecordVisitor<T>(PhantomData<T>);

impl<T> RecordVisitor<T> {
    pub(crate) fn new() -> Self {
        RecordVisitor(PhantomData)
    }
}

impl<'de, T: Record> Visitor<'de> for RecordVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (a mapping with keys {})",
            T::EXPECTING,
            T::FIELDS.join(", ")
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut record = T::default();
        let mut seen: u64 = 0;
        while let Some(key) = map.next_key_seed(FieldKey(T::FIELDS))? {
            match key {
                Key::Known(i) => {
                    // Formats that allow repeated keys would otherwise keep
                    // only the last value: silent data loss.
                    if seen & (1 << i) != 0 {
                        return Err(de::Error::custom(format_args!(
                            "duplicate field `{}` in {}",
                            T::FIELDS[i],
                            T::EXPECTING
                        )));
                    }
                    seen |= 1 << i;
                    record.read_field(i, &mut map)?;
                }
                Key::Unknown(key) => {
                    map.next_value::<IgnoredAny>()?;
                    record.unknown_keys().push(key);
                }
            }
        }
        Ok(record)
    }
}

/// Implements [`Record`]: the field list and a reader for each field.
macro_rules! record_fields {
    ($name:ident, $expecting:literal { $($field:ident),+ $(,)? }) => {
        impl Record for $name {
            const EXPECTING: &'static str = $expecting;
            const FIELDS: &'static [&'static str] = &[$(stringify!($field)),+];

            fn read_field<'de, A: MapAccess<'de>>(&mut self, field: usize, map: &mut A) -> Result<(), A::Error> {
                let mut i = 0;
                $(
                    if field == i {
                        self.$field = map.next_value()?;
                        return Ok(());
                    }
                    i += 1;
                )+
                let _ = i;
                map.next_value::<IgnoredAny>().map(|_| ())
            }

            fn unknown_keys(&mut self) -> &mut Vec<String> {
                &mut self.unknown
            }
        }
    };
}

/// Implements [`Record`] and `Deserialize` (from a mapping) for a record.
macro_rules! record {
    ($name:ident, $expecting:literal { $($field:ident),+ $(,)? }) => {
        record_fields!($name, $expecting { $($field),+ });

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_map(RecordVisitor::<$name>::new())
            }
        }
    };
}

#[derive(Debug, Default)]
pub(crate) struct RawActor {
    pub id: Option<String>,
    pub name: Option<String>,
    pub kind: Option<Lenient<ActorKind>>,
    pub aliases: Option<Vec<String>>,
    pub member_of: Option<Vec<RawMembership>>,
    pub speaks_for: Option<String>,
    pub role: Option<String>,
    pub unknown: Vec<String>,
}
record!(RawActor, "an actor" { id, name, kind, aliases, member_of, speaks_for, role });

/// `nato` or `{actor: nato, since: 1949-04-04, until: ...}`.
#[derive(Debug, Default)]
pub(crate) struct RawMembership {
    pub actor: Option<String>,
    pub since: Option<Lenient<Date>>,
    pub until: Option<Lenient<Date>>,
    pub unknown: Vec<String>,
}

record_fields!(RawMembership, "a membership" { actor, since, until });

impl<'de> Deserialize<'de> for RawMembership {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StringOr::<RawMembership>::new(|actor| RawMembership {
            actor: Some(actor),
            ..RawMembership::default()
        }))
    }
}

/// Accepts either a bare string (turned into a record by `from_str`) or a
/// mapping read as the record itself.
struct StringOr<T> {
    from_str: fn(String) -> T,
}

impl<T> StringOr<T> {
    fn new(from_str: fn(String) -> T) -> Self {
        StringOr { from_str }
    }
}

impl<'de, T: Record> Visitor<'de> for StringOr<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a string or {} (a mapping with keys {})",
            T::EXPECTING,
            T::FIELDS.join(", ")
        )
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        Ok((self.from_str)(text.to_owned()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<T, E> {
        Ok((self.from_str)(text))
    }

    // YAML reads a bare `2025` or `yes` as a number or boolean when the type
    // is open; as a key reference it is still text.
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<T, E> {
        Ok((self.from_str)(n.to_string()))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<T, E> {
        Ok((self.from_str)(n.to_string()))
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<T, E> {
        Ok((self.from_str)(b.to_string()))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        RecordVisitor::<T>::new().visit_map(map)
    }
}

#[derive(Debug, Default)]
pub(crate) struct RawIssue {
    pub id: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub tags: Option<Vec<String>>,
    pub unknown: Vec<String>,
}
record!(RawIssue, "an issue" { id, name, description, tags });

#[derive(Debug, Default)]
pub(crate) struct RawRelation {
    pub kind: Option<Lenient<RelationKind>>,
    pub issues: Option<Vec<String>>,
    pub note: Option<String>,
    pub unknown: Vec<String>,
}
record!(RawRelation, "a relation" { kind, issues, note });

#[derive(Debug, Default)]
pub(crate) struct RawPosition {
    pub id: Option<String>,
    pub actor: Option<String>,
    pub issue: Option<String>,
    pub stance: Option<Lenient<Stance>>,
    pub firmness: Option<Lenient<Firmness>>,
    pub condition: Option<Box<RawCondition>>,
    pub date: Option<Lenient<Date>>,
    pub until: Option<Lenient<Date>>,
    pub source: Option<Box<RawSource>>,
    pub quote: Option<String>,
    pub note: Option<String>,
    pub unknown: Vec<String>,
}
record!(RawPosition, "a position" {
    id, actor, issue, stance, firmness, condition, date, until, source, quote, note,
});

/// `ceasefire` (an issue key, or free text with spaces), `{issue: ceasefire}`
/// or `{text: "if the talks succeed"}`.
#[derive(Debug, Default)]
pub(crate) struct RawCondition {
    pub bare: Option<String>,
    pub issue: Option<String>,
    pub text: Option<String>,
    pub unknown: Vec<String>,
}

record_fields!(RawCondition, "a condition" { issue, text });

impl<'de> Deserialize<'de> for RawCondition {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StringOr::<RawCondition>::new(|bare| RawCondition {
            bare: Some(bare),
            ..RawCondition::default()
        }))
    }
}

/// A document: a record of the `sources` list, or a position's `source`,
/// which is either such a mapping (without `id`) or a source's id (`bare`).
#[derive(Debug, Default)]
pub(crate) struct RawSource {
    pub bare: Option<String>,
    pub id: Option<String>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub date: Option<Lenient<Date>>,
    pub file: Option<String>,
    pub unknown: Vec<String>,
}

record_fields!(RawSource, "a source" { id, title, publisher, url, date, file });

impl<'de> Deserialize<'de> for RawSource {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StringOr::<RawSource>::new(|bare| RawSource {
            bare: Some(bare),
            ..RawSource::default()
        }))
    }
}
