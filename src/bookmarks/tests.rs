use std::fs;

use proptest::prelude::*;

use super::*;
use crate::loader::{self, LoadOptions};
use crate::output::ReportFormat;

const Q2: &str = "eu-sg-dp/2025-12-01/quantum/2";
const AI: &str = "us-sg-cet/2023-10-12/ai";

fn t(ms: i64) -> Timestamp {
    Timestamp::from_millis(1_764_581_400_000 + ms)
}

fn ids(set: &BookmarkSet) -> Vec<&str> {
    set.list().iter().map(|b| b.id.as_str()).collect()
}

#[test]
fn set_edit_and_delete() {
    let mut s = BookmarkSet::default();
    s.set(Q2, Some("  compare with\tUS  "), Some("crumb".into()), t(0));
    s.set(AI, None, None, t(5));
    assert_eq!(ids(&s), [Q2, AI]);
    let b = s.get(Q2).unwrap();
    assert_eq!(b.note.as_deref(), Some("compare with US"));
    s.set(Q2, Some("  "), None, t(10));
    let b = s.get(Q2).unwrap();
    assert_eq!((b.note.as_deref(), b.label.as_deref()), (None, Some("crumb")));
    assert_eq!((b.created, b.changed), (t(0), t(10)));
    assert!(s.delete(Q2, t(20)));
    assert!(!s.delete(Q2, t(21)));
    assert_eq!(ids(&s), [AI]);
    let long = "x".repeat(MAX_NOTE_CHARS + 50);
    s.set(AI, Some(&long), None, t(30));
    assert_eq!(
        s.get(AI).unwrap().note.as_ref().unwrap().chars().count(),
        MAX_NOTE_CHARS
    );
}

#[test]
fn a_change_wins_over_what_it_replaces_even_if_the_clock_went_back() {
    let mut s = BookmarkSet::default();
    s.set(Q2, None, None, t(100));
    assert!(s.delete(Q2, t(50)));
    assert_eq!(s.get(Q2), None);
    s.set(Q2, Some("again"), None, t(0));
    assert_eq!(s.get(Q2).unwrap().note.as_deref(), Some("again"));
}

#[test]
fn two_copies_keep_each_others_bookmarks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jointly/bookmarks.yaml");
    let (mut a, w) = BookmarkStore::open(&path);
    assert!(w.is_empty());
    let (mut b, _) = BookmarkStore::open(&path);
    a.set_mut().set(Q2, Some("from a"), None, t(0));
    b.set_mut().set(AI, Some("from b"), None, t(1));
    a.save(t(2)).unwrap();
    b.save(t(3)).unwrap();
    // b's save merged a's bookmark in, and now knows it.
    assert_eq!(ids(b.set()), [Q2, AI]);
    let (c, w) = BookmarkStore::open(&path);
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(ids(c.set()), [Q2, AI]);
    assert_eq!(c.set().get(AI).unwrap().note.as_deref(), Some("from b"));
}

#[test]
fn a_deletion_is_not_undone_by_a_copy_that_still_had_the_bookmark() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bookmarks.yaml");
    let (mut a, _) = BookmarkStore::open(&path);
    a.set_mut().set(Q2, None, None, t(0));
    a.set_mut().set(AI, None, None, t(1));
    a.save(t(2)).unwrap();
    let (mut b, _) = BookmarkStore::open(&path);
    assert!(a.set_mut().delete(Q2, t(10)));
    a.save(t(11)).unwrap();
    // b still holds Q2 in memory, and edits another bookmark.
    b.set_mut().set(AI, Some("edited in b"), None, t(20));
    b.save(t(21)).unwrap();
    let (c, _) = BookmarkStore::open(&path);
    assert_eq!(ids(c.set()), [AI]);
    assert_eq!(c.set().get(AI).unwrap().note.as_deref(), Some("edited in b"));
    // Bookmarking it again later brings it back.
    b.set_mut().set(Q2, None, None, t(30));
    b.save(t(31)).unwrap();
    assert_eq!(ids(BookmarkStore::open(&path).0.set()), [AI, Q2]);
}

