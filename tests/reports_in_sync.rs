//! `reports/` holds the reports of every fixture story as `slant compare` writes them; this test
//! fails when they drift. Regenerate with `scripts/update-reports.sh` and review the diff.

use std::path::Path;

#[test]
fn committed_reports_match_what_compare_writes() {
    let mut stories: Vec<_> = std::fs::read_dir("fixtures")
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    stories.sort();
    assert!(!stories.is_empty());
    for story in stories {
        let name = story.file_name().unwrap().to_string_lossy().into_owned();
        let fresh = tempfile::tempdir().unwrap();
        let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("slant"))
            .arg("compare")
            .arg(&story)
            .arg("--quiet")
            .arg("--out")
            .arg(fresh.path())
            .status()
            .unwrap();
        assert!(status.success(), "{name}: compare failed");
        let committed = Path::new("reports").join(&name);
        let mut files: Vec<_> = std::fs::read_dir(fresh.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        files.sort();
        assert!(files.len() >= 9, "{name}: {files:?}");
        for file in files {
            let want = std::fs::read(committed.join(&file)).unwrap_or_default();
            let got = std::fs::read(fresh.path().join(&file)).unwrap();
            assert!(
                want == got,
                "reports/{name}/{} is out of date: run scripts/update-reports.sh and review the diff",
                file.to_string_lossy()
            );
        }
    }
}
