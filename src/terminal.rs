//! The terminal's lifecycle and the event loop.
//!
//! The loop is generic over the backend and the source of events, so that
//! tests drive the real loop with a `TestBackend` and scripted keys.

use std::io::{self, IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use crossterm::event::{self, Event, KeyEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::app::keymap::KeyBinding;
use crate::app::{Action, App, Effect, Msg};
use crate::loader::Problem;
use crate::model::Corpus;
use crate::output::exit;
use crate::search::{SearchWorker, Searcher};
use crate::session::{Session, Start};

/// How long the loop sleeps waiting for input before it checks for signals.
/// Waking four times a second costs nothing measurable while idle.
const TICK: Duration = Duration::from_millis(250);

/// How often the loop looks for a search's answer while one is awaited:
/// well within a frame, and only while a search runs.
const ANSWER_TICK: Duration = Duration::from_millis(4);

/// From this many meetings, areas and commitments on, searches run on
/// their own thread: at 20,000 one takes about a millisecond, and at
/// 100,000 up to a frame (see the README's benchmark figures).
pub const OFF_THREAD_MIN: usize = 20_000;

/// Where events come from.
pub trait EventSource {
    /// The next event, waiting at most `timeout`; `None` if none came.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>>;

    /// Carries out an effect the app asked for, returning what the app
    /// should learn from it. By default effects are dropped (tests that
    /// only feed keys).
    fn perform(&mut self, effect: Effect) -> Vec<Msg> {
        let _ = effect;
        Vec::new()
    }

    /// Whether an answer from work in the background is awaited.
    fn waiting(&self) -> bool {
        false
    }

    /// What arrived from work in the background since the last call.
    fn arrived(&mut self) -> Vec<Msg> {
        Vec::new()
    }

    /// Whether the screen was lost (the app was suspended and resumed, or
    /// stopped and continued) and must be drawn again whole.
    fn take_redraw(&mut self) -> bool {
        false
    }
}

/// The signals that end the browser as SIGTERM does: the terminal is
/// restored and the place saved. SIGINT and SIGQUIT come from `kill` (in
/// raw mode Ctrl-c and Ctrl-\ are keys), SIGUSR1 and SIGALRM from scripts
/// and timers, whose default would kill the app with the terminal raw.
pub const ENDING_SIGNALS: [i32; 6] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
    signal_hook::consts::SIGUSR1,
    signal_hook::consts::SIGALRM,
];

/// Events from the real terminal; effects carried out on it and on the
/// user's files.
pub struct TerminalEvents {
    session: Session,
    search: Background,
    /// Where a hang-up is recorded, as SIGHUP would record it.
    stop: Arc<AtomicUsize>,
    /// Set by SIGTSTP (`kill -TSTP`; Ctrl-z is a key in raw mode).
    suspend: Arc<AtomicBool>,
    /// Set by SIGCONT: the app was stopped, and the shell may have changed
    /// the terminal's modes and screen meanwhile.
    resumed: Arc<AtomicBool>,
    /// The screen must be drawn again whole.
    redraw: bool,
    /// What to do once the first frame is on screen (the loop asks for
    /// events only after drawing it).
    drawn: Option<Box<dyn FnOnce()>>,
}

impl TerminalEvents {
    /// Whether the terminal has gone away (a closed ssh session, a killed
    /// tmux pane). Its reads then see end-of-file forever; and a SIGHUP
    /// does not always come, as when jointly is not the session's leader.
    /// A hung-up terminal fails every terminal request, so this asks one.
    fn hung_up(&self) -> bool {
        !io::stdin().is_terminal()
    }

    /// Gives the terminal back to the shell (main screen, cooked mode,
    /// cursor shown), stops as SIGTSTP's default does, and once continued
    /// (`fg`) takes the terminal back; the next frame is drawn whole.
    fn suspend(&mut self) {
        restore_quietly();
        let _ = crossterm::execute!(io::stdout(), crossterm::cursor::Show);
        // Stops the process (a SIGSTOP); returns when it is continued.
        let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
        self.resume();
    }

    /// Takes the terminal back after a stop: raw mode, the alternate
    /// screen, the cursor hidden; the next frame is drawn whole.
    fn resume(&mut self) {
        self.resumed.store(false, Ordering::SeqCst);
        let _ = crossterm::terminal::enable_raw_mode();
        let _ = crossterm::execute!(
            io::stdout(),
            crossterm::terminal::EnterAlternateScreen,
            crossterm::cursor::Hide
        );
        self.redraw = true;
    }

    /// Ends the loop as a SIGHUP would.
    fn hang_up(&self) -> io::Result<Option<Event>> {
        self.stop
            .store(signal_hook::consts::SIGHUP as usize, Ordering::SeqCst);
        Ok(None)
    }
}

impl EventSource for TerminalEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        if let Some(drawn) = self.drawn.take() {
            drawn();
        }
        if self.hung_up() {
            return self.hang_up();
        }
        if self.suspend.swap(false, Ordering::SeqCst) {
            self.suspend();
            return Ok(None);
        }
        if self.resumed.load(Ordering::SeqCst) {
            self.resume();
            return Ok(None);
        }
        // crossterm's default event source spins forever on a terminal that
        // reads end-of-file (crossterm issue #793); the `use-dev-tty` one,
        // chosen in Cargo.toml, returns at the timeout, and the check above
        // then ends the loop.
        match event::poll(timeout) {
            Ok(true) => event::read().map(Some),
            Ok(false) => Ok(None),
            Err(_) if self.hung_up() => self.hang_up(),
            Err(e) => Err(e),
        }
    }

    fn perform(&mut self, effect: Effect) -> Vec<Msg> {
        match effect {
            Effect::Search(query) => self.search.request(&query),
            Effect::Suspend => {
                self.suspend();
                Vec::new()
            }
            effect => self.session.perform(effect, &mut io::stdout()),
        }
    }

    fn waiting(&self) -> bool {
        self.search.waiting()
    }

    fn arrived(&mut self) -> Vec<Msg> {
        self.search.arrived()
    }

    fn take_redraw(&mut self) -> bool {
        std::mem::take(&mut self.redraw)
    }
}

