//! The catalogue entries of in-house foster carers and the recruitment funnel.

use super::text::*;
use super::{Group as G, Param};

/// In form order.
pub(super) const PARAMS: &[Param] = &[
    // ------------------------------------------------------------------ foster carers
    Param {
        path: "fostering.households",
        group: G::FosterCarers,
        label: "Approved foster households at the start",
        unit: "households",
        items: NONE,
        help: "In-house mainstream fostering households approved at the start. Each is approved for a number of \
            places (fostering.places) and takes adolescents or not (fostering.adolescent_share).",
        source: "Performance Report May 2018 [R-CPP-2018-07]: 152 households in May 2018 (156, 161 and 154 at the ends of \
            2015/16-2017/18). The fostering scorecard [R-SUFF-2020-07] shows a net change of -4 households in 2019/20 \
            and +4 in Apr-Jun 2020; no June 2020 total is published, so 150 is an estimate. By 2022 the number of \
            in-house carers 'has not increased' [R-CAB-2022-10].",
    },
    Param {
        path: "fostering.places",
        group: G::FosterCarers,
        label: "Places per household",
        unit: "share (0-1)",
        items: PLACES,
        help: "Chance that a starting household is approved for 1, 2 or 3 children at once.",
        source: "Modelling assumption: the default averages 1.4 places per household. Figures in the references: 164 \
            mainstream carers had 140 children and 60 full-time vacancies in January 2014, (derived: 1.22 places \
            each) [R-PSS-2014-01]; the 21 households that stopped in 2019/20 had 29 places and the 17 approved had 22 \
            (derived: 1.38 and 1.29 each) [R-SUFF-2020-07]; the report text gives 17 approved in 2017/18 with 27 \
            places (derived: 1.59 each), though its indicator 9.4 counts 16 households [R-CPP-2018-07].",
    },
    Param {
        path: "fostering.adolescent_share",
        group: G::FosterCarers,
        label: "Households that take adolescents",
        unit: "share (0-1)",
        items: NONE,
        help: "Share of starting households approved for young people aged 11-17 and children with complex needs; the \
            others take children up to fostering.standard_max_age only.",
        source: "Modelling assumption: no count in the references. In January 2014 only 5 of 60 full-time in-house vacancies \
            were for children aged 11-15, and in-house carers looked after more children under 10 than over 11 \
            (Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01]).",
    },
    Param {
        path: "fostering.standard_max_age",
        group: G::FosterCarers,
        label: "Oldest child for other households",
        unit: "age (years)",
        items: NONE,
        help: "Households that do not take adolescents take children up to this age (inclusive).",
        source: "Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01]: in-house vacancies were counted for ages 0-4, 5-10 \
            and 11-15, recruitment of carers for younger children had 'eradicated our need to use the independent \
            sector for children aged under 10', and few carers took older children. Modelling assumption: the strategy sets no age limit; 10 is our \
            inference from those age bands.",
    },
    Param {
        path: "fostering.mean_tenure_years",
        group: G::FosterCarers,
        label: "Average years since approval",
        unit: "years",
        items: NONE,
        help: "Average time since approval of the starting households (many recent, a few long-standing). It decides how many are \
            still in their first two years, when fostering.attrition_early applies.",
        source: "Modelling assumption: no figure in the references. With an average of 7 years about a quarter of households \
            (about 37 of 150, derived) are in their first two years, in line with approvals of 17 a year in 2019/20 \
            [R-SUFF-2020-07] and 13-32 a year in 2015/16-2017/18 [R-CPP-2018-07].",
    },
    Param {
        path: "fostering.attrition_early",
        group: G::FosterCarers,
        label: "Carers leaving in their first two years",
        unit: "a year",
        items: NONE,
        help: "How fast foster households approved less than two years ago stop fostering, as a yearly rate: 0.18 \
            means about 16% of them leave each year. The retention lever lowers it.",
        source: "Modelling assumption for the split; the total is calibrated. Households deregistered: 16, 22 and 25 a \
            year in 2015/16-2017/18 [R-CPP-2018-07] and 21 in 2019/20 [R-SUFF-2020-07]; with about 37 households in their \
            first two years at 0.18 and 113 later at 0.13 the default loses about 21 a year (early leaving is \
            set higher than later leaving). The references' own early \
            figure is lower: 4 carers resigned within two years of approval in the year to May 2018 [R-CPP-2018-07], \
            out of roughly 40-45 approved in those two years (about 0.1 a year), though the scrutiny minutes \
            [R-ILSC-2018-09] called early resignations a concern.",
    },
    Param {
        path: "fostering.attrition_later",
        group: G::FosterCarers,
        label: "Carers leaving after their first two years",
        unit: "a year",
        items: NONE,
        help: "How fast foster households approved two or more years ago stop fostering, as a yearly rate: 0.13 \
            means about 12% of them leave each year. The retention lever lowers it.",
        source: "Modelling assumption (see fostering.attrition_early): with the early rate it reproduces the 21-25 \
            households a year that stopped fostering (Performance Report May 2018 [R-CPP-2018-07]; scorecard 2019/20 \
            [R-SUFF-2020-07]). Reasons named: changes in family circumstances, bereavement and the stress of allegations \
            (LADO) (scrutiny minutes Sep 2018 [R-ILSC-2018-09]), and conversion to special guardianship (July 2020 \
            briefing, paragraph 2.3 [R-SUFF-2020-07]).",
    },
    Param {
        path: "fostering.sgo_conversion_share",
        group: G::FosterCarers,
        label: "Carers who leave by becoming special guardians",
        unit: "share (0-1)",
        items: NONE,
        help: "When a household with children stops fostering, the chance that it does so by becoming the children's \
            special guardians (they leave care with their carers); otherwise the children must be placed again.",
        source: "Modelling assumption: no figure in the references. The July 2020 briefing [R-SUFF-2020-07] says 2019/20's \
            approvals were 'outweighed by the number of de-registrations or conversions to Special Guardianship \
            Order arrangements', and the scrutiny minutes [R-ILSC-2018-09] report more foster carers taking up special \
            guardianship. A fit to a council's SSDA903 returns estimates it: special guardianship orders to former \
            foster carers (REC E43, E45, E46) from the council's own foster care, per child-year in that care, divided \
            by the households' yearly leaving rate (fostering.attrition_early and fostering.attrition_later); those orders are \
            then left out of the special guardianship exit route, so they are not counted twice. So a fitted share \
            belongs with the leaving rates it was divided by: in the app, correcting those rates (or \
            fostering.mean_tenure_years) adjusts a share still as fitted, to keep the returns' orders a child-year; \
            in a scenario file, change it in proportion by hand.",
    },
    Param {
        path: "fostering.usable_place_share",
        group: G::FosterCarers,
        label: "Approved places usable for full-time placements",
        unit: "share (0-1)",
        items: NONE,
        help: "Each approved place of a household is usable for a full-time placement with this chance, drawn when the \
            household is approved; the others stay vacant (approved for respite only, carers on a break, a child who \
            cannot be placed with the children already there). At the start, this share of all places is held back \
            from the places the starting children leave vacant. They count among the places and the vacancies. \
            1 = every place usable.",
        source: "Modelling assumption: 0.85, so that the built-in borough keeps about the 32 vacant places it starts with \
            (210 places, 178 children placed) instead of filling them. Rotherham's mainstream carers had 60 full-time \
            vacancies and 22 respite vacancies beside 140 children placed in January 2014 (Placement Sufficiency \
            Strategy [R-PSS-2014-01]): over a third of approved places unfilled.",
    },
    Param {
        path: "fostering.funnel.enquiries_per_month",
        group: G::FosterCarers,
        label: "Information visits a month",
        unit: "enquiries / month",
        items: NONE,
        help: "Average number of initial information visits to prospective carers a month (the scorecard's \
            'enquiries'); each is followed through the assessment steps below. Random around this average each \
            month; the recruitment lever multiplies it.",
        source: "Fostering scorecard, Sufficiency Monitor Jul 2020 [R-SUFF-2020-07]: 236 information visits in 2019/20 (derived: \
            236 / 12 = 19.7 a month; 15-36 a month from Oct 2019 to Jun 2020).",
    },
    Param {
        path: "fostering.funnel.to_visit",
        group: G::FosterCarers,
        label: "Information visit leads to a follow-up visit",
        unit: "share (0-1)",
        items: NONE,
        help: "Chance that an information visit leads to a follow-up visit.",
        source: "Fostering scorecard [R-SUFF-2020-07]: 82 follow-up visits from 236 information visits in 2019/20, 82 / 236 = \
            0.347.",
    },
    Param {
        path: "fostering.funnel.to_stage1",
        group: G::FosterCarers,
        label: "Follow-up visit leads to an assessment",
        unit: "share (0-1)",
        items: NONE,
        help: "Chance that a follow-up visit leads to a stage 1 assessment starting.",
        source: "Fostering scorecard [R-SUFF-2020-07]: 47 assessments started from 82 follow-up visits in 2019/20, 47 / 82 = \
            0.573.",
    },
    Param {
        path: "fostering.funnel.to_stage2",
        group: G::FosterCarers,
        label: "Stage 1 leads to stage 2",
        unit: "share (0-1)",
        items: NONE,
        help: "Chance that an applicant in stage 1 of the assessment goes on to stage 2.",
        source: "Fostering scorecard [R-SUFF-2020-07]: 17 households approved from 47 assessments started in 2019/20, 17 / 47 \
            = 0.36 overall. The split 0.6 × 0.6 between stage 1 and stage 2 is a modelling assumption.",
    },
    Param {
        path: "fostering.funnel.to_approval",
        group: G::FosterCarers,
        label: "Stage 2 leads to approval",
        unit: "share (0-1)",
        items: NONE,
        help: "Chance that an applicant in stage 2 is approved by the fostering panel.",
        source: "Fostering scorecard [R-SUFF-2020-07]: 17 / 47 = 0.36 of assessments started ended in approval in 2019/20; \
            0.6 here and 0.6 for stage 1 give that (the split is a modelling assumption).",
    },
    Param {
        path: "fostering.funnel.visit_delay_months",
        group: G::FosterCarers,
        label: "Wait for the follow-up visit",
        unit: "months",
        items: NONE,
        help: "Average months from information visit to follow-up visit (many sooner, a few much later).",
        source: "Modelling assumption: half a month; no figure in the references.",
    },
    Param {
        path: "fostering.funnel.stage1_delay_months",
        group: G::FosterCarers,
        label: "Wait for the assessment to start",
        unit: "months",
        items: NONE,
        help: "Average months from follow-up visit to the start of the stage 1 assessment.",
        source: "Modelling assumption: one month; no figure in the references.",
    },
    Param {
        path: "fostering.funnel.stage2_delay_months",
        group: G::FosterCarers,
        label: "Time in stage 1",
        unit: "months",
        items: NONE,
        help: "Average months from the start of the assessment to stage 2 (the length of stage 1).",
        source: "Fostering scorecard [R-SUFF-2020-07]: stage 1 assessments open at month end averaged 17.7 (11-25) from Oct \
            2019 to Jun 2020 against 47 starts a year (3.9 a month), so an assessment spent about 17.7 / 3.9 = 4.5 \
            months in stage 1.",
    },
    Param {
        path: "fostering.funnel.approval_delay_months",
        group: G::FosterCarers,
        label: "Time in stage 2 (to panel)",
        unit: "months",
        items: NONE,
        help: "Average months from the start of stage 2 to approval at panel.",
        source: "Fostering scorecard [R-SUFF-2020-07]: stage 2 assessments open at month end averaged 3.0 (2-5) from Oct 2019 \
            to Jun 2020 against about 2.4 entering stage 2 a month (17 approvals a year / 0.6), about 1.3 months; \
            the default 1.5 is close to that.",
    },
    Param {
        path: "fostering.funnel.new_places",
        group: G::FosterCarers,
        label: "Places per newly approved household",
        unit: "share (0-1)",
        items: PLACES,
        help: "Chance that a newly approved household is approved for 1, 2 or 3 children.",
        source: "Fostering scorecard [R-SUFF-2020-07]: 17 households approved in 2019/20 with 22 places (derived: 1.29 \
            each); \
            Performance Report May 2018 [R-CPP-2018-07]: 17 households with 27 places in 2017/18 in the report text \
            (derived: 1.59 each), though its indicator 9.4 counts 16 households. The default averages 1.35.",
    },
    Param {
        path: "fostering.funnel.new_adolescent_share",
        group: G::FosterCarers,
        label: "New households that take adolescents",
        unit: "share (0-1)",
        items: NONE,
        help: "Share of newly approved households that take young people aged 11-17 and complex needs; the \
            adolescent-carers lever raises it.",
        source: "Performance Report May 2018 [R-CPP-2018-07]: 6 of the 15 households booked for approval in June 2018 \
            could offer placements for adolescents, 40%, which the report singled out as significant.",
    },
];
