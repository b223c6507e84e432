//! The load cache (`loader::cache`): the tree and the problems are the same
//! cold, warm and without it; a changed file is read alone; a removed
//! file's entry is pruned; a damaged, foreign or unwritable cache and two
//! copies starting at once still give the right tree.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use jointly::loader::cache::{Cache, Stats};
use jointly::loader::{self, LoadOptions, Loaded};
use jointly::output::{self, Format};

const EU: &str = include_str!("../seeds/eu-sg-dp-2025-12-01.yaml");
const US: &str = include_str!("../seeds/us-sg-cet-2023-10-12.yaml");

/// A library of `n` copies of each seed under other partnership ids, their
/// sources beside them, and two files that exercise the annotation's
/// edges: an unknown topic, and a meeting of a partnership whose first
/// file names its parties in another order (actors are indices into them).
fn library(dir: &Path, n: usize) {
    fs::create_dir_all(dir.join("sources")).unwrap();
    for src in fs::read_dir("seeds/sources").unwrap() {
        let src = src.unwrap().path();
        fs::copy(&src, dir.join("sources").join(src.file_name().unwrap())).unwrap();
    }
    for i in 0..n {
        let eu = EU.replace("id: \"eu-sg-dp\"", &format!("id: \"p{i}-eu-sg-dp\""));
        let us = US.replace("id: \"us-sg-cet\"", &format!("id: \"p{i}-us-sg-cet\""));
        assert_ne!(eu, EU);
        assert_ne!(us, US);
        fs::write(dir.join(format!("p{i:04}-eu.yaml")), eu).unwrap();
        fs::write(dir.join(format!("p{i:04}-us.yaml")), us).unwrap();
    }
    let unknown = EU
        .replace("id: \"eu-sg-dp\"", "id: \"unknown-topic\"")
        .replace("topics: [ai]", "topics: [ai, no-such-topic]");
    assert_ne!(unknown, EU);
    fs::write(dir.join("q-unknown.yaml"), unknown).unwrap();
    let swapped = US
        .replace("id: \"us-sg-cet\"", "id: \"p0-us-sg-cet\"")
        .replace(
            "parties: [\"United States\", \"Singapore\"]",
            "parties: [\"Singapore\", \"United States\"]",
        )
        .replace("date: \"2023-10-12\"", "date: \"2024-10-12\"");
    assert_eq!(swapped.matches("Singapore\", \"United States").count(), 1);
    fs::write(dir.join("q-swapped.yaml"), swapped).unwrap();
}

fn options(dir: &Path) -> LoadOptions {
    LoadOptions {
        embedded: true,
        user_dir: None,
        extra: vec![dir.to_path_buf()],
        cache: true,
    }
}

/// The tree as `list --format json` prints it, and the problems.
fn render(loaded: &Loaded) -> (String, Vec<String>) {
    let mut out = Vec::new();
    output::list(&mut out, &loaded.corpus, Format::Json).unwrap();
    let problems = loaded.problems.iter().map(ToString::to_string).collect();
    (String::from_utf8(out).unwrap(), problems)
}

/// What the loader gives without any cache, annotated after loading as
/// before the cache existed.
fn reference(dir: &Path) -> (String, Vec<String>) {
    render(&jointly::cli::annotated(loader::load(&options(dir))))
}

fn load(dir: &Path, cache: &Cache) -> ((String, Vec<String>), Stats) {
    let loaded = loader::load_annotated(&options(dir), Some(cache));
    cache.write_pending();
    (render(&loaded), cache.stats())
}

