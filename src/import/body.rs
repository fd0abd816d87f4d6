//! Building an advert's text as `Section`s while its lines are read: the
//! NHS Jobs sections in the order they come, headings within them, lists
//! kept as lists, a person specification's criteria as essential and
//! desirable (from "Essential" / "Desirable" lines or from a table of
//! criteria), and, when it is done, a section or part pasted twice kept
//! once.

use super::advert::{Block, Section};

/// The advert text read so far.
#[derive(Debug, Default)]
pub struct Body {
    sections: Vec<Section>,
    /// The current section is one NHS Jobs names (its headings within are
    /// `###`).
    known: bool,
    /// A `##` heading of a document was followed at once by another, so the
    /// headings after it are its `###` parts.
    nested: bool,
    /// The rows of a table of criteria being read: criterion, essential,
    /// desirable.
    table: Vec<(String, Vec<String>, Vec<String>)>,
    /// The section whose lines were all facts taken into the front matter
    /// (it is not empty for nesting, though it has no blocks).
    touched: Option<usize>,
}

impl Body {
    /// Starts (or goes back to) a section NHS Jobs names.
    pub fn known_section(&mut self, heading: &str) {
        self.flush_table();
        self.sections.push(Section {
            heading: heading.to_owned(),
            blocks: Vec::new(),
        });
        self.known = true;
        self.nested = false;
    }

    /// A heading that only holds others, such as NHS Jobs' "Job
    /// description" above "Job responsibilities".
    pub fn container(&mut self, heading: &str) {
        self.known_section(heading);
        self.known = false;
    }

    /// A line of the current section went into the front matter.
    pub fn touch(&mut self) {
        self.touched = self.sections.len().checked_sub(1);
    }

    /// Whether the current section is `heading`.
    pub fn is_in(&self, heading: &str) -> bool {
        self.sections.last().is_some_and(|s| s.heading == heading)
    }

    /// A heading found in the text: a section of its own, or a part of the
    /// current one.
    pub fn heading(&mut self, text: &str) {
        self.flush_table();
        let text = heading_case(text);
        let just_opened = self.sections.last().is_some_and(|s| s.blocks.is_empty())
            && self.touched != self.sections.len().checked_sub(1);
        if self.known || self.nested {
            self.sub(&text);
            return;
        }
        if just_opened {
            self.nested = true;
            self.sub(&text);
            return;
        }
        self.sections.push(Section {
            heading: text,
            blocks: Vec::new(),
        });
    }

    /// A `### heading` in the current section.
    pub fn sub(&mut self, text: &str) {
        self.flush_table();
        self.push(Block::Sub(heading_case(text)));
    }

    /// `**Essential**` or `**Desirable**`.
    pub fn label(&mut self, text: &str) {
        self.push(Block::Label(text.to_owned()));
    }

    pub fn para(&mut self, text: &str) {
        self.flush_table();
        self.push(Block::Para(text.to_owned()));
    }

    pub fn item(&mut self, text: &str, numbered: bool) {
        self.flush_table();
        let blocks = self.blocks();
        match blocks.last_mut() {
            Some(Block::List(items)) if !numbered => items.push(text.to_owned()),
            Some(Block::Numbered(items)) if numbered => items.push(text.to_owned()),
            _ if numbered => blocks.push(Block::Numbered(vec![text.to_owned()])),
            _ => blocks.push(Block::List(vec![text.to_owned()])),
        }
    }

    /// Ends the list being read (a blank line).
    pub fn blank(&mut self) {
        if let Some(Block::List(_) | Block::Numbered(_)) =
            self.blocks_if_any().and_then(|b| b.last())
        {
            self.push(Block::Para(String::new()));
        }
    }

    /// A row of a table of criteria: the criterion (empty when the row
    /// carries on the one before) and its essential and desirable items.
    pub fn criteria_row(
        &mut self,
        criterion: &str,
        essential: Vec<String>,
        desirable: Vec<String>,
    ) {
        match self.table.last_mut() {
            Some(last) if criterion.is_empty() => {
                last.1.extend(essential);
                last.2.extend(desirable);
            }
            _ => self
                .table
                .push((criterion.to_owned(), essential, desirable)),
        }
    }

