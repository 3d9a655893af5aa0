//! Helpers shared by the end-to-end tests (each test file is its own crate and
//! uses only some of them).

#![allow(dead_code)]

pub mod dovecot;
pub mod tls;

use std::net::TcpListener;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// The `kindly` binary on data directory `data`, with no `KINDLY_*` variable
/// of the calling environment leaking in.
pub fn kindly(data: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kindly"));
    c.arg("--data").arg(data);
    for (k, _) in std::env::vars() {
        if k.starts_with("KINDLY_") {
            c.env_remove(k);
        }
    }
    c
}

/// A loopback port nobody listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free loopback port")
        .port()
}

/// Polls `f` (20 ms, doubling to 250 ms) until it gives a value; after
/// `patience` panics naming `what`, with the server's `log`.
pub fn wait_for<T>(
    patience: Duration,
    what: &str,
    mut f: impl FnMut() -> Option<T>,
    log: &dyn Fn() -> String,
) -> T {
    let start = Instant::now();
    let mut pause = Duration::from_millis(20);
    loop {
        if let Some(v) = f() {
            return v;
        }
        if start.elapsed() > patience {
            panic!("timed out waiting for {what}\n--- log ---\n{}", log());
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(250));
    }
}

/// uid and gid of a local user, from /etc/passwd.
pub fn user_ids(name: &str) -> Option<(u32, u32)> {
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|l| {
        let f: Vec<&str> = l.split(':').collect();
        (f.len() > 3 && f[0] == name).then(|| Some((f[2].parse().ok()?, f[3].parse().ok()?)))?
    })
}

/// Runs a set-up command; panics with its stderr when it fails.
pub fn run(cmd: &mut Command, what: &str) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what}: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `chown -R`.
pub fn chown_all(path: &Path, (uid, gid): (u32, u32)) {
    std::os::unix::fs::chown(path, Some(uid), Some(gid))
        .unwrap_or_else(|e| panic!("chown {}: {e}", path.display()));
    if path.is_dir() {
        for e in std::fs::read_dir(path).expect("read_dir") {
            chown_all(&e.expect("entry").path(), (uid, gid));
        }
    }
}
