//! No input makes the SSDA903 import panic: arbitrary bytes under any file name, valid
//! returns (CSV and XML) with random bytes changed, inserted or cut, and several of these
//! together; and whatever it returns is consistent (every period ordered, every placement
//! inside its period, the report's totals matching the histories).

use engine::ssda903::summary::observed;
use engine::ssda903::{import, Import, ImportOptions, InputFile};
use proptest::prelude::*;

const CSV: &str = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n\
    1,01/05/2018,S,C2,N1,U4,PR1,01/08/2018,X1,CARPL,AB1 2CD,EF3 4GH,\n\
    1,01/08/2018,P,C2,N1,K2,PR4,,,,AB1 2CD,EF3 4GH,SC1\n\
    2,10/06/2019,S,V2,N1,U1,PR1,01/03/2020,E41,,AB9 9CD,EF3 4GH,\n\
    1,01/08/2018,P,C2,N1,K2,PR4,15/01/2020,E4A,,AB1 2CD,EF3 4GH,SC1\n";
const HEADER: &str = "CHILD,SEX,DOB,ETHNIC\n1,1,03/04/2012,WBRI\n2,2,05/06/2008,WBRI\n";
const XML: &str = "<EXPSSDA903><CHILD><HEADER><CHILDID>7</CHILDID><SEX>M</SEX><DOB>01/02/2010</DOB></HEADER>\
    <EPISODE><DECOM>01/04/2019</DECOM><RNE>S</RNE><PL>U4</PL><PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC>02/05/2019</DEC><REC>X1</REC></EPISODE>\
    <EPISODE><DECOM>02/05/2019</DECOM><RNE>P</RNE><PL>H5</PL><DEC /><REC /></EPISODE></CHILD></EXPSSDA903>";

/// Invariants of any import's output.
fn check(i: &Import) -> Result<(), TestCaseError> {
    let periods: Vec<_> = i.children.iter().flat_map(|c| &c.periods).collect();
    prop_assert_eq!(i.report.children, i.children.len());
    prop_assert_eq!(i.report.periods, periods.len());
    for c in &i.children {
        for w in c.periods.windows(2) {
            prop_assert!(w[0].end.is_some_and(|e| e <= w[1].start), "periods overlap");
        }
    }
    for p in periods {
        prop_assert!(!p.placements.is_empty());
        prop_assert_eq!(p.placements[0].start, p.start);
        prop_assert_eq!(p.placements.last().unwrap().end, p.end);
        prop_assert_eq!(p.end.is_none(), p.exit.is_none());
        for w in p.placements.windows(2) {
            prop_assert_eq!(w[0].end, Some(w[1].start));
            prop_assert!(w[0].start <= w[1].start);
        }
        if let Some(e) = p.end {
            prop_assert!(p.start <= e);
        }
    }
    // The summary and the serialised form never fail either.
    let _ = observed(i);
    prop_assert!(serde_json::to_string(i).is_ok());
    Ok(())
}

fn run(files: &[(String, Vec<u8>)]) -> Result<(), TestCaseError> {
    let inputs: Vec<InputFile<'_>> = files
        .iter()
        .map(|(name, bytes)| InputFile { name, bytes })
        .collect();
    check(&import(&inputs, &ImportOptions::default()))
}

/// A valid file with `edits` applied: (position, kind, byte).
fn mutate(base: &str, edits: &[(usize, u8, u8)]) -> Vec<u8> {
    let mut b = base.as_bytes().to_vec();
    for &(pos, kind, byte) in edits {
        if b.is_empty() {
            b.push(byte);
            continue;
        }
        let at = pos % b.len();
        match kind % 4 {
            0 => b[at] = byte,
            1 => b.insert(at, byte),
            2 => {
                b.remove(at);
            }
            _ => b.truncate(at),
        }
    }
    b
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(256),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic(
        files in prop::collection::vec((".{0,12}", prop::collection::vec(any::<u8>(), 0..600)), 0..4)
    ) {
        run(&files)?;
    }

    #[test]
    fn mutated_returns_never_panic(
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), prop::sample::select(
            b"0123456789/-,;\"\r\n<>/&SXPLTEU \xff\xfe".to_vec())), 0..8),
        which in 0usize..3,
    ) {
        let mut files = vec![
            ("e.csv".to_string(), CSV.as_bytes().to_vec()),
            ("h.csv".to_string(), HEADER.as_bytes().to_vec()),
            ("r.xml".to_string(), XML.as_bytes().to_vec()),
        ];
        let base = [CSV, HEADER, XML][which];
        files[which].1 = mutate(base, &edits);
        run(&files)?;
    }
}

#[test]
fn valid_bases_import() {
    let files = vec![
        ("e.csv".to_string(), CSV.as_bytes().to_vec()),
        ("h.csv".to_string(), HEADER.as_bytes().to_vec()),
        ("r.xml".to_string(), XML.as_bytes().to_vec()),
    ];
    run(&files).unwrap();
    let inputs: Vec<InputFile<'_>> = files
        .iter()
        .map(|(name, bytes)| InputFile { name, bytes })
        .collect();
    let i = import(&inputs, &ImportOptions::default());
    assert_eq!(
        (i.report.children, i.report.periods, i.report.placements),
        (3, 2 + 1, 5)
    );
    // The last row repeats an earlier one of the same return: dropped as a duplicate.
    assert_eq!(i.report.file("e.csv").unwrap().dropped(), 1);
}

#[test]
fn oversized_and_deep_inputs_are_refused() {
    let big = vec![b'a'; engine::ssda903::MAX_FILE_BYTES + 1];
    let deep = format!("<EXPSSDA903>{}", "<A>".repeat(10_000));
    let files = [
        InputFile {
            name: "big.csv",
            bytes: &big,
        },
        InputFile {
            name: "deep.xml",
            bytes: deep.as_bytes(),
        },
    ];
    let i = import(&files, &ImportOptions::default());
    let errors: Vec<_> = i.report.errors().collect();
    assert_eq!(errors.len(), 2);
    assert!(errors[0].1.contains("over the limit"), "{}", errors[0].1);
    assert!(errors[1].1.contains("nested deeper"), "{}", errors[1].1);
}
