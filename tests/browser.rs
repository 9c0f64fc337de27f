//! `report.html` in a real browser: headless Chromium renders the Baghdad report, the DOM it
//! builds is checked for the side-by-side units and the highlighted words, and a screenshot is
//! saved to `target/report-screenshot.png` (`docs/report.png` in the README is made the same
//! way).
//!
//! Skips with a message where Chromium is not installed, except in CI (`CI` set), where
//! `.ci/run` installs it and a missing browser is a failure.

use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

/// Flags for a headless run on a machine with no network and no display.
fn headless(browser: &Path, profile: &Path) -> Command {
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

#[test]
fn report_html_renders_with_units_and_flags() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install chromium (see .ci/run)"
        );
        eprintln!("skipped: chromium is not installed (apt-get install chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report");
    let status = Command::new(assert_cmd::cargo::cargo_bin("slant"))
        .args([
            "compare",
            "fixtures/baghdad-rockets-2020",
            "--format",
            "html",
            "-q",
            "--out",
        ])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let page = out.join("report.html");
    let url = format!("file://{}", page.display());

    let dom = headless(&browser, &dir.path().join("profile-dom"))
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .unwrap();
    assert!(
        dom.status.success(),
        "{}",
        String::from_utf8_lossy(&dom.stderr)
    );
    let dom = String::from_utf8(dom.stdout).unwrap();
    let units = dom.matches("class=\"unit\"").count();
    assert!(
        units >= 10,
        "{units} side-by-side units in the rendered page"
    );
    assert!(
        dom.contains("id=\"coverage\"")
            && dom.contains("id=\"quotes\"")
            && dom.contains("id=\"facts\"")
    );
    let marks = dom.matches("<mark").count();
    assert!(
        marks >= 10,
        "{marks} highlighted words in the rendered page"
    );
    assert!(!dom.contains("<script"), "the page runs no script");

    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-screenshot.png");
    let status = headless(&browser, &dir.path().join("profile-shot"))
        .arg("--window-size=1400,1800")
        .arg(format!("--screenshot={}", shot.display()))
        .arg(&url)
        .output()
        .unwrap();
    assert!(status.status.success());
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 50_000,
        "a real screenshot ({} bytes)",
        png.len()
    );
    eprintln!("screenshot: {}", shot.display());
}