/// Searches the app sent out, run on the search thread, started at the
/// first one. Should no thread start, or the thread end, they run here
/// instead, and the user is told why the screen now waits for them.
pub struct Background {
    corpus: Arc<Corpus>,
    worker: Option<SearchWorker>,
    here: Option<Searcher>,
    /// The newest query sent, to answer here if the thread is gone.
    newest: String,
}

impl Background {
    /// Nothing started yet.
    pub fn new(corpus: Arc<Corpus>) -> Background {
        Background {
            corpus,
            worker: None,
            here: None,
            newest: String::new(),
        }
    }

    /// Sends `query` to the search thread; with no thread, answers it now.
    pub fn request(&mut self, query: &str) -> Vec<Msg> {
        let mut msgs = Vec::new();
        if self.worker.is_none() && self.here.is_none() {
            match SearchWorker::spawn(Arc::clone(&self.corpus)) {
                Ok(w) => self.worker = Some(w),
                Err(e) => msgs.push(self.search_here(&format!("no search thread ({e})"))),
            }
        }
        self.newest = query.to_string();
        if let Some(w) = &mut self.worker {
            w.request(query);
        } else if let Some(s) = &mut self.here {
            msgs.push(Msg::Ranked(s.search(&self.corpus, query)));
        }
        msgs
    }

    /// Whether the answer to the newest query has yet to arrive.
    pub fn waiting(&self) -> bool {
        self.worker.as_ref().is_some_and(SearchWorker::waiting)
    }

    /// The answer to the newest query, once it has arrived.
    pub fn arrived(&mut self) -> Vec<Msg> {
        let Some(w) = &mut self.worker else {
            return Vec::new();
        };
        if let Some(ranked) = w.try_result() {
            return vec![Msg::Ranked(ranked)];
        }
        if !w.is_gone() {
            return Vec::new();
        }
        let mut msgs = vec![self.search_here("the search thread stopped")];
        let query = std::mem::take(&mut self.newest);
        if let Some(s) = &mut self.here {
            msgs.push(Msg::Ranked(s.search(&self.corpus, &query)));
        }
        msgs
    }

    /// From now on, searches run on this thread; says why.
    fn search_here(&mut self, why: &str) -> Msg {
        self.worker = None;
        self.here = Some(Searcher::new(&self.corpus));
        Msg::Problem(Problem::warning(
            "search",
            format!("{why}: searches now run between keys, and the screen waits for each"),
        ))
    }
}

