//! Deserialization driving the [`Resolver`]: a scenario document's
//! top-level lists are handed over record by record as they are parsed,
//! each with the line where it starts (YAML and TOML).

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::Format;
use super::raw::FieldKey;
use super::resolve::Resolver;

const TOP_FIELDS: &[&str] = &[
    "title",
    "description",
    "actors",
    "issues",
    "relations",
    "positions",
    "sources",
];

/// Deserializes a whole scenario document into the resolver.
pub(crate) struct ScenarioSeed<'r> {
    pub(crate) resolver: &'r mut Resolver,
    pub(crate) format: Format,
}

impl<'de> DeserializeSeed<'de> for ScenarioSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ScenarioSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a scenario (a mapping with keys {})",
            TOP_FIELDS.join(", ")
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let ScenarioSeed {
            resolver: r,
            format,
        } = self;
        let mut seen = 0u32;
        let mut unknown = Vec::new();
        while let Some(key) = map.next_key_seed(FieldKey(TOP_FIELDS))? {
            let Some(i) = key.known() else {
                map.next_value::<IgnoredAny>()?;
                unknown.extend(key.unknown());
                continue;
            };
            if seen & (1 << i) != 0 {
                return Err(de::Error::custom(format_args!(
                    "duplicate field `{}` in a scenario",
                    TOP_FIELDS[i]
                )));
            }
            seen |= 1 << i;
            // The resolver takes records as they are read, so its line index
            // is moved out of it for the while.
            let line_starts = std::mem::take(&mut r.line_starts);
            let result = match i {
                0 => map.next_value().map(|title| r.title(title)),
                1 => map.next_value().map(|d| r.description(d)),
                2 => {
                    let mut actors = Vec::new();
                    let read =
                        map.next_value_seed(ListSeed::new(format, &line_starts, |x, line| {
                            actors.push((x, line))
                        }));
                    read.map(|()| r.actors(actors))
                }
                3 => {
                    let mut issues = Vec::new();
                    let read =
                        map.next_value_seed(ListSeed::new(format, &line_starts, |x, line| {
                            issues.push((x, line))
                        }));
                    read.map(|()| r.issues(issues))
                }
                4 => map.next_value_seed(ListSeed::new(format, &line_starts, |x, line| {
                    r.relation(x, line)
                })),
                5 => map.next_value_seed(ListSeed::new(format, &line_starts, |x, line| {
                    r.position(x, line)
                })),
                _ => {
                    let mut sources = Vec::new();
                    let read =
                        map.next_value_seed(ListSeed::new(format, &line_starts, |x, line| {
                            sources.push((x, line))
                        }));
                    read.map(|()| r.sources(sources))
                }
            };
            r.line_starts = line_starts;
            result?;
        }
        r.unknown_top_fields(unknown, TOP_FIELDS);
        Ok(())
    }
}

/// Reads a list of records (or null), handing each, with the line where it
/// starts if the format reports one, to `sink`.
struct ListSeed<'a, T, F> {
    format: Format,
    // Only TOML reports byte offsets rather than lines.
    #[cfg_attr(not(feature = "toml"), allow(dead_code))]
    line_starts: &'a [usize],
    sink: F,
    record: PhantomData<fn() -> T>,
}

impl<'a, T, F> ListSeed<'a, T, F> {
    fn new(format: Format, line_starts: &'a [usize], sink: F) -> Self {
        ListSeed {
            format,
            line_starts,
            sink,
            record: PhantomData,
        }
    }
}

impl<'de, T: Deserialize<'de>, F: FnMut(T, Option<u64>)> DeserializeSeed<'de>
    for ListSeed<'_, T, F>
{
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de, T: Deserialize<'de>, F: FnMut(T, Option<u64>)> Visitor<'de> for ListSeed<'_, T, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        match self.format {
            Format::Yaml => {
                while let Some(item) = seq.next_element::<serde_saphyr::Spanned<T>>()? {
                    (self.sink)(item.value, Some(item.referenced.line()));
                }
            }
            #[cfg(feature = "toml")]
            Format::Toml => {
                while let Some(item) = seq.next_element::<toml::Spanned<T>>()? {
                    let offset = item.span().start;
                    let line = self.line_starts.partition_point(|&start| start <= offset) as u64;
                    (self.sink)(item.into_inner(), Some(line));
                }
            }
            _ => {
                while let Some(item) = seq.next_element::<T>()? {
                    (self.sink)(item, None);
                }
            }
        }
        Ok(())
    }
}
