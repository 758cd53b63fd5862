//! The catalogue entries of strategy levers (each lever's fields) and the run settings.

use super::text::*;
use super::{Group as G, Param};

/// In form order.
pub(super) const PARAMS: &[Param] = &[
    // ------------------------------------------------------------------ strategy levers
    Param {
        path: "levers",
        group: G::StrategyLevers,
        label: "Strategy levers",
        unit: "levers",
        items: NONE,
        help: "Actions pulled on top of the baseline, each with a start month, a ramp to full effect and a yearly \
            cost. The baseline has none; each ready-made strategy adds some.",
        source: "The actions the references name: recruitment and retention of carers, Fostering Plus, in-house homes, \
            step-down, edge-of-care work, permanence, regional frameworks and 16+ accommodation ([R-SUFF-2020-07], [R-CAB-2022-10] \
            , [R-ILSC-2018-09], [R-PSS-2014-01]). The strength and cost of each ready-made lever is a modelling assumption \
            unless its entry says otherwise.",
    },
    Param {
        path: "levers.start_month",
        group: G::StrategyLevers,
        label: "Month the lever starts",
        unit: "months from the start",
        items: NONE,
        help: "Months from the start when the lever begins to act and its yearly cost begins.",
        source: "Modelling assumption: the ready-made strategies start at month 0 (July 2020), step-down at month 3; \
            the references date these actions between 2019 and 2022 [R-SUFF-2020-07], [R-CAB-2022-10].",
    },
    Param {
        path: "levers.ramp_months",
        group: G::StrategyLevers,
        label: "Months to full effect",
        unit: "months",
        items: NONE,
        help: "The effect grows in a straight line from the start month to full strength over this many months (0 = \
            at once). The cost does not ramp.",
        source: "Modelling assumption: 6-12 months in the ready-made strategies (0 for new homes, which have their own \
            opening months); the July 2020 briefing [R-SUFF-2020-07] says COVID affected the 'pace rather than \
            preventing progress'.",
    },
    Param {
        path: "levers.annual_cost",
        group: G::StrategyLevers,
        label: "Running cost a year",
        unit: "£ / year",
        items: NONE,
        help: "Cost a year, paid in full from the start month (even while the effect ramps up) and added to the \
            placement costs.",
        source: "Modelling assumption: the references give no costs for individual actions, only £12M of extra investment in \
            the service (scrutiny minutes [R-ILSC-2018-09]) and 'significant investment in a digital marketing contract' \
            [R-CAB-2022-10]. Ready-made values: recruitment £250,000, Fostering Plus £100,000, retention £150,000, \
            step-down £60,000, edge of care £500,000, permanence £200,000; new homes, framework pricing and \
            supported accommodation £0 because their costs are in their own prices.",
    },
    Param {
        path: "levers.kind.type",
        group: G::StrategyLevers,
        label: "Lever",
        unit: "choice",
        items: NONE,
        help: "Which action the lever takes: more recruitment, carers for adolescents, retention, new homes, step-down, \
            edge of care, a permanence drive, framework pricing or supported accommodation.",
        source: "The actions named in the references [R-SUFF-2020-07], [R-CAB-2022-10], [R-ILSC-2018-09], [R-PSS-2014-01]; see each lever's own help.",
    },
    Param {
        path: "levers.kind.enquiry_multiplier",
        group: G::StrategyLevers,
        label: "Recruitment: more information visits",
        unit: "multiplier",
        items: NONE,
        help: "Multiplies the information visits a month (fostering.funnel.enquiries_per_month); 1.5 = half as many \
            again.",
        source: "Sufficiency Monitor Jul 2020 [R-SUFF-2020-07]: after the recruitment website launched at the end of September \
            2019, information visits rose from about 16 a month to 23.5 a month (derived: 236 - 141 = 95 in Apr-Sep \
            2019, 141 in Oct 2019-Mar 2020), a factor of about 1.5. The baseline 19.7 a month already includes six months with the \
            website, so 1.5 on top of it is optimistic.",
    },
    Param {
        path: "levers.kind.conversion_multiplier",
        group: G::StrategyLevers,
        label: "Recruitment: better conversion",
        unit: "multiplier",
        items: NONE,
        help: "Multiplies the overall chance that an information visit ends in approval (spread evenly over the four \
            steps of the funnel).",
        source: "Modelling assumption: 1.2. The Performance Report May 2018 [R-CPP-2018-07] reports conversion from \
            expression of interest to approval rising from 11% to 16% (× 1.45) as recruitment improved.",
    },
    Param {
        path: "levers.kind.new_adolescent_share",
        group: G::StrategyLevers,
        label: "Fostering Plus: new households taking adolescents",
        unit: "share (0-1)",
        items: NONE,
        help: "Share of newly approved households that take adolescents and complex needs while the lever acts (it \
            raises fostering.funnel.new_adolescent_share); they are paid the fee uplift.",
        source: "Modelling assumption: 0.5 for a targeted campaign. Fostering Plus is recommendation 1 of the 2014 \
            strategy [R-PSS-2014-01] (the 2020 and 2022 papers do not name it); 6 of the 15 households booked for \
            approval in June 2018 could take adolescents, 40% [R-CPP-2018-07].",
    },
    Param {
        path: "levers.kind.extra_households_per_year",
        group: G::StrategyLevers,
        label: "Fostering Plus: extra households a year",
        unit: "households / year",
        items: NONE,
        help: "Adolescent households a year recruited directly, on top of the funnel.",
        source: "Modelling assumption: 4 a year; no figure in the references (Fostering Plus [R-PSS-2014-01]).",
    },
    Param {
        path: "levers.kind.weekly_fee_uplift",
        group: G::StrategyLevers,
        label: "Fostering Plus: extra weekly fee",
        unit: "£ / week",
        items: NONE,
        help: "Extra fee a week for each child placed with a Fostering Plus household (with several Fostering Plus \
            levers, the highest of their fees: a household is paid one uplift).",
        source: "Modelling assumption: £200; no fee in the references. The 2014 strategy [R-PSS-2014-01] describes Fostering Plus \
            carers as 'fee paid and therapeutically supported' and the in-house package as uncompetitive (£360 a \
            week against £428 nationally).",
    },
    Param {
        path: "levers.kind.attrition_multiplier",
        group: G::StrategyLevers,
        label: "Retention: change in carers leaving",
        unit: "multiplier",
        items: NONE,
        help: "Multiplies both attrition rates (0.7 = 30% fewer households leaving).",
        source: "Modelling assumption: 0.7. The references name the measures, a review of the support package, Mockingbird \
            hubs, a faster LADO process and better first-year support (scrutiny minutes Sep 2018 [R-ILSC-2018-09]), and \
            the 2022 shift to retention [R-CAB-2022-10], but give no effect size.",
    },
    Param {
        path: "levers.kind.homes",
        group: G::StrategyLevers,
        label: "New homes",
        unit: "homes",
        items: NONE,
        help: "Homes the lever opens, each described like residential.homes (their fields share those entries); a home \
            opens in its opening month or the lever's start month, whichever is later.",
        source: "Sufficiency Monitor Jul 2020 [R-SUFF-2020-07] and Cabinet report Oct 2022 [R-CAB-2022-10]: 16 beds plus 2 \
            emergency beds across 7 settings; Pegasus House registered July 2020 and two two-bed homes in phase \
            two; 4 homes bought and 3 opened by 2022, but only 6 young people had lived in them. The ready-made \
            programme (18 beds, 10 usable, opening in months 3-24, £5,200-£9,600 a week each) is a modelling \
            assumption built on those facts.",
    },
    Param {
        path: "levers.kind.children_per_year",
        group: G::StrategyLevers,
        label: "Step-down: children moved a year",
        unit: "children / year",
        items: NONE,
        help: "Children a year moved from residential care (council or independent) to in-house or agency foster care, \
            where a foster place fits.",
        source: "Modelling assumption: 8 a year; no number in the references. The July 2020 briefing [R-SUFF-2020-07] describes \
            workshops with agencies to offer step-down placements, and the 2022 report [R-CAB-2022-10] 'successful step \
            down from residential care into foster care settings'.",
    },
    Param {
        path: "levers.kind.max_age",
        group: G::StrategyLevers,
        label: "Step-down: oldest age moved",
        unit: "age (years)",
        items: NONE,
        help: "Oldest age (inclusive) of the children the step-down lever moves.",
        source: "Modelling assumption: 15, leaving 16-17 year olds to supported accommodation [R-SUFF-2020-07]; no figure in \
            the references.",
    },
    Param {
        path: "levers.kind.admissions_multiplier",
        group: G::StrategyLevers,
        label: "Edge of care: admissions aged 10+",
        unit: "multiplier",
        items: NONE,
        help: "Multiplies admissions whose first child is 10 or older (0.8 = one in five prevented).",
        source: "Scrutiny minutes Sep 2018 [R-ILSC-2018-09]: the Edge of Care panel and 72-hour assessments are reported \
            alongside a fall in care proceedings from 19.5 a month in 2017/18 to 15.4 so far in 2018/19 (× 0.79), \
            not as its cause. Modelling assumption: edge-of-care work prevents one in five admissions aged 10+ \
            (0.8), about the size of that fall. The 2023-28 strategy [R-CAB-2022-10] aims for more young people aged 10+ \
            to be cared for safely in their families.",
    },
    Param {
        path: "levers.kind.duration_multiplier",
        group: G::StrategyLevers,
        label: "Permanence drive: time to leave care",
        unit: "multiplier",
        items: NONE,
        help: "Multiplies the remaining time in care of children whose plan is return home or special guardianship \
            (0.8 = 20% sooner), including children already in care.",
        source: "Modelling assumption: 0.8; no effect size in the references. Right Child Right Care had discharged 34 of \
            169 children in scope (20%) and 13 others by May 2018, and discharges had fallen from 19 to 12 a month \
            when social workers were stretched (Performance Report May 2018 [R-CPP-2018-07]).",
    },
    Param {
        path: "levers.kind.ifa_multiplier",
        group: G::StrategyLevers,
        label: "Framework pricing: agency foster fees",
        unit: "multiplier",
        items: NONE,
        help: "Multiplies the weekly agency fostering fee (0.95 = 5% lower).",
        source: "Modelling assumption: 0.95. Rotherham paid 9% more than the England average for agency fostering in \
            2014, £942 against £864 [R-PSS-2014-01]; it rejoined the White Rose framework in April 2020, which challenged \
            fee increases [R-SUFF-2020-07], though providers working 'off framework' weakened its buying power [R-CAB-2022-10].",
    },
    Param {
        path: "levers.kind.residential_multiplier",
        group: G::StrategyLevers,
        label: "Framework pricing: independent home fees",
        unit: "multiplier",
        items: NONE,
        help: "Multiplies the weekly independent children's home fee (0.95 = 5% lower).",
        source: "Modelling assumption: 0.95. Rotherham paid 9% more than the England average for independent \
            residential care in 2014, £3,231 against £2,960, and bought it through the White Rose contract \
            [R-PSS-2014-01]; regional buying power was weakened by providers working 'off framework' [R-CAB-2022-10].",
    },
    Param {
        path: "levers.kind.places",
        group: G::StrategyLevers,
        label: "Supported accommodation: extra places",
        unit: "places",
        items: NONE,
        help: "Extra supported accommodation places for 16-17 year olds; while the lever acts, supported accommodation \
            is tried right after in-house foster care for young people whose rule lists it as suitable.",
        source: "Modelling assumption: 10 places; no count in the references. The 16+ flexible purchasing system ([R-SUFF-2020-07], \
            [R-CAB-2022-10]) and the 2014 semi-independent units of 6 and 10 places [R-PSS-2014-01].",
    },
    Param {
        path: "levers.kind.weekly_cost",
        group: G::StrategyLevers,
        label: "Supported accommodation: weekly cost of a lever place",
        unit: "£ / week",
        items: NONE,
        help: "Cost a week of each place the lever adds (children above the market's own limit). When the market has \
            no limit (markets.supported_accommodation.limit empty), there is nothing beyond it: every place costs \
            costs.weekly.supported_accommodation and the lever only moves supported accommodation up the matching \
            order. With several such levers, their places are priced at the average of their costs, weighted by the \
            places each adds.",
        source: "Modelling assumption: £900, below the baseline £1,100 (costs.weekly.supported_accommodation); no price \
            in the references (16+ framework [R-SUFF-2020-07]).",
    },
];

