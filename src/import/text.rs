//! An advert as text copied from an NHS Jobs page, or a job description
//! document saved as text: its lines, each marked as text, a list item,
//! a numbered item, a heading (from a saved page) or a row of a
//! tab-separated table, with the page's repeated link notes ("Opens in a
//! new tab") taken out and lines a PDF broke in the middle of a sentence
//! joined again. `reader` makes an advert of them.

use super::advert::Advert;
use super::reader;

/// What a line is.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Text,
    /// `- item`, `• item`.
    Item,
    /// `1. item`.
    Numbered,
    /// A heading of a saved page, `<h1>` to `<h6>`.
    Heading(u8),
    Blank,
    /// Cells of a line with tabs in it (a table copied from a document).
    Row(Vec<String>),
}

/// One line of a source, trimmed.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub kind: Kind,
}

impl Line {
    pub fn new(text: impl Into<String>, kind: Kind) -> Self {
        Self {
            text: text.into(),
            kind,
        }
    }
}

/// Reads an advert copied as text.
pub fn read(text: &str) -> Advert {
    reader::read(lines(text), &[], true)
}

/// Reads the text of a search record's description (no page header).
pub fn read_description(text: &str) -> Advert {
    reader::read(lines(text), &[], false)
}

/// The lines of a text source.
pub fn lines(text: &str) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    for raw in text.lines() {
        let line = line(raw);
        if line.kind == Kind::Text && continues(&out, &line.text) {
            let at = out
                .iter()
                .rposition(|l| l.kind != Kind::Blank)
                .expect("continues checks a line before");
            out.truncate(at + 1);
            let last = &mut out[at];
            last.text.push(' ');
            last.text.push_str(&line.text);
            continue;
        }
        out.push(line);
    }
    out
}

/// Whether `text` carries on the sentence of the line before it (a PDF
/// breaks lines mid-sentence, sometimes with a blank line between).
fn continues(before: &[Line], text: &str) -> bool {
    let mut back = before.iter().rev();
    let mut last = back.next();
    if last.is_some_and(|l| l.kind == Kind::Blank) {
        last = back.next();
    }
    let Some(last) = last else {
        return false;
    };
    matches!(last.kind, Kind::Text | Kind::Item | Kind::Numbered)
        && !last.text.ends_with(['.', '!', '?', ':', ';'])
        && text.starts_with(|c: char| c.is_lowercase())
        && text.contains(' ')
        && !text.contains('@')
}

/// A bullet a line may start with.
const BULLETS: &[char] = &[
    '•', '●', '▪', '◦', '-', '*', '–', '\u{f0b7}', '\u{f0a7}', '·', 'o',
];

/// One raw line, cleaned and marked.
pub fn line(raw: &str) -> Line {
    if raw.contains('\t') {
        let cells: Vec<String> = raw.split('\t').map(|c| clean(c).to_owned()).collect();
        if cells.iter().filter(|c| !c.is_empty()).count() >= 1 && cells.len() >= 2 {
            return Line::new(clean(&raw.replace('\t', " ")), Kind::Row(cells));
        }
    }
    let text = clean(raw);
    if text.is_empty() {
        return Line::new("", Kind::Blank);
    }
    if let Some(rest) = text.strip_prefix('#') {
        let level = 1 + rest.chars().take_while(|c| *c == '#').count();
        let rest = rest.trim_start_matches('#');
        if rest.starts_with(' ') && level <= 6 {
            return Line::new(rest.trim(), Kind::Heading(level as u8));
        }
    }
    if let Some(first) = text.chars().next()
        && BULLETS.contains(&first)
    {
        let rest = &text[first.len_utf8()..];
        // "o " is a bullet only with a space after; "-" not in "-5".
        if rest.starts_with([' ', '\u{a0}']) || (first != 'o' && first != '-' && first != '*') {
            let item = rest.trim();
            if !item.is_empty() {
                return Line::new(item, Kind::Item);
            }
        }
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &text[digits..];
        if let Some(item) = rest.strip_prefix(". ").or(rest.strip_prefix(") ")) {
            return Line::new(item.trim(), Kind::Numbered);
        }
    }
    Line::new(text, Kind::Text)
}

/// A line without the notes NHS Jobs puts after links, with its spaces
/// tidied.
pub fn clean(raw: &str) -> String {
    let mut text = raw.replace('\u{a0}', " ");
    loop {
        let lower = text.to_lowercase();
        let Some(at) = lower.find("(opens in a new") else {
            break;
        };
        let end = lower[at..].find(')').map_or(text.len(), |i| at + i + 1);
        let start = text[..at].trim_end().len();
        text.replace_range(start..end, "");
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_lines() {
        assert_eq!(line("  • Physiotherapy").kind, Kind::Item);
        assert_eq!(line("- A duty").text, "A duty");
        assert_eq!(line("12. To attend").kind, Kind::Numbered);
        assert_eq!(line("-5 degrees").kind, Kind::Text);
        assert_eq!(
            clean("NHS Careers website (opens in a new window)."),
            "NHS Careers website."
        );
        assert!(matches!(line("Band:\t7").kind, Kind::Row(_)));
    }

    #[test]
    fn joins_broken_sentences() {
        let got = lines("providing mental health\n\ntreatment in the community.\nNext");
        let texts: Vec<&str> = got.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "providing mental health treatment in the community.",
                "Next"
            ]
        );
    }
}