/// The packs in `cache_dir`, largest first: the library's folder, then
/// the embedded seeds.
fn packs(cache_dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(cache_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pack"))
        .collect();
    v.sort_by_key(|p| std::cmp::Reverse(fs::metadata(p).unwrap().len()));
    v
}

fn holds(file: &Path, text: &str) -> bool {
    let bytes = fs::read(file).unwrap();
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

/// The statement files of `library(_, 5)` and the two embedded seeds,
/// which are cached too.
const FILES: usize = 2 * 5 + 2 + 2;

#[test]
fn cold_warm_and_uncached_give_the_same_tree_and_problems() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    library(&lib, 5);
    let want = reference(&lib);
    assert!(want.1.iter().any(|p| p.contains("no-such-topic")), "{:?}", want.1);
    assert!(want.0.contains("p0-us-sg-cet/2024-10-12"));
    let uncached = render(&loader::load_annotated(&options(&lib), None));
    assert_eq!(uncached, want);

    // An entry of the layout before packs, which no build reads.
    fs::create_dir_all(tmp.path().join("cache")).unwrap();
    fs::write(tmp.path().join("cache/0123456789abcdef.bin"), "old").unwrap();
    // What a process killed while writing left two hours ago, and what a
    // write in progress has now.
    let abandoned = tmp
        .path()
        .join("cache/.0123456789abcdef.pack.1.2.ThreadId(1).tmp");
    let writing = tmp
        .path()
        .join("cache/.0123456789abcdef.pack.3.4.ThreadId(1).tmp");
    fs::write(&abandoned, "half").unwrap();
    fs::write(&writing, "half").unwrap();
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    fs::File::options()
        .write(true)
        .open(&abandoned)
        .unwrap()
        .set_modified(two_hours_ago)
        .unwrap();
    let cold = Cache::at(tmp.path().join("cache"));
    let (got, stats) = load(&lib, &cold);
    assert!(!tmp.path().join("cache/0123456789abcdef.bin").exists());
    assert!(!abandoned.exists());
    assert!(writing.exists());
    fs::remove_file(&writing).unwrap();
    assert_eq!(got, want);
    assert_eq!((stats.hits, stats.misses, stats.written), (0, FILES, FILES));
    // One pack for the folder, one for the seeds in the binary.
    assert_eq!(stats.packs, 2);
    assert_eq!(packs(&tmp.path().join("cache")).len(), 2);
    let warm = Cache::at(tmp.path().join("cache"));
    let (got, stats) = load(&lib, &warm);
    assert_eq!(got, want);
    assert_eq!((stats.hits, stats.misses, stats.written), (FILES, 0, 0));
    // Nothing changed: nothing is written.
    assert_eq!(stats.packs, 0);
}

#[test]
fn a_changed_file_or_source_is_read_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    library(&lib, 5);
    let cache_dir = tmp.path().join("cache");
    load(&lib, &Cache::at(cache_dir.clone()));

    // One statement changed: a commitment's text is edited.
    let file = lib.join("p0002-eu.yaml");
    let text = fs::read_to_string(&file).unwrap();
    let edited = text.replacen(
        "Digital Partnership Council",
        "Digital Partnership Council (edited)",
        1,
    );
    assert_ne!(edited, text);
    fs::write(&file, edited).unwrap();
    let want = reference(&lib);
    let cache = Cache::at(cache_dir.clone());
    let (got, stats) = load(&lib, &cache);
    assert_eq!(got, want);
    assert!(got.0.contains("(edited)"));
    assert_eq!((stats.hits, stats.misses, stats.rejected), (FILES - 1, 1, 1));
    // Only the folder's pack is written again, with the new entry.
    assert_eq!((stats.written, stats.packs), (1, 1));

    // A file added is read alone; a file removed is no longer there, and
    // its entry is pruned from the pack.
    let folder = packs(&cache_dir).remove(0);
    assert!(holds(&folder, "p0003-eu.yaml"));
    fs::copy(lib.join("p0001-us.yaml"), lib.join("p9999-us.yaml")).unwrap();
    fs::remove_file(lib.join("p0003-eu.yaml")).unwrap();
    let want = reference(&lib);
    assert!(!want.0.contains("p3-eu-sg-dp"));
    let cache = Cache::at(cache_dir.clone());
    let (got, stats) = load(&lib, &cache);
    assert_eq!(got, want);
    assert_eq!((stats.hits, stats.misses), (FILES - 1, 1));
    assert!(holds(&folder, "p9999-us.yaml"));
    assert!(!holds(&folder, "p0003-eu.yaml"));
    // A removal alone is pruned too.
    fs::remove_file(lib.join("p9999-us.yaml")).unwrap();
    let cache = Cache::at(cache_dir.clone());
    let (got, stats) = load(&lib, &cache);
    assert_eq!(got, reference(&lib));
    assert_eq!((stats.misses, stats.packs), (0, 1));
    assert!(!holds(&folder, "p9999-us.yaml"));

    // A source changed: the statements aligned with it are read again.
    let source = lib.join("sources/eu-singapore-dpc-2025-12-01.txt");
    let text = fs::read_to_string(&source).unwrap();
    fs::write(&source, text.replacen("Singapore", "Singapour", 1)).unwrap();
    let want = reference(&lib);
    let cache = Cache::at(cache_dir);
    let (got, stats) = load(&lib, &cache);
    assert_eq!(got, want);
    // Every eu file but the removed one (4), and the unknown-topic one.
    assert_eq!(stats.misses, 5, "{stats:?}");
}

