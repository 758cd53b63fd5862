//! `FieldPath`: where a value sits in a serialised scenario, job or run settings, as keys
//! and array indices. It reads and prints the dotted form validation errors, the catalogue
//! and the app's editor share: `fostering.households`, `homes[2].beds`,
//! `exits.route_by_entry_age[1][3]`, `levers[0].kind.homes[1].name`. The empty path is the
//! whole document.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One step of a path: a field of an object or an element of an array.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// A field path: keys and array indices, from the document's root. Keys are field names,
/// without `.`, `[` or `]` (paths built from other text print as given but do not parse
/// back the same).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldPath(pub Vec<Segment>);

/// Why a text is not a field path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathError {
    pub text: String,
    pub reason: &'static str,
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "'{}' is not a field path: {}", self.text, self.reason)
    }
}

impl std::error::Error for PathError {}

impl FieldPath {
    /// The whole document.
    pub fn root() -> FieldPath {
        FieldPath(vec![])
    }

    /// Read the dotted form (`a.b[2][0].c`); `None` if the text is not a path (see
    /// [`FromStr`] for the reason). The empty text is the root.
    pub fn parse(text: &str) -> Option<FieldPath> {
        text.parse().ok()
    }

    /// This path, then field `k`.
    pub fn key(&self, k: &str) -> FieldPath {
        let mut p = self.clone();
        p.0.push(Segment::Key(k.to_string()));
        p
    }

    /// This path, then element `i`.
    pub fn index(&self, i: usize) -> FieldPath {
        let mut p = self.clone();
        p.0.push(Segment::Index(i));
        p
    }

    /// This path, then all of `tail`.
    pub fn join(&self, tail: &FieldPath) -> FieldPath {
        let mut p = self.clone();
        p.0.extend(tail.0.iter().cloned());
        p
    }

    /// The path without its last step, and that step.
    pub fn parent(&self) -> Option<(FieldPath, &Segment)> {
        let (last, rest) = self.0.split_last()?;
        Some((FieldPath(rest.to_vec()), last))
    }

    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// Whether this is the whole document.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// Same as [`is_root`](Self::is_root).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The last key of the path (`beds` for `homes[2].beds`, `entry_age` for
    /// `demand.entry_age[2]`).
    pub fn last_key(&self) -> Option<&str> {
        self.0.iter().rev().find_map(|s| match s {
            Segment::Key(k) => Some(k.as_str()),
            Segment::Index(_) => None,
        })
    }

    /// The catalogue key: keys only, indices removed (`levers.kind.homes.beds`).
    pub fn catalog_key(&self) -> String {
        let keys: Vec<&str> = self
            .0
            .iter()
            .filter_map(|s| match s {
                Segment::Key(k) => Some(k.as_str()),
                Segment::Index(_) => None,
            })
            .collect();
        keys.join(".")
    }

    /// Whether `prefix` is this path or one of its ancestors (step by step, so
    /// `demand.entry` is not a prefix of `demand.entry_age`).
    pub fn starts_with(&self, prefix: &FieldPath) -> bool {
        self.0.starts_with(&prefix.0)
    }

    /// The rest of the path below `prefix`, if it starts with it.
    pub fn strip_prefix(&self, prefix: &FieldPath) -> Option<FieldPath> {
        self.0
            .strip_prefix(prefix.0.as_slice())
            .map(|rest| FieldPath(rest.to_vec()))
    }

    /// The first step and the path below it.
    pub fn split_first(&self) -> Option<(&Segment, FieldPath)> {
        let (first, rest) = self.0.split_first()?;
        Some((first, FieldPath(rest.to_vec())))
    }
}

impl FromStr for FieldPath {
    type Err = PathError;

