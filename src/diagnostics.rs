//! The debug log a user can attach to a bug report: `JOINTLY_LOG=path`
//! appends what jointly does (loading, the search thread, the terminal) to
//! that file. Without it nothing is logged: the `log` macros then cost a
//! load of the maximum level and a comparison.
//!
//! A small logger of our own over the `log` facade: one file, one line per
//! record, no filtering beyond the level; `tracing`'s spans and
//! subscribers would be more than this needs.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;
use std::time::Instant;

use log::{LevelFilter, Log, Metadata, Record};

/// The environment variable that names the log file.
pub const ENV_VAR: &str = "JOINTLY_LOG";

struct FileLogger {
    file: Mutex<File>,
    start: Instant,
}

impl Log for FileLogger {
    fn enabled(&self, metadata: &Metadata) -> bool {
        metadata.level() <= log::Level::Debug
    }

    fn log(&self, record: &Record) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let ms = self.start.elapsed().as_secs_f64() * 1000.0;
        let line = format!(
            "{ms:10.3} ms {:5} {}: {}\n",
            record.level(),
            record.target(),
            record.args()
        );
        // A poisoned lock or a failed write loses a log line, never the app.
        if let Ok(mut f) = self.file.lock() {
            let _ = f.write_all(line.as_bytes());
        }
    }

    fn flush(&self) {
        if let Ok(mut f) = self.file.lock() {
            let _ = f.flush();
        }
    }
}

/// Starts logging to the file `JOINTLY_LOG` names, when it is set and not
/// empty. Returns a warning for stderr when the file cannot be opened (the
/// app runs on without a log).
pub fn init() -> Option<String> {
    let path = std::env::var_os(ENV_VAR).filter(|p| !p.is_empty())?;
    init_at(Path::new(&path)).err()
}

/// Starts logging to `path` (appending).
pub fn init_at(path: &Path) -> Result<(), String> {
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| format!("jointly: warning: {ENV_VAR}: cannot open {}: {e}", path.display()))?;
    let logger = FileLogger {
        file: Mutex::new(file),
        start: Instant::now(),
    };
    // Leaked once per process: the logger lives as long as the program.
    log::set_logger(Box::leak(Box::new(logger))).map_err(|e| format!("jointly: warning: {ENV_VAR}: {e}"))?;
    log::set_max_level(LevelFilter::Debug);
    log::info!(
        "jointly {} started: {:?}",
        env!("CARGO_PKG_VERSION"),
        std::env::args().collect::<Vec<_>>()
    );
    Ok(())
}