#[test]
fn a_damaged_or_truncated_pack_is_read_again() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    library(&lib, 3);
    let in_folder = 2 * 3 + 2;
    let want = reference(&lib);
    let cache_dir = tmp.path().join("cache");
    load(&lib, &Cache::at(cache_dir.clone()));
    let folder = packs(&cache_dir).remove(0);
    let good = fs::read(&folder).unwrap();
    // Each damage, and how many of the folder's files it costs at least
    // and at most: the last entry's last byte flipped (that entry alone),
    // a byte of the index flipped, the pack cut short, emptied, or
    // replaced by garbage.
    let mut flipped_end = good.clone();
    *flipped_end.last_mut().unwrap() ^= 0x55;
    let mut flipped_index = good.clone();
    flipped_index[40] ^= 0x55;
    let damages: Vec<(&str, Vec<u8>, usize, usize)> = vec![
        ("last entry flipped", flipped_end, 1, 1),
        ("index flipped", flipped_index, in_folder, in_folder),
        ("cut short", good[..good.len() * 2 / 3].to_vec(), 1, in_folder),
        ("emptied", Vec::new(), in_folder, in_folder),
        ("garbage", vec![0xff; 5000], in_folder, in_folder),
    ];
    for (what, bytes, least, most) in damages {
        fs::write(&folder, &bytes).unwrap();
        let cache = Cache::at(cache_dir.clone());
        let (got, stats) = load(&lib, &cache);
        assert_eq!(got, want, "{what}");
        assert!(
            (least..=most).contains(&stats.misses) && stats.rejected >= 1,
            "{what}: {stats:?}"
        );
        // The folder's files and the two seeds, each once.
        assert_eq!(stats.hits + stats.misses, in_folder + 2, "{what}: {stats:?}");
        // Written again whole: the next start takes everything from the cache.
        let (got, stats) = load(&lib, &Cache::at(cache_dir.clone()));
        assert_eq!(got, want, "{what}");
        assert_eq!((stats.misses, stats.rejected, stats.packs), (0, 0, 0), "{what}");
    }
}

#[test]
fn a_cache_of_another_version_is_not_trusted() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    library(&lib, 2);
    let want = reference(&lib);
    let cache_dir = tmp.path().join("cache");
    // Another build wrote a different tree for the same files.
    let other = Cache::with_build(cache_dir.clone(), 42);
    loader::load_annotated(&options(&lib), Some(&other));
    other.write_pending();
    assert_eq!(other.stats().written, 2 * 2 + 2 + 2);

    let cache = Cache::at(cache_dir);
    let (got, stats) = load(&lib, &cache);
    assert_eq!(got, want);
    // Both packs (the folder's and the seeds') are refused whole.
    assert_eq!((stats.hits, stats.misses, stats.rejected), (0, 2 * 2 + 2 + 2, 2));
}