    fn from_str(text: &str) -> Result<FieldPath, PathError> {
        let fail = |reason| PathError {
            text: text.to_string(),
            reason,
        };
        let mut segs = vec![];
        if text.is_empty() {
            return Ok(FieldPath(segs));
        }
        for (n, part) in text.split('.').enumerate() {
            let (key, mut rest) = match part.find('[') {
                Some(i) => (&part[..i], &part[i..]),
                None => (part, ""),
            };
            if key.contains(']') {
                return Err(fail("a ']' without its '['"));
            }
            if key.is_empty() && (n > 0 || rest.is_empty()) {
                return Err(fail("an empty field name"));
            }
            if !key.is_empty() {
                segs.push(Segment::Key(key.to_string()));
            }
            while !rest.is_empty() {
                let close = rest
                    .find(']')
                    .ok_or_else(|| fail("a '[' without its ']'"))?;
                let index = rest[1..close]
                    .parse::<usize>()
                    .map_err(|_| fail("an index that is not a whole number"))?;
                segs.push(Segment::Index(index));
                rest = &rest[close + 1..];
                if !rest.is_empty() && !rest.starts_with('[') {
                    return Err(fail("text after an index that is not '.' or '['"));
                }
            }
        }
        Ok(FieldPath(segs))
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            match s {
                Segment::Key(k) if i == 0 => f.write_str(k)?,
                Segment::Key(k) => write!(f, ".{k}")?,
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// Serialised as its dotted text.
impl Serialize for FieldPath {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FieldPath {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<FieldPath, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl From<&serde_path_to_error::Path> for FieldPath {
    /// The path `serde_path_to_error` reached; its unknown steps (a map key that is not a
    /// string, an enum's variant) are left out.
    fn from(path: &serde_path_to_error::Path) -> FieldPath {
        use serde_path_to_error::Segment as S;
        FieldPath(
            path.iter()
                .filter_map(|s| match s {
                    S::Seq { index } => Some(Segment::Index(*index)),
                    S::Map { key } => Some(Segment::Key(key.clone())),
                    S::Enum { .. } | S::Unknown => None,
                })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_parse_and_print() {
        for text in [
            "demand.entry_age[2]",
            "exits.route_by_entry_age[1][3]",
            "levers[0].kind.homes[2].beds",
            "homes[2].beds",
            "fostering.households",
            "name",
            "[3].x",
        ] {
            let p: FieldPath = text.parse().unwrap();
            assert_eq!(p.to_string(), text);
            let json = serde_json::to_string(&p).unwrap();
            assert_eq!(serde_json::from_str::<FieldPath>(&json).unwrap(), p);
        }
        let p = FieldPath::parse("levers[0].kind.homes[2].beds").unwrap();
        assert_eq!(p.catalog_key(), "levers.kind.homes.beds");
        assert_eq!(p.last_key(), Some("beds"));
        assert_eq!(
            p,
            FieldPath::root()
                .key("levers")
                .index(0)
                .key("kind")
                .key("homes")
                .index(2)
                .key("beds")
        );
        for bad in [
            "a[x]", "a..b", "a[1", "a]", ".a", "a.", "a[1]b", "a[-1]", "a[]",
        ] {
            assert!(FieldPath::parse(bad).is_none(), "{bad}");
            let e = bad.parse::<FieldPath>().unwrap_err();
            assert!(e.to_string().contains(bad), "{e}");
        }
        assert_eq!(FieldPath::parse("").unwrap(), FieldPath::root());
        assert!(FieldPath::root().is_root());
    }

    #[test]
    fn prefixes_are_whole_steps() {
        let p = FieldPath::parse("scenarios[1].demand.entry_age[2]").unwrap();
        let s = FieldPath::parse("scenarios[1]").unwrap();
        assert!(p.starts_with(&s));
        assert_eq!(
            p.strip_prefix(&s).unwrap().to_string(),
            "demand.entry_age[2]"
        );
        assert!(!p.starts_with(&FieldPath::parse("scenarios[1].dem").unwrap()));
        assert_eq!(
            s.join(&FieldPath::parse("name").unwrap()).to_string(),
            "scenarios[1].name"
        );
        let (first, rest) = p.split_first().unwrap();
        assert_eq!(first, &Segment::Key("scenarios".into()));
        assert_eq!(rest.to_string(), "[1].demand.entry_age[2]");
        let (parent, last) = p.parent().unwrap();
        assert_eq!(
            (parent.to_string().as_str(), last),
            ("scenarios[1].demand.entry_age", &Segment::Index(2))
        );
    }
}
