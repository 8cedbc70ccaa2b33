//! The source tree's own rules, read from the source as rust-analyzer's `tidy` reads its own:
//! imports only go down the layers `ARCHITECTURE.md` writes down (so the map stays true), no
//! two modules import each other by any road, no function is over 150 lines and no file over
//! 600 lines of code outside its tests. Each check is shown to fail on a planted violation.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

const MAX_FN_LINES: usize = 150;
const MAX_FILE_LINES: usize = 600;

/// Source with comments, string and char literals blanked (spaces; newlines kept), so braces
/// and paths are read from code alone, at the same offsets.
fn code_only(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = b.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for c in &mut out[from..to] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    };
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                let end = src[i..].find('\n').map_or(b.len(), |n| i + n);
                blank(&mut out, i, end);
                i = end;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let (mut depth, mut j) = (1, i + 2);
                while j < b.len() && depth > 0 {
                    if b[j] == b'/' && b.get(j + 1) == Some(&b'*') {
                        depth += 1;
                        j += 2;
                    } else if b[j] == b'*' && b.get(j + 1) == Some(&b'/') {
                        depth -= 1;
                        j += 2;
                    } else {
                        j += 1;
                    }
                }
                blank(&mut out, i, j);
                i = j;
            }
            b'r' if (b.get(i + 1) == Some(&b'"') || b.get(i + 1) == Some(&b'#'))
                && (i == 0 || !is_ident(b[i - 1]) || b[i - 1] == b'b') =>
            {
                let mut j = i + 1;
                let mut hashes = 0;
                while b.get(j) == Some(&b'#') {
                    hashes += 1;
                    j += 1;
                }
                if b.get(j) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                let end = src[j + 1..]
                    .find(&close)
                    .map_or(b.len(), |n| j + 1 + n + close.len());
                blank(&mut out, i, end);
                i = end;
            }
            b'"' => {
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                blank(&mut out, i, (j + 1).min(b.len()));
                i = j + 1;
            }
            b'\'' => {
                // A char literal ('a', '\n', '{'), not a lifetime ('a).
                let rest = &src[i + 1..];
                let len = if let Some(escaped) = rest.strip_prefix('\\') {
                    escaped.find('\'').map(|n| n + 2)
                } else {
                    rest.chars()
                        .next()
                        .filter(|c| rest[c.len_utf8()..].starts_with('\''))
                        .map(char::len_utf8)
                };
                match len {
                    Some(n) => {
                        blank(&mut out, i, i + n + 2);
                        i += n + 2;
                    }
                    None => i += 1,
                }
            }
            _ => i += 1,
        }
    }
    String::from_utf8(out).expect("blanking keeps UTF-8 (only ASCII is written)")
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The byte offset of the `}` that closes the `{` at `open`.
fn closing(code: &str, open: usize) -> usize {
    let mut depth = 0;
    for (i, c) in code[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return open + i;
                }
            }
            _ => {}
        }
    }
    code.len()
}

/// Code with its test modules blanked, and the names of test modules declared out of line
/// (`#[cfg(test)] mod tests;`), whose files are tests too.
fn without_tests(code: &str) -> (String, Vec<String>) {
    let mut out = code.to_string();
    let mut files = Vec::new();
    let mut from = 0;
    while let Some(at) = out[from..].find("#[cfg(test)]") {
        let at = from + at;
        let rest = &out[at + 12..];
        let item = rest.trim_start();
        let skip = at + 12 + (rest.len() - item.len());
        if let Some(decl) = item.strip_prefix("mod ") {
            let name: String = decl
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let after = decl[name.len()..].trim_start();
            if after.starts_with(';') {
                files.push(name);
                from = skip;
                continue;
            }
        }
        // The attributed item, up to its block's end or its `;`.
        let brace = out[skip..].find('{').map(|n| skip + n);
        let semi = out[skip..].find(';').map(|n| skip + n);
        let end = match (brace, semi) {
            (Some(b), Some(s)) if s < b => s,
            (Some(b), _) => closing(&out, b),
            (None, Some(s)) => s,
            (None, None) => out.len() - 1,
        };
        let blanked: String = out[at..=end]
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect();
        out.replace_range(at..=end, &blanked);
        from = end + 1;
    }
    (out, files)
}