    fn flush_table(&mut self) {
        for (criterion, essential, desirable) in std::mem::take(&mut self.table) {
            if !criterion.is_empty() {
                self.push(Block::Sub(heading_case(&criterion)));
            }
            for (label, items) in [("Essential", essential), ("Desirable", desirable)] {
                if !items.is_empty() {
                    self.push(Block::Label(label.to_owned()));
                    self.push(Block::List(items));
                }
            }
        }
    }

    fn blocks_if_any(&mut self) -> Option<&mut Vec<Block>> {
        self.sections.last_mut().map(|s| &mut s.blocks)
    }

    fn blocks(&mut self) -> &mut Vec<Block> {
        if self.sections.is_empty() {
            self.sections.push(Section {
                heading: "Job summary".to_owned(),
                blocks: Vec::new(),
            });
            self.known = true;
        }
        &mut self.sections.last_mut().expect("a section").blocks
    }

    fn push(&mut self, block: Block) {
        self.blocks().push(block);
    }

    /// The sections, each heading once (a section met again is merged into
    /// the first), a part repeated word for word kept once, nothing empty.
    pub fn finish(mut self) -> Vec<Section> {
        self.flush_table();
        let mut merged: Vec<Section> = Vec::new();
        for section in self.sections {
            let blocks: Vec<Block> = section
                .blocks
                .into_iter()
                .filter(|b| !matches!(b, Block::Para(p) if p.is_empty()))
                .collect();
            match merged.iter_mut().find(|s| s.heading == section.heading) {
                Some(first) => first.blocks.extend(blocks),
                None => merged.push(Section {
                    heading: section.heading,
                    blocks,
                }),
            }
        }
        for section in &mut merged {
            section.blocks = without_repeats(std::mem::take(&mut section.blocks));
        }
        merged.retain(|s| !s.blocks.is_empty());
        merged
    }
}

/// A section's blocks with each part (a `###` heading and what follows it,
/// or a run of blocks before any) kept only the first time it appears.
fn without_repeats(blocks: Vec<Block>) -> Vec<Block> {
    let mut parts: Vec<Vec<Block>> = Vec::new();
    for block in blocks {
        match (&block, parts.last_mut()) {
            (Block::Sub(_), _) | (_, None) => parts.push(vec![block]),
            (_, Some(part)) => part.push(block),
        }
    }
    let mut kept: Vec<Vec<Block>> = Vec::new();
    for part in parts {
        if !kept.contains(&part) {
            kept.push(part);
        }
    }
    // A paragraph pasted twice in a row.
    let mut out: Vec<Block> = Vec::new();
    for block in kept.into_iter().flatten() {
        if out.last() != Some(&block) || matches!(block, Block::Label(_)) {
            out.push(block);
        }
    }
    out
}

/// "FOCUS OF THE ROLE" -> "Focus of the role"; other headings as written,
/// without a closing colon.
pub fn heading_case(text: &str) -> String {
    let text = text.trim().trim_end_matches(':').trim();
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 3 && letters.iter().all(|c| c.is_uppercase()) {
        let lower = text.to_lowercase();
        let mut chars = lower.chars();
        return chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
    }
    text.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_pasted_twice_is_kept_once() {
        let mut body = Body::default();
        for _ in 0..2 {
            body.known_section("Job responsibilities");
            body.sub("Leadership");
            body.para("Lead the team.");
        }
        let sections = body.finish();
        assert_eq!(sections.len(), 1);
        assert_eq!(
            sections[0].blocks,
            [
                Block::Sub("Leadership".into()),
                Block::Para("Lead the team.".into())
            ]
        );
    }

    #[test]
    fn document_headings_nest_under_an_empty_one() {
        let mut body = Body::default();
        body.heading("Key Responsibilities");
        body.heading("CLINICAL");
        body.item("See patients", true);
        body.heading("MANAGEMENT");
        let sections = body.finish();
        assert_eq!(sections[0].heading, "Key Responsibilities");
        assert_eq!(sections[0].blocks[0], Block::Sub("Clinical".into()));
    }
}
