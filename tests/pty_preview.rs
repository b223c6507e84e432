//! End-to-end: the browser draws its first frame from the partnerships on
//! screen, then the whole library, cold (writing the load cache after the
//! whole's first frame) and warm; keys typed at once act on the whole
//! (none is lost, none acts on the preview).

mod common;

use common::Session;

const EU: &str = include_str!("../seeds/eu-sg-dp-2025-12-01.yaml");

/// Forty copies of the EU seed as partnerships `p00`..`p39`, sources beside.
fn library(dir: &std::path::Path) {
    std::fs::create_dir_all(dir.join("sources")).unwrap();
    for src in std::fs::read_dir("seeds/sources").unwrap() {
        let src = src.unwrap().path();
        std::fs::copy(&src, dir.join("sources").join(src.file_name().unwrap())).unwrap();
    }
    for i in 0..40 {
        let text = EU.replace("id: \"eu-sg-dp\"", &format!("id: \"p{i:02}\""));
        assert_ne!(text, EU);
        std::fs::write(dir.join(format!("p{i:02}.yaml")), text).unwrap();
    }
}

#[test]
fn the_cache_is_written_after_the_first_frame_and_keys_typed_at_once_act_on_the_whole() {
    let home = tempfile::tempdir().unwrap();
    let lib = home.path().join("lib");
    library(&lib);
    let lib_arg = lib.to_str().unwrap();
    let log = home.path().join("log");
    let browse = || {
        Session::start_with_env(
            home.path(),
            &["--no-default", "--data", lib_arg],
            100,
            24,
            &[("JOINTLY_LOG", log.to_str().unwrap())],
        )
    };
    // A first run, cold, draws its first frame from the partnerships on
    // screen (each file's partnership read alone), reads every file, and
    // writes the cache once the whole's first frame is on screen.
    let mut s = browse();
    s.wait_for_text("p00/2025-12-01");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    let cold = std::fs::read_to_string(&log).unwrap();
    let frame = cold.find("first frame drawn").expect("a first frame");
    let written = cold.find("40 written in 1 packs").expect("the cache written");
    assert!(frame < written, "{cold}");
    assert!(cold.contains("first frame drawn (a preview)"), "{cold}");
    assert!(cold.contains("0 files from the cache, 40 read"), "{cold}");
    std::fs::remove_file(&log).unwrap();
    let mut s = browse();
    // Typed before anything is drawn: to the last row of the tree, which
    // is in the last partnership, which the preview does not hold.
    s.keys("G");
    let screen = s.wait_for_text("p39/2025-12-01/quantum");
    assert!(screen.contains("Quantum"), "{screen}");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    let log = std::fs::read_to_string(&log).unwrap();
    assert!(log.contains("first frame drawn (a preview)"), "{log}");
    assert!(log.contains("preview: 24 partnerships decoded"), "{log}");
    assert!(log.contains("40 files from the cache, 0 read"), "{log}");
}
