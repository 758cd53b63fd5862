//! Output files (`--json`, `--csv`): checked before the run (so a bad name costs nothing),
//! then written whole or not at all, as a set: each is staged in a hidden file beside its
//! destination, and only when every one is staged are they renamed into place; if a rename
//! fails, the files already replaced are restored from hard-link backups. Anything staged is
//! removed on every failure. Refused: empty names, directories, missing directories,
//! symbolic links, devices and FIFOs (which the rename would replace by a regular file), an
//! output naming an input file or the other output.

use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use engine::validate::FieldError;

use crate::args::Target;

/// The directory `path` is written in.
fn directory(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// A hidden name beside `path` for this process's `what` (staging, backup) of output `k`.
fn sibling(path: &Path, what: &str, k: usize) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    directory(path).join(format!(".{name}.{what}-{}-{k}", std::process::id()))
}

/// Why `path` cannot be replaced by a new regular file, if it cannot.
fn refusal(path: &Path) -> Option<String> {
    let shown = path.display();
    if path.as_os_str().is_empty() {
        return Some("an empty name is not a file name".into());
    }
    if path.file_name().is_none() || path.as_os_str().as_encoded_bytes().ends_with(b"/") {
        return Some(format!("{shown} is not a file name"));
    }
    let dir = directory(path);
    match fs::metadata(dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return Some(format!(
                "cannot write {shown}: {} is not a directory",
                dir.display()
            ))
        }
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return Some(format!(
                "cannot write {shown}: the directory {} does not exist",
                dir.display()
            ))
        }
        Err(e) => return Some(format!("cannot write {shown}: {}: {e}", dir.display())),
    }
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            return Some(format!(
                "{shown} is a symbolic link, which writing would replace by a file; name the file it points to"
            ))
        }
        Ok(m) if m.is_dir() => return Some(format!("{shown} is a directory, not a file name")),
        Ok(m) if !m.is_file() => {
            return Some(format!(
                "{shown} is not a regular file (a device, FIFO or socket), which writing would replace; use - for standard output"
            ))
        }
        Ok(_) => {}
        Err(e) if e.kind() == ErrorKind::NotFound => {}
        Err(e) => return Some(format!("cannot write {shown}: {e}")),
    }
    None
}

/// Whether a file can be created beside `path` (permissions, read-only file systems).
fn probe(path: &Path) -> Result<(), String> {
    let tmp = sibling(path, "probe", 0);
    match OpenOptions::new().write(true).create_new(true).open(&tmp) {
        Ok(_) => {
            let _ = fs::remove_file(&tmp);
            Ok(())
        }
        Err(e) => Err(format!(
            "cannot write {}: cannot create a file in {}: {e}",
            path.display(),
            directory(path).display()
        )),
    }
}

/// Where `path` is (or would be), resolved, if its directory exists.
fn location(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = fs::canonicalize(path) {
        return Some(p);
    }
    Some(
        fs::canonicalize(directory(path))
            .ok()?
            .join(path.file_name()?),
    )
}

/// Whether `a` and `b` name the same file (or the same place for a file not yet there).
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (fs::metadata(a), fs::metadata(b)) {
            if (x.dev(), x.ino()) == (y.dev(), y.ino()) {
                return true;
            }
        }
    }
    matches!((location(a), location(b)), (Some(x), Some(y)) if x == y)
}

/// Every reason the `outputs` (option, target) cannot be written as asked, given the
/// `inputs` (option, file) the run reads; checked before the run.
pub fn check(outputs: &[(&str, &Target)], inputs: &[(&str, &Path)]) -> Vec<FieldError> {
    let mut errors = vec![];
    if outputs
        .iter()
        .filter(|(_, t)| **t == Target::Stdout)
        .count()
        > 1
    {
        errors.push(FieldError::new(
            "-",
            "at most one output can go to standard output",
        ));
    }
    let files: Vec<(&str, &Path)> = outputs
        .iter()
        .filter_map(|(flag, t)| match t {
            Target::File(p) => Some((*flag, p.as_path())),
            Target::Stdout => None,
        })
        .collect();
    for (i, (flag, path)) in files.iter().enumerate() {
        if let Some(reason) = refusal(path).or_else(|| probe(path).err()) {
            errors.push(FieldError::new(*flag, reason));
            continue;
        }
        for (input_flag, input) in inputs {
            if same_file(path, input) {
                errors.push(FieldError::new(
                    *flag,
                    format!(
                        "{} is the {input_flag} file; writing it would overwrite that input",
                        path.display()
                    ),
                ));
            }
        }
        for (other_flag, other) in &files[..i] {
            if same_file(path, other) {
                errors.push(FieldError::new(
                    *flag,
                    format!(
                        "{} is also the {other_flag} file; each output needs its own",
                        path.display()
                    ),
                ));
            }
        }
    }
    errors
}

struct StagedFile {
    tmp: PathBuf,
    dest: PathBuf,
    /// A hard link to (or copy of) the file `dest` held, while the set is committed.
    backup: Option<PathBuf>,
}

/// Outputs written beside their destinations, not yet in place. Dropping it removes them.
pub struct Staged {
    files: Vec<StagedFile>,
}

