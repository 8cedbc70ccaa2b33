//! The host command line: `help` lists every command, a wrong one is told so with the list,
//! and `publish` on a folder with no built site says to build first.

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
        "coverage", "draft", "id", "publish", "stats", "records", "help",
    ];
    check(&["help"], true, &commands);
    check(&["--help"], true, &commands);
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
