//! What each kind of strategy lever does and what its ready-made strength rests on:
//! [`LeverKind::help`], and [`lever_help`](super::lever_help) by the kind's key.

use serde::Serialize;

use crate::scenario::LeverKind;

/// What a lever kind does (`help`) and where its ready-made values come from (`source`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct LeverHelp {
    /// The kind's [`LeverKind::key`].
    pub key: &'static str,
    pub help: &'static str,
    pub source: &'static str,
}

const RECRUITMENT_BOOST: LeverHelp = LeverHelp {
    key: "recruitment_boost",
    help: "More enquiries and better conversion through the recruitment funnel (digital marketing, a recruitment \
        website, targeted campaigns). Multiplies the information visits a month and the overall chance that \
        one ends in approval.",
    source: "Sufficiency Monitor Jul 2020 [R-SUFF-2020-07]: the recruitment website launched in September 2019 and \
        information visits rose from about 16 to 23.5 a month (derived from the 2019/20 \
        totals); Cabinet report Oct 2022 [R-CAB-2022-10]: \
        'significant investment in a digital marketing contract', but in 2021 recruitment missed its target; \
        targeted recruitment of Muslim carers (scrutiny minutes [R-ILSC-2018-09]). Ready-made: × 1.5 enquiries, \
        × 1.2 conversion, £250,000 a year (modelling assumptions).",
};

const ADOLESCENT_CARERS: LeverHelp = LeverHelp {
    key: "adolescent_carers",
    help: "Fostering Plus: more new households approved for adolescents and complex needs, extra such households \
        recruited directly, and a weekly fee uplift for them.",
    source: "Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01], recommendation 1: fee-paid, therapeutically \
        supported carers for older children and complex needs, funded 'pay as you go' from the out-of-authority \
        budget; 6 of 15 households awaiting approval in June 2018 could take adolescents [R-CPP-2018-07]. \
        Ready-made: half of new households, 4 extra a year, £200 a week more, £100,000 a year (modelling \
        assumptions).",
};

const RETENTION: LeverHelp = LeverHelp {
    key: "retention",
    help: "A retention programme for in-house carers: lowers the rates at which households stop fostering.",
    source: "Scrutiny minutes Sep 2018 [R-ILSC-2018-09]: support package review after exit interviews, Mockingbird hubs, \
        a faster LADO process and better first-year support; Cabinet report Oct 2022 [R-CAB-2022-10]: resignations \
        meant carer numbers did not grow, so the programme now focuses on retention as well as recruitment. \
        Ready-made: 30% lower attrition for £150,000 a year (modelling assumptions).",
};

const NEW_HOMES: LeverHelp = LeverHelp {
    key: "new_homes",
    help: "Opens new council children's homes, each with its beds, usable beds, ages, opening month and weekly \
        running cost.",
    source: "Sufficiency Monitor Jul 2020 [R-SUFF-2020-07] and Cabinet report Oct 2022 [R-CAB-2022-10]: 16 beds plus 2 \
        emergency beds across 7 settings, opened in phases from Pegasus House (July 2020); 3 homes open by \
        2022, with 6 young people living in them since opening (no reason given). Modelling assumption: \
        matching children who can safely live together leaves beds empty, so the ready-made programme has 18 \
        beds, 10 usable.",
};

const STEP_DOWN: LeverHelp = LeverHelp {
    key: "step_down",
    help: "Moves children from residential care into in-house or agency foster care, a number a year, up to a \
        maximum age.",
    source: "Sufficiency Monitor Jul 2020 [R-SUFF-2020-07]: workshops with agencies to offer step-down placements for \
        young people previously in residential care; Cabinet report Oct 2022 [R-CAB-2022-10]: 'successful step \
        down from residential care into foster care settings'. Ready-made: 8 children a year up to age 15, \
        £60,000 a year (modelling assumptions).",
};

