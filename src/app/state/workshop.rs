//! Workshop mode's state ([`WorkshopState`], its own reducer): the workshop being run (its
//! teams, cards, purse, target and run settings, `engine::workshop::Workshop`), whose cards
//! are on screen, the message of the last refused or failed step, and the teams' run (its
//! progress and leaderboard). Every change to the workshop bumps `rev`; a leaderboard of an
//! older `rev` is shown as out of date until the next run.

use std::rc::Rc;

use engine::workshop::summary::Leaderboard;
use engine::workshop::{Level, Target, Workshop, MAX_TEAMS};
use yew::Reducible;

/// Most runs a workshop asks for (it runs on the page, so a leaderboard takes seconds).
pub const MAX_RUNS: u32 = 2000;

/// A message to the facilitator: refused choices, files and links that could not be
/// opened (`error`), or what was done.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub error: bool,
    pub text: String,
}

/// The teams' run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TeamsRun {
    /// The workshop revision being run, or last run.
    pub rev: u64,
    pub running: bool,
    pub done: u32,
    pub total: u32,
    pub board: Option<Rc<Leaderboard>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WorkshopState {
    pub ws: Workshop,
    pub team: usize,
    pub message: Option<Message>,
    pub rev: u64,
    pub run: TeamsRun,
    /// The teams build on the page's baseline, and follow it while no team has picked a
    /// card (`FollowPage`): a workshop made here, or kept in this browser without picks.
    /// One opened from a file or a link keeps its own.
    pub follows_page: bool,
}

pub enum WorkshopAction {
    /// The page's baseline as it is now: taken as the teams' if the workshop follows the
    /// page and no team has picked a card yet (an analyst who has just accepted their own
    /// borough opens the workshop on it, not on the built-in one).
    FollowPage(Box<engine::Scenario>),
    /// Replace the workshop (a file, a link, or a fresh one); `text` says what was opened.
    Open {
        ws: Box<Workshop>,
        text: String,
    },
    SelectTeam(usize),
    /// The team on screen picks a setting on a card.
    Choose {
        key: String,
        level: Level,
    },
    /// The purse in pounds a year (`None`: no purse).
    SetPurse(Option<f64>),
    SetTarget(Option<Target>),
    SetTeams(usize),
    Rename {
        team: usize,
        name: String,
    },
    SetRuns(u32),
    Say(Message),
    Dismiss,
    Started {
        rev: u64,
        total: u32,
    },
    Progress {
        rev: u64,
        done: u32,
    },
    Finished {
        rev: u64,
        board: Rc<Leaderboard>,
    },
    Failed {
        rev: u64,
        error: String,
    },
}

fn error(text: impl Into<String>) -> Option<Message> {
    Some(Message {
        error: true,
        text: text.into(),
    })
}

impl WorkshopState {
    pub fn new(ws: Workshop) -> WorkshopState {
        WorkshopState {
            ws,
            team: 0,
            message: None,
            rev: 1,
            run: TeamsRun::default(),
            follows_page: false,
        }
    }

    /// A workshop that follows the page's baseline while no team has picked (see
    /// `follows_page`).
    pub fn on_page(ws: Workshop) -> WorkshopState {
        WorkshopState {
            follows_page: true,
            ..WorkshopState::new(ws)
        }
    }

    /// No team has picked a setting on any card.
    pub fn no_picks(&self) -> bool {
        self.ws
            .teams
            .iter()
            .all(|t| t.choices.values().all(|l| *l == Level::Off))
    }

    /// The leaderboard shown is of an earlier workshop than the one on screen.
    pub fn stale(&self) -> bool {
        self.run.board.is_some() && self.run.rev != self.rev
    }

