//! The glossary: the words a councillor meets in the app, each in plain English, as data
//! ([`TERMS`]); [`Glossary`] lists them (each with an anchor `glossary-<key>`), and
//! [`GlossaryTerm`] marks a word in running text, its meaning on hover and a link to its
//! entry.

use yew::prelude::*;

/// One term and what it means.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Term {
    /// Anchor name, lower case with hyphens.
    pub key: &'static str,
    /// The term as written.
    pub term: &'static str,
    /// What it means, in a sentence or two of plain English.
    pub meaning: &'static str,
    /// How the term is written in running text (matched whole-word, ignoring case; the
    /// longest first where two start at the same place), so that labels and help link to
    /// the entry.
    pub mentions: &'static [&'static str],
}

/// Every term, alphabetically (ignoring case).
pub const TERMS: &[Term] = &[
    Term {
        key: "connected-person",
        term: "Connected person (family and friends carer)",
        meaning: "A relative or family friend approved to foster a particular child they already know, rather \
            than a foster carer recruited for any child.",
        mentions: &["connected person", "connected-person", "family and friends"],
    },
    Term {
        key: "edge-of-care",
        term: "Edge of care",
        meaning: "Intensive work with a family whose child, often a teenager, is close to coming into care, so \
            that the child can stay at home safely.",
        mentions: &["edge of care"],
    },
    Term {
        key: "emergency-placement",
        term: "Emergency placement",
        meaning: "Where a child goes when no suitable home can be found on the day they need one; they move on \
            once a proper match is found.",
        mentions: &["emergency placements", "emergency placement"],
    },
    Term {
        key: "fostering-plus",
        term: "Fostering Plus",
        meaning: "The council's scheme paying foster carers more, with extra support, to look after teenagers \
            and children with complex needs.",
        mentions: &["Fostering Plus"],
    },
    Term {
        key: "ifa",
        term: "IFA (independent fostering agency)",
        meaning: "A private or charitable agency with its own foster carers; the council pays it a weekly fee \
            for each child, usually more than an in-house placement costs.",
        mentions: &["IFAs", "IFA", "independent fostering agency", "independent fostering agencies", "agency foster"],
    },
    Term {
        key: "in-house",
        term: "In-house",
        meaning: "Run by the council itself: its own approved foster carers and its own children's homes, as \
            against placements bought from agencies and private homes.",
        mentions: &["in-house"],
    },
    Term {
        key: "paired-difference",
        term: "Paired difference",
        meaning: "A strategy and the baseline are run on the same imagined futures (the same chance events), \
            so the difference between them in each future shows what the strategy itself changes, not luck.",
        mentions: &["paired differences", "paired difference"],
    },
    Term {
        key: "sufficiency-gap-parts",
        term: "Parts of the sufficiency gap",
        meaning: "The gap has two parts: no suitable placement (children in emergency, unregistered or holding \
            placements, where every child waiting for a placement is) and placed below assessed need (in a kind of placement less suitable \
            than their needs call for, or apart from brothers and sisters who should live together). Two more \
            measures are shown beside it but are not part of it: in-house shortfall (children with agency carers or \
            in private homes who would be placed with the council's own if it had a suitable place) and placed at a \
            distance (outside the borough).",
        mentions: &["no suitable placement", "placed below assessed need", "below assessed need", "in-house shortfall", "placed at a distance"],
    },
    Term {
        key: "percentile-bands",
        term: "Percentile bands",
        meaning: "The shaded bands around a line: in 8 of 10 simulated futures the figure falls inside the \
            darker band (10th to 90th percentile), and in 9 of 10 inside the lighter one (5th to 95th). The \
            line is the middle future (the median).",
        mentions: &["percentile bands", "percentiles", "percentile", "10-90% range"],
    },
    Term {
        key: "regulation-24",
        term: "Regulation 24 (and 38(6))",
        meaning: "The rules letting a child be placed at once with a relative or friend who is not yet \
            approved as a foster carer, while their assessment is completed within a set time.",
        mentions: &["Regulation 24", "38(6)"],
    },
    Term {
        key: "sgo-cao",
        term: "SGO and CAO",
        meaning: "Special guardianship orders and child arrangements orders: court orders giving a relative, \
            friend or foster carer lasting responsibility for a child, who then leaves care.",
        mentions: &["special guardianship orders", "special guardianship order", "special guardianship", "child arrangements orders", "child arrangements order", "SGOs", "SGO", "CAOs", "CAO"],
    },
    Term {
        key: "staying-put",
        term: "Staying Put",
        meaning: "A young person who turns 18 while in foster care stays on with the same carers, often until \
            21, so the place is not free for another child.",
        mentions: &["Staying Put"],
    },
    Term {
        key: "step-down",
        term: "Step-down",
        meaning: "Moving a young person from a children's home to a foster family when they are ready, which \
            is usually better for them and costs less.",
        mentions: &["step-down", "step down", "steps down"],
    },
    Term {
        key: "sufficiency-gap",
        term: "Sufficiency gap",
        meaning: "Children without a placement that meets their needs: those with no suitable placement at \
            all (in an emergency, unregistered or holding placement while one is found) plus those placed below their assessed need. \
            Children with agency carers in a placement that suits them are not in the gap; they count in the \
            in-house shortfall instead.",
        mentions: &["sufficiency gap"],
    },
];