#[test]
fn an_unusable_cache_folder_leaves_loading_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    library(&lib, 2);
    let want = reference(&lib);
    // A file where the folder should be: nothing can be read or written
    // (permissions would not stop root, who runs some test machines).
    let blocked = tmp.path().join("cache");
    fs::write(&blocked, "not a folder").unwrap();
    let cache = Cache::at(blocked.join("load"));
    let (got, stats) = load(&lib, &cache);
    assert_eq!(got, want);
    assert_eq!((stats.hits, stats.written), (0, 0));
    assert_eq!(fs::read_to_string(&blocked).unwrap(), "not a folder");

    // The binary says nothing of it and prints the same.
    let home = tempfile::tempdir().unwrap();
    fs::write(home.path().join("cache"), "not a folder").unwrap();
    let lib_arg = lib.to_str().unwrap();
    let out = common::jointly(home.path(), &["list", "--format", "json", "--data", lib_arg]);
    let plain = common::jointly(
        home.path(),
        &["--no-cache", "list", "--format", "json", "--data", lib_arg],
    );
    assert_eq!(out.stdout, plain.stdout);
    assert_eq!(out.stderr, plain.stderr);
    assert!(!out.stdout.is_empty());
}

#[test]
fn the_binary_prints_the_same_cold_warm_and_without_the_cache() {
    let home = tempfile::tempdir().unwrap();
    let lib = home.path().join("lib");
    library(&lib, 3);
    let lib_arg = lib.to_str().unwrap();
    let log = home.path().join("log");
    let env = [("JOINTLY_LOG", log.to_str().unwrap())];
    let args = ["list", "--format", "json", "--data", lib_arg];
    let plain = common::jointly(
        home.path(),
        &["--no-cache", "list", "--format", "json", "--data", lib_arg],
    );
    assert!(!home.path().join("cache").exists(), "--no-cache wrote the cache");
    let cold = common::jointly_env(home.path(), &args, &env);
    let warm = common::jointly_env(home.path(), &args, &env);
    for run in [&cold, &warm] {
        assert_eq!(run.stdout, plain.stdout);
        assert_eq!(run.stderr, plain.stderr);
        assert_eq!(run.status.code(), plain.status.code());
    }
    assert!(home.path().join("cache/jointly/load").is_dir());
    let log = fs::read_to_string(log).unwrap();
    assert!(log.contains("0 files from the cache, 10 read"), "{log}");
    assert!(log.contains("10 files from the cache, 0 read"), "{log}");
}

#[test]
fn two_copies_starting_at_once_both_load_and_leave_a_whole_cache() {
    let home = tempfile::tempdir().unwrap();
    let lib = home.path().join("lib");
    library(&lib, 20);
    let lib_arg = lib.to_str().unwrap();
    let want = common::jointly(
        home.path(),
        &["--no-cache", "list", "--format", "json", "--data", lib_arg],
    );
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_jointly"))
            .args(["list", "--format", "json", "--data", lib_arg])
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_CACHE_HOME", home.path().join("cache"))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    for _ in 0..3 {
        let (a, b) = (spawn(), spawn());
        for out in [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()] {
            assert_eq!(out.stdout, want.stdout);
            assert_eq!(out.stderr, want.stderr);
        }
    }
    // Two loaders in one process on one folder, as well.
    let cache_dir = home.path().join("threads");
    let want = reference(&lib);
    std::thread::scope(|s| {
        let a = s.spawn(|| load(&lib, &Cache::at(cache_dir.clone())).0);
        let b = s.spawn(|| load(&lib, &Cache::at(cache_dir.clone())).0);
        assert_eq!(a.join().unwrap(), want);
        assert_eq!(b.join().unwrap(), want);
    });
    // No temporary file is left, and every entry is whole.
    let names: Vec<_> = fs::read_dir(&cache_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        names.iter().all(|n| n.to_string_lossy().ends_with(".pack")),
        "{names:?}"
    );
    let (got, stats) = load(&lib, &Cache::at(cache_dir));
    assert_eq!(got, want);
    assert_eq!(stats.misses, 0);
}

/// The screen of an app on `loaded`, left last at `place`, at `w`x`h`:
/// every cell, styles included, and the text for a failure's message.
fn first_frame(loaded: Loaded, place: Option<&str>, w: u16, h: u16) -> (ratatui::buffer::Buffer, String) {
    use jointly::app::{Action, App, Msg};
    let (config, _) = jointly::config::parse("test", None);
    let mut app = App::new(loaded.corpus, loaded.problems, config, true);
    app.update(Msg::Restore(jointly::state::Place {
        selected: place.map(str::to_string),
        scroll: 0,
        view: None,
    }));
    app.update(Action::Resize(w, h));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| jointly::ui::draw(f, &app)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let text = (0..h)
        .map(|y| (0..w).map(|x| buffer[(x, y)].symbol()).collect::<String>() + "\n")
        .collect();
    (buffer, text)
}