    /// Apply an action; false when nothing changed.
    pub fn apply(&mut self, action: WorkshopAction) -> bool {
        let before = self.ws.clone();
        match action {
            WorkshopAction::FollowPage(baseline) => {
                if !self.follows_page || !self.no_picks() || self.ws.baseline == *baseline {
                    return false;
                }
                self.message = Some(Message {
                    error: false,
                    text: format!(
                        "The teams build on the page's baseline, \u{201c}{}\u{201d}.",
                        baseline.name
                    ),
                });
                self.ws.baseline = *baseline;
                self.run = TeamsRun::default();
            }
            WorkshopAction::Open { ws, text } => {
                self.follows_page = false;
                self.ws = *ws;
                self.team = 0;
                self.run = TeamsRun::default();
                self.message = Some(Message { error: false, text });
            }
            WorkshopAction::SelectTeam(t) => {
                if t >= self.ws.teams.len() || t == self.team {
                    return false;
                }
                self.team = t;
                return true;
            }
            WorkshopAction::Choose { key, level } => match self.ws.choose(self.team, &key, level) {
                Ok(()) => self.message = None,
                Err(e) => self.message = error(e.to_string()),
            },
            WorkshopAction::SetPurse(p) => match p {
                Some(p) if !p.is_finite() || p < 0.0 => {
                    self.message = error("The purse must be a sum of money, 0 or more.");
                }
                Some(p) => {
                    let over: Vec<String> = self
                        .ws
                        .teams
                        .iter()
                        .filter(|t| self.ws.team_cost(t) > p)
                        .map(|t| t.name.clone())
                        .collect();
                    if over.is_empty() {
                        self.ws.purse = Some(p);
                        self.message = None;
                    } else {
                        self.message = error(format!(
                            "The purse was not set to {}: {} already spend more. Lower their cards first.",
                            engine::workshop::money(p),
                            over.join(", ")
                        ));
                    }
                }
                None => self.ws.purse = None,
            },
            WorkshopAction::SetTarget(t) => self.ws.target = t,
            WorkshopAction::SetTeams(n) => {
                let n = n.clamp(1, MAX_TEAMS);
                while self.ws.teams.len() < n {
                    let i = self.ws.teams.len();
                    let mut name = engine::workshop::table_name(i);
                    let mut k = i;
                    while self.ws.teams.iter().any(|t| t.name == name) {
                        k += 1;
                        name = engine::workshop::table_name(k);
                    }
                    self.ws.teams.push(engine::workshop::Team {
                        name,
                        choices: Default::default(),
                    });
                }
                self.ws.teams.truncate(n);
                self.team = self.team.min(n - 1);
            }
            WorkshopAction::Rename { team, name } => {
                let name = name.trim().to_string();
                let max = engine::workshop::MAX_TEAM_NAME;
                if name.is_empty() || name.chars().count() > max {
                    self.message = error(format!("A team's name is 1 to {max} characters."));
                } else if self
                    .ws
                    .teams
                    .iter()
                    .enumerate()
                    .any(|(i, t)| i != team && t.name == name)
                {
                    self.message = error(format!("Another team is called {name}."));
                } else if let Some(t) = self.ws.teams.get_mut(team) {
                    t.name = name;
                }
            }
            WorkshopAction::SetRuns(n) => {
                if n == 0 || n > MAX_RUNS {
                    self.message = error(format!("Runs must be 1 to {MAX_RUNS}."));
                } else {
                    self.ws.settings.replications = n;
                }
            }
            WorkshopAction::Say(m) => self.message = Some(m),
            WorkshopAction::Dismiss => self.message = None,
            WorkshopAction::Started { rev, total } => {
                self.run.rev = rev;
                self.run.running = true;
                self.run.done = 0;
                self.run.total = total;
                return true;
            }
            WorkshopAction::Progress { rev, done } => {
                if rev != self.run.rev || !self.run.running {
                    return false;
                }
                self.run.done = done;
                return true;
            }
            WorkshopAction::Finished { rev, board } => {
                if rev != self.run.rev {
                    return false;
                }
                self.run.running = false;
                self.run.done = self.run.total;
                self.run.board = Some(board);
                return true;
            }
            WorkshopAction::Failed { rev, error: e } => {
                if rev != self.run.rev {
                    return false;
                }
                self.run.running = false;
                self.message = error(format!("The teams could not be run: {e}"));
                return true;
            }
        }
        if self.ws != before {
            self.rev += 1;
        }
        true
    }
}

impl Reducible for WorkshopState {
    type Action = WorkshopAction;