/// The one-line definitions of the headline figures that are not sufficiency measures
/// (those are defined in the engine, [`engine::metrics::definition`]), by report key.
const HEADLINES: &[(&str, &str)] = &[
    (
        "in_care",
        "Children in the council's care at the end of the month, wherever they live.",
    ),
    (
        "in_house_share",
        "Share of the children in care placed with the council's own foster carers (family and friends \
         carers included) or in its own children's homes.",
    ),
    (
        "cost",
        "Placement cost for the financial year (April to March), including the running costs of the \
         strategies chosen.",
    ),
    (
        "overspend",
        "The share of the simulated futures in which the year's placement cost is above the budget.",
    ),
];

/// A headline figure's one-line definition, by its report key (`in_care`, `gap`,
/// `no_suitable`, `cost`, `overspend`, ...); empty if it has none.
pub fn headline(key: &str) -> &'static str {
    HEADLINES
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, d)| *d)
        .unwrap_or_else(|| engine::metrics::definition(key))
}

/// The term with this key.
pub fn term(key: &str) -> Option<&'static Term> {
    TERMS.iter().find(|t| t.key == key)
}

/// Opens a panel that is always in the page (the glossary, the references) at one of its
/// entries, from anywhere: the panel registers its opener when it mounts, and a link in a
/// label, a help text or a source calls [`Opener::open`] with the entry's key. No address
/// change is involved (the address bar carries share links).
pub struct Opener(pub &'static std::thread::LocalKey<std::cell::RefCell<Option<Callback<String>>>>);

thread_local! {
    static GLOSSARY_OPENER: std::cell::RefCell<Option<Callback<String>>> = const { std::cell::RefCell::new(None) };
}

/// The glossary's opener.
pub const GLOSSARY: Opener = Opener(&GLOSSARY_OPENER);

impl Opener {
    /// Opens the panel at the entry `key` (nothing happens if the panel is not mounted).
    pub fn open(&self, key: &str) {
        let cb = self.0.with(|c| c.borrow().clone());
        if let Some(cb) = cb {
            cb.emit(key.to_string());
        }
    }

    /// Registers the mounted panel's opener (and forgets it when the panel goes).
    pub fn register(&self, cb: Option<Callback<String>>) {
        self.0.with(|c| *c.borrow_mut() = cb);
    }

    /// A link's click handler that opens the panel at `key` instead of following the link.
    pub fn on_click(&'static self, key: &str) -> Callback<MouseEvent> {
        let key = key.to_string();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            self.open(&key);
        })
    }
}

