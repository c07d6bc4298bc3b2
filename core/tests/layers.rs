//! The core's import rule, checked on its source (core/src/README.md explains it):
//!
//! - the bottom (errors, time, actions, zones, words, storage, content, the profile) imports
//!   nothing above it;
//! - a feature imports the bottom and other features, never the top (the entry object, its
//!   exported methods, the crate's face);
//! - no files import each other in a circle, however long.
//!
//! The graph is read from the text: every `use` and every path that starts at `crate`, `super`,
//! `self`, a child module or a module imported by name points at the file that holds the module
//! it names. A `mod child;` line is not an import: a folder's face declares its files without
//! depending on them. Test code (`#[cfg(test)]` items and files) is left out: a test may drive
//! its feature through the entry object, and nothing but tests depends on it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The bottom's top-level modules: what every feature may use.
const BOTTOM: &[&str] = &[
    "error",
    "time_json",
    "action",
    "zone",
    "words",
    "storage",
    "content",
    "profile",
];

/// The top's top-level modules: the crate's face, the entry object and its exported methods, and
/// the fuzz targets' bodies that drive it. Every other module is a feature.
const TOP: &[&str] = &["lib", "waymark", "api", "fuzzing"];

#[test]
fn the_core_imports_run_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = BTreeMap::new();
    read_tree(&src, &src, &mut files);
    let problems = check(&files);
    assert!(
        problems.is_empty(),
        "core/src breaks its import rule (core/src/README.md):\n{}",
        problems.join("\n")
    );
}

#[test]
fn a_back_import_or_a_circle_is_caught() {
    let tree = |extra: &[(&str, &str)]| -> BTreeMap<String, String> {
        let mut files: BTreeMap<String, String> = [
            (
                "lib.rs",
                "mod error;\nmod waymark;\nmod guide;\nmod home;\n",
            ),
            ("error.rs", "pub(crate) struct Error;\n"),
            (
                "waymark.rs",
                "use crate::home::view;\npub struct Waymark;\n",
            ),
            (
                "guide/mod.rs",
                "mod article;\n#[cfg(test)]\nmod tests;\npub(crate) use article::summary;\n",
            ),
            ("guide/article.rs", "use crate::error::Error;\n"),
            ("guide/tests.rs", "use crate::waymark::Waymark;\n"),
            (
                "home/mod.rs",
                "use crate::guide;\npub(crate) fn view() { guide::summary(); }\n",
            ),
        ]
        .into_iter()
        .map(|(p, t)| (p.to_owned(), t.to_owned()))
        .collect();
        for (path, text) in extra {
            files.insert((*path).to_owned(), (*text).to_owned());
        }
        files
    };
    assert_eq!(check(&tree(&[])), Vec::<String>::new());

    let back_up = tree(&[("error.rs", "use crate::guide::summary;\n")]);
    let problems = check(&back_up);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("error.rs -> guide/mod.rs")),
        "{problems:?}"
    );

    let to_top = tree(&[("guide/article.rs", "fn f(w: &crate::waymark::Waymark) {}\n")]);
    let problems = check(&to_top);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("guide/article.rs -> waymark.rs")),
        "{problems:?}"
    );

    let circle = tree(&[("guide/article.rs", "use super::super::home::view;\n")]);
    let problems = check(&circle);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("circle") && p.contains("home/mod.rs -> guide/mod.rs")),
        "{problems:?}"
    );
}

/// Every `.rs` file under `dir`, by its path relative to `root` with `/` separators.
fn read_tree(root: &Path, dir: &Path, files: &mut BTreeMap<String, String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            read_tree(root, &path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative: Vec<_> = path
                .strip_prefix(root)
                .unwrap()
                .iter()
                .map(|p| p.to_str().unwrap().to_owned())
                .collect();
            files.insert(relative.join("/"), std::fs::read_to_string(&path).unwrap());
        }
    }
}

