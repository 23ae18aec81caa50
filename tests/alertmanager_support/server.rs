//! A real Alertmanager process, killed when the guard drops (also when a test panics).

use super::http;
use camino::{Utf8Path, Utf8PathBuf};
use std::net::{SocketAddr, TcpListener};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Names the Alertmanager binary goes by: upstream's, then Debian's.
const BINARIES: &[&str] = &["alertmanager", "prometheus-alertmanager"];

/// A running Alertmanager.
pub struct Alertmanager {
    child: Child,
    /// Where its API listens.
    pub addr: SocketAddr,
    log: Utf8PathBuf,
}

impl Alertmanager {
    /// Starts Alertmanager on `config` with its storage and log under `dir`, clustering off,
    /// and waits until it is ready. Panics (never skips) when the binary is missing.
    pub fn start(config: &Utf8Path, dir: &Utf8Path) -> Alertmanager {
        let bin = binary();
        let addr = free_port();
        let log = dir.join("alertmanager.log");
        let log_file = std::fs::File::create(&log).expect("create log");
        let child = Command::new(&bin)
            .arg(format!("--config.file={config}"))
            .arg(format!("--storage.path={}", dir.join("storage")))
            .arg(format!("--web.listen-address={addr}"))
            .arg("--cluster.listen-address=")
            .arg("--log.level=debug")
            .stdin(Stdio::null())
            .stdout(log_file.try_clone().expect("log handle"))
            .stderr(log_file)
            .spawn()
            .unwrap_or_else(|err| panic!("cannot start {bin}: {err}"));
        let mut am = Alertmanager { child, addr, log };
        am.wait_ready(Duration::from_secs(15));
        am
    }

    /// What Alertmanager logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    fn wait_ready(&mut self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("alertmanager exited with {status}:\n{}", self.log());
            }
            if let Ok((200, _)) = http::request(self.addr, "GET", "/-/ready", None) {
                return;
            }
            if Instant::now() > deadline {
                panic!("alertmanager not ready after {timeout:?}:\n{}", self.log());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Alertmanager {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `ONCALLC_ALERTMANAGER`, else the first of [`BINARIES`] on `PATH`.
fn binary() -> String {
    if let Ok(bin) = std::env::var("ONCALLC_ALERTMANAGER") {
        return bin;
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in BINARIES {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return candidate.to_string_lossy().into_owned();
            }
        }
    }
    panic!(
        "no Alertmanager binary ({}) on PATH; install it: apt-get install prometheus-alertmanager",
        BINARIES.join(" or ")
    );
}

/// A port that was free a moment ago.
fn free_port() -> SocketAddr {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("free port")
}