/// Write each (destination, contents) beside its destination.
pub fn stage(files: &[(&Path, &str)]) -> Result<Staged, String> {
    let mut staged = Staged { files: vec![] };
    for (k, (dest, text)) in files.iter().enumerate() {
        // Re-checked: the run may have taken long enough for the destination to change.
        if let Some(reason) = refusal(dest) {
            return Err(reason);
        }
        let tmp = sibling(dest, "tmp", k);
        let written = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .and_then(|mut f| {
                staged.files.push(StagedFile {
                    tmp: tmp.clone(),
                    dest: dest.to_path_buf(),
                    backup: None,
                });
                f.write_all(text.as_bytes())?;
                f.sync_all()
            });
        if let Err(e) = written {
            return Err(format!("cannot write {}: {e}", dest.display()));
        }
    }
    Ok(staged)
}

impl Staged {
    /// Rename every staged file into place; if one cannot be, put back the ones already
    /// renamed (their old contents, or no file where there was none).
    pub fn commit(mut self) -> Result<(), String> {
        if let Some(reason) = self.files.iter().find_map(|f| refusal(&f.dest)) {
            return Err(reason);
        }
        if self.files.len() > 1 {
            for (k, f) in self.files.iter_mut().enumerate() {
                if fs::symlink_metadata(&f.dest).is_ok() {
                    let backup = sibling(&f.dest, "backup", k);
                    fs::hard_link(&f.dest, &backup)
                        .or_else(|_| fs::copy(&f.dest, &backup).map(|_| ()))
                        .map_err(|e| {
                            format!("cannot keep a backup of {}: {e}", f.dest.display())
                        })?;
                    f.backup = Some(backup);
                }
            }
        }
        for i in 0..self.files.len() {
            let f = &self.files[i];
            if let Err(e) = fs::rename(&f.tmp, &f.dest) {
                let mut message = format!("cannot write {}: {e}", f.dest.display());
                for done in &self.files[..i] {
                    let restored = match &done.backup {
                        Some(b) => fs::rename(b, &done.dest),
                        None => fs::remove_file(&done.dest),
                    };
                    match restored {
                        Ok(()) => message
                            .push_str(&format!("; {} is left as it was", done.dest.display())),
                        Err(e) => message.push_str(&format!(
                            "; {} could not be restored: {e}",
                            done.dest.display()
                        )),
                    }
                }
                return Err(message);
            }
        }
        for f in std::mem::take(&mut self.files) {
            if let Some(b) = f.backup {
                let _ = fs::remove_file(b);
            }
        }
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        for f in &self.files {
            let _ = fs::remove_file(&f.tmp);
            if let Some(b) = &f.backup {
                let _ = fs::remove_file(b);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!(
            "sufficiency-cli-unit-{}-{name}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d
    }

    fn names(d: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_failed_second_rename_restores_the_first_file() {
        let d = temp_dir("restore");
        let (json, csv) = (d.join("a.json"), d.join("b.csv"));
        fs::write(&json, "old json").unwrap();
        let staged = stage(&[(&json, "new json"), (&csv, "new csv")]).unwrap();
        assert_eq!(names(&d).len(), 3, "two staged files beside a.json");
        // The CSV's staged file disappears: its rename must fail, after the JSON's.
        let csv_tmp = sibling(&csv, "tmp", 1);
        fs::remove_file(&csv_tmp).unwrap();
        let e = staged.commit().unwrap_err();
        assert!(
            e.contains("cannot write") && e.contains("left as it was"),
            "{e}"
        );
        assert_eq!(fs::read_to_string(&json).unwrap(), "old json");
        assert_eq!(names(&d), ["a.json"], "staged or backup files left");

        // Without an old file, the first output is removed again.
        fs::remove_file(&json).unwrap();
        let staged = stage(&[(&json, "new json"), (&csv, "new csv")]).unwrap();
        fs::remove_file(&csv_tmp).unwrap();
        assert!(staged.commit().is_err());
        assert!(names(&d).is_empty(), "{:?}", names(&d));

        // A destination that became a directory during the run: nothing is touched.
        fs::write(&json, "old json").unwrap();
        let staged = stage(&[(&json, "new json"), (&csv, "new csv")]).unwrap();
        fs::create_dir_all(csv.join("inside")).unwrap();
        let e = staged.commit().unwrap_err();
        assert!(e.contains("is a directory"), "{e}");
        assert_eq!(fs::read_to_string(&json).unwrap(), "old json");
        assert_eq!(names(&d), ["a.json", "b.csv"]);
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn a_dropped_set_leaves_nothing_and_a_committed_one_everything() {
        let d = temp_dir("drop");
        let (json, csv) = (d.join("a.json"), d.join("b.csv"));
        fs::write(&csv, "old csv").unwrap();
        drop(stage(&[(&json, "new json"), (&csv, "new csv")]).unwrap());
        assert_eq!(names(&d), ["b.csv"]);
        assert_eq!(fs::read_to_string(&csv).unwrap(), "old csv");
        stage(&[(&json, "new json"), (&csv, "new csv")])
            .unwrap()
            .commit()
            .unwrap();
        assert_eq!(names(&d), ["a.json", "b.csv"]);
        assert_eq!(fs::read_to_string(&json).unwrap(), "new json");
        assert_eq!(fs::read_to_string(&csv).unwrap(), "new csv");
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn staging_into_a_missing_directory_leaves_nothing() {
        let d = temp_dir("missing");
        let json = d.join("a.json");
        let bad = d.join("gone").join("b.csv");
        let e = stage(&[(&json, "{}"), (&bad, "x")]).err().unwrap();
        assert!(e.contains("does not exist"), "{e}");
        assert!(names(&d).is_empty());
        let _ = fs::remove_dir_all(&d);
    }
}
