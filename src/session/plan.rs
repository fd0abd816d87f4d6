//! Planning a refresh: which changed paths can be re-read one by one (job
//! and page files, the theme in use) and which need all of `content/` read
//! again (`site.yaml`, documents, folders, anything unknown).

/// What changed since the last refresh.
#[derive(Debug, Clone, Copy)]
pub enum Changes<'a> {
    /// Read everything again: the first build, or a watcher that lost events.
    Everything,
    /// These paths, relative to the site root and `/`-separated
    /// (`content/jobs/nurse.md`), as the watcher reports them.
    Files(&'a [String]),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Job,
    Page,
}

/// How a refresh is done, decided from the changed paths.
pub(super) enum Plan {
    Everything,
    Some {
        files: Vec<(Kind, String)>,
        theme: bool,
    },
}

impl Plan {
    /// Sorts the changed paths into files to re-read, or decides that
    /// everything must be read again.
    pub(super) fn new(paths: &[String], theme: Option<&str>) -> Plan {
        if paths.is_empty() {
            // An event without paths: something changed, nobody knows what.
            return Plan::Everything;
        }
        let theme_folder = theme.map(|name| format!("themes/{name}/"));
        let mut files = Vec::new();
        let mut theme = false;
        for path in paths {
            if let Some(folder) = &theme_folder
                && path.starts_with(folder.as_str())
            {
                theme = true;
            } else if path.starts_with("content/jobs/") {
                files.push((Kind::Job, path.clone()));
            } else if path.starts_with("content/pages/") {
                files.push((Kind::Page, path.clone()));
            } else if path.starts_with("themes/") {
                // Another theme than the one in use.
            } else {
                // site.yaml, documents, a folder, anything else.
                return Plan::Everything;
            }
        }
        Plan::Some { files, theme }
    }
}