/// Whether the preview's first frame is the whole library's: every row
/// above the status line, cell for cell, and the status line too when
/// both know the same problems (the preview knows those of the files it
/// read; the count of the others comes with the whole).
fn same_first_frame(
    preview: Loaded,
    whole: Loaded,
    place: Option<&str>,
    w: u16,
    h: u16,
) -> Result<(), String> {
    let same_problems = preview.problems.len() == whole.problems.len();
    let decoded = preview.corpus.partnerships.len();
    let (got, got_text) = first_frame(preview, place, w, h);
    let (want, want_text) = first_frame(whole, place, w, h);
    let rows = if same_problems { h } else { h - 1 };
    let same = (0..rows).all(|y| (0..w).all(|x| got[(x, y)] == want[(x, y)]));
    match same {
        true => Ok(()),
        false => Err(format!(
            "{w}x{h} at {place:?}: the preview ({decoded} partnerships)\n{got_text}\nthe whole\n{want_text}"
        )),
    }
}

#[test]
fn the_preview_draws_the_first_frame_the_whole_library_draws() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    library(&lib, 12);
    let cache_dir = tmp.path().join("cache");
    let whole = || jointly::cli::annotated(loader::load(&options(&lib)));
    let partnerships = whole().corpus.partnerships.len();
    let preview = |place: Option<&str>, rows: u16| {
        let partnership = place.and_then(|p| p.split('/').next());
        loader::preview(
            &options(&lib),
            &Cache::at(cache_dir.clone()),
            partnership,
            usize::from(rows),
        )
    };
    // The top; a node deep in the library; the meeting a later file adds
    // to an early partnership (q-swapped.yaml); a place that is gone.
    let places = [
        None,
        Some("p9-us-sg-cet/2023-10-12/quantum/2"),
        Some("p0-us-sg-cet/2024-10-12"),
        Some("gone/2020-01-01"),
    ];
    let check_all = |what: &str| {
        for (w, h) in [(80, 6), (100, 24), (120, 40)] {
            for place in places {
                let got = preview(place, h).unwrap_or_else(|| panic!("{what}: no preview"));
                let decoded = got.corpus.partnerships.len();
                if let Err(e) = same_first_frame(got, whole(), place, w, h) {
                    panic!("{what}: {e}");
                }
                // Only what can be on screen is decoded: a partnership a row.
                if place.is_none() {
                    assert_eq!(decoded, usize::from(h).min(partnerships), "{what}");
                }
            }
        }
    };
    // A first start, no cache: the files' partnerships are read alone.
    check_all("no cache");
    // From the cache alone.
    load(&lib, &Cache::at(cache_dir.clone()));
    check_all("a warm cache");
    // A changed file is read, the others come from the cache.
    let file = lib.join("p0005-eu.yaml");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, text.replace("Quantum", "Quantum Technologies")).unwrap();
    check_all("a changed file");
    // A file whose partnership cannot be read leaves no preview.
    fs::write(lib.join("p0003-eu.yaml"), "partnership: [not, a, mapping\n").unwrap();
    assert!(preview(None, 24).is_none());
}

