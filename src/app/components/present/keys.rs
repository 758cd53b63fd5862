//! The facilitator's keys in the presentation view: what each key does, and the list the
//! view shows on demand (`?`). Pure, so the keys are tested natively.

/// What a key does in the view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Key {
    Chart(usize),
    TogglePredict,
    Reveal,
    ToggleTrace,
    ToggleFixedAxes,
    ReplayLastChange,
    PlayPause,
    /// Step through time by this many years (negative: back).
    Step(i32),
    /// Show the whole projection again.
    WholeProjection,
    ToggleHelp,
    Close,
}

/// The keys and what they do, in the order the list shows them.
pub const SHORTCUTS: [(&str, &str); 12] = [
    ("1 2 3", "Choose the chart"),
    ("P", "Predict, then reveal: hide each new result"),
    ("R or Enter", "Reveal the hidden result"),
    ("T", "Show or hide the trace of the previous result"),
    ("A", "Fix the axes (hold the scale) or let them fit"),
    ("L", "Replay the last change: before, then after"),
    ("Space", "Play the projection year by year, or pause"),
    ("\u{2190} \u{2192}", "Step back or forward a year"),
    ("Home", "Show the whole projection"),
    ("?", "Show or hide this list"),
    ("Esc", "Close this list, or the presentation view"),
    ("Tab", "Move to the levers and other controls"),
];

/// The meaning of a key press (the `key` of a keyboard event); `None`: not ours.
pub fn key_action(key: &str) -> Option<Key> {
    match key {
        "1" | "2" | "3" => key.parse::<usize>().ok().map(|n| Key::Chart(n - 1)),
        "p" | "P" => Some(Key::TogglePredict),
        "r" | "R" | "Enter" => Some(Key::Reveal),
        "t" | "T" => Some(Key::ToggleTrace),
        "a" | "A" => Some(Key::ToggleFixedAxes),
        "l" | "L" => Some(Key::ReplayLastChange),
        " " | "Spacebar" => Some(Key::PlayPause),
        "ArrowRight" => Some(Key::Step(1)),
        "ArrowLeft" => Some(Key::Step(-1)),
        "Home" => Some(Key::WholeProjection),
        "?" | "h" | "H" => Some(Key::ToggleHelp),
        "Escape" => Some(Key::Close),
        _ => None,
    }
}

/// Whether a key pressed in an element with this tag (upper case, as the DOM gives it) and
/// input type is the element's own (typing a number, moving a slider, pressing a button).
pub fn belongs_to_control(tag: &str, input_type: &str, key: &str) -> bool {
    match tag {
        // A slider takes the arrows, Home, End and the page keys; letters stay the view's.
        "INPUT" if input_type == "range" => matches!(
            key,
            "ArrowLeft"
                | "ArrowRight"
                | "ArrowUp"
                | "ArrowDown"
                | "Home"
                | "End"
                | "PageUp"
                | "PageDown"
        ),
        "INPUT" => !matches!(input_type, "checkbox" | "radio") || key == " ",
        "SELECT" | "TEXTAREA" => true,
        "BUTTON" | "SUMMARY" | "A" => matches!(key, " " | "Enter"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_facilitators_keys() {
        assert_eq!(key_action("1"), Some(Key::Chart(0)));
        assert_eq!(key_action("3"), Some(Key::Chart(2)));
        assert_eq!(key_action("4"), None);
        assert_eq!(key_action("p"), Some(Key::TogglePredict));
        assert_eq!(key_action("R"), Some(Key::Reveal));
        assert_eq!(key_action("t"), Some(Key::ToggleTrace));
        assert_eq!(key_action("A"), Some(Key::ToggleFixedAxes));
        assert_eq!(key_action(" "), Some(Key::PlayPause));
        assert_eq!(key_action("ArrowLeft"), Some(Key::Step(-1)));
        assert_eq!(key_action("?"), Some(Key::ToggleHelp));
        assert_eq!(key_action("Escape"), Some(Key::Close));
        assert_eq!(key_action("x"), None);
    }

    #[test]
    fn keys_typed_into_a_control_are_the_controls() {
        assert!(belongs_to_control("INPUT", "range", "ArrowRight"));
        assert!(
            !belongs_to_control("INPUT", "range", "r"),
            "R reveals from a slider"
        );
        assert!(belongs_to_control("INPUT", "number", "2"));
        assert!(belongs_to_control("SELECT", "", "ArrowLeft"));
        assert!(belongs_to_control("BUTTON", "", " "));
        assert!(!belongs_to_control("BUTTON", "", "r"));
        assert!(!belongs_to_control("BODY", "", " "));
    }

    #[test]
    fn every_shortcut_listed_does_something() {
        for (keys, _) in SHORTCUTS {
            if keys == "Tab" {
                continue;
            }
            let first = keys.split(' ').next().unwrap_or_default();
            let key = match first {
                "\u{2190}" => "ArrowLeft",
                "Space" => " ",
                "Esc" => "Escape",
                k => k,
            };
            assert!(key_action(key).is_some(), "{keys}");
        }
    }
}