/// Runs the app in the terminal until the user quits or a signal arrives;
/// returns the exit code. The terminal is restored on every path out,
/// including a panic (ratatui's panic hook).
///
/// `preview`, given where the browser was last left, may give an
/// app on part of the library ([`crate::loader::preview`]): its frame is
/// drawn first, then `build` builds the whole before any key is read, so
/// that the first frame does not wait for the whole library. What `build`
/// gives beside the app is called once the whole app's first frame is on
/// screen (the load cache is written then).
pub fn run<F: FnOnce() + 'static>(
    build: impl FnOnce() -> (App, F),
    preview: impl FnOnce(&Start) -> Option<App>,
) -> io::Result<u8> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return run_without_terminal();
    }
    // A signal stores its number; the loop sees it within one tick, leaves,
    // and the terminal is restored like on any other way out.
    let stop = Arc::new(AtomicUsize::new(0));
    for signal in ENDING_SIGNALS {
        signal_hook::flag::register_usize(signal, Arc::clone(&stop), signal as usize)?;
    }
    let suspend = Arc::new(AtomicBool::new(false));
    signal_hook::flag::register(signal_hook::consts::SIGTSTP, Arc::clone(&suspend))?;
    let resumed = Arc::new(AtomicBool::new(false));
    signal_hook::flag::register(signal_hook::consts::SIGCONT, Arc::clone(&resumed))?;
    let (session, start) = Session::read();
    let mut first = preview(&start);
    // Without a preview the whole is built before the screen is taken
    // (`Ok`); with one, after its frame (`Err`: still to build).
    let whole = match &mut first {
        Some(p) => {
            start.apply(p);
            Err(build)
        }
        None => Ok(build()),
    };
    let mut terminal = match ratatui::try_init() {
        Ok(t) => t,
        Err(e) => {
            restore_quietly();
            return Err(e);
        }
    };
    if let Some(p) = &mut first {
        let drawn = terminal.size().map_err(backend_error).and_then(|size| {
            p.update(Action::Resize(size.width, size.height));
            draw(&mut terminal, p, synchronized)
        });
        // A preview is an extra: a frame that fails (a terminal that went
        // away) is left to the loop, which tells a hang-up from an error.
        match drawn {
            Ok(()) => log::info!("first frame drawn (a preview)"),
            Err(e) => log::info!("the preview was not drawn: {e}"),
        }
    }
    drop(first);
    let (mut app, drawn) = whole.unwrap_or_else(|build| build());
    start.apply(&mut app);
    let (_, meetings, areas, commitments) = app.corpus.counts();
    if meetings + areas + commitments >= OFF_THREAD_MIN {
        log::info!("search runs on its own thread");
        app.search_off_thread();
    }
    log::info!("terminal opened: {:?}", terminal.size());
    let mut events = TerminalEvents {
        session,
        search: Background::new(Arc::clone(&app.corpus)),
        stop: Arc::clone(&stop),
        suspend,
        resumed,
        redraw: false,
        drawn: Some(Box::new(drawn)),
    };
    let result = event_loop(&mut terminal, &mut app, &mut events, &stop, synchronized);
    if events.hung_up() {
        // Dropping the terminal would show the cursor on a terminal that is
        // gone; ratatui reports that failure with `eprintln!`, which panics
        // when stderr is gone too, and aborts inside its panic hook.
        std::mem::forget(terminal);
    } else {
        drop(terminal);
    }
    restore_quietly();
    if let Some(e) = events.session.save_pending() {
        let _ = crate::output::say(format_args!("jointly: error: {e}"));
    }
    if let Err(e) = events.session.close(&app) {
        // Not `?`: with the terminal gone, stderr may fail too.
        let _ = crate::output::say(format_args!(
            "jointly: warning: where you were was not saved: {e}"
        ));
    }
    // A failed frame on a terminal that went away is the hang-up, not an error.
    if result.is_err() && events.hung_up() {
        stop.store(signal_hook::consts::SIGHUP as usize, Ordering::SeqCst);
    } else {
        result?;
    }
    log::info!(
        "terminal restored; hung up: {}, signal: {}",
        events.hung_up(),
        stop.load(Ordering::SeqCst)
    );
    // Killed by a signal we handled: exit as the shell reports it (128 + n).
    Ok(match stop.load(Ordering::SeqCst) {
        0 => exit::OK,
        n => u8::try_from(128 + n).unwrap_or(exit::PROBLEMS),
    })
}

/// Restores the terminal, saying so on stderr if that fails, unless the
/// terminal is gone (nothing to restore, and nowhere to say it; ratatui's
/// `restore` would panic writing to it).
fn restore_quietly() {
    if let Err(e) = ratatui::try_restore()
        && io::stdin().is_terminal()
    {
        let _ = crate::output::say(format_args!("jointly: the terminal was not restored: {e}"));
    }
}

