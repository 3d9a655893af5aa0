//! A certificate authority of the test's own and a server certificate for
//! `127.0.0.1` signed by it, made by the openssl command line tool.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::run;

pub const OPENSSL: &str = "/usr/bin/openssl";

/// Why certificates cannot be made here, if they cannot.
pub fn skip_reason() -> Option<String> {
    (!Path::new(OPENSSL).exists()).then(|| format!("{OPENSSL} is not installed"))
}

/// `ca.pem`, `server.pem` and `server.key` (EC P-256, two days) in a directory.
pub struct TestCa {
    dir: PathBuf,
}

impl TestCa {
    /// Makes the CA and the server certificate (`subjectAltName = IP:127.0.0.1`) in `dir`.
    pub fn create(dir: &Path) -> TestCa {
        std::fs::create_dir_all(dir).expect("mkdir");
        run(
            Command::new(OPENSSL)
                .current_dir(dir)
                .args(["req", "-x509", "-newkey", "ec", "-pkeyopt"])
                .args(["ec_paramgen_curve:P-256", "-nodes", "-days", "2"])
                .args(["-keyout", "ca.key", "-out", "ca.pem"])
                .args(["-subj", "/CN=Kindly Test CA"]),
            "openssl CA",
        );
        run(
            Command::new(OPENSSL)
                .current_dir(dir)
                .args([
                    "req",
                    "-newkey",
                    "ec",
                    "-pkeyopt",
                    "ec_paramgen_curve:P-256",
                ])
                .args(["-nodes", "-keyout", "server.key", "-out", "server.csr"])
                .args(["-subj", "/CN=127.0.0.1"]),
            "openssl server key",
        );
        std::fs::write(
            dir.join("ext.cnf"),
            "basicConstraints = CA:FALSE\nsubjectAltName = IP:127.0.0.1\nextendedKeyUsage = serverAuth\n",
        )
        .expect("write ext.cnf");
        run(
            Command::new(OPENSSL)
                .current_dir(dir)
                .args(["x509", "-req", "-in", "server.csr", "-CA", "ca.pem"])
                .args(["-CAkey", "ca.key", "-CAcreateserial", "-days", "2"])
                .args(["-out", "server.pem", "-extfile", "ext.cnf"]),
            "openssl sign",
        );
        TestCa {
            dir: dir.to_path_buf(),
        }
    }

    /// The CA certificate (PEM) a client trusts.
    pub fn ca_pem(&self) -> PathBuf {
        self.dir.join("ca.pem")
    }

    /// The server certificate (PEM).
    pub fn server_pem(&self) -> PathBuf {
        self.dir.join("server.pem")
    }

    /// The server's private key (PEM, readable by root only).
    pub fn server_key(&self) -> PathBuf {
        self.dir.join("server.key")
    }
}
