//! The glossary's coverage: every abbreviation the sources and the shipped scenario use has
//! an entry, and `missing_terms` finds the ones that lack one.

use super::*;

fn g() -> &'static Glossary {
    Glossary::shipped()
}

#[test]
fn every_sourced_abbreviation_has_an_entry() {
    // The abbreviations of shared/sources/ABBREVIATIONS.md, and the words the engine prints
    // in a cable's header (cables/render.rs, missions/reply.rs).
    let words = [
        "Deptcirtel",
        "Depcirtel",
        "cirtel",
        "Recirtel",
        "Refcirtel",
        "Deptel",
        "Embtel",
        "Emb",
        "Embdesp",
        "despatch",
        "Urtel",
        "reftel",
        "mytel",
        "CA",
        "niact",
        "Priority",
        "Limit Distribution",
        "Eyes Only",
        "Secto",
        "Tosec",
        "Cahto",
        "Dulte",
        "Tedul",
        "COAS",
        "OAS",
        "OEA",
        "PAU",
        "IAPC",
        "MFM",
        "IADB",
        "IA-ECOSOC",
        "OPA",
        "ODECA",
        "ARA",
        "CMA",
        "RPA",
        "OAP",
        "MID",
        "EST",
        "WST",
        "OSA",
        "REA",
        "INR",
        "IO",
        "L",
        "S",
        "S/S",
        "S/P",
        "G",
        "M",
        "U",
        "USUN",
        "USDel",
        "DCM",
        "FonMin",
        "FonOff",
        "GOC",
        "GOV",
        "GODR",
        "GOB",
        "FYI",
        "Sitrep",
        "NIE",
        "SNIE",
        "NSC",
        "OCB",
        "CAS",
        "MAAG",
        "MAP",
        "DLF",
        "Exim",
        "PL 480",
        "LA",
        "IA",
        "USIA",
        "USIS",
        "Central Files",
        // header words
        "FM",
        "TO",
        "BT",
        "REF",
        "REFTEL",
        "INFO",
        "REPEATED",
        "DTG",
        "date-time group",
        "NIACT",
        "NIACT IMMEDIATE",
        "IMMEDIATE",
        "ROUTINE",
        "EMBTEL",
        "DEPTCIRTEL",
        "DEPTEL",
        "SECTO",
        "SECSTATE WASHDC",
        "AMEMBASSY",
        "EXDIS",
        "NODIS",
        "LIMIT DISTRIBUTION",
        "EYES ONLY",
        "PARA",
        "RE",
        "SECRET",
        "CONFIDENTIAL",
        "TOP SECRET",
        "OFFICIAL USE ONLY",
        "UNCLASSIFIED",
    ];
    let missing: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| g().lookup(w).is_none())
        .collect();
    assert!(missing.is_empty(), "no entry for {missing:?}");
}

#[test]
fn missing_terms_reports_unknown_capitals_once() {
    let text = "The XYZQ and OAS met. XYZQ left; U.S. and US stayed for Item II. ARA-20 too; \
                Deptcirtel 47 (Niact), 111900Z, ABCD-OAS.";
    assert_eq!(missing_terms(g(), text), vec!["XYZQ", "ABCD-OAS"]);
    assert!(missing_terms(g(), "").is_empty());
}

// The shipped scenario, read for its player-facing prose only; serde skips everything else.
#[derive(Deserialize)]
struct Scenario {
    summary: String,
    objectives: Vec<String>,
    #[serde(default)]
    questions: Vec<String>,
    notes: String,
    issues: Vec<Issue>,
    governments: Vec<Government>,
    telegrams: Vec<Telegram>,
    events: Vec<Event>,
    votes: Vec<Vote>,
    endings: Vec<Ending>,
}
#[derive(Deserialize)]
struct Issue {
    question: String,
}
#[derive(Deserialize)]
struct Government {
    notes: String,
}
#[derive(Deserialize)]
struct Telegram {
    id: String,
    subject: String,
    body: String,
}
#[derive(Deserialize)]
struct Event {
    id: String,
    headline: String,
    text: String,
}
#[derive(Deserialize)]
struct Vote {
    title: String,
}
#[derive(Deserialize)]
struct Ending {
    title: String,
    debrief: String,
    history: String,
}

fn scenario() -> Scenario {
    ron::from_str(include_str!("../../scenarios/deptcirtel-47.ron")).unwrap()
}

#[test]
fn shipped_telegrams_use_no_term_without_an_entry() {
    let s = scenario();
    assert!(!s.telegrams.is_empty());
    for t in &s.telegrams {
        for text in [&t.subject, &t.body] {
            let missing = missing_terms(g(), text);
            assert!(
                missing.is_empty(),
                "telegram {}: no glossary entry for {missing:?}",
                t.id
            );
        }
    }
}

#[test]
fn shipped_scenario_prose_uses_no_term_without_an_entry() {
    let s = scenario();
    let mut texts: Vec<(String, &str)> =
        vec![("summary".into(), &s.summary), ("notes".into(), &s.notes)];
    texts.extend(
        s.objectives
            .iter()
            .map(|o| ("objective".into(), o.as_str())),
    );
    texts.extend(s.questions.iter().map(|q| ("question".into(), q.as_str())));
    texts.extend(
        s.issues
            .iter()
            .map(|i| ("issue".into(), i.question.as_str())),
    );
    texts.extend(
        s.governments
            .iter()
            .map(|g| ("government notes".into(), g.notes.as_str())),
    );
    for e in &s.events {
        texts.push((format!("event {}", e.id), &e.headline));
        texts.push((format!("event {}", e.id), &e.text));
    }
    texts.extend(s.votes.iter().map(|v| ("vote".into(), v.title.as_str())));
    for e in &s.endings {
        for text in [&e.title, &e.debrief, &e.history] {
            texts.push(("ending".into(), text));
        }
    }
    for (place, text) in texts {
        let missing = missing_terms(g(), text);
        assert!(
            missing.is_empty(),
            "{place}: no glossary entry for {missing:?}"
        );
    }
}

#[test]
fn cable_ese_of_the_shipped_telegrams_has_entries() {
    // Mixed-case cable words that missing_terms, which looks for capitals, cannot see.
    for word in [
        "Deptcirtel",
        "Deptel",
        "Secto",
        "Niact",
        "soonest",
        "Peiping",
        "SecDel",
    ] {
        assert!(g().lookup(word).is_some(), "{word}");
    }
    let s = scenario();
    let bodies = s
        .telegrams
        .iter()
        .map(|t| t.body.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    for (word, term) in [
        ("Niact", "Niact"),
        ("soonest", "Soonest"),
        ("Peiping", "Peiping"),
    ] {
        assert!(bodies.contains(word), "{word} no longer in the scenario");
        assert!(
            g().find_in(&bodies.to_uppercase())
                .iter()
                .any(|(_, e)| e.term == term),
            "{word}"
        );
    }
}
