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