/// Every module path a piece of code names: `use` trees (`use crate::{ui, web};`) and paths
/// written inline (`crate::core::view::card`, `super::super::model`), relative paths resolved
/// from module `me` (`["crate", "core", "view", "card"]`).
fn imports(code: &str, me: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    // `use` trees first, whole, braces and all.
    let mut used = vec![false; code.len()];
    let mut from = 0;
    while let Some(at) = code[from..].find("use ") {
        let at = from + at;
        from = at + 4;
        if at > 0 && is_ident(bytes[at - 1]) {
            continue;
        }
        let Some(end) = code[at..].find(';').map(|n| at + n) else {
            break;
        };
        let tree: String = code[at + 4..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace(" as ", "@")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        for path in expand_tree(&tree) {
            if let Some(p) = resolve(&path, me) {
                out.push(p);
            }
        }
        used[at..end].iter_mut().for_each(|u| *u = true);
    }
    // Then paths written inline.
    for head in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(head) {
            let at = from + at;
            from = at + head.len();
            if used[at] || (at > 0 && (is_ident(bytes[at - 1]) || bytes[at - 1] == b':')) {
                continue;
            }
            let path: String = code[at..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let parts: Vec<String> = path
                .split("::")
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            if let Some(p) = resolve(&parts, me) {
                out.push(p);
            }
        }
    }
    out
}

/// A `use` tree (whitespace removed) as the paths it names: `a::{b,c::{d,e}}` gives `a::b`,
/// `a::c::d`, `a::c::e`.
fn expand_tree(tree: &str) -> Vec<Vec<String>> {
    let tree = tree
        .trim_start_matches("pub(crate)")
        .trim_start_matches("pub");
    fn go(prefix: &[String], t: &str, out: &mut Vec<Vec<String>>) {
        match t.find('{') {
            None => {
                let mut p = prefix.to_vec();
                p.extend(
                    t.split("::")
                        .map(|s| s.split('@').next().unwrap_or(s))
                        .filter(|s| !s.is_empty() && *s != "self")
                        .map(String::from),
                );
                out.push(p);
            }
            Some(open) => {
                let head = t[..open].trim_end_matches("::");
                let mut p = prefix.to_vec();
                p.extend(head.split("::").filter(|s| !s.is_empty()).map(String::from));
                let inner = &t[open + 1..t.rfind('}').unwrap_or(t.len())];
                let (mut depth, mut start) = (0, 0);
                for (i, c) in inner.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            go(&p, &inner[start..i], out);
                            start = i + 1;
                        }
                        _ => {}
                    }
                }
                if start < inner.len() {
                    go(&p, &inner[start..], out);
                }
            }
        }
    }
    let mut out = Vec::new();
    go(&[], tree, &mut out);
    out
}