/// What breaks the rule in `files` (path relative to `src/` -> text), one line each.
fn check(files: &BTreeMap<String, String>) -> Vec<String> {
    let graph = Graph::read(files);
    let mut problems = Vec::new();
    for (from, edges) in &graph.edges {
        for (to, path) in edges {
            let (from_layer, to_layer) = (layer(from), layer(to));
            let wrong = match from_layer {
                Layer::Bottom => to_layer != Layer::Bottom,
                Layer::Feature => to_layer == Layer::Top,
                Layer::Top => false,
            };
            if wrong {
                problems.push(format!(
                    "{from_layer:?} imports {to_layer:?}: {from} -> {to} ({path})"
                ));
            }
        }
    }
    for circle in graph.circles() {
        let ties: Vec<String> = circle
            .iter()
            .flat_map(|from| {
                graph.edges[from]
                    .iter()
                    .filter(|(to, _)| circle.contains(*to))
                    .map(move |(to, path)| format!("  {from} -> {to} ({path})"))
            })
            .collect();
        problems.push(format!(
            "a circle of {} files:\n{}",
            circle.len(),
            ties.join("\n")
        ));
    }
    problems
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layer {
    Bottom,
    Feature,
    Top,
}

/// The layer of a file, from its top-level module.
fn layer(file: &str) -> Layer {
    let top = file.split('/').next().unwrap().trim_end_matches(".rs");
    if BOTTOM.contains(&top) {
        Layer::Bottom
    } else if TOP.contains(&top) {
        Layer::Top
    } else {
        Layer::Feature
    }
}

/// Which file imports which, with the first path that ties each pair.
struct Graph {
    edges: BTreeMap<String, BTreeMap<String, String>>,
}

impl Graph {
    fn read(files: &BTreeMap<String, String>) -> Self {
        let sources: BTreeMap<&str, Vec<Token>> = files
            .iter()
            .map(|(path, text)| (path.as_str(), tokens(&strip(text))))
            .collect();
        // Modules by path, each with the file that holds it; inline modules live in their
        // file. Files of test modules are never reached, so they are left out.
        let mut modules: BTreeMap<Vec<String>, String> = BTreeMap::new();
        let mut pending = vec![(Vec::new(), "lib.rs".to_owned())];
        while let Some((module, file)) = pending.pop() {
            let Some(tokens) = sources.get(file.as_str()) else {
                continue;
            };
            modules.insert(module.clone(), file.clone());
            for (inner, declared) in declarations(tokens) {
                let path: Vec<String> = module.iter().chain(&inner).cloned().collect();
                match declared {
                    Declared::Inline => {
                        modules.insert(path, file.clone());
                    }
                    Declared::File => {
                        let name = inner.last().unwrap();
                        let base = file_dir(&file);
                        let single = format!("{base}{name}.rs");
                        let folder = format!("{base}{name}/mod.rs");
                        let child = if sources.contains_key(single.as_str()) {
                            single
                        } else {
                            folder
                        };
                        pending.push((path, child));
                    }
                }
            }
        }
        let mut edges: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        let reached: BTreeSet<&String> = modules.values().collect();
        for file in reached {
            let module = modules
                .iter()
                .filter(|(_, f)| *f == file)
                .map(|(m, _)| m)
                .min_by_key(|m| m.len())
                .unwrap()
                .clone();
            let out = edges.entry(file.clone()).or_default();
            for (scope, path) in paths(&sources[file.as_str()]) {
                let scope: Vec<String> = module.iter().chain(&scope).cloned().collect();
                if let Some(target) = resolve(&modules, &scope, &path)
                    && target != *file
                {
                    out.entry(target).or_insert_with(|| path.join("::"));
                }
            }
        }
        Graph { edges }
    }

    /// Every set of two or more files that import each other in a loop (Tarjan's strongly
    /// connected components).
    fn circles(&self) -> Vec<BTreeSet<String>> {
        struct Walk<'a> {
            graph: &'a Graph,
            index: BTreeMap<&'a str, usize>,
            low: BTreeMap<&'a str, usize>,
            stack: Vec<&'a str>,
            on_stack: BTreeSet<&'a str>,
            found: Vec<BTreeSet<String>>,
        }
        impl<'a> Walk<'a> {
            fn visit(&mut self, file: &'a str) {
                let n = self.index.len();
                self.index.insert(file, n);
                self.low.insert(file, n);
                self.stack.push(file);
                self.on_stack.insert(file);
                let graph = self.graph;
                for to in graph.edges.get(file).into_iter().flat_map(|e| e.keys()) {
                    let to = to.as_str();
                    if !self.index.contains_key(to) {
                        self.visit(to);
                        let low = self.low[file].min(self.low[to]);
                        self.low.insert(file, low);
                    } else if self.on_stack.contains(to) {
                        let low = self.low[file].min(self.index[to]);
                        self.low.insert(file, low);
                    }
                }
                if self.low[file] == self.index[file] {
                    let mut component = BTreeSet::new();
                    while let Some(top) = self.stack.pop() {
                        self.on_stack.remove(top);
                        component.insert(top.to_owned());
                        if top == file {
                            break;
                        }
                    }
                    if component.len() > 1 {
                        self.found.push(component);
                    }
                }
            }
        }
        let mut walk = Walk {
            graph: self,
            index: BTreeMap::new(),
            low: BTreeMap::new(),
            stack: Vec::new(),
            on_stack: BTreeSet::new(),
            found: Vec::new(),
        };
        for file in self.edges.keys() {
            if !walk.index.contains_key(file.as_str()) {
                walk.visit(file);
            }
        }
        walk.found
    }
}

