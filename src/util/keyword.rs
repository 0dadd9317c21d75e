//! Enums whose values are written as snake_case keywords in files.

/// Why a keyword is not one of an enum's values.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} `{value}`; expected one of: {}", .allowed.join(", "))]
pub struct KeywordError {
    /// What the keyword names, e.g. `stance`.
    pub what: &'static str,
    /// The rejected text.
    pub value: String,
    /// Every accepted keyword, in documentation order.
    pub allowed: &'static [&'static str],
}

/// Defines a fieldless enum with its file keywords, `FromStr`, `Display` and serde.
macro_rules! keyword_enum {
    (
        $(#[$doc:meta])*
        $name:ident, $what:literal {
            $( $(#[$vdoc:meta])* $variant:ident => $kw:literal, )+
        }
    ) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $( $(#[$vdoc])* $variant, )+
        }

        impl $name {
            /// Every value, in documentation order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every keyword, in documentation order.
            pub const KEYWORDS: &'static [&'static str] = &[$($kw),+];

            /// The keyword files use for this value.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $kw, )+
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::util::keyword::KeywordError;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                match text {
                    $( $kw => Ok($name::$variant), )+
                    _ => Err($crate::util::keyword::KeywordError {
                        what: $what,
                        value: text.to_owned(),
                        allowed: Self::KEYWORDS,
                    }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use keyword_enum;