/// A path as an absolute module path from module `me`, or `None` for a path outside the
/// crate (`std::`, `yew::`).
fn resolve(path: &[String], me: &[String]) -> Option<Vec<String>> {
    let mut base: Vec<String> = match path.first()?.as_str() {
        "crate" => return Some(path.to_vec()),
        "super" | "self" => me.to_vec(),
        _ => return None,
    };
    let mut rest = path;
    while let Some(first) = rest.first() {
        match first.as_str() {
            "super" => {
                base.pop();
            }
            "self" => {}
            _ => break,
        }
        rest = &rest[1..];
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

/// The module a source file is (`src/core/view/mod.rs` is `crate::core::view`).
fn module_of(rel: &str) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .trim_end_matches(".rs")
        .split('/')
        .map(String::from)
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    std::iter::once("crate".to_string()).chain(parts).collect()
}

/// The layers `ARCHITECTURE.md` writes down, one line per module with children, in its
/// "Layers" block: `crate::core: model < text, order < ...`. A module may import only what is
/// in a layer before its own; modules in one layer import none of each other.
fn layers(doc: &str) -> BTreeMap<String, Vec<Vec<String>>> {
    let block = doc
        .split("```layers\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("ARCHITECTURE.md has a ```layers block");
    block
        .lines()
        .filter_map(|l| l.split_once(": "))
        .map(|(parent, rest)| {
            (
                parent.trim().to_string(),
                rest.split('<')
                    .map(|layer| {
                        layer
                            .split(',')
                            .map(|m| m.trim().to_string())
                            .filter(|m| !m.is_empty())
                            .collect()
                    })
                    .collect(),
            )
        })
        .collect()
}

/// Every rule the tree breaks: an import against the layers, a module the layers do not name,
/// a cycle. `files` are (path under `src/`, text).
fn violations(
    files: &[(String, String)],
    layers: &BTreeMap<String, Vec<Vec<String>>>,
) -> Vec<String> {
    let mut modules: BTreeSet<Vec<String>> = BTreeSet::new();
    let mut code: Vec<(Vec<String>, String)> = Vec::new();
    let mut test_files: BTreeSet<Vec<String>> = BTreeSet::new();
    for (rel, text) in files {
        let me = module_of(rel);
        let (c, tests) = without_tests(&code_only(text));
        for t in tests {
            let mut m = me.clone();
            if !rel.ends_with("mod.rs") && !rel.ends_with("lib.rs") {
                m.pop();
                m.push(me.last().cloned().unwrap_or_default());
            }
            m.push(t);
            test_files.insert(m);
        }
        modules.insert(me.clone());
        code.push((me, c));
    }
    let mut edges: BTreeSet<(String, String, String)> = BTreeSet::new();
    for (me, c) in code.iter().filter(|(m, _)| !test_files.contains(m)) {
        for target in imports(c, me) {
            // The longest module the path names.
            let Some(t) = (1..=target.len())
                .rev()
                .map(|n| target[..n].to_vec())
                .find(|p| modules.contains(p))
            else {
                continue;
            };
            let n = me.iter().zip(&t).take_while(|(a, b)| a == b).count();
            // Inside itself, or reaching up to an ancestor's own items: no room is crossed.
            if n >= me.len() || n >= t.len() {
                continue;
            }
            edges.insert((me[..n].join("::"), me[n].clone(), t[n].clone()));
        }
    }
    let mut out = Vec::new();
    // Every module with children is laid out, and names each of them.
    let mut children: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in modules.iter().filter(|m| !test_files.contains(*m)) {
        if m.len() > 1 {
            children
                .entry(m[..m.len() - 1].join("::"))
                .or_default()
                .insert(m[m.len() - 1].clone());
        }
    }
    for (parent, kids) in &children {
        let listed: BTreeSet<String> = layers
            .get(parent)
            .map(|l| l.iter().flatten().cloned().collect())
            .unwrap_or_default();
        for k in kids.difference(&listed) {
            out.push(format!(
                "ARCHITECTURE.md's layers do not name {parent}::{k}"
            ));
        }
    }
    let layer_of = |parent: &str, m: &str| {
        layers
            .get(parent)
            .and_then(|l| l.iter().position(|layer| layer.iter().any(|x| x == m)))
    };
    for (parent, from, to) in &edges {
        if let (Some(a), Some(b)) = (layer_of(parent, from), layer_of(parent, to))
            && b >= a
        {
            out.push(format!(
                "{parent}::{from} imports {parent}::{to}, {} it in the layers",
                if a == b { "beside" } else { "above" }
            ));
        }
    }
    // Cycles, by any road (a depth-first search per room).
    let mut graph: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for (p, a, b) in &edges {
        graph
            .entry((p.clone(), a.clone()))
            .or_default()
            .insert(b.clone());
    }
    for (parent, start) in graph.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((at, road)) = stack.pop() {
            for next in graph
                .get(&(parent.clone(), at.clone()))
                .into_iter()
                .flatten()
            {
                if next == start {
                    let mut cycle = road.clone();
                    cycle.push(next.clone());
                    let msg = format!("import cycle in {parent}: {}", cycle.join(" -> "));
                    // One report per cycle, from its smallest module.
                    if road.iter().all(|m| m >= start) && !out.contains(&msg) {
                        out.push(msg);
                    }
                } else if seen.insert(next.clone()) {
                    let mut r = road.clone();
                    r.push(next.clone());
                    stack.push((next.clone(), r));
                }
            }
        }
    }
    out
}

/// Functions longer than [`MAX_FN_LINES`] and files longer than [`MAX_FILE_LINES`], outside
/// tests.
fn drawers(files: &[(String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    let test_files: BTreeSet<String> = files
        .iter()
        .flat_map(|(rel, text)| {
            let dir = rel
                .trim_end_matches("mod.rs")
                .trim_end_matches(".rs")
                .trim_end_matches('/');
            let base = if rel.ends_with("mod.rs") || rel.ends_with("lib.rs") {
                rel.rsplit_once('/').map_or("", |(d, _)| d).to_string()
            } else {
                dir.to_string()
            };
            without_tests(&code_only(text))
                .1
                .into_iter()
                .flat_map(move |t| [format!("{base}/{t}.rs"), format!("{base}/{t}/mod.rs")])
        })
        .collect();
    for (rel, text) in files.iter().filter(|(r, _)| !test_files.contains(r)) {
        let (code, _) = without_tests(&code_only(text));
        let lines = code.lines().filter(|l| !l.trim().is_empty()).count();
        if lines > MAX_FILE_LINES {
            out.push(format!(
                "{rel}: {lines} lines of code outside tests (at most {MAX_FILE_LINES})"
            ));
        }
        let bytes = code.as_bytes();
        let mut from = 0;
        while let Some(at) = code[from..].find("fn ") {
            let at = from + at;
            from = at + 3;
            if at > 0 && is_ident(bytes[at - 1]) {
                continue;
            }
            let name: String = code[at + 3..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let (brace, semi) = (code[at..].find('{'), code[at..].find(';'));
            let Some(open) = brace
                .filter(|b| semi.is_none_or(|s| *b < s))
                .map(|b| at + b)
            else {
                continue;
            };
            let end = closing(&code, open);
            let n = code[at..=end.min(code.len() - 1)].lines().count();
            if n > MAX_FN_LINES {
                let line = code[..at].lines().count() + 1;
                out.push(format!(
                    "{rel}:{line}: fn {name} is {n} lines (at most {MAX_FN_LINES})"
                ));
            }
        }
    }
    out
}

fn src_files() -> Vec<(String, String)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
        for e in fs::read_dir(dir).expect("readable") {
            let p = e.expect("an entry").path();
            if p.is_dir() {
                walk(root, &p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let rel = p
                    .strip_prefix(root)
                    .expect("under src")
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, fs::read_to_string(&p).expect("text")));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    walk(&root, &root, &mut out);
    // The binary's entry point is a crate of its own: it names the library by its name.
    out.retain(|(rel, _)| rel != "main.rs");
    out.sort();
    out
}

fn architecture() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md"))
        .expect("ARCHITECTURE.md")
}

#[test]
fn imports_only_go_down_the_layers_the_architecture_writes_down() {
    let found = violations(&src_files(), &layers(&architecture()));
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn no_function_over_150_lines_and_no_file_over_600_outside_tests() {
    let found = drawers(&src_files());
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_checks_fail_on_planted_violations() {
    let files = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    let lay = layers("```layers\ncrate: a < b\n```\n");
    // Clean: b imports a, below it.
    assert_eq!(
        violations(
            &files(&[
                ("lib.rs", "mod a; mod b;"),
                ("a.rs", ""),
                ("b.rs", "use crate::a::X;")
            ]),
            &lay
        ),
        Vec::<String>::new()
    );
    // A cycle through a grouped `use` and a `super::super::` path in a nested module.
    let planted = files(&[
        ("lib.rs", "mod a; mod b;"),
        (
            "a.rs",
            "use crate::{b, c};\nfn f() { let s = \"crate::b\"; }",
        ),
        ("b/mod.rs", "mod inner;"),
        ("b/inner.rs", "fn g() { super::super::a::f(); }"),
    ]);
    let found = violations(&planted, &lay);
    assert!(
        found.contains(&"crate::a imports crate::b, above it in the layers".to_string()),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|v| v.starts_with("import cycle in crate: a -> b -> a")),
        "{found:?}"
    );
    assert!(
        found.contains(&"ARCHITECTURE.md's layers do not name crate::b::inner".to_string()),
        "{found:?}"
    );
    // Test modules import what they like; comments and strings import nothing.
    let tests_only = files(&[
        ("lib.rs", "mod a; mod b;"),
        (
            "a.rs",
            "// use crate::b;\nlet s = \"use crate::b;\";\n#[cfg(test)]\nmod tests { use crate::b::X; }",
        ),
        ("b.rs", "use crate::a::Y;"),
    ]);
    assert_eq!(violations(&tests_only, &lay), Vec::<String>::new());
    // A long function and a long file.
    let long_fn = format!(
        "fn big() {{\n{}}}\n",
        "    let x = 1;\n".repeat(MAX_FN_LINES)
    );
    assert_eq!(
        drawers(&files(&[("a.rs", &long_fn)])),
        ["a.rs:1: fn big is 152 lines (at most 150)"]
    );
    let long_file = "const A: u8 = 1;\n".repeat(MAX_FILE_LINES + 1);
    assert_eq!(
        drawers(&files(&[("a.rs", &long_file)])),
        [format!(
            "a.rs: {} lines of code outside tests (at most {MAX_FILE_LINES})",
            MAX_FILE_LINES + 1
        )]
    );
    let tested = format!("#[cfg(test)]\nmod tests {{\n{long_fn}}}\n");
    assert_eq!(drawers(&files(&[("a.rs", &tested)])), Vec::<String>::new());
}

/// The site's name has one home in the code (`view::SITE_NAME`, `view::SHORT_NAME`); the
/// static files that cannot call the code (the shell page, the web manifest, the JSON Schema)
/// say the same, or this fails naming the file.
#[test]
fn the_static_files_say_the_sites_name_as_the_code_does() {
    use sco_explorer::core::view::{SHORT_NAME, SITE_NAME};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |f: &str| fs::read_to_string(root.join(f)).unwrap_or_else(|e| panic!("{f}: {e}"));
    let index = read("index.html");
    for needle in [
        format!("<title>{SITE_NAME}</title>"),
        format!("property=\"og:site_name\" content=\"{SITE_NAME}\""),
        format!("<p class=\"site-title\">{SITE_NAME}</p>"),
    ] {
        assert!(index.contains(&needle), "index.html does not say {needle}");
    }
    let manifest: serde_json::Value =
        serde_json::from_str(&read("style/manifest.webmanifest")).expect("JSON");
    assert_eq!(
        (manifest["name"].as_str(), manifest["short_name"].as_str()),
        (Some(SITE_NAME), Some(SHORT_NAME)),
        "style/manifest.webmanifest"
    );
    let schema: serde_json::Value =
        serde_json::from_str(&read("src/core/facts.schema.json")).expect("JSON");
    assert!(
        schema["title"]
            .as_str()
            .is_some_and(|t| t.starts_with(SITE_NAME)),
        "src/core/facts.schema.json"
    );
}