/// The folder a file's child modules are in: `a/` for `a/mod.rs`, `a.rs` and `lib.rs` alike
/// (for `lib.rs`, the root).
fn file_dir(file: &str) -> String {
    if file == "lib.rs" {
        String::new()
    } else if let Some(folder) = file.strip_suffix("mod.rs") {
        folder.to_owned()
    } else {
        format!("{}/", file.trim_end_matches(".rs"))
    }
}

/// The file of the deepest module `path` names from `scope`, if it names one of the crate's.
fn resolve(
    modules: &BTreeMap<Vec<String>, String>,
    scope: &[String],
    path: &[String],
) -> Option<String> {
    let mut at: Vec<String> = scope.to_vec();
    let mut rest = path;
    match rest.first()?.as_str() {
        "crate" => {
            at.clear();
            rest = &rest[1..];
        }
        "self" => rest = &rest[1..],
        "super" => {
            while rest.first().is_some_and(|s| s == "super") {
                at.pop()?;
                rest = &rest[1..];
            }
        }
        first => {
            // A relative path counts only when it starts at a child module of the scope.
            let mut child = at.clone();
            child.push(first.to_owned());
            if !modules.contains_key(&child) {
                return None;
            }
        }
    }
    for segment in rest {
        let mut deeper = at.clone();
        deeper.push(segment.clone());
        if modules.contains_key(&deeper) {
            at = deeper;
        } else {
            break;
        }
    }
    modules.get(&at).cloned()
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Ident(String),
    Path,
    Punct(char),
}

/// The text without comments, and with string literals blanked (their braces would confuse the
/// block structure), except a string that is itself a crate path, such as serde's `with =
/// "crate::time_json"`, which stays as code.
fn strip(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !in_word(&chars[..i]) {
            // A raw string: r"..." or r#"..."#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (0..hashes).all(|h| chars.get(j + 1 + h) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            let mut j = i + 1;
            let mut body = String::new();
            while j < chars.len() && chars[j] != '"' {
                if chars[j] == '\\' {
                    j += 1;
                }
                body.extend(chars.get(j));
                j += 1;
            }
            i = j + 1;
            if body.starts_with("crate::")
                && body
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == ':')
            {
                out.push(' ');
                out.push_str(&body);
                out.push(' ');
            } else {
                out.push_str("\"\"");
            }
        } else if c == '\'' {
            // A char literal ('a', '\n', '"'), else a lifetime, which stays.
            if next == Some('\\') {
                let mut j = i + 3;
                while j < chars.len() && chars[j] != '\'' {
                    j += 1;
                }
                i = j + 1;
                out.push_str("' '");
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
                out.push_str("' '");
            } else {
                out.push(c);
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Whether the text before a `r` ends inside a word (other than a byte string's `b`), so the
/// `r` is no raw string's.
fn in_word(before: &[char]) -> bool {
    let word = |c: &char| c.is_alphanumeric() || *c == '_';
    match before {
        [.., p, 'b'] => word(p),
        [.., 'b'] => false,
        [.., p] => word(p),
        [] => false,
    }
}

/// Identifiers, `::` and single punctuation characters; everything else is dropped.
fn tokens(code: &str) -> Vec<Token> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(Token::Ident(chars[start..i].iter().collect()));
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            out.push(Token::Path);
            i += 2;
        } else if c.is_ascii_digit() {
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
        } else if c.is_whitespace() {
            i += 1;
        } else {
            out.push(Token::Punct(c));
            i += 1;
        }
    }
    without_tests(out)
}

