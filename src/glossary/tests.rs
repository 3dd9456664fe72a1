use super::*;

fn g() -> &'static Glossary {
    Glossary::shipped()
}

/// The matches as (matched text, entry term), which is what a reader sees.
fn found(text: &str) -> Vec<(&str, &'static str)> {
    g().find_in(text)
        .into_iter()
        .map(|(r, e)| (&text[r], e.term.as_str()))
        .collect()
}

#[test]
fn shipped_glossary_parses() {
    let glossary = Glossary::parse(include_str!("../../assets/glossary.ron")).unwrap();
    assert!(glossary.entries.len() >= 100, "{}", glossary.entries.len());
    for e in &glossary.entries {
        assert!(
            e.meaning.chars().count() <= 240,
            "{}: meaning too long for a hover",
            e.term
        );
    }
}

#[test]
fn parse_rejects_a_spelling_in_two_entries() {
    let text = r#"Glossary(entries: [
        (term: "Emb", also: ["Embassy"], meaning: "Embassy.", source: "x"),
        (term: "EMBASSY", meaning: "Embassy again.", source: "x"),
    ])"#;
    let err = Glossary::parse(text).unwrap_err();
    assert!(err.contains("EMBASSY"), "{err}");
    assert!(Glossary::parse("Glossary(entries: [(term: \"X\")])").is_err());
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
fn lookup_is_case_insensitive_and_knows_other_spellings() {
    let deptcirtel = g().lookup("Deptcirtel").unwrap();
    assert_eq!(g().lookup("DEPTCIRTEL").unwrap().term, deptcirtel.term);
    assert_eq!(g().lookup("depcirtel").unwrap().term, "Deptcirtel");
    assert_eq!(g().lookup("NIACT IMMEDIATE").unwrap().term, "Niact");
    assert_eq!(
        g().lookup("limit  distribution").unwrap().term,
        "Limit Distribution"
    );
    assert_eq!(g().lookup("secstate washdc").unwrap().term, "SecState");
    assert_eq!(g().lookup("S E C R E T").unwrap().term, "Secret");
    assert_eq!(g().lookup("oea").unwrap().term, "OAS");
    assert!(g().lookup("COASTAL").is_none());
    assert!(g().lookup("").is_none());
}

#[test]
fn finds_terms_in_a_rendered_cable() {
    let cable = "P 111900Z JUL 60\n\
FM SECSTATE WASHDC\n\
TO ALL ARA POSTS EXCEPT HAVANA PRIORITY\n\
REPEATED AMEMBASSY HAVANA, USUN NEW YORK\n\
BT\n\
S E C R E T  DEPTCIRTEL 47\n\
LIMIT DISTRIBUTION\n\
SUBJECT: CONVOCATION OF FOREIGN MINISTERS ON CUBAN PROBLEM\n\
REF: DEPTCIRTEL 14\n\
\n\
(A) BY RETURN CABLE, YOUR BEST ESTIMATE OF HOW FAR GOVERNMENT TO WHICH\n\
YOU ARE ACCREDITED WOULD GO TOWARDS CONVOKING FOREIGN MINISTERS AND/OR\n\
PRELIMINARY COAS AS ORGAN CONSULTATION. IMMEDIATE OBJECTIVE WOULD BE TO\n\
OBTAIN FIRM INTER-AMERICAN STATEMENT. FYI ONLY. COASTAL STATES. END FYI.\n\
\n\
HERTER\n\
BT";
    assert_eq!(
        found(cable),
        vec![
            ("111900Z", "DTG"),
            ("FM", "FM"),
            ("SECSTATE WASHDC", "SecState"),
            ("TO", "To"),
            ("ARA", "ARA"),
            ("POSTS", "Post"),
            ("PRIORITY", "Priority"),
            ("REPEATED", "Repeated"),
            ("AMEMBASSY", "AmEmbassy"),
            ("USUN", "USUN"),
            ("BT", "BT"),
            ("S E C R E T", "Secret"),
            ("DEPTCIRTEL", "Deptcirtel"),
            ("LIMIT DISTRIBUTION", "Limit Distribution"),
            ("REF", "Ref"),
            ("DEPTCIRTEL", "Deptcirtel"),
            ("RETURN CABLE", "Return cable"),
            ("COAS", "COAS"),
            ("ORGAN CONSULTATION", "Organ of Consultation"),
            ("FYI ONLY", "FYI"),
            ("END FYI", "FYI"),
            ("BT", "BT"),
        ]
    );
    // The ranges are byte ranges into the text.
    let (range, entry) = &g().find_in(cable)[2];
    assert_eq!(&cable[range.clone()], "SECSTATE WASHDC");
    assert_eq!(range.start, cable.find("SECSTATE").unwrap());
    assert_eq!(entry.term, "SecState");
}