/// A library for `list`'s outline: copies of the seeds; one with
/// sections; one with an untitled area in a section; three meetings of one
/// partnership with unknown topics (the annotation's notes), filed in the
/// reverse of their dates; a file that does not load and a folder named
/// like a statement (errors); and a second meeting, in a later file, of a
/// partnership the seeds inside the binary begin.
fn listing_library(dir: &Path) {
    library(dir, 3);
    // Its meeting would be read again for its parties: the whole load's.
    fs::remove_file(dir.join("q-swapped.yaml")).unwrap();
    for (file, date, topic) in [
        ("q-unknown.yaml", "2025-12-01", "no-such-topic"),
        ("q-unknown2.yaml", "2024-06-01", "second-unknown"),
        ("q-unknown3.yaml", "2023-01-01", "third-unknown"),
    ] {
        let text = EU
            .replace("id: \"eu-sg-dp\"", "id: \"unknown-topic\"")
            .replace("date: \"2025-12-01\"", &format!("date: \"{date}\""))
            .replace("topics: [ai]", &format!("topics: [ai, {topic}]"));
        assert!(text.contains(topic));
        fs::write(dir.join(file), text).unwrap();
    }
    let sectioned = EU
        .replace("id: \"eu-sg-dp\"", "id: \"sectioned\"")
        .replace(
            "    title: \"Artificial Intelligence (AI)\"\n",
            "    title: \"Artificial Intelligence (AI)\"\n    section: [\"I. Digital Economy\", \"A. Trust\"]\n",
        )
        .replace(
            "    title: \"Online Safety and Tackling Scams\"\n",
            "    title: \"Online Safety and Tackling Scams\"\n    section: [\"I. Digital Economy\", \"A. Trust\"]\n",
        )
        .replace(
            "    title: \"Cybersecurity\"\n",
            "    title: \"Cybersecurity\"\n    section: [\"II. Security\"]\n",
        );
    assert_eq!(sectioned.matches("section: [").count(), 3);
    fs::write(dir.join("r-sectioned.yaml"), sectioned).unwrap();
    fs::write(
        dir.join("r-untitled.yaml"),
        "partnership: {id: untitled, name: Untitled, parties: [A, B]}\n\
         meeting: {title: T, date: \"2024-01-01\"}\n\
         areas:\n\
         \x20 - {id: opening, title: Opening, untitled: true, section: [I. First], commitments: [\"We will meet.\"]}\n\
         \x20 - {id: second, title: Second, section: [I. First], commitments: [\"We intend to talk.\"]}\n\
         \x20 - {id: third, title: Third, section: [I. First, Second], commitments: [\"We explore.\"]}\n",
    )
    .unwrap();
    fs::write(dir.join("s-broken.yaml"), "partnership: [unclosed\n").unwrap();
    fs::create_dir_all(dir.join("s-folder.yaml")).unwrap();
    let later = US.replace("date: \"2023-10-12\"", "date: \"2022-01-02\"");
    assert_ne!(later, US);
    fs::write(dir.join("t-later.yaml"), later).unwrap();
}

/// Everything a load can name: the seeds, the user's folder, a library
/// folder and a file named alone (each its own pack).
fn listing_options(root: &Path) -> LoadOptions {
    let user = root.join("user");
    if !user.exists() {
        fs::create_dir_all(&user).unwrap();
        fs::write(
            user.join("mine.yaml"),
            EU.replace("id: \"eu-sg-dp\"", "id: \"mine\""),
        )
        .unwrap();
        fs::write(
            root.join("alone.yaml"),
            US.replace("id: \"us-sg-cet\"", "id: \"alone\""),
        )
        .unwrap();
        listing_library(&root.join("lib"));
    }
    LoadOptions {
        embedded: true,
        user_dir: Some(user),
        extra: vec![root.join("lib"), root.join("alone.yaml")],
        cache: true,
    }
}

/// The outline and problems of the whole load, as `list` prints them.
fn whole_listing(options: &LoadOptions, cache: Option<&Cache>) -> (jointly::listing::Listing, Vec<String>) {
    let loaded = loader::load_annotated(options, cache);
    if let Some(c) = cache {
        c.write_pending();
    }
    let problems = loaded.problems.iter().map(ToString::to_string).collect();
    (jointly::listing::Listing::of(&loaded.corpus), problems)
}

fn cached_listing(options: &LoadOptions, cache: &Cache) -> Option<(jointly::listing::Listing, Vec<String>)> {
    let (listing, problems) = loader::listing(options, cache)?;
    Some((listing, problems.iter().map(ToString::to_string).collect()))
}