/// `tokens` without the items under `#[cfg(test)]`.
fn without_tests(tokens: Vec<Token>) -> Vec<Token> {
    let ident = |t: &Token, s: &str| matches!(t, Token::Ident(i) if i == s);
    let punct = |t: &Token, c: char| *t == Token::Punct(c);
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let is_cfg_test = tokens.len() > i + 6
            && punct(&tokens[i], '#')
            && punct(&tokens[i + 1], '[')
            && ident(&tokens[i + 2], "cfg")
            && punct(&tokens[i + 3], '(')
            && ident(&tokens[i + 4], "test")
            && punct(&tokens[i + 5], ')')
            && punct(&tokens[i + 6], ']');
        if !is_cfg_test {
            out.push(tokens[i].clone());
            i += 1;
            continue;
        }
        // Skip the item: to its `;` or the end of its block, whichever ends it.
        i += 7;
        let mut first = i;
        if tokens.get(first).is_some_and(|t| ident(t, "pub")) {
            first += 1;
            if tokens.get(first).is_some_and(|t| punct(t, '(')) {
                while tokens.get(first).is_some_and(|t| !punct(t, ')')) {
                    first += 1;
                }
                first += 1;
            }
        }
        let is_use = tokens.get(first).is_some_and(|t| ident(t, "use"));
        let mut depth = 0i32;
        while i < tokens.len() {
            let t = &tokens[i];
            i += 1;
            match t {
                Token::Punct('{' | '(' | '[') => depth += 1,
                Token::Punct('}' | ')' | ']') => {
                    depth -= 1;
                    if depth == 0 && punct(t, '}') && !is_use {
                        break;
                    }
                }
                Token::Punct(';') if depth == 0 => break,
                _ => {}
            }
        }
    }
    out
}

enum Declared {
    File,
    Inline,
}

