//! The built `index.html` as the pages' shell: its CSP, stylesheet, icons and the app's loader,
//! re-pointed from a page's folder to the site root. Only what the build put in its `<head>`
//! is kept (never its title, description, previews or canonical link, which each page writes
//! for itself), and the description, which the root page keeps.

/// The head tags each page writes for itself; the shell's own are dropped.
const PER_PAGE: [&str; 9] = [
    "canonical",
    "description",
    "og:type",
    "og:title",
    "og:description",
    "og:url",
    "twitter:card",
    "twitter:title",
    "twitter:description",
];

/// What a page takes from the built `index.html`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shell {
    /// The kept `<meta>`, `<link>` and `<script>` tags (a script with its content), as written
    /// for the root.
    tags: Vec<String>,
    /// The site's description (its `<meta name=description>`).
    pub description: String,
}

/// An attribute of a tag: its name, and its value's byte range in the tag (without quotes).
fn attributes(tag: &str) -> Vec<(&str, std::ops::Range<usize>)> {
    let b = tag.as_bytes();
    let mut out = Vec::new();
    // Past `<name`.
    let mut i = 1;
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
        i += 1;
    }
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() || b[i] == b'>' {
            return out;
        }
        let start = i;
        while i < b.len() && !matches!(b[i], b'=' | b'>' | b'/') && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        let name = &tag[start..i];
        if i < b.len() && b[i] == b'=' {
            i += 1;
            let range = match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = tag[i + 1..].find(q as char).map_or(b.len(), |e| i + 1 + e);
                    let r = i + 1..end;
                    i = end + 1;
                    r
                }
                _ => {
                    let s = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    s..i
                }
            };
            out.push((name, range));
        } else {
            out.push((name, i..i));
        }
    }
}

fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    attributes(tag)
        .into_iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, r)| &tag[r])
}

/// A URL relative to the site root, seen from a page `up` below it (`../../`). Absolute URLs,
/// fragments and `data:` stay as they are.
fn from_page(up: &str, url: &str) -> String {
    let scheme = url.split_once(':').is_some_and(|(s, _)| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+.-".contains(&b))
    });
    if up.is_empty() || url.is_empty() || url.starts_with(['/', '#']) || scheme {
        url.to_string()
    } else {
        format!("{up}{}", url.strip_prefix("./").unwrap_or(url))
    }
}

/// The tag with its `href` and `src` re-pointed.
fn repoint(up: &str, tag: &str) -> String {
    let mut out = tag.to_string();
    let mut ranges: Vec<_> = attributes(tag)
        .into_iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("href") || n.eq_ignore_ascii_case("src"))
        .map(|(_, r)| r)
        .collect();
    ranges.sort_by_key(|r| std::cmp::Reverse(r.start));
    for r in ranges {
        let url = from_page(up, &tag[r.clone()]);
        out.replace_range(r, &url);
    }
    out
}

impl Shell {
    /// Reads the built `index.html`. Says what is missing when it is not the app's page.
    pub fn read(index: &str) -> Result<Shell, String> {
        let lower = index.to_ascii_lowercase();
        let body = lower.find("<body").ok_or("index.html has no <body>")?;
        let mut tags = Vec::new();
        let mut description = String::new();
        let mut at = 0;
        while let Some(open) = lower[at..body].find('<').map(|i| at + i) {
            let name_end = lower[open + 1..]
                .find(|c: char| !c.is_ascii_alphanumeric())
                .map_or(lower.len(), |i| open + 1 + i);
            let name = &lower[open + 1..name_end];
            let Some(close) = lower[open..].find('>').map(|i| open + i + 1) else {
                break;
            };
            at = close;
            let tag = &index[open..close];
            match name {
                "meta" => {
                    let key = attribute(tag, "name").or_else(|| attribute(tag, "property"));
                    if key == Some("description") {
                        description = attribute(tag, "content").unwrap_or_default().to_string();
                    }
                    if !key.is_some_and(|k| PER_PAGE.contains(&k)) {
                        tags.push(tag.to_string());
                    }
                }
                // A page's own links (from a page published before) are its own, not the shell's.
                "link" if !matches!(attribute(tag, "rel"), Some("canonical" | "alternate")) => {
                    tags.push(tag.to_string());
                }
                "script" => {
                    let end = lower[close..]
                        .find("</script>")
                        .map_or(close, |i| close + i + "</script>".len());
                    // The JSON-LD is each page's own.
                    if attribute(tag, "type") != Some("application/ld+json") {
                        tags.push(index[open..end].to_string());
                    }
                    at = end;
                }
                _ => {}
            }
        }
        if !tags.iter().any(|t| t.contains("Content-Security-Policy")) {
            return Err(
                "index.html has no Content-Security-Policy (run the post-build step first)".into(),
            );
        }
        Ok(Shell { tags, description })
    }

