//! Language packs (`packs/<lang>/`) and knowledge-base tables (`data/kb/`), embedded in
//! the binary at build time. Setting `ATTACHE_DATA_DIR` to a checkout's root makes
//! attache read them from disk instead, so a linguist can edit a pack and rerun without
//! rebuilding.

use std::collections::BTreeSet;
use std::path::PathBuf;

include!(concat!(env!("OUT_DIR"), "/files.rs"));

/// Errors reading data files from an override directory.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// A file under `ATTACHE_DATA_DIR` could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// Where data files come from: the embedded copy, or a directory on disk.
#[derive(Debug, Clone, Default)]
pub struct DataSource {
    dir: Option<PathBuf>,
    cache: Option<PathBuf>,
}

impl DataSource {
    /// The embedded files, unless `ATTACHE_DATA_DIR` names a directory to read instead;
    /// with the cache directory of [`Self::cache_dir_from_env`].
    pub fn from_env() -> Self {
        let source = match std::env::var_os("ATTACHE_DATA_DIR") {
            Some(d) if !d.is_empty() => Self::directory(d),
            _ => Self::embedded(),
        };
        source.with_cache_dir(Self::cache_dir_from_env())
    }

    /// Where built automata are kept between runs: `ATTACHE_CACHE_DIR` (`off` for
    /// nowhere), else `$XDG_CACHE_HOME/attache`, else `$HOME/.cache/attache`.
    pub fn cache_dir_from_env() -> Option<PathBuf> {
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
        if let Some(dir) = var("ATTACHE_CACHE_DIR") {
            return (dir.as_os_str() != "off").then_some(dir);
        }
        var("XDG_CACHE_HOME")
            .filter(|d| d.is_absolute())
            .or_else(|| var("HOME").map(|h| h.join(".cache")))
            .map(|d| d.join("attache"))
    }

    /// Only the files embedded at build time (and no cache).
    pub fn embedded() -> Self {
        Self { dir: None, cache: None }
    }

    /// Files under `dir` (a repository root holding `packs/` and `data/kb/`), and no cache.
    pub fn directory(dir: impl Into<PathBuf>) -> Self {
        Self { dir: Some(dir.into()), cache: None }
    }

    /// The same source, keeping built automata in `cache` (none when `None`).
    pub fn with_cache_dir(mut self, cache: Option<PathBuf>) -> Self {
        self.cache = cache;
        self
    }

    /// The directory where built automata are kept between runs, if any.
    pub fn cache_dir(&self) -> Option<&std::path::Path> {
        self.cache.as_deref()
    }

    /// The contents of a data file by its repository-relative path, or `None` if absent.
    pub fn read(&self, rel: &str) -> Result<Option<String>, DataError> {
        match &self.dir {
            Some(dir) => {
                let path = dir.join(rel);
                match std::fs::read_to_string(&path) {
                    Ok(s) => Ok(Some(s)),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                    Err(source) => Err(DataError::Read { path, source }),
                }
            }
            None => Ok(FILES.iter().find(|(p, _)| *p == rel).map(|(_, c)| (*c).to_string())),
        }
    }

    /// Repository-relative paths of the `.tsv` files directly in folder `rel` (e.g.
    /// `data/kb/people`), sorted; empty when the folder is absent.
    pub fn tsv_files_in(&self, rel: &str) -> Vec<String> {
        let rel = rel.trim_end_matches('/');
        let mut out: Vec<String> = match &self.dir {
            Some(dir) => std::fs::read_dir(dir.join(rel))
                .map(|entries| {
                    entries
                        .flatten()
                        .map(|e| e.file_name().to_string_lossy().to_string())
                        .filter(|n| n.ends_with(".tsv"))
                        .map(|n| format!("{rel}/{n}"))
                        .collect()
                })
                .unwrap_or_default(),
            None => FILES
                .iter()
                .filter_map(|(p, _)| {
                    let name = p.strip_prefix(rel)?.strip_prefix('/')?;
                    (!name.contains('/') && name.ends_with(".tsv")).then(|| (*p).to_string())
                })
                .collect(),
        };
        out.sort();
        out
    }

    /// The language codes that have a pack (a folder under `packs/`).
    pub fn pack_languages(&self) -> Vec<String> {
        let mut langs = BTreeSet::new();
        match &self.dir {
            Some(dir) => {
                if let Ok(entries) = std::fs::read_dir(dir.join("packs")) {
                    for e in entries.flatten() {
                        if e.path().is_dir() {
                            langs.insert(e.file_name().to_string_lossy().to_string());
                        }
                    }
                }
            }
            None => {
                for (p, _) in FILES {
                    if let Some(rest) = p.strip_prefix("packs/") {
                        if let Some((lang, _)) = rest.split_once('/') {
                            langs.insert(lang.to_string());
                        }
                    }
                }
            }
        }
        langs.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_packs_are_listed() {
        let src = DataSource::embedded();
        let langs = src.pack_languages();
        assert!(langs.iter().any(|l| l == "en"), "{langs:?}");
        assert!(src.read("packs/en/pack.toml").unwrap().is_some());
        assert!(src.read("packs/xx/none.txt").unwrap().is_none());
    }

    #[test]
    fn directory_source_reads_disk() {
        let dir = std::env::temp_dir().join(format!("attache-langdata-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("packs/zz")).unwrap();
        std::fs::write(dir.join("packs/zz/pack.toml"), "code = \"zz\"\n").unwrap();
        let src = DataSource::directory(&dir);
        assert_eq!(src.pack_languages(), vec!["zz".to_string()]);
        assert!(src.read("packs/zz/pack.toml").unwrap().unwrap().contains("zz"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
