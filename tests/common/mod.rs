//! Shared by the CLI tests: the binary under test, without colour, and the seed page.

use assert_cmd::Command;

pub const SEED: &str = "fixtures/seed-000_5754297777aae10c.txt";

pub fn factlint() -> Command {
    let mut cmd = Command::cargo_bin("factlint").expect("binary builds");
    cmd.env("NO_COLOR", "1");
    cmd
}