/// A panel's state: open or not, and the entry to bring into view. The hook registers the
/// panel's opener and, once the entry is drawn, scrolls to it and gives it the focus.
#[hook]
pub fn use_panel(
    opener: &'static Opener,
    anchor_prefix: &'static str,
) -> (UseStateHandle<bool>, UseStateHandle<Option<String>>) {
    let open = use_state(|| false);
    let at = use_state(|| None::<String>);
    {
        let (open, at) = (open.clone(), at.clone());
        use_effect_with((), move |_| {
            opener.register(Some(Callback::from(move |key: String| {
                open.set(true);
                at.set(Some(key));
            })));
            move || opener.register(None)
        });
    }
    {
        let key = (*at).clone();
        use_effect_with((key, *open), move |(key, open)| {
            if let (Some(key), true) = (key, *open) {
                let el = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(&format!("{anchor_prefix}{key}")));
                if let Some(el) = el {
                    el.scroll_into_view();
                    if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                        let _ = h.focus();
                    }
                }
            }
        });
    }
    (open, at)
}

#[derive(Properties, PartialEq)]
pub struct GlossaryProps {
    /// Opened by the page's glossary button (links to an entry open it too).
    pub open: bool,
    pub on_close: Callback<()>,
}

/// The glossary: every term and its meaning. It is always in the page (hidden when
/// closed), and [`GLOSSARY`] opens it at an entry.
#[function_component]
pub fn Glossary(props: &GlossaryProps) -> Html {
    let (opened, at) = use_panel(&GLOSSARY, "glossary-");
    let close = {
        let (on, opened, at) = (props.on_close.clone(), opened.clone(), at.clone());
        Callback::from(move |_: MouseEvent| {
            opened.set(false);
            at.set(None);
            on.emit(())
        })
    };
    let entries = TERMS.iter().map(|t| {
        let current = at.as_deref() == Some(t.key);
        html! {
            <>
                <dt id={format!("glossary-{}", t.key)} tabindex="-1" class={classes!(current.then_some("current"))}>{ t.term }</dt>
                <dd>{ t.meaning }</dd>
            </>
        }
    });
    html! {
        <section class="glossary" id="glossary" aria-label="Glossary" hidden={!(props.open || *opened)}>
            <h2>{ "What the words mean" }</h2>
            <button type="button" class="link dismiss" onclick={close}>{ "Close" }</button>
            <dl>{ for entries }</dl>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct GlossaryTermProps {
    /// The key of a [`TERMS`] entry.
    pub term: AttrValue,
    pub children: Html,
}

/// A word in running text with its meaning on hover and a link that opens the glossary at
/// its entry.
#[function_component]
pub fn GlossaryTerm(props: &GlossaryTermProps) -> Html {
    match term(&props.term) {
        Some(t) => term_link(t, props.children.clone()),
        None => props.children.clone(),
    }
}

/// A link to a term's entry: its meaning on hover (and to screen readers, as the link's
/// description), and a click opens the glossary there.
pub fn term_link(t: &'static Term, text: Html) -> Html {
    html! {
        <a class="term" href={format!("#glossary-{}", t.key)} title={t.meaning} onclick={GLOSSARY.on_click(t.key)}>
            { text }
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every term the scrutiny issue lists is explained.
    #[test]
    fn every_listed_term_is_explained_in_plain_words() {
        for key in [
            "sufficiency-gap",
            "sufficiency-gap-parts",
            "ifa",
            "in-house",
            "connected-person",
            "sgo-cao",
            "staying-put",
            "fostering-plus",
            "step-down",
            "edge-of-care",
            "emergency-placement",
            "regulation-24",
            "percentile-bands",
            "paired-difference",
        ] {
            let t = term(key).unwrap_or_else(|| panic!("{key} is not in the glossary"));
            assert!(t.meaning.len() > 40, "{key}: too short to explain");
            // No field paths or distribution names in what a councillor reads.
            for jargon in [
                "_",
                "hazard",
                "lognormal",
                "gamma",
                "exponential",
                "fostering.",
            ] {
                assert!(
                    !t.meaning.contains(jargon),
                    "{key}: '{jargon}' in {}",
                    t.meaning
                );
            }
        }
        let mut keys: Vec<&str> = TERMS.iter().map(|t| t.key).collect();
        let n = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), n, "a key is used twice");
        let lower = |t: &Term| t.term.to_lowercase();
        assert!(
            TERMS.windows(2).all(|w| lower(&w[0]) <= lower(&w[1])),
            "not alphabetical"
        );
    }
}