fn printed(listing: &jointly::listing::Listing) -> String {
    let mut out = Vec::new();
    output::list_text(&mut out, listing).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn list_from_the_cache_gives_the_outline_and_problems_of_the_whole_load() {
    let tmp = tempfile::tempdir().unwrap();
    let options = listing_options(tmp.path());
    let want = whole_listing(&options, None);
    // What the library was made to hold, read from the files above.
    let problems = &want.1;
    let at = |what: &str| problems.iter().position(|p| p.contains(what));
    assert!(
        at("s-broken.yaml").is_some() && at("s-folder.yaml").is_some(),
        "{problems:?}"
    );
    // Notes come after the loader's problems, in the order of the tree:
    // the meetings by date, not their files.
    let notes = [at("third-unknown"), at("second-unknown"), at("no-such-topic")];
    assert!(notes.iter().all(Option::is_some), "{problems:?}");
    assert!(
        notes.is_sorted() && notes[0] > at("s-folder.yaml"),
        "{problems:?}"
    );
    let ids: Vec<&str> = want.0.partnerships.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids[..2], ["eu-sg-dp", "us-sg-cet"]);
    assert!(ids.contains(&"mine") && ids.last() == Some(&"alone"), "{ids:?}");
    let us = &want.0.partnerships[1];
    assert_eq!(us.meetings.len(), 2);
    assert_eq!(us.meetings[0].date.to_string(), "2022-01-02");
    let text = printed(&want.0);
    // The EU seed holds 7 areas and 18 commitments (3+3+1+4+3+2+2).
    assert!(
        text.contains("sectioned  EU-Singapore Digital Partnership  (1 meeting, 7 areas, 18 commitments)\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "    sectioned/2025-12-01/§/i-digital-economy  § I. Digital Economy\n    sectioned/2025-12-01/§/i-digital-economy/a-trust  § I. Digital Economy › A. Trust\n    sectioned/2025-12-01/ai  Artificial Intelligence (AI)  (3)  c/i/e/a "
        ),
        "{text}"
    );
    assert!(text.contains(
        "    sectioned/2025-12-01/§/ii-security  § II. Security\n    sectioned/2025-12-01/cybersecurity  Cybersecurity  (4)"
    ));
    // An untitled area heads no section; a titled one heads the next's.
    let lines: Vec<&str> = text.lines().collect();
    let opening = lines
        .iter()
        .position(|l| l.starts_with("    untitled/2024-01-01/opening  Opening  (1)"));
    let opening = opening.expect("the untitled area is listed");
    assert_eq!(
        lines[opening - 1],
        "    untitled/2024-01-01/§/i-first  § I. First"
    );
    assert!(
        lines[opening + 1].starts_with("    untitled/2024-01-01/second  Second  (1)"),
        "{text}"
    );
    assert!(
        lines[opening + 2].starts_with("    untitled/2024-01-01/third  Third  (1)"),
        "{text}"
    );

    let cache = Cache::at(tmp.path().join("cache"));
    // Cold: the cache cannot answer.
    assert!(cached_listing(&options, &cache).is_none());
    assert_eq!(whole_listing(&options, Some(&cache)), want);
    let warm = Cache::at(tmp.path().join("cache"));
    assert_eq!(cached_listing(&options, &warm), Some(want.clone()));
    // Not one entry decoded: a listing is not a hit.
    assert_eq!(warm.stats(), Stats::default());
    let mut full = Vec::new();
    output::list(
        &mut full,
        &loader::load_annotated(&options, None).corpus,
        Format::Text,
    )
    .unwrap();
    assert_eq!(String::from_utf8(full).unwrap(), text);
}

