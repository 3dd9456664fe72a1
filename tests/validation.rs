//! Each class of scenario error, as a modder sees it: the file, line and column, and a
//! message that says what was expected.

use crate::common;

use common::{errors, mini_with, position};

/// Asserts exactly one error, at the first occurrence of `at`, whose message contains each
/// of `says`.
fn assert_one(text: &str, at: &str, says: &[&str]) {
    let diags = errors(text);
    assert_eq!(diags.len(), 1, "expected one error, got: {diags:#?}");
    let (line, col) = position(text, at);
    let shown = diags[0].to_string();
    assert!(
        shown.starts_with(&format!("mini.ron:{line}:{col}: error: ")),
        "expected mini.ron:{line}:{col}, got: {shown}"
    );
    for s in says {
        assert!(shown.contains(s), "expected `{s}` in: {shown}");
    }
}

#[test]
fn unknown_field_lists_the_allowed_fields_and_the_near_one() {
    let text = mini_with(r#"capital: "Beta Town""#, r#"capitol: "Beta Town""#);
    assert_one(
        &text,
        "capitol",
        &[
            "unknown field `capitol` in `Government`",
            "did you mean `capital`?",
            "`leaders`",
            "`stances`",
        ],
    );
}

#[test]
fn unknown_id_suggests_the_closest() {
    let text = mini_with(r#"host: "alpha""#, r#"host: "alpah""#);
    assert_one(
        &text,
        r#""alpah""#,
        &["unknown government `alpah`", "did you mean `alpha`?"],
    );
}

#[test]
fn duplicate_ids_point_at_the_second_and_name_the_first() {
    let text = mini_with(r#"id: "gamma_port""#, r#"id: "beta_town""#);
    let diags = errors(&text);
    let (line, col) = position(&text, r#""beta_town", city: "Gamma Port""#);
    let (first_line, first_col) = position(&text, r#""beta_town""#);
    let dup = diags
        .iter()
        .find(|d| d.message.contains("duplicate mission id `beta_town`"))
        .unwrap_or_else(|| panic!("no duplicate error in {diags:#?}"));
    assert_eq!((dup.line, dup.col), (line, col));
    assert!(
        dup.message
            .contains(&format!("the first is at {first_line}:{first_col}")),
        "{dup}"
    );
}

#[test]
fn reference_to_a_missing_telegram() {
    let text = mini_with(r#"Telegram("circular_1")"#, r#"Telegram("circular_9")"#);
    assert_one(
        &text,
        r#""circular_9""#,
        &[
            "unknown telegram `circular_9`",
            "did you mean `circular_1`?",
        ],
    );
}

#[test]
fn date_outside_the_period() {
    let text = mini_with(
        r#"deadline: "1960-07-16T18:00""#,
        r#"deadline: "1960-09-16T18:00""#,
    );
    assert_one(
        &text,
        r#""1960-09-16T18:00""#,
        &[
            "1960-09-16 18:00 is outside the scenario's period",
            "expected a date from 1960-07-09 00:00 to 1960-07-31 23:00",
        ],
    );
}

#[test]
fn vote_member_that_is_not_a_government() {
    let text = mini_with(
        r#"issue: "action", rule: TwoThirds"#,
        r#"issue: "action", members: Only(["alpha", "beta", "gamma_port"]), rule: TwoThirds"#,
    );
    assert_one(
        &text,
        r#""gamma_port"]), rule"#,
        &[
            "unknown government `gamma_port`",
            "vote members must be governments",
        ],
    );
}

#[test]
fn telegram_that_nothing_can_send() {
    let text = mini_with(r#"effects: [Send("niact_2")]"#, "effects: []");
    assert_one(
        &text,
        r#""niact_2""#,
        &[
            "telegram `niact_2` can never be sent",
            "expected a `trigger`",
        ],
    );
}

#[test]
fn telegram_whose_trigger_can_never_hold() {
    let text = mini_with(
        r#"trigger: Some(At("1960-07-11T19:00"))"#,
        r#"trigger: Some(Flag("instucted"))"#,
    );
    assert_one(
        &text,
        r#""instucted""#,
        &[
            "flag `instucted` is tested here but no effect ever sets it",
            "did you mean `instructed`?",
        ],
    );
}

#[test]
fn probability_outside_zero_to_one() {
    let text = mini_with(
        r#"Flag("instructed")])"#,
        r#"Flag("instructed"), Chance(1.5)])"#,
    );
    assert_one(
        &text,
        "1.5",
        &["the probability is 1.5", "expected a number from 0 to 1"],
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = mini_with(r#"host: "alpha""#, r#"host: "alpah""#)
        .replacen(r#"Telegram("circular_1")"#, r#"Telegram("circular_9")"#, 1)
        .replacen(
            r#"deadline: "1960-07-16T18:00""#,
            r#"deadline: "1960-09-16T18:00""#,
            1,
        );
    let diags = errors(&text);
    assert_eq!(diags.len(), 3, "{diags:#?}");
    let lines: Vec<usize> = diags.iter().map(|d| d.line).collect();
    assert!(
        lines.windows(2).all(|w| w[0] <= w[1]),
        "sorted by position: {lines:?}"
    );
}

#[test]
fn unknown_fields_in_several_elements_are_all_reported() {
    let text = mini_with(r#"capital: "Beta Town""#, r#"capitol: "Beta Town""#).replacen(
        r#"capital: "Gamma Port""#,
        r#"captial: "Gamma Port""#,
        1,
    );
    let diags = errors(&text);
    assert_eq!(diags.len(), 2, "{diags:#?}");
    assert!(diags[0].message.contains("`capitol`") && diags[1].message.contains("`captial`"));
}

#[test]
fn positions_must_cover_the_scale() {
    let text = mini_with("from: -0.2, to: 0.3", "from: -0.1, to: 0.3");
    assert_one(
        &text,
        "-0.1",
        &["position `majority` starts at -0.1; expected -0.2"],
    );
}

#[test]
fn an_action_request_gets_no_reply() {
    let text = mini_with(
        r#"trigger: All([At("1960-07-25T12:00"), Flag("instructed")])"#,
        r#"trigger: All([At("1960-07-25T12:00"), Flag("instructed"), Replied(telegram: "circular_1", request: "b")])"#,
    );
    assert_one(
        &text,
        r#""b")"#,
        &["request `b` of `circular_1` asks for action, which gets no reply"],
    );
}

#[test]
fn duplicate_leader_ids_across_governments() {
    let text = mini_with(r#"(id: "g_pres""#, r#"(id: "a_pres""#);
    let diags = errors(&text);
    assert!(
        diags.iter().any(|d| d
            .message
            .contains("duplicate leader id `a_pres` (also a leader of `alpha`)")),
        "{diags:#?}"
    );
}
