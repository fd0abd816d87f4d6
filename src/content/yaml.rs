//! YAML text to a tree of values that each know their line and column in
//! the file.
//!
//! Front matter is read into this loose tree first, rather than straight
//! into typed structs, so validation can report every problem in a file
//! (serde would stop at the first) and point at each one.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::diagnostics::Position;

/// A YAML value and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub kind: Kind,
    pub at: Position,
}

/// A mapping key and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub name: String,
    pub at: Position,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Value>),
    Map(Vec<(Key, Value)>),
}

impl Kind {
    /// How a person would name this kind of value.
    pub fn describe(&self) -> &'static str {
        match self {
            Kind::Null => "empty",
            Kind::Bool(_) => "true/false",
            Kind::Int(_) | Kind::Float(_) => "a number",
            Kind::Str(_) => "text",
            Kind::Seq(_) => "a list",
            Kind::Map(_) => "a group of fields",
        }
    }
}

/// A YAML syntax error, already worded for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub at: Position,
    pub message: String,
    pub hint: String,
}

/// Which YAML a file holds, for messages: a site's settings are the whole
/// of `site.yaml`, an advert's or a page's fields are its front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    Settings,
    FrontMatter,
}

impl Block {
    /// How messages name it: "the settings file has too many YAML values".
    fn name(self) -> &'static str {
        match self {
            Block::Settings => "the settings file",
            Block::FrontMatter => "the front matter",
        }
    }

    /// The most YAML text it may hold. Real front matter is 1-3 KB and a
    /// trust's site.yaml a few KB; far beyond that is a pasted file or an
    /// attack, and the parser's cost grows with it.
    pub const fn max_bytes(self) -> usize {
        match self {
            Block::Settings => 256 * 1024,
            Block::FrontMatter => 64 * 1024,
        }
    }

    /// What it usually holds, for hints.
    fn usual_size(self) -> &'static str {
        match self {
            Block::Settings => "site.yaml has a few dozen settings",
            Block::FrontMatter => "an advert or a page has a few dozen fields",
        }
    }
}

/// Parses front matter `text`, whose first line is line `line_offset + 1`
/// of its file.
pub fn parse(text: &str, line_offset: usize) -> Result<Value, SyntaxError> {
    parse_block(text, line_offset, Block::FrontMatter)
}

/// Parses `text` as `block`, whose first line is line `line_offset + 1` of
/// its file.
pub fn parse_block(text: &str, line_offset: usize, block: Block) -> Result<Value, SyntaxError> {
    if text.len() > block.max_bytes() {
        return Err(too_long(text, line_offset, block));
    }
    let options = serde_saphyr::options! {
        with_snippet: false,
        // `no`, `y` and `on` stay text: a town or a country code must not
        // turn into true/false behind the writer's back.
        strict_booleans: true,
        leading_zero_numbers_as_strings: true,
        underscored_numbers_as_strings: true,
    };
    match serde_saphyr::from_str_with_options::<Spanned<Node>>(text, options) {
        Ok(spanned) => Ok(convert(spanned, line_offset)),
        Err(err) => {
            let mut e = syntax_error(&err, text, line_offset, block);
            // Point at the tab itself, not at the text after it.
            if e.message.contains("tab character")
                && let Some(line) = text.lines().nth(e.at.line.saturating_sub(line_offset + 1))
                && let Some(i) = line.find('\t')
            {
                e.at.column = line[..i].chars().count() + 1;
            }
            Err(e)
        }
    }
}

/// The error for YAML over [`Block::max_bytes`], on the line where it
/// passes the limit.
fn too_long(text: &str, line_offset: usize, block: Block) -> SyntaxError {
    let limit = block.max_bytes();
    let line = text.as_bytes()[..limit]
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    SyntaxError {
        at: Position::new(line_offset + line + 1, 1),
        message: format!(
            "{} is {} KB, over the limit of {} KB; it passes the limit on this line",
            block.name(),
            text.len().div_ceil(1024),
            limit / 1024
        ),
        hint: format!(
            "{}, a few KB in all; check that a `---` line is not missing, and put long text in the advert below the front matter",
            block.usual_size()
        ),
    }
}

fn position(location: &serde_saphyr::Location, line_offset: usize) -> Position {
    Position::new(
        location.line() as usize + line_offset,
        (location.column() as usize).max(1),
    )
}