#[test]
fn the_later_note_wins() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bookmarks.yaml");
    let (mut a, _) = BookmarkStore::open(&path);
    let (mut b, _) = BookmarkStore::open(&path);
    b.set_mut().set(Q2, Some("later"), None, t(5));
    a.set_mut().set(Q2, Some("earlier"), None, t(1));
    b.save(t(6)).unwrap();
    a.save(t(7)).unwrap();
    assert_eq!(a.set().get(Q2).unwrap().note.as_deref(), Some("later"));
}

#[test]
fn old_tombstones_are_dropped_recent_ones_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bookmarks.yaml");
    let (mut a, _) = BookmarkStore::open(&path);
    a.set_mut().set(Q2, None, None, t(0));
    a.set_mut().set(AI, None, None, t(0));
    a.set_mut().delete(Q2, t(1));
    a.set_mut().delete(AI, t(2));
    let day = 86_400_000;
    // Q2's deletion (at 1) is just past the horizon, AI's (at 2) on it.
    a.save(t(TOMBSTONE_DAYS * day + 2)).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(!text.contains(Q2), "{text}");
    assert!(text.contains(AI), "{text}");
}

const DAMAGED: &str = "\
version: 1
bookmarks:
  - id: eu-sg-dp/2025-12-01/quantum/2
    note: kept
    created: 2025-12-01T09:30:00.000Z
    changed: 2025-12-01T09:30:00.000Z
  - id: us-sg-cet/2023-10-12/ai
    created: yesterday
    changed: 2025-12-01T09:30:00.000Z
";

#[test]
fn a_damaged_file_is_read_as_far_as_possible_and_moved_aside_on_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bookmarks.yaml");
    fs::write(&path, DAMAGED).unwrap();
    let (mut s, w) = BookmarkStore::open(&path);
    let w: Vec<String> = w.iter().map(ToString::to_string).collect();
    assert_eq!(w.len(), 1);
    assert!(
        w[0].starts_with(&format!(
            "{}:7:5: warning: the bookmarks file is damaged",
            path.display()
        )),
        "{w:?}"
    );
    assert!(
        w[0].contains("bookmarks[1]: `yesterday` is not an RFC 3339 time"),
        "{w:?}"
    );
    assert!(w[0].contains("; 1 bookmark could still be read;"), "{w:?}");
    assert_eq!(ids(s.set()), [Q2]);
    // Reading changed nothing on disk.
    assert_eq!(fs::read_to_string(&path).unwrap(), DAMAGED);

    s.set_mut().set(AI, None, None, t(0));
    let w = s.save(t(0)).unwrap();
    assert!(w[0].to_string().contains("was moved to"), "{w:?}");
    let aside = dir.path().join("bookmarks.yaml.corrupt-20251201T093000Z");
    assert_eq!(fs::read_to_string(aside).unwrap(), DAMAGED);
    let (again, w) = BookmarkStore::open(&path);
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(ids(again.set()), [Q2, AI]);
}

#[test]
fn a_truncated_or_garbage_file_is_never_overwritten() {
    for bad in [
        "",
        "version: 1\nbookmarks:\n  - id: [",
        "\u{0}\u{1}binary",
        "version: 9\n",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bookmarks.yaml");
        fs::write(&path, bad).unwrap();
        let (mut s, w) = BookmarkStore::open(&path);
        assert_eq!(w.len(), 1, "{bad:?}");
        s.set_mut().set(Q2, None, None, t(0));
        s.save(t(0)).unwrap();
        let aside = dir.path().join("bookmarks.yaml.corrupt-20251201T093000Z");
        assert_eq!(fs::read_to_string(aside).unwrap(), bad);
        assert_eq!(ids(BookmarkStore::open(&path).0.set()), [Q2]);
    }
}

#[test]
fn an_unreadable_file_is_left_alone_and_the_save_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bookmarks.yaml");
    fs::create_dir(&path).unwrap();
    let (mut s, w) = BookmarkStore::open(&path);
    assert!(w[0].to_string().contains("cannot read the bookmarks"), "{w:?}");
    s.set_mut().set(Q2, None, None, t(0));
    let e = s.save(t(0)).unwrap_err();
    assert!(e.to_string().contains("bookmarks not saved"), "{e}");
    assert!(path.is_dir());
}