    /// The kept head tags, their URLs re-pointed for a page `up` below the root.
    pub fn head(&self, up: &str) -> String {
        self.tags
            .iter()
            .map(|t| {
                if t.starts_with("<script") {
                    let open = t.find('>').map_or(t.len(), |i| i + 1);
                    format!("{}{}", repoint(up, &t[..open]), &t[open..])
                } else if t.starts_with("<link") {
                    repoint(up, t)
                } else {
                    t.clone()
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_repointed_from_a_page_to_the_root() {
        let cases = [
            ("./boot-1.js", "../../boot-1.js"),
            ("icon-192.png", "../../icon-192.png"),
            ("/abs.css", "/abs.css"),
            ("https://x.org/a", "https://x.org/a"),
            ("data:image/png;base64,AA", "data:image/png;base64,AA"),
            ("#top", "#top"),
        ];
        for (url, expect) in cases {
            assert_eq!(from_page("../../", url), expect, "{url}");
        }
    }

    #[test]
    fn the_shell_keeps_the_builds_head_and_drops_what_each_page_writes() {
        // Minified as a release build writes it, and quoted as a debug build does.
        let minified = "<!doctype html><html lang=en><meta charset=utf-8><meta http-equiv=Content-Security-Policy content=\"default-src 'self'\"><title>Site</title><meta content=\"About the site\" name=description><meta content=website property=og:type><meta content=Site property=og:site_name><link href=manifest.webmanifest rel=manifest><script type=module src=./boot-1.js></script><link href=./main-1.css integrity=sha384-x rel=stylesheet></head><body><div id=shell><header class=site-header><p>Site</p></header><main>Loading</main></div>";
        let quoted = minified
            .replace("src=./boot-1.js", "src=\"./boot-1.js\"")
            .replace("href=./main-1.css", "href='./main-1.css'");
        for index in [minified.to_string(), quoted] {
            let s = Shell::read(&index).expect("a shell");
            let head = s.head("../../");
            for kept in ["Content-Security-Policy", "og:site_name", "charset=utf-8"] {
                assert!(head.contains(kept), "{kept} in {head}");
            }
            for dropped in ["<title>", "About the site", "og:type", "Loading"] {
                assert!(!head.contains(dropped), "{dropped} in {head}");
            }
            assert!(head.contains("../../boot-1.js") && head.contains("../../main-1.css"));
            assert!(head.contains("href=../../manifest.webmanifest"));
            assert!(head.contains("></script>"));
            assert_eq!(s.description, "About the site");
            // At the root, URLs stay as the build wrote them; one folder down, one step up.
            assert!(s.head("").contains("./boot-1.js") && !s.head("").contains("../"));
            assert!(s.head("../").contains("../boot-1.js") && !s.head("../").contains("../../"));
            // A page written once reads back as the same shell: publishing twice is harmless.
            let again = format!(
                "<html><head>{}<link rel=\"canonical\" href=\"x\"></head><body>",
                s.head("")
            );
            assert_eq!(Shell::read(&again).expect("again").head(""), s.head(""));
        }
        assert!(Shell::read("<html><body>").is_err());
        assert!(Shell::read(&minified.replace("Content-Security-Policy", "x")).is_err());
    }
}