#[test]
fn a_page_read_line_by_line_gives_the_same_terms() {
    // The window passes a cable one line at a time.
    let page = "P 260130Z AUG 60\n\
FM SECDEL SAN JOSE\n\
TO AMEMBASSY CARACAS NIACT IMMEDIATE\n\
REPEATED SECSTATE WASHDC, AMEMBASSY HAVANA\n\
INFO USDEL OAS WASHDC\n\
BT\n\
C O N F I D E N T I A L  SECTO 52\n\
SUBJECT: INSTRUCTIONS TO DELEGATIONS FOR VOTE ON ITEM I AT SEVENTH MEETING\n\
REF: DEPTCIRTEL 47\n\
\n\
1. TEXT ON ITEM I EXPECTED TO GO FROM WORKING GROUP TO GENERAL\n\
TO MOSCOW AND PEIPING; REPORT RESULTS NIACT TO SECDEL SAN JOSE,\n\
REPEAT DEPARTMENT. IMMEDIATE OBJECTIVE. PRIORITY\n\
\n\
HERTER\n\
BT";
    let whole: Vec<(&str, &str)> = found(page);
    let by_line: Vec<(&str, &str)> = page.lines().flat_map(found).collect();
    assert_eq!(whole, by_line);
    assert_eq!(
        whole
            .iter()
            .filter(|(_, t)| ["To", "Repeated", "Info", "Priority", "Immediate"].contains(t))
            .count(),
        3,
        "{whole:?}"
    );
    assert!(whole.contains(&("NIACT IMMEDIATE", "Niact")));
    assert!(whole.contains(&("C O N F I D E N T I A L", "Confidential")));
    assert!(whole.contains(&("PEIPING", "Peiping")));
}

#[test]
fn prefers_the_longest_phrase() {
    assert_eq!(
        found("SECSTATE WASHDC"),
        vec![("SECSTATE WASHDC", "SecState")]
    );
    assert_eq!(found("SECSTATE"), vec![("SECSTATE", "SecState")]);
    assert_eq!(
        found("TO AMEMBASSY LIMA NIACT IMMEDIATE"),
        vec![
            ("TO", "To"),
            ("AMEMBASSY", "AmEmbassy"),
            ("NIACT IMMEDIATE", "Niact"),
        ]
    );
    // A phrase may be wrapped onto the next line.
    assert_eq!(
        found("LIMIT\nDISTRIBUTION"),
        vec![("LIMIT\nDISTRIBUTION", "Limit Distribution")]
    );
    assert_eq!(
        found("NATIONAL SECURITY COUNCIL"),
        vec![("NATIONAL SECURITY COUNCIL", "NSC")]
    );
    assert_eq!(
        found("T O P  S E C R E T  USUN 12"),
        vec![("T O P  S E C R E T", "Top Secret"), ("USUN", "USUN"),]
    );
    assert_eq!(
        found("CLEARED BY S/S AND S/P; S"),
        vec![("S/S", "S/S"), ("S/P", "S/P"), ("S", "S"),]
    );
    assert_eq!(
        found("P.L. 480 AND PL 480"),
        vec![("P.L. 480", "PL 480"), ("PL 480", "PL 480")]
    );
}

#[test]
fn matches_whole_words_only() {
    assert!(found("COASTAL OASIS ARABIA FMS BTW CIAO EMBASSYWIDE").is_empty());
    assert_eq!(
        found("(COAS), COAS. \"OAS\""),
        vec![("COAS", "COAS"), ("COAS", "COAS"), ("OAS", "OAS"),]
    );
    // Joined words are one word: no MID in MID-AUGUST, no U or S in U.S.
    assert!(found("MID-AUGUST U.S. PORT-AU-PRINCE").is_empty());
    assert_eq!(found("IA-ECOSOC"), vec![("IA-ECOSOC", "IA-ECOSOC")]);
    // A possessive is left out of the match.
    assert_eq!(found("EMBASSY'S BEST ESTIMATE"), vec![("EMBASSY", "Emb")]);
    assert_eq!(
        found("DEPARTMENT’S VIEW"),
        vec![("DEPARTMENT", "Department")]
    );
}

#[test]
fn ordinary_words_are_not_taken_for_terms() {
    // Header words count only on the routing lines.
    assert!(found("IMMEDIATE OBJECTIVE WOULD BE TO OBTAIN FIRM STATEMENT").is_empty());
    assert!(found("BODY TEXT\nTO BE REPEATED AT ONCE, IMMEDIATE ACTION").is_empty());
    assert!(found("TO OBTAIN FIRM STATEMENT. IMMEDIATE OBJECTIVE IS").is_empty());
    assert!(found("REPEATED AT ONCE").is_empty());
    assert!(found("SECRET BALLOT").is_empty());
    // Initials are not office symbols; LA PAZ is not Latin America.
    assert!(found("JOHN M. CABOT, PEDRO G. BELTRAN, WILLARD L. BEAULAC").is_empty());
    assert_eq!(
        found("FM AMEMBASSY LA PAZ"),
        vec![("FM", "FM"), ("AMEMBASSY", "AmEmbassy")]
    );
    assert!(found("ERNESTO DE LA GUARDIA").is_empty());
    assert_eq!(found("LA AND IA"), vec![("LA", "LA"), ("IA", "IA")]);
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