/// The modules a file declares (tests are already gone), by their path inside the file.
fn declarations(tokens: &[Token]) -> Vec<(Vec<String>, Declared)> {
    let mut found = Vec::new();
    let mut scope: Vec<(String, i32)> = Vec::new();
    let mut depth = 0;
    for (i, t) in tokens.iter().enumerate() {
        match t {
            Token::Punct('{') => depth += 1,
            Token::Punct('}') => {
                depth -= 1;
                if scope.last().is_some_and(|(_, d)| *d == depth) {
                    scope.pop();
                }
            }
            Token::Ident(m) if m == "mod" => {
                if let (Some(Token::Ident(name)), Some(after)) =
                    (tokens.get(i + 1), tokens.get(i + 2))
                {
                    let mut path: Vec<String> = scope.iter().map(|(n, _)| n.clone()).collect();
                    path.push(name.clone());
                    match after {
                        Token::Punct(';') => found.push((path, Declared::File)),
                        Token::Punct('{') => {
                            found.push((path, Declared::Inline));
                            scope.push((name.clone(), depth));
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    found
}

/// Every path the code names, with the inline module it is named in: the leaves of each `use`
/// tree, and every other path of two segments or more. A module imported by name (`use
/// crate::storage::{self, Db}`) makes `storage::settings::x` a path from it.
fn paths(tokens: &[Token]) -> Vec<(Vec<String>, Vec<String>)> {
    let mut found = Vec::new();
    let mut aliases: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut scope: Vec<(String, i32)> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < tokens.len() {
        let inner: Vec<String> = scope.iter().map(|(n, _)| n.clone()).collect();
        match &tokens[i] {
            Token::Punct('{') => depth += 1,
            Token::Punct('}') => {
                depth -= 1;
                if scope.last().is_some_and(|(_, d)| *d == depth) {
                    scope.pop();
                }
            }
            Token::Ident(m) if m == "mod" => {
                if let (Some(Token::Ident(name)), Some(Token::Punct('{'))) =
                    (tokens.get(i + 1), tokens.get(i + 2))
                {
                    scope.push((name.clone(), depth));
                    depth += 1;
                    i += 3;
                    continue;
                }
            }
            Token::Ident(u) if u == "use" => {
                let mut end = i + 1;
                while end < tokens.len() && tokens[end] != Token::Punct(';') {
                    end += 1;
                }
                for (path, alias) in use_tree(&tokens[i + 1..end], &[]) {
                    if let Some(alias) = alias {
                        aliases.insert(alias, path.clone());
                    }
                    found.push((inner.clone(), path));
                }
                i = end + 1;
                continue;
            }
            Token::Ident(first) => {
                let starts_path = i == 0 || tokens[i - 1] != Token::Path;
                if starts_path && tokens.get(i + 1) == Some(&Token::Path) {
                    let mut path = vec![first.clone()];
                    let mut j = i + 1;
                    while tokens.get(j) == Some(&Token::Path) {
                        match tokens.get(j + 1) {
                            Some(Token::Ident(s)) => path.push(s.clone()),
                            _ => break,
                        }
                        j += 2;
                    }
                    let path = match aliases.get(first) {
                        Some(module) => module.iter().chain(&path[1..]).cloned().collect(),
                        None => path,
                    };
                    found.push((inner.clone(), path));
                    i = j;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    found
}

/// The leaves of a `use` tree, each whole from its root, with the name it is imported as where
/// that may name a module (`self`, or a last segment that is not an item in CamelCase).
fn use_tree(tokens: &[Token], prefix: &[String]) -> Vec<(Vec<String>, Option<String>)> {
    let mut leaves = Vec::new();
    let mut path = prefix.to_vec();
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Ident(s) if s == "self" && !path.is_empty() => {
                let alias = path.last().cloned();
                leaves.push((path.clone(), alias));
                i += 1;
            }
            Token::Ident(s) if s == "as" => {
                if let Some(Token::Ident(alias)) = tokens.get(i + 1)
                    && let Some(last) = leaves.last_mut()
                {
                    last.1 = Some(alias.clone());
                }
                i += 2;
            }
            Token::Ident(s) => {
                path.push(s.clone());
                let ends = !matches!(tokens.get(i + 1), Some(Token::Path));
                if ends {
                    leaves.push((path.clone(), Some(s.clone())));
                    path.truncate(prefix.len());
                }
                i += 1;
            }
            Token::Path => i += 1,
            Token::Punct('*') => {
                leaves.push((path.clone(), None));
                path.truncate(prefix.len());
                i += 1;
            }
            Token::Punct('{') => {
                let mut depth = 1;
                let mut end = i + 1;
                while end < tokens.len() && depth > 0 {
                    match tokens[end] {
                        Token::Punct('{') => depth += 1,
                        Token::Punct('}') => depth -= 1,
                        _ => {}
                    }
                    end += 1;
                }
                for part in split_top(&tokens[i + 1..end - 1]) {
                    leaves.extend(use_tree(part, &path));
                }
                path.truncate(prefix.len());
                i = end;
            }
            _ => {
                path.truncate(prefix.len());
                i += 1;
            }
        }
    }
    leaves
}

/// `tokens` split at the commas outside braces.
fn split_top(tokens: &[Token]) -> Vec<&[Token]> {
    let mut parts = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        match t {
            Token::Punct('{') => depth += 1,
            Token::Punct('}') => depth -= 1,
            Token::Punct(',') if depth == 0 => {
                parts.push(&tokens[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&tokens[start..]);
    parts
}
