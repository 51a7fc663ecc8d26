//! Imports run one way. Reads the `use` lines (and inline `crate::…` /
//! `super::…` paths) of every file under [`AREAS`], resolves each to the
//! file of the module it names, and fails on an import that runs upward
//! (from a lower layer of [`LAYERS`] to a higher one, or from a file to
//! the `mod.rs` of its own directory) and on any loop of imports among the
//! files of [`LOOP_FREE`]. Test modules (`#[cfg(test)]` and below, and the
//! files that hold only tests: `tests.rs`, `*_tests.rs`) and comments are
//! not read.
//!
//! To add a part of the crate: list its directory in [`AREAS`] with a rank
//! in [`LAYERS`] (lower ranks may be imported by higher ones, never the
//! reverse), and in [`LOOP_FREE`] once its files have no loop.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Directories (under the crate root) whose files are read.
const AREAS: &[&str] = &["src/engine", "src/text", "src/ui"];

/// Ranks by path prefix (the longest prefix wins): a file may import files
/// of its own rank or lower, never higher.
const LAYERS: &[(&str, u32)] = &[
    // The engine speaks no language and knows no page. Its floors, from the
    // ground: the vocabulary, Kafka's algorithms, message bodies, the
    // context Sim lends a handler, the parts that own their state; then Sim
    // with the handlers not yet in parts (and the old module paths, which
    // only re-export); the read models on top (docs/architecture.md).
    ("src/engine/vocab/", 0),
    ("src/engine/kafka/", 1),
    ("src/engine/wire/", 2),
    ("src/engine/context/", 3),
    ("src/engine/parts/", 4),
    ("src/engine/", 5),
    ("src/engine/views/", 6),
    // Every word, above the engine and the pure modules it uses.
    ("src/text/", 10),
    // The UI, from the browser up to the app.
    ("src/ui/browser/", 20),
    ("src/ui/state/", 21),
    ("src/ui/hooks/", 22),
    ("src/ui/panels/", 22),
    ("src/ui/picture/", 22),
    ("src/ui/app.rs", 23),
    ("src/ui/mod.rs", 24),
];

/// Directories whose files import each other in no loop.
const LOOP_FREE: &[&str] = &[
    "src/engine/vocab",
    "src/engine/kafka",
    "src/engine/wire",
    "src/engine/context",
    "src/engine/parts",
    "src/engine/views",
    "src/text",
    "src/ui",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rank(file: &str) -> Option<u32> {
    LAYERS
        .iter()
        .filter(|(prefix, _)| file.starts_with(prefix))
        .max_by_key(|(prefix, _)| prefix.len())
        .map(|(_, r)| *r)
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The module path of a file (`src/ui/panels/scene.rs` → `ui::panels::scene`).
fn module_of(file: &str) -> Vec<String> {
    let rel = file.trim_start_matches("src/").trim_end_matches(".rs");
    let mut parts: Vec<String> = rel.split('/').map(str::to_string).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The file of the longest module prefix of `path` that exists.
fn file_of(path: &[String]) -> Option<String> {
    (1..=path.len()).rev().find_map(|n| {
        let joined = path[..n].join("/");
        [format!("src/{joined}.rs"), format!("src/{joined}/mod.rs")]
            .into_iter()
            .find(|f| root().join(f).is_file())
    })
}

/// The code of a file without comments and without its test modules.
fn code(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(test)]") {
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        let line = line.split(" //").next().unwrap_or(line);
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Flattens a use tree (`a::{b, c::{d, e}}`) into paths.
fn flatten(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim_end_matches("::").trim();
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let base = join(prefix, head);
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    flatten(&base, &inner[start..i], out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        flatten(&base, &inner[start..], out);
    } else {
        let item = tree.split(" as ").next().unwrap_or(tree).trim();
        if !item.is_empty() {
            out.push(join(prefix, item));
        }
    }
}

fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a}::{b}"),
    }
}

/// Every path the code names: its `use` trees, and inline paths that start
/// with `crate::` or `super::`.
fn paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut statement: Option<String> = None;
    for line in code.lines() {
        let t = line.trim_start();
        let t = t
            .strip_prefix("pub(crate) ")
            .or_else(|| t.strip_prefix("pub(super) "))
            .or_else(|| t.strip_prefix("pub "))
            .unwrap_or(t);
        let part = match &mut statement {
            Some(s) => {
                s.push(' ');
                s.push_str(line.trim());
                s.clone()
            }
            None if t.starts_with("use ") => {
                statement = Some(t["use ".len()..].to_string());
                t["use ".len()..].to_string()
            }
            None => continue,
        };
        if let Some(end) = part.find(';') {
            flatten("", &part[..end], &mut out);
            statement = None;
        }
    }
    for start in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(i) = code[from..].find(start) {
            let at = from + i;
            let ok_before = code[..at]
                .chars()
                .last()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == ':'));
            let len = code[at..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(code.len() - at);
            // `super::{a, b}` is a use tree, read above.
            let tree = code[at + len..].starts_with('{');
            if ok_before && !tree {
                out.push(code[at..at + len].trim_end_matches(':').to_string());
            }
            from = at + len.max(1);
        }
    }
    out
}

