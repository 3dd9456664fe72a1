//! Synthetic scenarios of any size, for the benchmarks: many governments, many dormant
//! telegrams, or many megabytes of text. `demarche generate` writes them, so anyone can
//! reproduce the figures in `docs/performance.md`.
//!
//! The shape: one issue; `governments` republics in a ring of neighbours, each with a US
//! mission; a circular on day 2 asking every post for an estimate; a council vote on day 40;
//! and `dormant` telegrams that wait, half on a date in the last week of the period and half
//! on a flag that an event sets on its last day. The same size gives the same text.

use std::fmt::Write as _;

/// How big a synthetic scenario is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    pub governments: usize,
    /// Telegrams that wait, through most of the period, on a date or a flag.
    pub dormant: usize,
    /// Pad the dormant telegrams' bodies so the file is about this many bytes.
    pub bytes: Option<usize>,
}

/// Flags that wake the flagged half of the dormant telegrams.
const WAKE_FLAGS: usize = 100;

/// The text of a synthetic scenario of `size`: a valid scenario file.
pub fn scenario_text(size: Size) -> String {
    let base = render(size, 0);
    let Some(target) = size.bytes else {
        return base;
    };
    let padding = match size.dormant {
        0 => 0,
        n => target.saturating_sub(base.len()) / n,
    };
    render(size, padding)
}

fn render(size: Size, padding: usize) -> String {
    let g = size.governments.max(1);
    let mut out = String::with_capacity(1024 + g * 600 + size.dormant * (400 + padding));
    let _ = write!(
        out,
        r#"// Synthetic scenario: {g} governments, {d} dormant telegrams. Written by `demarche generate`.
Scenario(
    id: "synthetic-{g}-{d}",
    title: "Synthetic: {g} governments, {d} dormant telegrams",
    summary: "A generated scenario for the benchmarks.",
    period: (start: "1960-07-01", end: "1960-09-30T23:00"),
    author: "demarche generate",
    version: "1.0.0",
    roles: (posts: All, department: true, default: "post_0"),
    issues: [
        (
            id: "action",
            question: "How far would the government go towards a meeting?",
            scale: (min: -1.0, max: 1.0, low: "would oppose", high: "would press"),
            positions: [
                (id: "oppose", label: "would oppose", from: -1.0, to: -0.2),
                (id: "majority", label: "would go along with a majority", from: -0.2, to: 0.3),
                (id: "press", label: "would press for a meeting", from: 0.3, to: 1.0),
            ],
        ),
    ],
    governments: [
"#,
        d = size.dormant
    );
    for i in 0..g {
        // Stances spread over the scale without randomness, so the text is reproducible.
        let stance = ((i * 37) % 200) as f64 / 100.0 - 1.0;
        let domestic = ((i * 53) % 200) as f64 / 100.0 - 1.0;
        let _ = writeln!(
            out,
            r#"        (id: "gov_{i}", country: "Republic {i}", capital: "City {i}",
         leaders: [(id: "pres_{i}", name: "President {i}", role: HeadOfState, title: "President"),
                   (id: "fm_{i}", name: "Minister {i}", role: ForeignMinister, title: "Foreign Minister")],
         stances: {{"action": {stance:.2}}}, domestic: {{"action": {domestic:.2}}},
         susceptibility: (us_pressure: 0.5, domestic: 0.02, neighbours: 0.02),
         neighbours: ["gov_{}"]),"#,
            (i + 1) % g
        );
    }
    out.push_str("    ],\n    missions: [\n");
    for i in 0..g {
        let _ = writeln!(
            out,
            r#"        (id: "post_{i}", city: "City {i}", host: "gov_{i}", chief: "Chief {i}", rapport: 0.5, noise: 0.2),"#
        );
    }
    out.push_str(
        r#"    ],
    telegrams: [
        (
            id: "circular",
            series: Deptcirtel, number: 1, kind: Circular,
            precedence: Priority, classification: Secret,
            from: Department, signed: "HERTER",
            to: [AllPosts()],
            subject: "A meeting",
            body: "Department desires by return cable your best estimate.",
            provenance: Invented,
            trigger: Some(At("1960-07-02T19:00")),
            requests: [Estimate(id: "a", issue: "action", deadline: "1960-07-10T18:00", default: Some("majority"))],
        ),
"#,
    );
    let filler = "LOREM IPSUM DOLOR SIT AMET. ".repeat(padding / 28 + 1);
    for k in 0..size.dormant {
        let trigger = if k % 2 == 0 {
            // Hourly over five days of the last week, so the clock has fifty stops to keep.
            let day = 24 + (k / 2) % 5;
            let hour = 8 + (k / 14) % 10;
            format!("At(\"1960-09-{day:02}T{hour:02}:00\")")
        } else {
            format!("Flag(\"wake_{}\")", (k / 2) % WAKE_FLAGS)
        };
        let _ = writeln!(
            out,
            r#"        (id: "dormant_{k}", series: Deptel, number: {n}, kind: Information,
         precedence: Routine, classification: Confidential, from: Department, signed: "HERTER",
         to: [Post("post_{post}")], subject: "Routine {k}", body: "{body}",
         provenance: Invented, trigger: Some({trigger})),"#,
            n = k + 2,
            post = k % g,
            body = &filler[..padding.min(filler.len())],
        );
    }
    out.push_str("    ],\n    events: [\n");
    let flags: Vec<String> = (0..WAKE_FLAGS.min(size.dormant / 2))
        .map(|f| format!("SetFlag(\"wake_{f}\")"))
        .collect();
    let _ = write!(
        out,
        r#"        (id: "wake", headline: "The files are read", trigger: At("1960-09-29T12:00"),
         provenance: Invented, effects: [{}]),
        (id: "meeting", headline: "The council meets", trigger: At("1960-08-09T12:00"),
         provenance: Invented, effects: [CallVote("council")]),
    ],
    votes: [
        (
            id: "council", body: CouncilOfOas, title: "The council convokes a meeting",
            issue: "action", rule: TwoThirds, casting: (yes_from: 0.0, abstain_from: -0.3),
            on_pass: [SetFlag("met")], on_fail: [SetFlag("not_met")],
        ),
    ],
    endings: [
        (id: "timeout", title: "Time ran out", debrief: "The period ended.", history: "None."),
    ],
    period_end: "timeout",
)
"#,
        flags.join(", ")
    );
    out
}
