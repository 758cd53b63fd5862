//! The catalogue entries of placement stability (breakdowns, short-term first placements)
//! and of costs and the budget.

use super::text::*;
use super::{Group as G, Param};

/// In form order.
pub(super) const PARAMS: &[Param] = &[
    // ------------------------------------------------------------------ stability
    Param {
        path: "stability.breakdown_child",
        group: G::Stability,
        label: "Placement breakdown rate, children under 11",
        unit: "a year",
        items: NONE,
        help: "For each placement type, the yearly rate at which placements of children under 11 (at the time of \
            placement) end unplanned; the child is then matched again, elsewhere (the foster household or children's home \
            whose placement ended is not offered the child again). A rate of 0.12 is about 11% a year.",
        source: "Modelling assumption checked against the Performance Report May 2018 [R-CPP-2018-07]: 61.3% of long-term \
            looked-after children had been in the same placement for two years, an average rate of about 0.25 a \
            year across ages (derived), and 13.8% of children had three or more placements in 12 months \
            (England 10%).",
    },
    Param {
        path: "stability.breakdown_child.in_house_foster",
        group: G::Stability,
        label: "Breakdown rate, in-house foster care (under 11)",
        unit: "a year",
        items: NONE,
        help: "Yearly rate at which in-house foster placements of children under 11 break down.",
        source: "Modelling assumption: 0.12, half the all-ages average of about 0.25 implied by 61.3% two-year \
            stability [R-CPP-2018-07]; see stability.breakdown_child.",
    },
    Param {
        path: "stability.breakdown_child.connected_person",
        group: G::Stability,
        label: "Breakdown rate, family and friends care (under 11)",
        unit: "a year",
        items: NONE,
        help: "Yearly rate at which connected-person placements of children under 11 break down.",
        source: "Modelling assumption: 0.1, a little below in-house foster care; no figure in the references (see \
            stability.breakdown_child [R-CPP-2018-07]).",
    },
    Param {
        path: "stability.breakdown_child.ifa",
        group: G::Stability,
        label: "Breakdown rate, agency foster care (under 11)",
        unit: "a year",
        items: NONE,
        help: "Yearly rate at which agency foster placements of children under 11 break down.",
        source: "Modelling assumption: 0.14, a little above in-house foster care, whose carers the scrutiny minutes \
            [R-ILSC-2018-09] describe as well supported; no figure by type in the references.",
    },
    Param {
        path: "stability.breakdown_child.in_house_residential",
        group: G::Stability,
        label: "Breakdown rate, council homes (under 11)",
        unit: "a year",
        items: NONE,
        help: "Yearly rate at which council children's home placements of children under 11 end unplanned.",
        source: "Modelling assumption: 0.2; no figure by type in the references (see stability.breakdown_child [R-CPP-2018-07]).",
    },
    Param {
        path: "stability.breakdown_child.external_residential",
        group: G::Stability,
        label: "Breakdown rate, independent homes (under 11)",
        unit: "a year",
        items: NONE,
        help: "Yearly rate at which independent children's home placements of children under 11 end unplanned.",
        source: "Modelling assumption: 0.25; no figure by type in the references (see stability.breakdown_child [R-CPP-2018-07]).",
    },
    Param {
        path: "stability.breakdown_child.supported_accommodation",
        group: G::Stability,
        label: "Breakdown rate, supported accommodation (under 11)",
        unit: "a year",
        items: NONE,
        help: "Yearly rate for supported accommodation; only 16-17 year olds are placed there, so this under-11 rate \
            has no effect with the default ages.",
        source: "Modelling assumption: 0.3, not used with the default ages (supported accommodation is for 16-17, \
            [R-SUFF-2020-07]).",
    },
    Param {
        path: "stability.breakdown_child.placed_with_parents",
        group: G::Stability,
        label: "Breakdown rate, placed with parents (under 11)",
        unit: "a year",
        items: NONE,
        help: "Yearly rate at which placements with parents of children under 11 break down (the child is then \
            matched to a placement).",
        source: "Modelling assumption: 0.1; no figure in the references.",
    },
    Param {
        path: "stability.breakdown_child.placed_for_adoption",
        group: G::Stability,
        label: "Breakdown rate, adoptive placements (under 11)",
        unit: "a year",
        items: NONE,
        help: "Yearly rate at which adoptive placements of children under 11 disrupt before the order. A disruption \
            ends the adoption plan: the child is matched again and its way out of care is drawn afresh, for its \
            age, among the other routes.",
        source: "Modelling assumption: 0.02, adoption disruptions are rare; no figure in the references (Rotherham persevered \
            to find adoptive placements [R-CPP-2018-07]).",
    },
    Param {
        path: "stability.breakdown_child.emergency",
        group: G::Stability,
        label: "Breakdown rate, emergency placements (under 11)",
        unit: "a year",
        items: NONE,
        help: "Yearly breakdown rate of emergency placements; emergency placements end by review \
            (matching.emergency_review_days) rather than breakdown.",
        source: "Modelling assumption: 0, because emergency placements are reviewed and replaced (between three and \
            eight children at any time in spring 2020 [R-SUFF-2020-07]).",
    },
    Param {
        path: "stability.breakdown_adolescent",
        group: G::Stability,
        label: "Placement breakdown rate, young people 11+",
        unit: "a year",
        items: NONE,
        help: "For each placement type, the yearly rate at which placements of young people aged 11 or more (at the \
            time of placement) end unplanned; they are then matched again. A rate of 0.3 is about 26% a year.",
        source: "Modelling assumption: two to three times the under-11 rates, averaging out near the 0.25 a year implied \
            by 61.3% two-year stability (Performance Report May 2018 [R-CPP-2018-07]). The July 2020 briefing [R-SUFF-2020-07] \
            reports 'an increase in disruptions in foster placements for young people with challenging \
            behaviours'.",
    },
    Param {
        path: "stability.breakdown_adolescent.in_house_foster",
        group: G::Stability,
        label: "Breakdown rate, in-house foster care (11+)",
        unit: "a year",
        items: NONE,
        help: "Yearly rate at which in-house foster placements of young people aged 11+ break down.",
        source: "Modelling assumption: 0.3; the references report rising foster placement disruptions for young people with \
            challenging behaviours [R-SUFF-2020-07] and few in-house carers for older children [R-PSS-2014-01].",
    },
    Param {
        path: "stability.breakdown_adolescent.connected_person",
        group: G::Stability,
        label: "Breakdown rate, family and friends care (11+)",
        unit: "a year",
        items: NONE,
        help: "Yearly rate at which connected-person placements of young people aged 11+ break down.",
        source: "Modelling assumption: 0.2; no figure in the references (see stability.breakdown_adolescent [R-CPP-2018-07]).",
    },
    Param {
        path: "stability.breakdown_adolescent.ifa",
        group: G::Stability,
        label: "Breakdown rate, agency foster care (11+)",
        unit: "a year",
        items: NONE,
        help: "Yearly rate at which agency foster placements of young people aged 11+ break down.",
        source: "Modelling assumption: 0.35; no figure by type in the references (see stability.breakdown_adolescent, \
            [R-CPP-2018-07]).",
    },
    Param {
        path: "stability.breakdown_adolescent.in_house_residential",
        group: G::Stability,
        label: "Breakdown rate, council homes (11+)",
        unit: "a year",
        items: NONE,
        help: "Yearly rate at which council children's home placements of young people aged 11+ end unplanned.",
        source: "Modelling assumption: 0.45; no figure by type in the references (see stability.breakdown_adolescent, \
            [R-CPP-2018-07]).",
    },
    Param {
        path: "stability.breakdown_adolescent.external_residential",
        group: G::Stability,
        label: "Breakdown rate, independent homes (11+)",
        unit: "a year",
        items: NONE,
        help: "Yearly rate at which independent children's home placements of young people aged 11+ end unplanned.",
        source: "Modelling assumption: 0.5, the highest; no figure by type in the references. Many of these placements were \
            at a distance (only 7 of 30 independent and secure placements were in South Yorkshire in 2014 [R-PSS-2014-01]).",
    },
    Param {
        path: "stability.breakdown_adolescent.supported_accommodation",
        group: G::Stability,
        label: "Breakdown rate, supported accommodation (11+)",
        unit: "a year",
        items: NONE,
        help: "Yearly rate at which supported accommodation placements of 16-17 year olds end unplanned.",
        source: "Modelling assumption: 0.4; no figure in the references (16+ framework [R-SUFF-2020-07]).",
    },
    Param {
        path: "stability.breakdown_adolescent.placed_with_parents",
        group: G::Stability,
        label: "Breakdown rate, placed with parents (11+)",
        unit: "a year",
        items: NONE,
        help: "Yearly rate at which placements with parents of young people aged 11+ break down.",
        source: "Modelling assumption: 0.2; no figure in the references.",
    },
    Param {
        path: "stability.breakdown_adolescent.placed_for_adoption",
        group: G::Stability,
        label: "Breakdown rate, adoptive placements (11+)",
        unit: "a year",
        items: NONE,
        help: "Yearly rate at which adoptive placements of children aged 11+ disrupt before the order.",
        source: "Modelling assumption: 0.02, as for younger children; adoption at 11+ is rare ([R-PSS-2014-01]: 10 of 33 \
            children placed for adoption in 2014 were 5 or over).",
    },
    Param {
        path: "stability.breakdown_adolescent.emergency",
        group: G::Stability,
        label: "Breakdown rate, emergency placements (11+)",
        unit: "a year",
        items: NONE,
        help: "Yearly breakdown rate of emergency placements; they end by review (matching.emergency_review_days) \
            rather than breakdown.",
        source: "Modelling assumption: 0, because emergency placements are reviewed and replaced [R-SUFF-2020-07].",
    },
    // ------------------------------------------------------------------ costs and budget
    Param {
        path: "stability.repeat_multiplier",
        group: G::Stability,
        label: "Extra breakdown risk after recent moves",
        unit: "multiplier per placement",
        items: NONE,
        help: "A child's breakdown rate is multiplied by this for every other placement they have had in the last 12 \
            months, so instability begets instability and a minority of children move repeatedly.",
        source: "Modelling assumption: 2.65 (applied for at most two earlier placements), set with the short-term \
            first placements so that the share of children with 3+ placements in 12 months the model keeps (about \
            13.8% in its first years, rising slowly after) meets the 13.8% reported in the Performance Report May 2018 \
            ([R-CPP-2018-07]; England 10%), at which the starting children's share is set. It was 2.5 (about 13.0%) \
            until the starting young people's moves were walked with the model's own rules, and 2.6 until that walk \
            stopped counting a review that finds nothing as a move and walked the moves at the rates of the \
            placements each young person's needs get (issue 15): the model then kept about 13.5% at first.",
    },
    Param {
        path: "stability.escalate_after_repeat_moves",
        group: G::Stability,
        label: "Repeated breakdowns count as complex needs",
        unit: "yes / no",
        items: NONE,
        help: "When on, a young person aged 11+ about to start a third placement within 12 months is matched from \
            then on as having complex needs (agency carers are then found only sometimes, and residential care \
            comes next in the order).",
        source: "Modelling assumption: on. The July 2020 briefing [R-SUFF-2020-07] links emergency placements to breakdowns \
            and reports disruptions for young people with challenging behaviours; Aug 2018 had 62 children in \
            out-of-authority residential care (scrutiny minutes [R-ILSC-2018-09]), which this keeps near its level (the \
            2020 briefing gives no count, only a fall of 4 in 2020/21 so far).",
    },
    Param {
        path: "stability.short_term_first_share",
        group: G::Stability,
        label: "Share of admissions first placed short-term",
        unit: "share (0-1)",
        items: NONE,
        help: "Share of sibling groups whose first placement is a short-term or bridging one, so a planned move \
            follows (the group is then matched again, and may be split).",
        source: "Modelling assumption: 0.4, set so that the share of children with 3+ placements in 12 months approaches \
            the 13.8% in the Performance Report May 2018 [R-CPP-2018-07]; the July 2020 briefing [R-SUFF-2020-07] describes \
            emergency placements made on admission and after breakdowns.",
    },
    Param {
        path: "stability.short_term_days",
        group: G::Stability,
        label: "Days in a short-term first placement",
        unit: "days",
        items: NONE,
        help: "Average length of a short-term first placement before the planned move (many shorter, a few much longer).",
        source: "Modelling assumption: 45 days; the 2014 emergency home took young people for at most 20 weeks \
            (Sufficiency Strategy 2014 [R-PSS-2014-01]).",
    },
    Param {
        path: "costs.weekly",
        group: G::CostsAndBudget,
        label: "Weekly cost per child",
        unit: "£ / week",
        items: NONE,
        help: "Cost a week of one child in each placement type at the start, rising with costs.inflation_per_year. \
            Council homes are costed per home (residential.homes.weekly_cost), not per child.",
        source: "Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01] and scrutiny minutes Sep 2018 [R-ILSC-2018-09], brought to \
            2020 prices at 2% a year; see each type.",
    },
    Param {
        path: "costs.weekly.in_house_foster",
        group: G::CostsAndBudget,
        label: "Weekly cost, in-house foster care",
        unit: "£ / week",
        items: NONE,
        help: "Allowances and fees a week for a child with in-house foster carers.",
        source: "Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01]: in-house foster care cost £360 a week in 2014 \
            (England £428); £360 × 1.02^6 = £405 at 2020 prices.",
    },
    Param {
        path: "costs.weekly.connected_person",
        group: G::CostsAndBudget,
        label: "Weekly cost, family and friends care",
        unit: "£ / week",
        items: NONE,
        help: "Allowance a week for a child with connected-person carers.",
        source: "Modelling assumption: the fostering allowance without fees. In 2018 the council set its charge to \
            parents in line with in-house foster care: £189.37 a week for ages 11-15 and £230.30 for 16-17 \
            (Corporate Parenting Panel [R-CPP-2018-07]); the default uses the higher.",
    },
    Param {
        path: "costs.weekly.ifa",
        group: G::CostsAndBudget,
        label: "Weekly cost, agency foster care",
        unit: "£ / week",
        items: NONE,
        help: "Fee a week for a child with independent fostering agency carers (the framework-pricing lever lowers \
            it).",
        source: "Scrutiny minutes Sep 2018 [R-ILSC-2018-09]: £11.5M projected for 278 agency placements (derived: \
            £11.5M / 278 / 52 ≈ £795 a week). Modelling assumption: 2% a year inflation, × 1.02^2 = £827 at 2020 \
            prices. (2014: £942 a week, England £864 [R-PSS-2014-01].)",
    },
    Param {
        path: "costs.weekly.in_house_residential",
        group: G::CostsAndBudget,
        label: "Weekly cost per child, council homes",
        unit: "£ / week",
        items: NONE,
        help: "Extra cost a week per child in a council home, on top of the home's running cost; 0 when the running \
            cost covers everything.",
        source: "Modelling assumption: 0, because council homes are costed per home (residential.homes.weekly_cost, \
            based on £2,481 a child a week in 2014 [R-PSS-2014-01]).",
    },
    Param {
        path: "costs.weekly.external_residential",
        group: G::CostsAndBudget,
        label: "Weekly cost, independent children's homes",
        unit: "£ / week",
        items: NONE,
        help: "Fee a week for a child in an independent children's home (the framework-pricing lever lowers it).",
        source: "Scrutiny minutes Sep 2018 [R-ILSC-2018-09]: £12.3M projected for 62 out-of-authority residential placements \
            (derived: £12.3M / 62 / 52 ≈ £3,800 a week). Modelling assumption: 2% a year inflation, × 1.02^2 ≈ \
            £3,950 at 2020 prices. (2014: £3,231 a week, England £2,960 [R-PSS-2014-01].)",
    },
    Param {
        path: "costs.weekly.supported_accommodation",
        group: G::CostsAndBudget,
        label: "Weekly cost, supported accommodation",
        unit: "£ / week",
        items: NONE,
        help: "Cost a week for a 16-17 year old in supported accommodation.",
        source: "Modelling assumption: £1,100; no price in the references.",
    },
    Param {
        path: "costs.weekly.placed_with_parents",
        group: G::CostsAndBudget,
        label: "Weekly cost, placed with parents",
        unit: "£ / week",
        items: NONE,
        help: "Placement cost a week for a child placed with parents.",
        source: "Modelling assumption: 0, no placement fee is paid; no figure in the references.",
    },
    Param {
        path: "costs.weekly.placed_for_adoption",
        group: G::CostsAndBudget,
        label: "Weekly cost, placed for adoption",
        unit: "£ / week",
        items: NONE,
        help: "Placement cost a week for a child living with prospective adopters.",
        source: "Modelling assumption: 0, adopters are not paid a placement fee; inter-agency fees (29 of 45 placements \
            in 2013/14 were with other agencies [R-PSS-2014-01]) are not modelled.",
    },
    Param {
        path: "costs.weekly.emergency",
        group: G::CostsAndBudget,
        label: "Weekly cost, emergency placements",
        unit: "£ / week",
        items: NONE,
        help: "Cost a week for a child in an emergency or unregistered placement.",
        source: "Modelling assumption: £6,000, well above independent residential care (£3,950); no price in the references, \
            which describe emergency provision for three to eight children at a time [R-SUFF-2020-07].",
    },
    Param {
        path: "costs.inflation_per_year",
        group: G::CostsAndBudget,
        label: "Yearly price inflation",
        unit: "yearly rate (0.03 = 3%)",
        items: NONE,
        help: "Yearly rise of all weekly costs, home running costs and recruitment costs.",
        source: "Modelling assumption: 2% a year; no figure in the references. (The default weekly costs were brought from \
            2014 and 2018 to 2020 prices at 2% a year [R-PSS-2014-01] and [R-ILSC-2018-09].)",
    },
    Param {
        path: "costs.cost_per_approval",
        group: G::CostsAndBudget,
        label: "Cost of recruiting one household",
        unit: "£",
        items: NONE,
        help: "Marketing, assessment and panel cost for each household approved, paid at approval.",
        source: "Modelling assumption: £8,000; no figure in the references.",
    },
    Param {
        path: "costs.budget_per_year",
        group: G::CostsAndBudget,
        label: "Placements budget a year",
        unit: "£ / year",
        items: NONE,
        help: "Budget for placement costs for a full financial year (April-March) at the start; part years are \
            pro rata. Results compare spending with it.",
        source: "Modelling assumption: no 2020 budget in the references. In August 2018 the two external placement budgets \
            were about £17.1M: out-of-authority residential £12.3M projected less £3.0M overspend, agency fostering \
            £11.5M less £3.7M (scrutiny minutes [R-ILSC-2018-09]); in June 2020 residential numbers were 'just one above \
            the budget profile' [R-SUFF-2020-07]. £30.5M is an illustrative figure only, about 10% below the modelled cost of the \
            2020 placements, homes and emergency placements at the default prices (about £34-35M a year), in keeping \
            with the council's reported overspends on placements; it is not the council's budget: \
            replace it with your council's own (per year, in the budget table).",
    },
    Param {
        path: "costs.budget_growth_per_year",
        group: G::CostsAndBudget,
        label: "Yearly growth of the budget",
        unit: "yearly rate (0.02 = 2%)",
        items: NONE,
        help: "Yearly rise of the placements budget.",
        source: "Modelling assumption: 2% a year; no figure in the references.",
    },
    Param {
        path: "costs.budget_by_year",
        group: G::CostsAndBudget,
        label: "Your budget for each financial year",
        unit: "£ / year",
        items: NONE,
        help: "Your council's placements budget for each financial year of the horizon (full-year figures, the first \
            financial year first). Years after the last one you give grow from it at the yearly growth of the \
            budget. Leave empty to use the placements budget a year above, grown each year.",
        source: "Modelling assumption: empty, so the illustrative placements budget a year is used; set your own.",
    },
];
