//! Embeds every file under `packs/` and `data/kb/` so the binary needs no data on disk.
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let root = manifest.join("..").join("..");
    let mut files = Vec::new();
    for sub in ["packs", "data/kb"] {
        let dir = root.join(sub);
        println!("cargo:rerun-if-changed={}", dir.display());
        walk(&dir, &mut files);
    }
    files.sort();
    let mut code = String::from("/// Embedded data files: (path relative to the repository root, contents).\npub static FILES: &[(&str, &str)] = &[\n");
    for f in &files {
        let Ok(rel) = f.strip_prefix(&root) else { continue };
        let rel = rel.to_string_lossy().replace('\\', "/");
        if rel.ends_with(".md") || rel.contains("/.") {
            continue;
        }
        println!("cargo:rerun-if-changed={}", f.display());
        let abs = f.canonicalize().unwrap_or_else(|_| f.clone());
        let _ = writeln!(code, "    ({:?}, include_str!({:?})),", rel, abs.display().to_string());
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("files.rs");
    if let Err(e) = std::fs::write(&out, code) {
        panic!("cannot write {}: {e}", out.display());
    }
}