/// Resolves a path named in `file` to the absolute module path.
fn absolute(file: &str, path: &str) -> Option<Vec<String>> {
    let mut parts: Vec<String> = path.split("::").map(str::to_string).collect();
    let here = module_of(file);
    let mut base: Vec<String> = match parts.first()?.as_str() {
        "crate" => {
            parts.remove(0);
            Vec::new()
        }
        "self" => {
            parts.remove(0);
            here
        }
        // `super` is the parent module, once per `super`.
        "super" => {
            let mut b = here;
            while parts.first().is_some_and(|p| p == "super") {
                parts.remove(0);
                b.pop();
            }
            b
        }
        _ => return None,
    };
    base.extend(parts);
    Some(base)
}

/// Every import between read files: (from, to).
fn imports() -> BTreeSet<(String, String)> {
    let mut list = Vec::new();
    for area in AREAS {
        files(&root().join(area), &mut list);
    }
    let mut edges = BTreeSet::new();
    for path in list {
        let file = path
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let name = file.rsplit('/').next().unwrap_or("");
        if name == "tests.rs" || name.ends_with("_tests.rs") {
            continue; // a file of tests only, like a `#[cfg(test)]` module
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for named in paths(&code(&text)) {
            let Some(target) = absolute(&file, &named).and_then(|p| file_of(&p)) else {
                continue;
            };
            if target != file && AREAS.iter().any(|a| target.starts_with(a)) {
                edges.insert((file.clone(), target));
            }
        }
    }
    edges
}

#[test]
fn no_import_runs_upward() {
    let edges = imports();
    assert!(edges.len() > 100, "only {} imports read", edges.len());
    let mut wrong = Vec::new();
    for (from, to) in &edges {
        let (Some(a), Some(b)) = (rank(from), rank(to)) else {
            continue;
        };
        if b > a {
            wrong.push(format!("{from} (rank {a}) imports {to} (rank {b})"));
        }
        // A file never imports the mod.rs of a directory it is inside
        // (checked where the structure is: the loop-free areas).
        let structured = LOOP_FREE.iter().any(|d| from.starts_with(d));
        if structured && to.ends_with("/mod.rs") && from != to {
            let dir = to.trim_end_matches("mod.rs");
            if from.starts_with(dir) {
                wrong.push(format!("{from} imports its own directory's {to}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that run upward:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_import_loops() {
    let edges = imports();
    let checked = |f: &str| LOOP_FREE.iter().any(|d| f.starts_with(d));
    let mut graph: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (from, to) in &edges {
        if checked(from) && checked(to) {
            graph.entry(from).or_default().push(to);
        }
    }
    // Depth-first search for a back edge; report the loop it closes.
    fn visit<'a>(
        node: &'a str,
        graph: &BTreeMap<&'a str, Vec<&'a str>>,
        stack: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
        loops: &mut Vec<String>,
    ) {
        if done.contains(node) {
            return;
        }
        if let Some(i) = stack.iter().position(|n| *n == node) {
            let mut cycle: Vec<&str> = stack[i..].to_vec();
            cycle.push(node);
            loops.push(cycle.join(" → "));
            return;
        }
        stack.push(node);
        for next in graph.get(node).into_iter().flatten() {
            visit(next, graph, stack, done, loops);
        }
        stack.pop();
        done.insert(node);
    }
    let (mut done, mut loops) = (BTreeSet::new(), Vec::new());
    for node in graph.keys() {
        visit(node, &graph, &mut Vec::new(), &mut done, &mut loops);
    }
    assert!(loops.is_empty(), "import loops:\n{}", loops.join("\n"));
}

#[test]
fn the_reader_resolves_use_trees_and_super() {
    let mut out = Vec::new();
    flatten(
        "",
        "super::{event_en, event_ko::{group, event}, words as w}",
        &mut out,
    );
    assert_eq!(
        out,
        [
            "super::event_en",
            "super::event_ko::group",
            "super::event_ko::event",
            "super::words"
        ]
    );
    assert_eq!(
        absolute("src/ui/panels/scene.rs", "super::segments::window_first").unwrap(),
        ["ui", "panels", "segments", "window_first"]
    );
    assert_eq!(
        absolute("src/ui/panels/mod.rs", "super::state").unwrap(),
        ["ui", "state"]
    );
    assert_eq!(
        file_of(&absolute("src/ui/app.rs", "crate::text::words::phase").unwrap()).as_deref(),
        Some("src/text/words.rs")
    );
}