/// The run settings, which are not part of a scenario (their group is nominal).
pub(super) const RUN_PARAMS: &[Param] = &[
    Param {
        path: "seed",
        group: G::StrategyLevers,
        label: "Random seed",
        unit: "number",
        items: NONE,
        help: "Master seed for the random numbers. The same seed, scenario and settings give the same results, and \
            scenarios run with the same seed share their random draws, so differences between them come from the \
            assumptions.",
        source: "Modelling assumption: 20200701, the start date 1 July 2020 (the references' last month is June 2020, \
            [R-SUFF-2020-07]).",
    },
    Param {
        path: "replications",
        group: G::StrategyLevers,
        label: "Number of runs",
        unit: "runs",
        items: NONE,
        help: "How many Monte Carlo runs to make; results show the spread across runs. More runs give steadier \
            answers but take longer.",
        source: "Modelling assumption: 1,000 runs.",
    },
    Param {
        path: "horizon_months",
        group: G::StrategyLevers,
        label: "Months simulated",
        unit: "months",
        items: NONE,
        help: "How many months to simulate (1-120).",
        source: "Modelling assumption: 60 months, July 2020 to June 2025, a five-year view like the 2023-2028 strategy \
            (Cabinet report Oct 2022 [R-CAB-2022-10]).",
    },
    Param {
        path: "uncertainty",
        group: G::StrategyLevers,
        label: "Include uncertainty in the assumptions",
        unit: "on / off",
        items: NONE,
        help: "Off: the bands show chance only (the same assumptions in every run). On: each run also draws the \
            uncertain assumptions from their plausible ranges (most likely near the value given, never beyond the \
            range), the same for every scenario, so the bands show both chance and not knowing the inputs.",
        source: "Modelling assumption: off, so results are as before; the ranges and their reasons are given with \
            each uncertain assumption.",
    },
];