/// What the browser does when stdin or stdout is not a terminal: says so
/// and exits 2, instead of drawing escape sequences into a pipe.
pub fn run_without_terminal() -> io::Result<u8> {
    let mut err = io::stderr().lock();
    writeln!(
        err,
        "jointly: the browser needs a terminal, and stdin or stdout is not one."
    )?;
    writeln!(err, "hint: `jointly list` and `jointly show ID` work in pipes.")?;
    Ok(exit::USAGE)
}

/// Draws and handles events until the app stops running or `stop` is
/// non-zero (a signal number).
/// Redraws only after an event changed something; events that queued up
/// while drawing are all handled before the next frame.
pub fn event_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut impl EventSource,
    stop: &AtomicUsize,
    wrap_frame: fn(bool) -> io::Result<()>,
) -> io::Result<()> {
    let size = terminal.size().map_err(backend_error)?;
    app.update(Action::Resize(size.width, size.height));
    let mut dirty = true;
    let mut first = true;
    while app.running && stop.load(Ordering::Relaxed) == 0 {
        if dirty {
            draw(terminal, app, wrap_frame)?;
            dirty = false;
            if std::mem::take(&mut first) {
                log::info!("first frame drawn");
            }
        }
        let mut timeout = if events.waiting() { ANSWER_TICK } else { TICK };
        while let Some(ev) = events.next(timeout)? {
            dirty |= handle(app, ev);
            timeout = Duration::ZERO;
            if !app.running {
                break;
            }
        }
        for msg in events.arrived() {
            app.update(msg);
            dirty = true;
        }
        for effect in app.take_effects() {
            for msg in events.perform(effect) {
                app.update(msg);
            }
            dirty = true;
        }
        if events.take_redraw() {
            // What is on the screen is no longer what ratatui drew last:
            // clear it, and forget the last frame so that the next is drawn
            // whole. (`Terminal::clear` would ask the terminal where its
            // cursor is, and wait for an answer some terminals never give.)
            terminal.backend_mut().clear().map_err(backend_error)?;
            terminal.swap_buffers();
            let size = terminal.size().map_err(backend_error)?;
            app.update(Action::Resize(size.width, size.height));
            dirty = true;
        }
    }
    Ok(())
}

/// Draws one frame of `app`.
fn draw<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &App,
    wrap_frame: fn(bool) -> io::Result<()>,
) -> io::Result<()> {
    wrap_frame(true)?;
    let drawn = terminal
        .draw(|frame| crate::ui::draw(frame, app))
        .map(|_| ())
        .map_err(backend_error);
    wrap_frame(false)?;
    drawn
}

/// Brackets a frame in a synchronized update, so that terminals that
/// support it show the frame whole rather than half drawn; others ignore it.
fn synchronized(begin: bool) -> io::Result<()> {
    use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
    if begin {
        crossterm::execute!(io::stdout(), BeginSynchronizedUpdate)
    } else {
        crossterm::execute!(io::stdout(), EndSynchronizedUpdate)
    }
}

/// No bracketing, for backends that are not a terminal (tests).
pub fn unsynchronized(_: bool) -> io::Result<()> {
    Ok(())
}

/// Applies one terminal event; returns whether the screen must be redrawn.
pub fn handle(app: &mut App, ev: Event) -> bool {
    match ev {
        Event::Key(key) if key.kind == KeyEventKind::Press => {
            let key = KeyBinding::from_event(key);
            if let Some(msg) = typed(app, key) {
                app.update(msg);
                return true;
            }
            match app.action_for(key) {
                Some(action) => {
                    app.update(action);
                    true
                }
                None => false,
            }
        }
        Event::Resize(w, h) => {
            log::debug!("resize {w}x{h}");
            app.update(Action::Resize(w, h));
            true
        }
        _ => false,
    }
}

/// While a prompt or filter takes text, printable keys and Backspace are
/// typing, not actions.
fn typed(app: &App, key: KeyBinding) -> Option<Msg> {
    if !app.typing() {
        return None;
    }
    if let Some(c) = key.printable() {
        return Some(Msg::Type(c));
    }
    (Ok(key) == "backspace".parse()).then_some(Msg::Erase)
}

fn backend_error(e: impl std::error::Error) -> io::Error {
    io::Error::other(e.to_string())
}