/// A bookmarks file of `n` bookmarks with full notes, as jointly writes it.
fn many(n: usize) -> BookmarkSet {
    let mut s = BookmarkSet::default();
    let note = "n".repeat(MAX_NOTE_CHARS);
    for i in 0..n {
        s.set(
            &format!("p/2025-12-01/area-{i}/1"),
            Some(&note),
            Some(format!("P › 2025-12-01 › Area {i}")),
            t(0),
        );
    }
    s
}

#[test]
fn valid_bookmarks_over_8_mib_are_read_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bookmarks.yaml");
    let mut store = BookmarkStore::open(&path).0;
    *store.set_mut() = many(30_000);
    store.save(t(1)).unwrap();
    let size = fs::metadata(&path).unwrap().len();
    assert!(size > 8 * 1024 * 1024, "{size}");
    let (again, warnings) = BookmarkStore::open(&path);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(again.set().list().len(), 30_000);
}

#[test]
fn a_file_over_the_limit_is_neither_damaged_nor_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bookmarks.yaml");
    let f = fs::File::create(&path).unwrap();
    f.set_len(storage::MAX_BOOKMARKS_BYTES + 1).unwrap();
    let (mut store, warnings) = BookmarkStore::open(&path);
    assert!(
        warnings[0].message.contains("cannot read the bookmarks"),
        "{warnings:?}"
    );
    store.set_mut().set(Q2, None, None, t(0));
    assert!(matches!(store.save(t(1)), Err(SaveError::Unreadable(_))));
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        2,
        "the file and its lock, nothing moved aside"
    );
}

#[cfg(unix)]
fn mkfifo(path: &std::path::Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

#[cfg(unix)]
#[test]
fn named_pipes_in_place_of_the_file_or_its_lock_never_block() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bookmarks.yaml");
    mkfifo(&path);
    let start = std::time::Instant::now();
    let (mut store, warnings) = BookmarkStore::open(&path);
    assert!(warnings[0].message.contains("named pipe"), "{warnings:?}");
    store.set_mut().set(Q2, None, None, t(0));
    assert!(matches!(store.save(t(1)), Err(SaveError::Unreadable(_))));

    let path = dir.path().join("other.yaml");
    mkfifo(&dir.path().join("other.yaml.lock"));
    let mut store = BookmarkStore::open(&path).0;
    store.set_mut().set(Q2, None, None, t(0));
    let e = store.save(t(1)).unwrap_err().to_string();
    assert!(e.contains("lock file"), "{e}");
    assert!(start.elapsed() < std::time::Duration::from_secs(5));
}

#[test]
fn a_lock_held_by_another_process_is_waited_for_then_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bookmarks.yaml");
    let held = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.path().join("bookmarks.yaml.lock"))
        .unwrap();
    held.lock().unwrap();
    let mut store = BookmarkStore::open(&path).0;
    store.set_mut().set(Q2, None, None, t(0));
    let start = std::time::Instant::now();
    let e = store.save(t(1)).unwrap_err().to_string();
    assert!(e.contains("another process has held the lock"), "{e}");
    assert!(start.elapsed() < file::LOCK_WAIT * 3);
    held.unlock().unwrap();
    store.save(t(2)).unwrap();
    assert_eq!(BookmarkStore::open(&path).0.set().list().len(), 1);
}

fn seeds() -> crate::model::Corpus {
    loader::load(&LoadOptions::embedded_only()).corpus
}

