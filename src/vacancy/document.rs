//! Supporting documents: a file shipped with the site or a web address,
//! and the reader of the `documents` list (which checks that a local file
//! exists under `content/documents`).

use std::collections::BTreeMap;

use crate::content::fields::{self, Fields, Quote, Spanned};
use crate::content::yaml::Value;
use crate::diagnostics::FileReport;
use crate::schema;
use crate::url;

const DOCUMENT_EXAMPLE: &str = "https://www.example.nhs.uk/jobs/job-description.pdf";
const LARGE_DOCUMENT: u64 = 10 * 1024 * 1024;

/// A supporting document: a file shipped with the site or a web address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentLink {
    pub title: String,
    pub target: DocumentTarget,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentTarget {
    /// A file under `content/documents`: its path under `content/` and size.
    Local {
        path: String,
        bytes: u64,
    },
    Remote {
        url: String,
    },
}

impl DocumentLink {
    /// The file type as people name it ("PDF", "Word"), from the extension.
    pub fn kind(&self) -> Option<&'static str> {
        let path = match &self.target {
            DocumentTarget::Local { path, .. } => path.as_str(),
            DocumentTarget::Remote { url } => url.as_str(),
        };
        let ext = path.rsplit('.').next()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "pdf" => "PDF",
            "doc" | "docx" => "Word",
            "odt" => "OpenDocument",
            "xls" | "xlsx" => "Excel",
            "rtf" => "Rich Text",
            "txt" => "Text",
            _ => return None,
        })
    }
}

/// Reads the `documents` list; `sizes` are the files under
/// `content/documents`, by path under `content/`.
pub(super) fn read(
    value: &Value,
    sizes: &BTreeMap<String, u64>,
    report: &mut FileReport,
) -> Vec<DocumentLink> {
    let mut documents = Vec::new();
    for item in fields::one_or_many(value) {
        let Some(f) = Fields::new(item, "a document", schema::DOCUMENT.fields, report) else {
            continue;
        };
        let title = f
            .required("title", report, "Job description")
            .and_then(|v| fields::text(v, "title", report));
        let file = f
            .required("file", report, "documents/job-description.pdf")
            .and_then(|v| fields::text(v, "file", report));
        let (Some(title), Some(file)) = (title, file) else {
            continue;
        };
        let target = if url::is_address(&file.value) {
            url::read_web(file, "file", DOCUMENT_EXAMPLE, report)
                .map(|url| DocumentTarget::Remote { url })
        } else {
            local_document(file, sizes, report)
        };
        if let Some(target) = target {
            documents.push(DocumentLink {
                title: title.value,
                target,
            });
        }
    }
    documents
}

fn local_document(
    file: Spanned<String>,
    sizes: &BTreeMap<String, u64>,
    report: &mut FileReport,
) -> Option<DocumentTarget> {
    let path = file.value.trim_start_matches("./");
    let path = path.strip_prefix("content/").unwrap_or(path);
    let escapes = path.starts_with('/') || path.split(['/', '\\']).any(|part| part == "..");
    if escapes || !path.starts_with("documents/") {
        report.error(
            file.at,
            format!("\"{}\" is outside content/documents", file.value),
            "put the file in content/documents and write its path from there, e.g. `file: documents/job-description.pdf`",
        );
        return None;
    }
    match sizes.get(path) {
        Some(&bytes) => {
            if bytes > LARGE_DOCUMENT {
                report.warning(
                    file.at,
                    format!("{} is {:.0} MB, slow to download on a phone", file.value, bytes as f64 / (1024.0 * 1024.0)),
                    "save a smaller copy (for a PDF, \"reduce file size\" or export without images)",
                );
            }
            Some(DocumentTarget::Local {
                path: path.to_owned(),
                bytes,
            })
        }
        None => {
            let name = path.rsplit('/').next().unwrap_or(path);
            let similar: Vec<&str> = sizes.keys().map(String::as_str).collect();
            let hint =
                fields::did_you_mean(fields::nearest(path, &similar), Quote::Code, "", || {
                    format!("copy {name} into content/documents, or correct the name")
                });
            report.error(
                file.at,
                format!("the document \"{}\" does not exist", file.value),
                hint,
            );
            None
        }
    }
}
