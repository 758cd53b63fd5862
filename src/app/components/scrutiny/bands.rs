//! The one sentence shown beside every fan chart saying what its bands include: chance
//! only, or chance and the assumptions' plausible ranges ("include uncertainty in the
//! assumptions").

use yew::prelude::*;

/// The sentence as shown beside a fan chart.
pub fn note(uncertainty: bool) -> Html {
    html! { <p class="bands-note">{ sentence(uncertainty) }</p> }
}

/// What the bands of results run with `uncertainty` (on or off) include.
pub fn sentence(uncertainty: bool) -> &'static str {
    if uncertainty {
        "Bands show chance and the assumptions' plausible ranges: each simulated future also draws the uncertain assumptions from their ranges."
    } else {
        "Bands show chance only: the assumptions are held at their values."
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_two_sentences_differ_and_say_which() {
        assert!(super::sentence(false).starts_with("Bands show chance only"));
        assert!(super::sentence(true).contains("plausible ranges"));
    }
}
