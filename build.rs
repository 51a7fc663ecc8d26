//! Compiles the built-in lessons (`lessons/*.toml`) to minified JSON in
//! `$OUT_DIR/lessons/`, which `src/scenario/lessons.rs` includes. The web app
//! then reads its lessons with the JSON reader it already has (serde_json, for
//! share links) and carries no TOML parser: TOML for people, JSON for the
//! browser. The conversion is a plain transliteration (tables → objects,
//! arrays → arrays, strings/integers/floats/booleans as themselves); the
//! tests check that every lesson reads the same from either form.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let src = Path::new("lessons");
    println!("cargo:rerun-if-changed=lessons");
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("lessons");
    std::fs::create_dir_all(&out).expect("create $OUT_DIR/lessons");
    let mut entries: Vec<_> = std::fs::read_dir(src)
        .expect("read lessons/")
        .map(|e| e.expect("read lessons/").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    entries.sort();
    for path in entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: cannot read: {e}", path.display()));
        let table: toml::Table = text
            .parse()
            .unwrap_or_else(|e| panic!("{}: not valid TOML: {e}", path.display()));
        let mut json = String::with_capacity(text.len());
        write_table(&mut json, &table, &path);
        let stem = path.file_stem().expect("a file name");
        let target = out.join(Path::new(stem).with_extension("json"));
        std::fs::write(&target, json)
            .unwrap_or_else(|e| panic!("{}: cannot write: {e}", target.display()));
    }
}

fn write_table(out: &mut String, table: &toml::Table, file: &Path) {
    out.push('{');
    for (i, (key, value)) in table.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_string(out, key);
        out.push(':');
        write_value(out, value, file);
    }
    out.push('}');
}

fn write_value(out: &mut String, value: &toml::Value, file: &Path) {
    match value {
        toml::Value::String(s) => write_string(out, s),
        toml::Value::Integer(n) => write!(out, "{n}").expect("writing to a String"),
        toml::Value::Float(x) if x.is_finite() => {
            // `{:?}` keeps a decimal point (`1.0`), so the value stays a float.
            write!(out, "{x:?}").expect("writing to a String");
        }
        toml::Value::Float(x) => panic!(
            "{}: the float {x} has no JSON form; the scenario format has no use for it",
            file.display()
        ),
        toml::Value::Boolean(b) => out.push_str(if *b { "true" } else { "false" }),
        toml::Value::Datetime(d) => panic!(
            "{}: the date-time {d} has no JSON form; the scenario format has no dates",
            file.display()
        ),
        toml::Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, item, file);
            }
            out.push(']');
        }
        toml::Value::Table(table) => write_table(out, table, file),
    }
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                write!(out, "\\u{:04x}", c as u32).expect("writing to a String")
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
