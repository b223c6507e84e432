//! Searching on a thread of its own, so that typing never waits for it.

use std::io;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::time::{Duration, Instant};

use super::searcher::{Ranked, Searcher};
use crate::model::Corpus;

/// A search thread: send it each query as it is typed, take the answer to
/// the newest one. Queries that arrive while it is busy are skipped but for
/// the last, and an answer to an older query than the newest sent is
/// dropped, so the screen never shows results for text no longer typed.
pub struct SearchWorker {
    requests: Sender<(u64, String)>,
    results: Receiver<Ranked>,
    generation: u64,
    /// The newest generation whose answer was taken.
    answered: u64,
    /// Set when the thread is found gone (it panicked): no answer will come.
    gone: bool,
}

impl SearchWorker {
    /// Starts the thread, which builds its index over `corpus` and then
    /// waits for queries. It ends when the worker is dropped.
    pub fn spawn(corpus: Arc<Corpus>) -> io::Result<SearchWorker> {
        let (requests, inbox) = mpsc::channel::<(u64, String)>();
        let (outbox, results) = mpsc::channel();
        std::thread::Builder::new()
            .name("jointly-search".into())
            .spawn(move || {
                let mut searcher = Searcher::new(&corpus);
                log::debug!("search thread: index built");
                while let Ok(mut request) = inbox.recv() {
                    while let Ok(newer) = inbox.try_recv() {
                        request = newer;
                    }
                    let started = std::time::Instant::now();
                    let mut ranked = searcher.search(&corpus, &request.1);
                    log::debug!(
                        "search thread: query {} answered in {:?}",
                        request.0,
                        started.elapsed()
                    );
                    ranked.generation = request.0;
                    if outbox.send(ranked).is_err() {
                        break;
                    }
                }
            })?;
        Ok(SearchWorker {
            requests,
            results,
            generation: 0,
            answered: 0,
            gone: false,
        })
    }

    /// Asks for `query` to be ranked; returns its generation number.
    pub fn request(&mut self, query: &str) -> u64 {
        self.generation += 1;
        // A send fails only if the thread has ended, which it does only when
        // this worker is dropped; the answer then simply never comes.
        let _ = self.requests.send((self.generation, query.to_string()));
        self.generation
    }

    /// Whether the answer to the newest request has yet to be taken (and
    /// can still come).
    pub fn waiting(&self) -> bool {
        !self.gone && self.answered < self.generation
    }

    /// Whether the thread has ended, so that no answer will come again.
    pub fn is_gone(&self) -> bool {
        self.gone
    }

    /// The answer to the newest request, if it has arrived; older answers
    /// waiting in the queue are dropped.
    pub fn try_result(&mut self) -> Option<Ranked> {
        let mut newest = None;
        loop {
            match self.results.try_recv() {
                Ok(r) if r.generation == self.generation => newest = Some(r),
                Ok(_) => {}
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.gone = true;
                    break;
                }
            }
        }
        let newest = newest?;
        self.answered = newest.generation;
        Some(newest)
    }

    /// Waits up to `timeout` for the answer to the newest request.
    pub fn wait_result(&mut self, timeout: Duration) -> Option<Ranked> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.results.recv_timeout(left) {
                Ok(r) if r.generation == self.generation => {
                    self.answered = r.generation;
                    return Some(r);
                }
                Ok(_) => continue,
                Err(RecvTimeoutError::Timeout) => return None,
                Err(RecvTimeoutError::Disconnected) => {
                    self.gone = true;
                    return None;
                }
            }
        }
    }
}
