//! The results CSV opened in a spreadsheet: scenario names that start like a formula are
//! written as text (a leading `'`), and names holding separators, quotes or line breaks
//! (a bare carriage return included) stay one cell of one record.

use std::process::Command;

use serde_json::Value;

/// Records of RFC 4180 CSV text (quoted cells may hold `,`, `"` doubled, CR and LF).
fn records(text: &str) -> Vec<Vec<String>> {
    let mut out = vec![];
    let (mut record, mut cell) = (vec![], String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut cell)),
            (false, '\n') => {
                record.push(std::mem::take(&mut cell));
                out.push(std::mem::take(&mut record));
            }
            (false, c) => {
                assert!(c != '\r', "a bare carriage return outside quotes");
                cell.push(c)
            }
        }
    }
    assert!(
        !quoted && cell.is_empty() && record.is_empty(),
        "unterminated"
    );
    out
}

#[test]
fn names_starting_like_formulas_are_text_and_every_record_has_every_cell() {
    let dir = std::env::temp_dir().join(format!("sufficiency-cli-csv-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let attack = "+1+cmd|' /C calc'!A0";
    let names = [
        attack.to_string(),
        "=HYPERLINK(\"http://x\",\"y\")".into(),
        "-2+3".into(),
        "@SUM(A1:A2)".into(),
        "\t=1".into(),
        "\rsplit".into(),
        "bare\rreturn, \"quoted\"\nand fed".into(),
    ];
    let mut base: Value = serde_json::to_value(engine::defaults::default_scenario()).unwrap();
    for (i, name) in names.iter().enumerate() {
        base["name"] = Value::String(name.clone());
        let scenario = dir.join(format!("s{i}.json"));
        std::fs::write(&scenario, base.to_string()).unwrap();
        let csv = dir.join(format!("s{i}.csv"));
        let out = Command::new(env!("CARGO_BIN_EXE_sufficiency-cli"))
            .args(["--runs", "2", "--horizon-months", "2", "--threads", "1"])
            .args(["--strategy", "recruit", "--scenario"])
            .arg(&scenario)
            .arg("--csv")
            .arg(&csv)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = std::fs::read_to_string(&csv).unwrap();
        let rows = records(&text);
        assert_eq!(rows[0][0], "scenario");
        assert!(rows.len() > 10);
        // Fourteen cells: the numbers, their Monte Carlo errors, and the definition.
        assert_eq!(rows[0].len(), 14);
        assert!(
            rows.iter().all(|r| r.len() == 14),
            "{name:?}: a record split"
        );
        let firsts: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
        let neutral = if name.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{name}")
        } else {
            name.clone()
        };
        assert!(firsts.contains(&neutral.as_str()), "{name:?}: {firsts:?}");
        // "Recruit more carers vs NAME": the comparison's name starts with the strategy.
        let comparison = format!("Recruit more carers vs {name}");
        assert!(firsts.contains(&comparison.as_str()), "{name:?}");
        for cell in rows[1..].iter().flat_map(|r| &r[..3]) {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{name:?}: live cell {cell:?}"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
