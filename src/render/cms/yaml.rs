//! The little YAML writer of the editor's `config.yml`: maps keep the
//! order they were built in, strings are always double-quoted.

/// A YAML value, written in the order it was built.
pub(super) enum Yaml {
    Str(String),
    Bool(bool),
    /// A number, written as it is.
    Int(&'static str),
    List(Vec<Yaml>),
    Map(Vec<(&'static str, Yaml)>),
}

pub(super) fn text(value: &str) -> Yaml {
    Yaml::Str(value.to_owned())
}

impl From<&str> for Yaml {
    fn from(value: &str) -> Self {
        text(value)
    }
}

impl From<String> for Yaml {
    fn from(value: String) -> Self {
        Yaml::Str(value)
    }
}

pub(super) fn write_map(entries: &[(&str, Yaml)], indent: usize, out: &mut String) {
    for (key, value) in entries {
        out.push_str(&" ".repeat(indent));
        out.push_str(key);
        out.push(':');
        write_value(value, indent, out);
    }
}

/// A value after `key:` (or `-`): scalars on the line, groups below it.
fn write_value(value: &Yaml, indent: usize, out: &mut String) {
    match value {
        Yaml::Str(s) => {
            // JSON's escapes are YAML's double-quoted ones.
            out.push(' ');
            out.push_str(&serde_json::to_string(s).expect("strings serialise"));
            out.push('\n');
        }
        Yaml::Bool(b) => out.push_str(&format!(" {b}\n")),
        Yaml::Int(n) => out.push_str(&format!(" {n}\n")),
        Yaml::List(items) if items.is_empty() => out.push_str(" []\n"),
        Yaml::Map(entries) if entries.is_empty() => out.push_str(" {}\n"),
        Yaml::List(items) => {
            out.push('\n');
            for item in items {
                out.push_str(&" ".repeat(indent + 2));
                out.push('-');
                match item {
                    Yaml::Map(entries) => {
                        // The first key on the dash's line, the rest below it.
                        let mut first = String::new();
                        write_map(&entries[..1], indent + 4, &mut first);
                        out.push(' ');
                        out.push_str(first.trim_start());
                        write_map(&entries[1..], indent + 4, out);
                    }
                    other => write_value(other, indent + 2, out),
                }
            }
        }
        Yaml::Map(entries) => {
            out.push('\n');
            write_map(entries, indent + 2, out);
        }
    }
}
