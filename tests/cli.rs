//! The host command line: `help` lists every command and each answers `--help`, a wrong one
//! is told so with the list, `publish` on a folder with no built site says to build first, and
//! `show` gives a record as the sources settle it, today or as of a date.

use std::process::Command;

fn check(args: &[&str], success: bool, says: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_sco-explorer"))
        .args(args)
        .output()
        .expect("the command runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.success(), success, "{args:?}: {text}");
    for s in says {
        assert!(text.contains(s), "{args:?} should say {s:?}: {text}");
    }
}

#[test]
fn help_lists_the_commands_and_mistakes_are_told() {
    let commands = [
        "coverage", "draft", "id", "show", "publish", "stats", "records", "help",
    ];
    check(&["help"], true, &commands);
    check(&["--help"], true, &commands);
    // Every command answers --help with what it takes, and runs nothing.
    for c in commands {
        check(&[c, "--help"], true, &[&format!("usage: cargo run -- {c}")]);
    }
    check(
        &["nope"],
        false,
        &["unknown command \"nope\"", "publish DIR"],
    );
    let empty = std::env::temp_dir().join(format!("sco-cli-{}", std::process::id()));
    std::fs::create_dir_all(&empty).expect("a folder");
    check(
        &["publish", empty.to_str().expect("utf-8")],
        false,
        &["build it first"],
    );
    let _ = std::fs::remove_dir_all(&empty);
}

#[test]
fn show_gives_a_record_with_every_sentence_from_its_document_today_or_as_of_a_date() {
    let prose = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/prose");
    // Today: the later document's description, and the earlier one kept.
    check(
        &["show", "velmora", "--seeds", prose],
        true,
        &[
            "Description: A full member of the Tarrow Pact since May 2019",
            "from \u{201c}Fixture P2: the full member\u{201d} (p2_later)",
            "Earlier description: An observer of the Tarrow Pact since 2017.",
        ],
    );
    // As of a day before the later document: the earlier word alone.
    let out = Command::new(env!("CARGO_BIN_EXE_sco-explorer"))
        .args(["show", "velmora", "--asof", "2018-05-01", "--seeds", prose])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("Description: An observer of the Tarrow Pact since 2017."),
        "{text}"
    );
    assert!(
        !text.contains("p2_later") && !text.contains("full member"),
        "{text}"
    );
    check(
        &["show", "quorvane", "--asof", "2018-05-01", "--seeds", prose],
        true,
        &["no document written by 1 May 2018 gives it yet"],
    );
    check(
        &["show", "nope", "--seeds", prose],
        false,
        &["No record `nope`"],
    );
    check(
        &["show", "velmora", "--asof", "May 2018", "--seeds", prose],
        false,
        &["is not a day"],
    );
    check(&["show"], false, &["usage: show ID"]);
}
