//! The words of an advert's HTML body, for the search index: tags dropped
//! (block ends kept as line breaks), the entities the sanitiser writes
//! turned back into characters.

/// Tags inside a line of text.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "code", "em", "i", "span", "strong", "sub", "sup",
];

/// The text of sanitised HTML `html`.
pub fn plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(['<', '&']) {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        if rest.starts_with('<') {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            let tag = &rest[..end];
            // Words either side of a block or a line break stay apart;
            // inline tags join what they wrap to its neighbours.
            let name: String = tag
                .trim_start_matches(['<', '/'])
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            if !INLINE.contains(&name.to_ascii_lowercase().as_str()) {
                out.push(' ');
            }
            rest = &rest[end..];
        } else {
            let end = rest.find(';').filter(|&e| e <= 10);
            match end.and_then(|e| entity(&rest[1..e]).map(|c| (c, e))) {
                Some((c, e)) => {
                    out.push(c);
                    rest = &rest[e + 1..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The character an entity name (`amp`, `#39`, `#x27`) stands for.
fn entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
    })
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn tags_go_and_words_stay_apart() {
        assert_eq!(
            plain(
                "<h2>About</h2><p>Care <strong>for</strong> <a href=\"x\">all</a>.</p><ul><li>One</li><li>Two</li></ul>"
            ),
            "About Care for all. One Two"
        );
    }

    #[test]
    fn entities_become_characters() {
        assert_eq!(
            plain("<p>A &amp; E &lt;24h&gt; &#39;ok&#x27; &copy;</p>"),
            "A & E <24h> 'ok' &copy;"
        );
    }
}
