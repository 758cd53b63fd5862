//! The catalogue entries of how children leave care: exit routes by age at entry and the
//! three duration distributions.

use super::text::*;
use super::{Group as G, Param};

/// In form order.
pub(super) const PARAMS: &[Param] = &[
    // ------------------------------------------------------------------ exits
    Param {
        path: "exits.route_by_entry_age",
        group: G::Exits,
        label: "How care ends, by age at entry",
        unit: "share (0-1)",
        items: AGE_BANDS,
        help: "One row per age band at entry. Each row gives the chances that the child's care ends by return home, \
            special guardianship or child arrangements order, adoption, or staying until 18 (in that order), and \
            sums to 1. A child whose planned time would take them past 18 leaves at 18.",
        source: "Modelling assumption checked against the leavers: in 2016/17 and 2017/18, 27.9% and 27.3% of children \
            leaving care left to permanence (special guardianship, residence order or adoption), 9.8% and 8.2% by \
            special guardianship and 14.4% and 13.9% by adoption (Performance Report May 2018 [R-CPP-2018-07]). Weighted \
            by age at entry the default sends about 43% of admissions home, 13% to special guardianship or a child \
            arrangements order (as the 13-14% of leavers those years), 15% to adoption and 30% to 18. Adoption \
            is mostly under 5: 23 of 33 children placed for adoption in Jan 2014 were under 5 [R-PSS-2014-01].",
    },
    Param {
        path: "exits.return_home",
        group: G::Exits,
        label: "Time in care before returning home",
        unit: "distribution (months)",
        items: NONE,
        help: "How long, from entering care, a child whose plan is to return home stays in care: the average is set here \
            (the shape of the spread around it is shown with the modelling detail); the permanence-drive lever shortens it.",
        source: "Modelling assumption: no durations in the references. An average of 14 months, widely spread \
            (many short stays and some long ones). The references describe children returned home \
            within two weeks after a 72-hour assessment (scrutiny minutes [R-ILSC-2018-09]) and discharges falling from 19 to \
            12 a month when social workers were stretched [R-CPP-2018-07].",
    },
    Param {
        path: "exits.return_home.family",
        group: G::Exits,
        label: "Shape of the time to return home",
        unit: "choice",
        items: NONE,
        help: FAMILY_HELP,
        source: FAMILY_SOURCE,
    },
    Param {
        path: "exits.return_home.mean_months",
        group: G::Exits,
        label: "Average time to return home",
        unit: "months",
        items: NONE,
        help: MEAN_HELP,
        source: "Modelling assumption: 14 months; no figure in the references (see exits.return_home).",
    },
    Param {
        path: "exits.return_home.shape",
        group: G::Exits,
        label: "Spread of the time to return home",
        unit: "gamma shape",
        items: NONE,
        help: SHAPE_HELP,
        source: "Modelling assumption: 1.2, close to exponential; no figure in the references.",
    },
    Param {
        path: "exits.return_home.median_months",
        group: G::Exits,
        label: "Median time to return home",
        unit: "months",
        items: NONE,
        help: MEDIAN_HELP,
        source: UNUSED_LOGNORMAL,
    },
    Param {
        path: "exits.return_home.sigma",
        group: G::Exits,
        label: "Spread of the time to return home (lognormal)",
        unit: "log-scale spread",
        items: NONE,
        help: SIGMA_HELP,
        source: UNUSED_LOGNORMAL,
    },
    Param {
        path: "exits.return_home.points",
        group: G::Exits,
        label: "Time to return home, point by point",
        unit: "(months, cumulative share) pairs",
        items: NONE,
        help: POINTS_HELP,
        source: UNUSED_POINTS,
    },
    Param {
        path: "exits.special_guardianship",
        group: G::Exits,
        label: "Time in care before special guardianship",
        unit: "distribution (months)",
        items: NONE,
        help: "How long, from entering care, a child whose plan is a special guardianship or child arrangements order \
            stays in care: the average is set here (the shape of the spread around it is shown with the modelling detail). The \
            permanence-drive lever shortens it.",
        source: "Modelling assumption: no durations in the references. An average of 24 months, with 8 in 10 children \
            leaving between about 9 and 43 months. Special guardianship was 9.8% and 8.2% of leavers in 2016/17 and \
            2017/18 (Performance Report May 2018 [R-CPP-2018-07]), and most Regulation 24 family placements were \
            converted to special guardianship or child arrangements orders during care proceedings (scrutiny \
            minutes [R-ILSC-2018-09]).",
    },
    Param {
        path: "exits.special_guardianship.family",
        group: G::Exits,
        label: "Shape of the time to special guardianship",
        unit: "choice",
        items: NONE,
        help: FAMILY_HELP,
        source: FAMILY_SOURCE,
    },
    Param {
        path: "exits.special_guardianship.mean_months",
        group: G::Exits,
        label: "Average time to special guardianship",
        unit: "months",
        items: NONE,
        help: MEAN_HELP,
        source: "Modelling assumption: 24 months; no figure in the references (see exits.special_guardianship).",
    },
    Param {
        path: "exits.special_guardianship.shape",
        group: G::Exits,
        label: "Spread of the time to special guardianship",
        unit: "gamma shape",
        items: NONE,
        help: SHAPE_HELP,
        source: "Modelling assumption: 3, so most orders come one to three years after entry; no figure in the references.",
    },
    Param {
        path: "exits.special_guardianship.median_months",
        group: G::Exits,
        label: "Median time to special guardianship",
        unit: "months",
        items: NONE,
        help: MEDIAN_HELP,
        source: UNUSED_LOGNORMAL,
    },
    Param {
        path: "exits.special_guardianship.sigma",
        group: G::Exits,
        label: "Spread of the time to special guardianship (lognormal)",
        unit: "log-scale spread",
        items: NONE,
        help: SIGMA_HELP,
        source: UNUSED_LOGNORMAL,
    },
    Param {
        path: "exits.special_guardianship.points",
        group: G::Exits,
        label: "Time to special guardianship, point by point",
        unit: "(months, cumulative share) pairs",
        items: NONE,
        help: POINTS_HELP,
        source: UNUSED_POINTS,
    },
    Param {
        path: "exits.adoption",
        group: G::Exits,
        label: "Time in care before the adoption order",
        unit: "distribution (months)",
        items: NONE,
        help: "How long, from entering care, a child whose plan is adoption stays in care, up to the adoption order \
            (the average is set here; the shape of the spread is shown with the modelling detail); the child moves to the adopters \
            exits.adoption_placement_lead_days before it.",
        source: "Performance Report May 2018 [R-CPP-2018-07]: the average time from entering care to moving in with the \
            adopters (A1) was 325 days in 2017/18 (296-404 days in 2014/15-2016/17; England 558). The default \
            order comes on average 21 months (about 640 days) after entry, fairly regularly, and the move \
            exits.adoption_placement_lead_days (300) before that, so about 340 days after entry (derived), close to \
            the 2017/18 average of 325 days and below the 469 days of the year to May 2018.",
    },
    Param {
        path: "exits.adoption.family",
        group: G::Exits,
        label: "Shape of the time to adoption",
        unit: "choice",
        items: NONE,
        help: FAMILY_HELP,
        source: FAMILY_SOURCE,
    },
    Param {
        path: "exits.adoption.mean_months",
        group: G::Exits,
        label: "Average time to the adoption order",
        unit: "months",
        items: NONE,
        help: MEAN_HELP,
        source: "Modelling assumption: 21 months, set against the A1 average of 325 days to placement in 2017/18 plus \
            the time with adopters before the order (Performance Report May 2018 [R-CPP-2018-07]; see exits.adoption).",
    },
    Param {
        path: "exits.adoption.shape",
        group: G::Exits,
        label: "Spread of the time to adoption",
        unit: "gamma shape",
        items: NONE,
        help: SHAPE_HELP,
        source: "Modelling assumption: 4 (fairly regular, coefficient of variation 0.5); A1 averages ranged 296-404 days \
            a year in 2014/15-2016/17 [R-CPP-2018-07], but the references give no spread for individual children.",
    },
    Param {
        path: "exits.adoption.median_months",
        group: G::Exits,
        label: "Median time to the adoption order",
        unit: "months",
        items: NONE,
        help: MEDIAN_HELP,
        source: UNUSED_LOGNORMAL,
    },
    Param {
        path: "exits.adoption.sigma",
        group: G::Exits,
        label: "Spread of the time to adoption (lognormal)",
        unit: "log-scale spread",
        items: NONE,
        help: SIGMA_HELP,
        source: UNUSED_LOGNORMAL,
    },
    Param {
        path: "exits.adoption.points",
        group: G::Exits,
        label: "Time to adoption, point by point",
        unit: "(months, cumulative share) pairs",
        items: NONE,
        help: POINTS_HELP,
        source: UNUSED_POINTS,
    },
    Param {
        path: "exits.adoption_placement_lead_days",
        group: G::Exits,
        label: "Time with adopters before the adoption order",
        unit: "days",
        items: NONE,
        help: "A child whose plan is adoption moves to the adoptive placement (placed for adoption) this many days \
            before the adoption order ends their time in care; a child whose order comes sooner than that after \
            entering care is placed with the adopters from the start (early permanence).",
        source: "Performance Report May 2018 [R-CPP-2018-07]: a placement must last at least 10 weeks before the adoption \
            application, and courts then took about 12 weeks (up from 6) to hear it, so at least about 150 days; \
            the same report had 24 children living with adopters against 27 adoptions in 2017/18 and 5 in April \
            and May 2018 (derived: 27-30 a year, 30 annualising the two months; 24 / 27 is about 11 months, \
            and 24 / 30 about 300 days, with the adopters before the order), which the default uses.",
    },
    Param {
        path: "exits.staying_put_share",
        group: G::Exits,
        label: "Care leavers who stay put",
        unit: "share (0-1)",
        items: NONE,
        help: "Share of young people turning 18 with in-house foster carers who stay on with them (Staying Put); each \
            keeps one of the household's places for exits.staying_put_months.",
        source: "Modelling assumption: the references give a count, not a share: 13 care leavers were in Staying Put or \
            supported lodgings arrangements in January 2014, and the strategy aimed to increase it (Placement \
            Sufficiency Strategy 2014/15 [R-PSS-2014-01]).",
    },
    Param {
        path: "exits.staying_put_months",
        group: G::Exits,
        label: "How long Staying Put lasts",
        unit: "months",
        items: NONE,
        help: "Months a Staying Put young person keeps the foster place after turning 18.",
        source: "Modelling assumption: 24 months (18 to 20); no figure in the references.",
    },
];