fn convert(spanned: Spanned<Node>, line_offset: usize) -> Value {
    let at = position(&spanned.referenced, line_offset);
    let kind = match spanned.value {
        Node::Null => Kind::Null,
        Node::Bool(b) => Kind::Bool(b),
        Node::Int(i) => Kind::Int(i),
        Node::Float(f) => Kind::Float(f),
        Node::Str(s) => Kind::Str(s),
        Node::Seq(items) => Kind::Seq(items.into_iter().map(|v| convert(v, line_offset)).collect()),
        Node::Map(entries) => Kind::Map(
            entries
                .into_iter()
                .map(|(k, v)| {
                    let key = Key {
                        at: position(&k.referenced, line_offset),
                        name: k.value,
                    };
                    (key, convert(v, line_offset))
                })
                .collect(),
        ),
    };
    Value { kind, at }
}

fn syntax_error(
    err: &serde_saphyr::Error,
    text: &str,
    line_offset: usize,
    block: Block,
) -> SyntaxError {
    let at = err
        .location()
        .map(|l| position(&l, line_offset))
        .unwrap_or(Position::new(line_offset + 1, 1));
    if let Some((message, hint)) = over_budget(err, text, block) {
        return SyntaxError { at, message, hint };
    }
    let raw = err.to_string();
    // The parser appends " at line N, column M"; we give the place ourselves.
    let raw = raw
        .split(" at line ")
        .next()
        .unwrap_or(&raw)
        .trim()
        .to_owned();
    let (message, hint) = explain(&raw, block);
    SyntaxError { at, message, hint }
}

/// The message and hint for a file the parser stopped reading because it
/// would cost too much: too many values, too deep, aliases expanded too
/// often. These files are mistakes or attacks, never real adverts.
fn over_budget(err: &serde_saphyr::Error, text: &str, block: Block) -> Option<(String, String)> {
    use serde_saphyr::budget::BudgetBreach as B;
    let mut inner = err;
    while let serde_saphyr::Error::WithSnippet { error, .. }
    | serde_saphyr::Error::AliasError { error, .. } = inner
    {
        inner = error;
    }
    let limits = serde_saphyr::Budget::default();
    let what = block.name();
    let too_deep = || {
        (
            format!(
                "{what} is nested too deeply (more than {} lists or groups of fields inside one another)",
                limits.max_depth
            ),
            "each field holds text, a list, or one group of fields (like `salary:` with `min` and `max`); look for brackets `[` or `{` opened again and again, or lines indented further and further".to_owned(),
        )
    };
    let alias_hint = || {
        format!(
            "write each value out in full where it is needed instead of repeating it with `&name` and `*name`; {}",
            block.usual_size()
        )
    };
    let breach = match inner {
        serde_saphyr::Error::Budget { breach, .. } => breach,
        // The scanner's own limit on brackets inside brackets.
        other if other.to_string().contains("recursion limit exceeded") => return Some(too_deep()),
        _ => return None,
    };
    let values = |count: usize| {
        if uses_aliases(text) {
            (
                format!(
                    "an alias (`*name`) in {what} is expanded too many times: it would make more than {} YAML values",
                    thousands(count)
                ),
                alias_hint(),
            )
        } else {
            (
                format!(
                    "{what} has too many YAML values (more than {})",
                    thousands(count)
                ),
                format!(
                    "{}, each `name: value` on its own line; check that this is the file you meant",
                    block.usual_size()
                ),
            )
        }
    };
    Some(match breach {
        B::Nodes { .. } => values(limits.max_nodes),
        B::Events { .. } => values(limits.max_events),
        B::Depth { .. } => too_deep(),
        B::Aliases { .. }
        | B::AliasAnchorRatio { .. }
        | B::RecordedAnchorEvents { .. }
        | B::RecordedAnchorBytes { .. } => (
            format!("an alias (`*name`) in {what} is expanded too many times"),
            alias_hint(),
        ),
        B::Anchors { .. } => (
            format!(
                "{what} names too many anchors (`&name`): more than {}",
                thousands(limits.max_anchors)
            ),
            alias_hint(),
        ),
        B::MergeKeys { .. } => (
            format!(
                "{what} merges fields with `<<` too many times (more than {})",
                thousands(limits.max_merge_keys)
            ),
            alias_hint(),
        ),
        B::ScalarBytes { .. } | B::InputBytes { .. } => (
            format!(
                "{what} has too much text (more than {} MB)",
                limits.max_total_scalar_bytes / (1024 * 1024)
            ),
            format!(
                "{}; check that this is the file you meant",
                block.usual_size()
            ),
        ),
        B::Documents { .. } => (
            format!("{what} holds more than one YAML document"),
            "keep one set of fields, without `---` or `...` lines between them".to_owned(),
        ),
        _ => (
            format!("{what} is too large or too complex to read"),
            format!(
                "{}; check that this is the file you meant",
                block.usual_size()
            ),
        ),
    })
}

