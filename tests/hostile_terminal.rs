//! The terminal under garbage: bytes that are not UTF-8, endless lines, and every way out of a
//! step prompt. The game goes on, and a form left half-way sends nothing.

use std::io::Cursor;

use demarche::cables::Archive;
use demarche::scenario::format::Series;
use demarche::session::{Session, Start};
use demarche::shipped::Loader;

/// Plays `input` in the terminal as Caracas; what it printed, and the game afterwards.
fn play(input: &[u8]) -> (String, Session) {
    let mut session = Session::start(&Loader::default(), &Start::new("deptcirtel-47")).unwrap();
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile-terminal");
    session.keep_saves_in(dir);
    let mut out = Vec::new();
    demarche::text::run(&mut session, Cursor::new(input.to_vec()), &mut out).unwrap();
    (String::from_utf8_lossy(&out).into_owned(), session)
}

/// Replies sent by the player (Caracas) so far.
fn replies(s: &Session) -> usize {
    s.world()
        .resource::<Archive>()
        .0
        .iter()
        .filter(|c| c.series != Series::Memcon && c.from == s.setup().role.station())
        .count()
}

#[test]
fn bad_bytes_and_endless_lines_get_a_message_and_the_game_goes_on() {
    let mut input = b"next\n\xff\xfe\xfd\n".to_vec();
    input.extend(std::iter::repeat_n(b'x', 200_000));
    input.extend(b"\ntray\n");
    let (out, _) = play(&input);
    assert!(
        out.contains("! that line is not UTF-8 text (byte 0xFF"),
        "{out}"
    );
    assert!(out.contains("! that line is longer than 64 KiB"), "{out}");
    assert!(
        out.contains("DEPTCIRTEL 47"),
        "the tray is shown after both: {out}"
    );
    assert!(out.contains("(input closed; leaving the game)"), "{out}");
}

#[test]
fn every_step_prompt_can_be_left_and_leaving_sends_nothing() {
    // `cancel` at the estimate, an empty line at the percentage, `cancel` in the text.
    let script = "next\nreply\ncancel\nreply\n1\n\nreply\n1\n70\nFirst paragraph.\ncancel\ntray\n";
    let (out, s) = play(script.as_bytes());
    assert_eq!(
        out.matches("(cancelled: nothing was sent)").count(),
        3,
        "{out}"
    );
    assert_eq!(replies(&s), 0, "{out}");
    assert!(out.contains("DEPTCIRTEL 47"), "the game went on: {out}");

    // `quit` inside a form leaves the game, sending nothing.
    let (out, s) = play(b"next\nreply\n1\nquit\ntray\n");
    assert!(out.contains("(cancelled: nothing was sent)"), "{out}");
    assert!(
        !out.contains("IN-TRAY (newest first)"),
        "quit left the game: {out}"
    );
    assert_eq!(replies(&s), 0);

    // End of input at the text step, or at the démarche's "show" step, sends nothing.
    let (out, s) = play(b"next\nreply\n1\n70\nHalf a thought");
    assert!(out.contains("(input closed: nothing was sent"), "{out}");
    assert_eq!(replies(&s), 0);
    let (out, s) = play(b"next\ndemarche\n1\n");
    assert!(out.contains("(input closed: nothing was sent"), "{out}");
    let calls = s
        .world()
        .resource::<Archive>()
        .0
        .iter()
        .filter(|c| c.series == Series::Memcon);
    assert_eq!(calls.count(), 0, "{out}");
}

#[test]
fn the_percent_prompt_takes_percents() {
    let (out, s) = play(b"next\nreply\n1\n1\nA long shot.\n.\n");
    assert_eq!(replies(&s), 1, "{out}");
    let sent = s
        .world()
        .resource::<Archive>()
        .0
        .iter()
        .rev()
        .find(|c| c.series != Series::Memcon && c.from == s.setup().role.station())
        .map(|c| demarche::cables::render(s.scenario(), c))
        .unwrap();
    assert!(
        sent.contains(" 1 PERCENT"),
        "1 is 1 percent, not 100: {sent}"
    );
}