fn printed(set: &BookmarkSet, format: ReportFormat) -> String {
    let mut out = Vec::new();
    print::print(&mut out, &seeds(), &set.list(), format).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn an_area_bookmark_in_markdown_is_cited_as_a_commitment_is() {
    let mut s = BookmarkSet::default();
    s.set("eu-sg-dp/2025-12-01/quantum", None, None, t(0));
    let md = printed(&s, ReportFormat::Md);
    // Not its heading in quotation marks: the statement, date and id.
    assert!(
        md.contains("  Quantum — Joint Statement of the Second Meeting of the European Union – Singapore Digital Partnership Council, 1 December 2025 (2025-12-01), eu-sg-dp/2025-12-01/quantum  \n"),
        "{md}"
    );
    assert!(!md.contains("“Quantum”"), "{md}");
}

#[test]
fn printing_shows_breadcrumbs_text_and_missing_nodes() {
    let mut s = BookmarkSet::default();
    s.set(Q2, Some("compare *US*"), None, t(0));
    s.set(
        "eu-sg-dp/2020-01-01/ai/1",
        None,
        Some("EU › 2020 › AI › 1/3".into()),
        t(60_000),
    );
    let text = printed(&s, ReportFormat::Text);
    assert_eq!(
        text,
        "eu-sg-dp/2025-12-01/quantum/2
  EU-Singapore Digital Partnership › 2025-12-01 › Quantum › 2/2
  Intend to explore collaboration in research & development, standards and interoperability, and to deepen ecosystem engagements in the domains of quantum technologies, focusing on quantum communication.
  note: compare *US*
  bookmarked 2025-12-01 09:30 UTC

eu-sg-dp/2020-01-01/ai/1  [missing: not in the loaded statements]
  was: EU › 2020 › AI › 1/3
  bookmarked 2025-12-01 09:31 UTC
"
    );
    let md = printed(&s, ReportFormat::Md);
    assert!(md.starts_with("# Bookmarks\n\n- **EU-Singapore Digital Partnership › 2025-12-01 › Quantum › 2/2** (`eu-sg-dp/2025-12-01/quantum/2`)  \n  “\\[The EU and Singapore\\] Intend to explore"), "{md}");
    assert!(
        md.contains("quantum communication.” — Joint Statement of the Second Meeting"),
        "{md}"
    );
    assert!(md.contains("  Note: compare \\*US\\*  \n"), "{md}");
    assert!(
        md.contains("- `eu-sg-dp/2020-01-01/ai/1` *(missing: not in the loaded statements)*"),
        "{md}"
    );
    let json: serde_json::Value = serde_json::from_str(&printed(&s, ReportFormat::Json)).unwrap();
    let list = json["bookmarks"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["id"], Q2);
    assert_eq!(list[0]["missing"], false);
    assert_eq!(
        list[0]["breadcrumb"],
        "EU-Singapore Digital Partnership › 2025-12-01 › Quantum › 2/2"
    );
    assert_eq!(list[0]["created"], "2025-12-01T09:30:00.000Z");
    assert_eq!(list[1]["missing"], true);
    assert_eq!(list[1]["text"], serde_json::Value::Null);
    assert_eq!(
        printed(&BookmarkSet::default(), ReportFormat::Text),
        "no bookmarks\n"
    );
}

fn arb_set() -> impl Strategy<Value = BookmarkSet> {
    let entry = (0..4usize, 0..6i64, any::<bool>(), proptest::option::of("[ab]"));
    proptest::collection::vec(entry, 0..8).prop_map(|items| {
        let mut s = BookmarkSet::default();
        for (id, at, deleted, note) in items {
            let e = if deleted {
                Entry::Deleted(t(at))
            } else {
                Entry::Live(Bookmark {
                    id: format!("n/{id}"),
                    note,
                    label: None,
                    created: t(0),
                    changed: t(at),
                })
            };
            s.absorb(format!("n/{id}"), e);
        }
        s
    })
}

proptest! {
    #[test]
    fn merging_is_commutative_associative_and_idempotent(
        a in arb_set(), b in arb_set(), c in arb_set()
    ) {
        prop_assert_eq!(a.merge(&b), b.merge(&a));
        prop_assert_eq!(a.merge(&b).merge(&c), a.merge(&b.merge(&c)));
        prop_assert_eq!(a.merge(&a), a.clone());
        // Nothing is lost: every id of either side is in the merge, with the
        // later of the two changes.
        let m = a.merge(&b);
        for (id, e) in a.entries().chain(b.entries()) {
            let kept = m.entries().find(|(k, _)| *k == id).map(|(_, e)| e.changed());
            prop_assert!(kept >= Some(e.changed()));
        }
    }
}

#[test]
fn a_note_with_a_line_break_stays_inside_its_markdown_item() {
    let mut s = BookmarkSet::default();
    s.set(Q2, Some("first line\n- not a new item | nor a cell"), None, t(0));
    let md = printed(&s, ReportFormat::Md);
    assert!(
        md.contains("  Note: first line - not a new item \\| nor a cell  \n"),
        "{md}"
    );
}
