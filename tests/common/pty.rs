//! A harness that runs the real `jointly` binary in a pseudo-terminal,
//! types keys and reads the screen back through a vt100 parser.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtyPair, PtySize, native_pty_system};

/// A new pseudo-terminal of `cols`x`rows`.
pub fn open(cols: u16, rows: u16) -> PtyPair {
    native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pseudo-terminal")
}

/// `program` (the `jointly` binary unless told), with every XDG folder
/// under `home` and no colour or config setting inherited from the caller.
pub fn command(program: &str, home: &Path) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(program);
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", home);
    cmd.env("XDG_DATA_HOME", home.join("data"));
    cmd.env("XDG_CONFIG_HOME", home.join("config"));
    cmd.env("XDG_STATE_HOME", home.join("state"));
    cmd.env("XDG_CACHE_HOME", home.join("cache"));
    cmd.env_remove("NO_COLOR");
    cmd.env_remove("JOINTLY_CONFIG");
    cmd
}

/// Reads a pseudo-terminal's output until `enough` says so, or until the
/// read fails (EIO once the program has exited and the terminal closed).
pub fn read_until(reader: &mut dyn Read, enough: impl Fn(&[u8]) -> bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    while let Ok(n) = reader.read(&mut buf) {
        if n == 0 {
            break;
        }
        out.extend_from_slice(&buf[..n]);
        if enough(&out) {
            break;
        }
    }
    out
}

/// A running `jointly` in a pseudo-terminal.
pub struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    /// Starts `jointly ARGS` at `cols`x`rows`, with every XDG folder under `home`.
    pub fn start(home: &Path, args: &[&str], cols: u16, rows: u16) -> Session {
        Session::start_with_env(home, args, cols, rows, &[])
    }

    /// As [`Session::start`], with extra environment variables.
    pub fn start_with_env(home: &Path, args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
        let mut cmd = command(env!("CARGO_BIN_EXE_jointly"), home);
        cmd.args(args);
        Session::spawn(cmd, cols, rows, env)
    }

    /// As [`Session::start`], under a 512 MiB address-space cap (`ulimit
    /// -v`), so that a run that would take more memory fails instead.
    pub fn start_capped(home: &Path, args: &[&str], cols: u16, rows: u16) -> Session {
        let mut cmd = command("sh", home);
        cmd.arg("-c");
        cmd.arg("ulimit -v 524288 && exec \"$0\" \"$@\"");
        cmd.arg(env!("CARGO_BIN_EXE_jointly"));
        cmd.args(args);
        Session::spawn(cmd, cols, rows, &[])
    }

    fn spawn(mut cmd: CommandBuilder, cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
        let pair = open(cols, rows);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn jointly");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            rows.try_into().expect("rows > 0"),
            cols.try_into().expect("cols > 0"),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let (p, r) = (Arc::clone(&parser), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Session {
            parser,
            raw,
            writer,
            child,
            _master: pair.master,
        }
    }

    /// Types `keys` as raw bytes (`"j"`, `"\x1b"` for Esc, `"\r"` for Enter).
    pub fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("type keys");
        self.writer.flush().expect("flush keys");
    }

    /// Types each key with a pause, as a person does; lets a lone Esc be
    /// told apart from the start of an escape sequence.
    pub fn type_slowly(&mut self, keys: &[&str]) {
        for k in keys {
            self.keys(k);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    /// The screen's text, rows joined by newlines.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// The characters of the cells that satisfy `pred` (such as underlined
    /// ones), row by row, each row's run ended by a newline.
    pub fn cells(&self, pred: impl Fn(&vt100::Cell) -> bool) -> String {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        let mut out = String::new();
        for r in 0..rows.get() {
            let mut any = false;
            for c in 0..cols.get() {
                if let Some(cell) = screen.cell(r, c).filter(|cell| pred(cell)) {
                    out.push_str(cell.contents());
                    any = true;
                }
            }
            if any {
                out.push('\n');
            }
        }
        out
    }

    /// Everything the program wrote, escape sequences included.
    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Whether the program is on the alternate screen.
    pub fn alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    /// Waits until the screen satisfies `pred`, or panics with the screen after `secs`.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.screen();
            if pred(&screen) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for_text(&self, text: &str) -> String {
        self.wait_for(&format!("{text:?}"), |s| s.contains(text))
    }

    /// The process id of the program.
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Waits for the program to exit; returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                // Let the reader thread drain what was written last.
                std::thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("jointly did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
