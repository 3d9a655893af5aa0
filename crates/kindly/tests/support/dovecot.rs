//! A Dovecot of the test's own (`dovecot -c FILE`): its configuration, state,
//! sockets and log in a directory the test owns; stopped on drop, also on a
//! panic. `imap.rs` runs one for IMAP, `postfix.rs` one that only
//! authenticates (Postfix's SASL).

use std::net::TcpStream;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use super::{user_ids, wait_for};

pub const DOVECOT: &str = "/usr/sbin/dovecot";

/// Why Dovecot cannot run here, if it cannot.
pub fn skip_reason() -> Option<String> {
    if !Path::new(DOVECOT).exists() {
        return Some(format!(
            "{DOVECOT} is not installed (bash scripts/test.sh installs Debian's dovecot-imapd)"
        ));
    }
    // /proc/self belongs to the effective user.
    if std::fs::metadata("/proc/self").map_or(true, |m| m.uid() != 0) {
        return Some("Dovecot must be started as root".to_string());
    }
    for user in ["dovecot", "dovenull", "nobody"] {
        if user_ids(user).is_none() {
            return Some(format!("there is no {user:?} user"));
        }
    }
    None
}

/// One running Dovecot; stopped on drop.
pub struct Dovecot {
    pub root: PathBuf,
    /// TCP ports it listens on (ready when they accept).
    ports: Vec<u16>,
    /// Unix sockets it listens on (ready when they exist).
    sockets: Vec<PathBuf>,
    patience: Duration,
}

impl Dovecot {
    /// Writes `root/dovecot.conf` — its own base and state directories, log
    /// and instance name, then `body` — and starts it; returns once `ports`
    /// accept connections and `sockets` exist.
    pub fn start(
        root: &Path,
        body: &str,
        ports: &[u16],
        sockets: &[PathBuf],
        patience: Duration,
    ) -> Dovecot {
        // Dovecot's users (and Postfix, for an auth socket) must reach inside.
        std::fs::create_dir_all(root).expect("mkdir");
        for d in [root, root.parent().expect("a parent")] {
            std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        }
        for d in ["run", "state"] {
            std::fs::create_dir_all(root.join(d)).expect("mkdir");
        }
        let t = root.display();
        // Unique among the instances running at once (tests run in parallel).
        let instance = root
            .parent()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        std::fs::write(
            root.join("dovecot.conf"),
            format!(
                "base_dir = {t}/run
state_dir = {t}/state
instance_name = kindly-test-{instance}
log_path = {t}/dovecot.log
info_log_path = {t}/dovecot.log
{body}"
            ),
        )
        .expect("write dovecot.conf");
        let dc = Dovecot {
            root: root.to_path_buf(),
            ports: ports.to_vec(),
            sockets: sockets.to_vec(),
            patience,
        };
        dc.up();
        dc
    }

    pub fn conf(&self) -> PathBuf {
        self.root.join("dovecot.conf")
    }

    /// Starts it (again) and waits until it listens.
    pub fn up(&self) {
        // Not `output()`: the daemon's children would hold its pipes open.
        let errors = self.root.join("dovecot.stderr");
        let status = Command::new(DOVECOT)
            .arg("-c")
            .arg(self.conf())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&errors).expect("stderr file"))
            .status()
            .expect("run dovecot");
        assert!(
            status.success(),
            "dovecot: {status}\n{}\n{}",
            std::fs::read_to_string(&errors).unwrap_or_default(),
            self.log()
        );
        for &port in &self.ports {
            wait_for(
                self.patience,
                "Dovecot to listen",
                || TcpStream::connect(("127.0.0.1", port)).ok(),
                &|| self.log(),
            );
        }
        for socket in &self.sockets {
            wait_for(
                self.patience,
                "Dovecot's socket",
                || socket.exists().then_some(()),
                &|| self.log(),
            );
        }
    }

    /// Stops it and waits until its TCP ports refuse connections.
    pub fn down(&self) {
        let _ = Command::new(DOVECOT)
            .arg("-c")
            .arg(self.conf())
            .arg("stop")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        for &port in &self.ports {
            wait_for(
                self.patience,
                "Dovecot to stop",
                || {
                    TcpStream::connect(("127.0.0.1", port))
                        .is_err()
                        .then_some(())
                },
                &|| self.log(),
            );
        }
    }

    pub fn log(&self) -> String {
        format!(
            "--- Dovecot log ---\n{}",
            std::fs::read_to_string(self.root.join("dovecot.log")).unwrap_or_default()
        )
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        let stopped = Command::new(DOVECOT)
            .arg("-c")
            .arg(self.conf())
            .arg("stop")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !stopped {
            // The master's pid, if it is still there.
            if let Ok(pid) = std::fs::read_to_string(self.root.join("run/master.pid")) {
                let _ = Command::new("kill").arg(pid.trim()).status();
            }
        }
    }
}