const EDGE_OF_CARE: LeverHelp = LeverHelp {
    key: "edge_of_care",
    help: "Edge-of-care work that prevents some admissions of young people aged 10 and over.",
    source: "Scrutiny minutes Sep 2018 [R-ILSC-2018-09]: Edge of Care panel, and 72-hour intensive assessments \
        with the family instead of interim care orders; over the same period care proceedings fell from 19.5 to \
        15.4 a month (reported side by side, not as cause and effect). Cabinet \
        report Oct 2022 [R-CAB-2022-10]: more young people aged 10+ to be cared for safely in their families. \
        Ready-made: 20% fewer admissions aged 10+, £500,000 a year (modelling assumptions).",
};

const PERMANENCE_DRIVE: LeverHelp = LeverHelp {
    key: "permanence_drive",
    help: "Faster special guardianship and reunification: shortens the time in care of children whose plan is \
        return home or special guardianship.",
    source: "Scrutiny minutes Sep 2018 [R-ILSC-2018-09] and Performance Report May 2018 [R-CPP-2018-07]: Right Child Right \
        Care permanence reviews, special guardianship and child arrangements orders, the Coming Home project; \
        34 of 169 children in scope discharged by May 2018. Ready-made: 20% sooner, £200,000 a year \
        (modelling assumptions).",
};

const FRAMEWORK_PRICING: LeverHelp = LeverHelp {
    key: "framework_pricing",
    help: "Regional purchasing frameworks that lower agency fostering and independent residential fees.",
    source: "Sufficiency Monitor Jul 2020 [R-SUFF-2020-07]: Rotherham rejoined the White Rose fostering framework in \
        April 2020; Cabinet report Oct 2022 [R-CAB-2022-10]: 'off framework' providers reduced buying power; \
        Rotherham paid about 9% above the England average for both in 2014 [R-PSS-2014-01]. Ready-made: 5% lower \
        fees at no running cost (modelling assumptions).",
};

const SUPPORTED_ACCOMMODATION: LeverHelp = LeverHelp {
    key: "supported_accommodation",
    help: "Adds supported accommodation places for 16-17 year olds, tried right after in-house foster care for those \
        whose rule lists it as suitable (not ahead of care for those whose needs call for care), at their own \
        weekly price.",
    source: "Sufficiency Monitor Jul 2020 [R-SUFF-2020-07] and Cabinet report Oct 2022 [R-CAB-2022-10]: a 16+ support and \
        accommodation flexible purchasing system, live January 2021, and joint work with Adult Care and \
        Housing for 16-17 year olds; Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01]: supported lodgings \
        and Staying Put. Ready-made: 10 places at £900 a week (modelling assumptions).",
};

/// Every kind, in the order of [`LeverKind`]'s variants.
pub(super) const ALL: [LeverHelp; 9] = [
    RECRUITMENT_BOOST,
    ADOLESCENT_CARERS,
    RETENTION,
    NEW_HOMES,
    STEP_DOWN,
    EDGE_OF_CARE,
    PERMANENCE_DRIVE,
    FRAMEWORK_PRICING,
    SUPPORTED_ACCOMMODATION,
];

impl LeverKind {
    /// What this kind of lever does and what its ready-made strength rests on.
    pub fn help(&self) -> LeverHelp {
        match self {
            LeverKind::RecruitmentBoost { .. } => RECRUITMENT_BOOST,
            LeverKind::AdolescentCarers { .. } => ADOLESCENT_CARERS,
            LeverKind::Retention { .. } => RETENTION,
            LeverKind::NewHomes { .. } => NEW_HOMES,
            LeverKind::StepDown { .. } => STEP_DOWN,
            LeverKind::EdgeOfCare { .. } => EDGE_OF_CARE,
            LeverKind::PermanenceDrive { .. } => PERMANENCE_DRIVE,
            LeverKind::FrameworkPricing { .. } => FRAMEWORK_PRICING,
            LeverKind::SupportedAccommodation { .. } => SUPPORTED_ACCOMMODATION,
        }
    }
}