/// Whether `text` refers to an anchor with `*name` anywhere.
fn uses_aliases(text: &str) -> bool {
    text.contains('&')
        && text
            .split(|c: char| c.is_whitespace() || "[]{},".contains(c))
            .any(|token| token.len() > 1 && token.starts_with('*'))
}

/// 250000 as "250,000".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Rewords the YAML parser's messages for people who do not know YAML.
fn explain(raw: &str, block: Block) -> (String, String) {
    let (message, hint) = if raw.contains("tabs disallowed") || raw.contains("tab character") {
        (
            "a tab character is used for indentation".to_owned(),
            "indent with spaces, never tabs (two spaces per level)",
        )
    } else if raw.contains("unclosed quote") || raw.contains("found unexpected end of stream") {
        (
            "a quotation mark is opened but never closed".to_owned(),
            "close the quote on the same line, e.g. title: \"Staff Nurse\"",
        )
    } else if raw.contains("mapping values are not allowed") {
        (
            "this line cannot be read as a field: a colon is in an unexpected place, or the line is indented differently from the field above".to_owned(),
            "line the field up with the others, and put text that contains \": \" in quotes",
        )
    } else if raw.contains("duplicate mapping key") {
        let key = raw
            .split("duplicate mapping key: ")
            .nth(1)
            .and_then(|s| s.split(',').next())
            .unwrap_or("a field");
        (
            format!("`{key}` is given twice"),
            "keep one of them and delete the other",
        )
    } else if raw.contains("unclosed bracket") {
        (
            "a list opened with `[` is never closed".to_owned(),
            "close it with `]` on the same line, e.g. tags: [nursing, surgery]",
        )
    } else {
        (
            format!("{} is not valid YAML: {raw}", block.name()),
            "check the indentation and punctuation of this line and the one above; each field is `name: value` on its own line",
        )
    };
    (message, hint.to_owned())
}

/// The loose tree as serde-saphyr hands it over, spans attached.
enum Node {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Node>>),
    Map(Vec<(Spanned<String>, Spanned<Node>)>),
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a YAML value")
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(i64::try_from(v).map_or(Node::Float(v as f64), Node::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<String>>()? {
            entries.push((key, map.next_value()?));
        }
        Ok(Node::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_from_the_file_not_the_block() {
        let value = parse("title: Nurse\nband: 6\n", 1).unwrap();
        let Kind::Map(entries) = value.kind else {
            panic!("a map")
        };
        assert_eq!(entries[1].0.name, "band");
        assert_eq!(entries[1].0.at, Position::new(3, 1));
        assert_eq!(entries[1].1.kind, Kind::Int(6));
        assert_eq!(entries[1].1.at, Position::new(3, 7));
    }

    #[test]
    fn norway_stays_text() {
        let value = parse("country: NO\n", 0).unwrap();
        let Kind::Map(entries) = value.kind else {
            panic!("a map")
        };
        assert_eq!(entries[0].1.kind, Kind::Str("NO".into()));
    }

    #[test]
    fn syntax_errors_are_worded_and_placed() {
        let err = parse("title: \"Nurse\nband: 6\n", 1).unwrap_err();
        assert_eq!(err.at, Position::new(2, 8));
        assert!(err.message.contains("quotation mark"), "{}", err.message);
        let err = parse("a:\n\tb: 1\n", 1).unwrap_err();
        assert!(err.message.contains("tab"), "{}", err.message);
        assert_eq!(err.at.line, 3);
        let err = parse("band: 6\nband: 7\n", 1).unwrap_err();
        assert_eq!(err.message, "`band` is given twice");
    }
}