#[test]
fn list_loads_whole_what_the_cache_cannot_answer_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let options = listing_options(tmp.path());
    let lib = tmp.path().join("lib");
    let cache_dir = tmp.path().join("cache");
    let cache = || Cache::at(cache_dir.clone());
    whole_listing(&options, Some(&cache()));
    assert!(cached_listing(&options, &cache()).is_some());

    // A changed file: its entry is stale until the whole load reads it.
    let file = lib.join("p0001-eu.yaml");
    let changed = fs::read_to_string(&file)
        .unwrap()
        .replace("Quantum\"", "Quantum Technologies\"");
    fs::write(&file, changed).unwrap();
    assert!(cached_listing(&options, &cache()).is_none());
    let want = whole_listing(&options, Some(&cache()));
    assert!(printed(&want.0).contains("Quantum Technologies"));
    assert_eq!(cached_listing(&options, &cache()), Some(want.clone()));

    // A damaged listing: the pack is removed, and the whole load writes it
    // afresh. (Header: magic 8, format 4, build 8, then the index's length
    // at 20, its checksum, and the listings' length at 36; 44 bytes.)
    let pack = packs(&cache_dir).remove(0);
    let mut bytes = fs::read(&pack).unwrap();
    let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap()) as usize;
    let (index, listings) = (word(20), word(36));
    assert!(listings > 1000, "{listings}");
    bytes[44 + index + listings / 2] ^= 0x55;
    fs::write(&pack, bytes).unwrap();
    assert!(cached_listing(&options, &cache()).is_none());
    assert!(!pack.exists());
    assert_eq!(whole_listing(&options, Some(&cache())), want);
    assert_eq!(cached_listing(&options, &cache()), Some(want));

    // Cases only the whole load judges, each written to the cache first by
    // a whole load: a duplicate meeting, a partnership named otherwise in
    // a later file, a meeting to read again for other parties.
    let cases = [
        ("u-duplicate.yaml", US.to_string(), "duplicate meeting"),
        (
            "u-renamed.yaml",
            US.replace("2023-10-12\"", "2025-01-01\"").replace(
                "name: \"U.S.-Singapore Critical and Emerging Technology Dialogue\"",
                "name: \"Another name\"",
            ),
            "is named \"Another name\" here",
        ),
        (
            "u-swapped.yaml",
            US.replace("2023-10-12\"", "2025-01-01\"").replace(
                "parties: [\"United States\", \"Singapore\"]",
                "parties: [\"Singapore\", \"United States\"]",
            ),
            "",
        ),
    ];
    for (name, text, problem) in cases {
        let root = tmp.path().join(name.trim_end_matches(".yaml"));
        let options = listing_options(&root);
        fs::write(root.join("lib").join(name), text).unwrap();
        let cache = Cache::at(root.join("cache"));
        let want = whole_listing(&options, Some(&cache));
        if problem.is_empty() {
            // Read again for the first file's parties, and kept.
            let us = want.0.partnerships.iter().find(|p| p.id == "us-sg-cet").unwrap();
            assert!(us.meetings.iter().any(|m| m.id == "2025-01-01"), "{name}");
        } else {
            assert!(want.1.iter().any(|p| p.contains(problem)), "{name}: {:?}", want.1);
        }
        assert_eq!(whole_listing(&options, None), want, "{name}");
        assert!(
            cached_listing(&options, &Cache::at(root.join("cache"))).is_none(),
            "{name}"
        );
    }
}

#[test]
fn the_binary_lists_the_same_cold_warm_and_without_the_cache() {
    let home = tempfile::tempdir().unwrap();
    let lib = home.path().join("lib");
    listing_library(&lib);
    let lib_arg = lib.to_str().unwrap();
    let log = home.path().join("log");
    let env = [("JOINTLY_LOG", log.to_str().unwrap())];
    let plain = common::jointly(home.path(), &["--no-cache", "list", "--data", lib_arg]);
    let cold = common::jointly_env(home.path(), &["list", "--data", lib_arg], &env);
    let warm = common::jointly_env(home.path(), &["list", "--data", lib_arg], &env);
    let text = String::from_utf8_lossy(&plain.stdout);
    assert!(text.contains("§ I. Digital Economy › A. Trust"), "{text}");
    assert!(String::from_utf8_lossy(&plain.stderr).contains("s-broken.yaml"));
    for run in [&cold, &warm] {
        assert_eq!(run.stdout, plain.stdout);
        assert_eq!(run.stderr, plain.stderr);
        assert_eq!(run.status.code(), plain.status.code());
    }
    let log = fs::read_to_string(log).unwrap();
    // Cold, the library was loaded whole (and cached); warm, listed.
    assert_eq!(log.matches("listed from the load cache").count(), 1, "{log}");
    assert!(log.contains("0 files from the cache"), "{log}");
}
