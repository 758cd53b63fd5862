//! The presentation chart's legend: what its shaded bands and each line's pattern mean, in
//! a few words a room can read, every scenario by its full name (the labels at the lines'
//! ends may be shortened to fit). Shown under the chart in the presentation view.

use yew::prelude::*;

use super::svg::{self, Key};
use super::{palette, text};

/// The dash of the trace's key (the trace itself is round dots, which a key line without
/// round caps cannot show).
const TRACE_KEY_DASH: &str = "2 4";
/// The target line's dash, as drawn.
pub const TARGET_DASH: &str = "10 5";

/// The legend's entries: the main scenario's bands and middle line (its full name),
/// each comparison's
/// pattern (its full name), then the trace and the target when drawn.
pub fn items(names: &[String], trace: bool, target: bool) -> Vec<(Key, String)> {
    let mut items = Vec::new();
    let Some(main) = names.first() else {
        return items;
    };
    items.push((
        Key::Bands(2),
        "Shaded bands: 9 in 10 simulated futures fall inside them, half in the darkest".to_string(),
    ));
    items.push((
        Key::Line(palette::MEDIAN, "2.5", None),
        format!("Solid line: {main}, the middle future (median)"),
    ));
    for (k, name) in names.iter().enumerate().skip(1) {
        let k = k - 1;
        let dash = text::DASH_NAMES[k % text::DASH_NAMES.len()];
        let mut first = dash.chars();
        let dash = first
            .next()
            .map(|c| c.to_uppercase().chain(first).collect::<String>())
            .unwrap_or_default();
        items.push((
            Key::Line(palette::comparison(k), "2.25", Some(palette::dash(k))),
            format!("{dash} line: {name}, its middle future; 8 in 10 of its futures fall between its thin lines"),
        ));
    }
    if trace {
        items.push((
            Key::Line(palette::TRACE, "3", Some(TRACE_KEY_DASH)),
            format!(
                "Grey dots ({}): the result before the last change",
                text::TRACE
            ),
        ));
    }
    if target {
        items.push((
            Key::Line(palette::TARGET, "2", Some(TARGET_DASH)),
            "Black dashed line: the target".to_string(),
        ));
    }
    items
}

/// The legend as drawn under the chart (`id` its DOM id).
pub fn legend(names: &[String], trace: bool, target: bool, id: Option<AttrValue>) -> Html {
    let items = items(names, trace, target);
    html! {
        <ul class="stage-legend" {id}>
            { for items.into_iter().map(|(k, t)| html! {
                <li>{ svg::key_svg(&k) }<span>{ t }</span></li>
            }) }
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_band_and_pattern_is_explained_with_full_names() {
        let long = "Recruit more carers (+50% enquiries, +20% conversion)".to_string();
        let names = ["Baseline".to_string(), long.clone()];
        let all = items(&names, true, true);
        let words: Vec<&str> = all.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(words.len(), 5, "{words:?}");
        assert!(words[0].starts_with("Shaded bands: 9 in 10 simulated futures fall inside"));
        assert!(words[1].starts_with("Solid line: Baseline"));
        assert!(
            words[2].starts_with(&format!("Dashed line: {long}, its middle future")),
            "{}",
            words[2]
        );
        assert!(words[3].contains("before the last change"));
        assert!(words[4].contains("target"));
        // Without a trace or target, no entry for them; nothing at all without a scenario.
        assert_eq!(items(&names, false, false).len(), 3);
        assert!(items(&[], true, true).is_empty());
        let three = items(&["A".into(), "B".into(), "C".into()], false, false);
        assert!(three[3].1.starts_with("Dotted line: C"), "{}", three[3].1);
    }
}
