//! The public synthetic SSDA903 returns in `../shared/fixtures/ssda903/` (beside the
//! repository; they must be there) import without a panic and with the quality report
//! pinned here. `SSDA903_FIXTURES` may name the folder instead (for a checkout that is not
//! beside `shared/`, such as a git worktree).

use engine::ssda903::{import_dir, Import, ImportOptions};
use std::path::PathBuf;

fn fixtures(sub: &str) -> PathBuf {
    let root = std::env::var_os("SSDA903_FIXTURES").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/ssda903"),
        PathBuf::from,
    );
    let dir = root.join(sub);
    assert!(
        dir.is_dir(),
        "the public SSDA903 fixtures are missing: {} (they are laid beside the repository)",
        dir.display()
    );
    dir
}

fn load(sub: &str) -> Import {
    import_dir(&fixtures(sub), &ImportOptions::default()).expect("read the folder")
}

#[test]
fn explore() {
    for sub in ["d2i-sample", "validator-fake", "liia-fixes"] {
        let i = load(sub);
        println!("=== {sub}\n{}", i.report);
    }
}
