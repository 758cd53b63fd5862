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
}

/// Every term, alphabetically (ignoring case).
pub const TERMS: &[Term] = &[
    Term {
        key: "connected-person",
        term: "Connected person (family and friends carer)",
        meaning: "A relative or family friend approved to foster a particular child they already know, rather \
            than a foster carer recruited for any child.",
    },
    Term {
        key: "edge-of-care",
        term: "Edge of care",
        meaning: "Intensive work with a family whose child, often a teenager, is close to coming into care, so \
            that the child can stay at home safely.",
    },
    Term {
        key: "emergency-placement",
        term: "Emergency placement",
        meaning: "Where a child goes when no suitable home can be found on the day they need one; they move on \
            once a proper match is found.",
    },
    Term {
        key: "fostering-plus",
        term: "Fostering Plus",
        meaning: "The council's scheme paying foster carers more, with extra support, to look after teenagers \
            and children with complex needs.",
    },
    Term {
        key: "ifa",
        term: "IFA (independent fostering agency)",
        meaning: "A private or charitable agency with its own foster carers; the council pays it a weekly fee \
            for each child, usually more than an in-house placement costs.",
    },
    Term {
        key: "in-house",
        term: "In-house",
        meaning: "Run by the council itself: its own approved foster carers and its own children's homes, as \
            against placements bought from agencies and private homes.",
    },
    Term {
        key: "paired-difference",
        term: "Paired difference",
        meaning: "A strategy and the baseline are run on the same imagined futures (the same chance events), \
            so the difference between them in each future shows what the strategy itself changes, not luck.",
    },
    Term {
        key: "sufficiency-gap-parts",
        term: "Parts of the sufficiency gap",
        meaning: "The gap is shown in four parts, each with its own figure: no suitable placement (children in \
            emergency, unregistered or holding placements, or waiting for one); placed below assessed need (in a \
            kind of placement less suitable than their needs call for, or apart from brothers and sisters who \
            should live together); in-house shortfall (children with agency carers or in private homes who would \
            be placed with the council's own if it had a suitable place); and placed at a distance (outside the \
            borough).",
    },
    Term {
        key: "percentile-bands",
        term: "Percentile bands",
        meaning: "The shaded bands around a line: in 8 of 10 simulated futures the figure falls inside the \
            darker band (10th to 90th percentile), and in 9 of 10 inside the lighter one (5th to 95th). The \
            line is the middle future (the median).",
    },
    Term {
        key: "regulation-24",
        term: "Regulation 24 (and 38(6))",
        meaning: "The rules letting a child be placed at once with a relative or friend who is not yet \
            approved as a foster carer, while their assessment is completed within a set time.",
    },
    Term {
        key: "sgo-cao",
        term: "SGO and CAO",
        meaning: "Special guardianship orders and child arrangements orders: court orders giving a relative, \
            friend or foster carer lasting responsibility for a child, who then leaves care.",
    },
    Term {
        key: "staying-put",
        term: "Staying Put",
        meaning: "A young person who turns 18 while in foster care stays on with the same carers, often until \
            21, so the place is not free for another child.",
    },
    Term {
        key: "step-down",
        term: "Step-down",
        meaning: "Moving a young person from a children's home to a foster family when they are ready, which \
            is usually better for them and costs less.",
    },
    Term {
        key: "sufficiency-gap",
        term: "Sufficiency gap",
        meaning: "Children without a placement that meets their needs: those with no suitable placement at \
            all (in an emergency placement or waiting for one) plus those placed below their assessed need. \
            Children with agency carers in a placement that suits them are not in the gap; they count in the \
            in-house shortfall instead.",
    },
];

/// The term with this key.
pub fn term(key: &str) -> Option<&'static Term> {
    TERMS.iter().find(|t| t.key == key)
}

#[derive(Properties, PartialEq)]
pub struct GlossaryProps {
    /// Shown or not (the list is always in the page, hidden when closed, so links to its
    /// entries work).
    pub open: bool,
    pub on_close: Callback<()>,
}

/// The glossary: every term and its meaning.
#[function_component]
pub fn Glossary(props: &GlossaryProps) -> Html {
    let close = {
        let on = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on.emit(()))
    };
    let entries = TERMS.iter().map(|t| {
        html! {
            <>
                <dt id={format!("glossary-{}", t.key)}>{ t.term }</dt>
                <dd>{ t.meaning }</dd>
            </>
        }
    });
    html! {
        <section class="glossary" id="glossary" aria-label="Glossary" hidden={!props.open}>
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
    /// Opens the glossary at the entry.
    pub on_open: Callback<String>,
    pub children: Html,
}

/// A word in running text with its meaning on hover and a link to its glossary entry.
#[function_component]
pub fn GlossaryTerm(props: &GlossaryTermProps) -> Html {
    let Some(t) = term(&props.term) else {
        return props.children.clone();
    };
    let open = {
        let (on, key) = (props.on_open.clone(), t.key.to_string());
        Callback::from(move |_: MouseEvent| on.emit(key.clone()))
    };
    html! {
        <a class="term" href={format!("#glossary-{}", t.key)} title={t.meaning} onclick={open}>
            { props.children.clone() }
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
