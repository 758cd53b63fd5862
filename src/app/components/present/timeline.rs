//! Stepping through time in the presentation view: which month the projection is drawn up
//! to, and playing it a year a second so the fan grows as the room watches.

use std::rc::Rc;

use gloo::timers::callback::Interval;
use yew::prelude::*;

use super::settings::step;

/// How long each year stays on screen while playing.
pub const YEAR_MS: u32 = 1_200;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    /// Drawn up to this month; `None` = the whole projection.
    pub upto: Option<usize>,
    pub playing: bool,
}

/// What the facilitator (or the clock) does to the timeline; `n` is the number of months.
pub enum TimeAction {
    PlayPause { n: usize },
    Tick { n: usize },
    Step { years: i32, n: usize },
    Whole,
}

impl Reducible for Timeline {
    type Action = TimeAction;

    fn reduce(self: Rc<Self>, action: TimeAction) -> Rc<Self> {
        let next = match action {
            TimeAction::PlayPause { .. } if self.playing => Timeline {
                playing: false,
                ..*self
            },
            // Playing starts from the first month unless the facilitator stepped part way.
            TimeAction::PlayPause { n } => Timeline {
                upto: Some(self.upto.filter(|u| u + 1 < n).unwrap_or(0)),
                playing: n > 1,
            },
            TimeAction::Tick { n } if self.playing => {
                let upto = step(self.upto, n, 1);
                Timeline {
                    upto,
                    playing: upto.is_some(),
                }
            }
            TimeAction::Tick { .. } => (*self).clone(),
            TimeAction::Step { years, n } => Timeline {
                upto: step(self.upto, n, years),
                playing: false,
            },
            TimeAction::Whole => Timeline::default(),
        };
        Rc::new(next)
    }
}

/// Advances the timeline a year every [`YEAR_MS`] while it plays.
#[hook]
pub fn use_play(timeline: &UseReducerHandle<Timeline>, n: usize) {
    let dispatcher = timeline.dispatcher();
    use_effect_with((timeline.playing, n), move |(playing, n)| {
        let n = *n;
        let interval = playing
            .then(|| Interval::new(YEAR_MS, move || dispatcher.dispatch(TimeAction::Tick { n })));
        move || drop(interval)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(t: Timeline, a: TimeAction) -> Timeline {
        (*Rc::new(t).reduce(a)).clone()
    }

    #[test]
    fn playing_grows_the_projection_a_year_at_a_time_then_stops() {
        let t = run(Timeline::default(), TimeAction::PlayPause { n: 30 });
        assert_eq!(
            t,
            Timeline {
                upto: Some(0),
                playing: true
            }
        );
        let t = run(t, TimeAction::Tick { n: 30 });
        assert_eq!(t.upto, Some(12));
        let t = run(t, TimeAction::Tick { n: 30 });
        assert_eq!(t.upto, Some(24));
        let t = run(t, TimeAction::Tick { n: 30 });
        assert_eq!(t, Timeline::default(), "the end shows it all and stops");
        let paused = run(
            Timeline {
                upto: Some(12),
                playing: true,
            },
            TimeAction::PlayPause { n: 30 },
        );
        assert_eq!(
            paused,
            Timeline {
                upto: Some(12),
                playing: false
            }
        );
        let stepped = run(paused, TimeAction::Step { years: -1, n: 30 });
        assert_eq!(stepped.upto, Some(0));
        assert_eq!(
            run(stepped, TimeAction::Tick { n: 30 }).upto,
            Some(0),
            "no tick while paused"
        );
    }
}