    fn reduce(self: Rc<Self>, action: WorkshopAction) -> Rc<Self> {
        let mut s = (*self).clone();
        if s.apply(action) {
            Rc::new(s)
        } else {
            self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> WorkshopState {
        WorkshopState::new(Workshop::new(engine::defaults::default_scenario(), 8))
    }

    #[test]
    fn a_choice_over_the_purse_is_refused_with_a_message_and_nothing_changes() {
        let mut s = state();
        let edge = s.ws.card("edge_of_care").unwrap().annual_cost;
        s.apply(WorkshopAction::SetPurse(Some(edge)));
        assert_eq!(s.ws.purse, Some(edge));
        s.apply(WorkshopAction::Choose {
            key: "edge_of_care".into(),
            level: Level::Medium,
        });
        let rev = s.rev;
        s.apply(WorkshopAction::Choose {
            key: "retention".into(),
            level: Level::Large,
        });
        assert!(s.message.as_ref().unwrap().error);
        assert!(s.message.as_ref().unwrap().text.contains("over the purse"));
        assert_eq!(s.ws.teams[0].level("retention"), Level::Off);
        assert_eq!(s.rev, rev, "a refused choice is no change");
        // A purse below what a team already spends is refused, naming the team.
        s.apply(WorkshopAction::SetPurse(Some(1.0)));
        assert_eq!(s.ws.purse, Some(edge));
        assert!(s.message.as_ref().unwrap().text.contains("Table 1"));
    }

    #[test]
    fn teams_grow_and_shrink_with_unique_names() {
        let mut s = state();
        s.apply(WorkshopAction::SelectTeam(7));
        s.apply(WorkshopAction::SetTeams(3));
        assert_eq!(s.ws.teams.len(), 3);
        assert_eq!(s.team, 2);
        s.apply(WorkshopAction::Rename {
            team: 0,
            name: "Table 4".into(),
        });
        s.apply(WorkshopAction::SetTeams(5));
        let names: Vec<&str> = s.ws.teams.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            ["Table 4", "Table 2", "Table 3", "Table 5", "Table 6"]
        );
        s.apply(WorkshopAction::Rename {
            team: 1,
            name: "Table 4".into(),
        });
        assert_eq!(s.ws.teams[1].name, "Table 2");
        assert!(s.message.as_ref().unwrap().error);
    }

    #[test]
    fn a_board_from_an_older_workshop_is_stale_and_late_results_are_ignored() {
        let mut s = state();
        let board = Rc::new(Leaderboard {
            rows: vec![],
            spread: vec![],
            last_month: String::new(),
            runs: 0,
        });
        s.apply(WorkshopAction::Started {
            rev: s.rev,
            total: 10,
        });
        let rev = s.rev;
        assert!(!s.apply(WorkshopAction::Finished {
            rev: rev + 5,
            board: board.clone()
        }));
        s.apply(WorkshopAction::Finished { rev, board });
        assert!(!s.stale());
        s.apply(WorkshopAction::Choose {
            key: "retention".into(),
            level: Level::Small,
        });
        assert!(s.stale());
    }

    /// A workshop made on the page (or kept without picks) follows the page's baseline
    /// until a team picks a card; one opened from a file or link keeps its own.
    #[test]
    fn the_teams_follow_the_page_s_baseline_until_they_pick() {
        let mut own = engine::defaults::default_scenario();
        own.name = "Your borough, as at 2022-03-31".into();
        own.demand.groups_per_month = 0.5;
        let mut s = WorkshopState::on_page(Workshop::new(engine::defaults::default_scenario(), 8));
        assert!(s.apply(WorkshopAction::FollowPage(Box::new(own.clone()))));
        assert_eq!(s.ws.baseline, own);
        assert!(s
            .message
            .as_ref()
            .unwrap()
            .text
            .contains("Your borough, as at 2022-03-31"));
        // The same baseline again: nothing to do.
        assert!(!s.apply(WorkshopAction::FollowPage(Box::new(own.clone()))));
        // Once a team has picked, the teams keep what they picked on.
        let key = s.ws.cards[0].kind.key().to_string();
        assert!(s.apply(WorkshopAction::Choose {
            key,
            level: Level::Medium
        }));
        let built_in = engine::defaults::default_scenario();
        assert!(!s.apply(WorkshopAction::FollowPage(Box::new(built_in.clone()))));
        assert_eq!(s.ws.baseline, own);
        // A workshop opened from a file or a link keeps its own baseline.
        let mut s = WorkshopState::on_page(Workshop::new(own.clone(), 4));
        s.apply(WorkshopAction::Open {
            ws: Box::new(Workshop::new(own.clone(), 4)),
            text: "Opened".into(),
        });
        assert!(!s.apply(WorkshopAction::FollowPage(Box::new(built_in))));
        assert_eq!(s.ws.baseline, own);
    }
}
