//! The catalogue entries of the places children can live: in-house children's homes, the
//! bought-in markets and the matching rules.

use super::text::*;
use super::{Group as G, Param};

/// In form order.
pub(super) const PARAMS: &[Param] = &[
    // ------------------------------------------------------------------ residential
    Param {
        path: "residential.homes",
        group: G::Residential,
        label: "Council children's homes",
        unit: "homes",
        items: NONE,
        help: "The council's own children's homes at the start (the new-homes lever adds more). Each has beds, the \
            beds that can really be used, an age range, an opening month and a fixed weekly running cost.",
        source: "Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01]: Silverwood (7-bed emergency home, ages 12-17, stays \
            up to 20 weeks), Woodview and St Edmunds (6-bed long-term homes, ages 12-17) and Cherry Tree (5 beds, \
            disabled children aged 8-17): capacity stated as 22, only 15 children placed (the four homes listed come \
            to 7 + 6 + 6 + 5 = 24 beds, which the default uses). The references do not say whether these \
            homes were still open in 2020; the default assumes they were, with 15 usable beds and the 2014 age \
            ranges.",
    },
    Param {
        path: "residential.homes.name",
        group: G::Residential,
        label: "Home name",
        unit: "text",
        items: NONE,
        help: "A name for the home, shown in results.",
        source: "Modelling assumption: a label only; the default homes are named by type after the 2014 homes \
            [R-PSS-2014-01] and the 2020-22 programme [R-SUFF-2020-07].",
    },
    Param {
        path: "residential.homes.beds",
        group: G::Residential,
        label: "Registered beds",
        unit: "beds",
        items: NONE,
        help: "Beds the home is registered for; beds left empty are reported.",
        source: "Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01]: homes of 7, 6, 6 and 5 beds. The 2020-22 programme \
            added 16 beds and 2 emergency beds across 7 settings (Sufficiency Monitor [R-SUFF-2020-07]; Cabinet report Oct \
            2022 [R-CAB-2022-10]).",
    },
    Param {
        path: "residential.homes.usable_beds",
        group: G::Residential,
        label: "Beds that can be used",
        unit: "beds",
        items: NONE,
        help: "Beds that can actually be filled at once: matching children who can safely live together leaves some \
            beds empty.",
        source: "Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01]: 15 children in 22 beds; Cabinet report Oct 2022 \
            [R-CAB-2022-10]: 6 young people had lived in the new homes since opening (no reason given). Modelling \
            assumption: matching children who can safely live together keeps beds empty, so the default homes use \
            15 of 24 beds (the 2014 strategy states capacity 22, but its homes total 24) and the new-homes \
            programme 10 of 18.",
    },
    Param {
        path: "residential.homes.min_age",
        group: G::Residential,
        label: "Youngest child the home takes",
        unit: "age (years)",
        items: NONE,
        help: "Youngest age the home takes; a sibling group placed there must all be within the home's ages.",
        source: "Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01]: the mainstream homes took ages 12-17 and Cherry Tree \
            8-17; the default starting homes keep those ranges (12-17, and 8-17 for the disabled children's home). \
            Modelling assumption: the new homes take 10-17 (emergency beds 12-17); the references give no age \
            range for them.",
    },
    Param {
        path: "residential.homes.max_age",
        group: G::Residential,
        label: "Oldest child the home takes",
        unit: "age (years)",
        items: NONE,
        help: "Oldest age (inclusive) the home takes.",
        source: "Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01]: every home took young people up to 17.",
    },
    Param {
        path: "residential.homes.open_month",
        group: G::Residential,
        label: "Month the home opens",
        unit: "months from the start",
        items: NONE,
        help: "Months from the start when the home opens (0 = already open). Homes added by a lever open no earlier \
            than the lever's start month.",
        source: "Sufficiency Monitor Jul 2020 [R-SUFF-2020-07]: Pegasus House registered in July 2020, with children to move \
            in by September 2020, then two two-bed homes in phase two; Cabinet report Oct 2022 [R-CAB-2022-10]: 4 homes \
            bought and 3 opened by 2022. The default homes are open from month 0 and the programme's opening \
            months (3-24) are a modelling assumption phased on those facts.",
    },
    Param {
        path: "residential.homes.weekly_cost",
        group: G::Residential,
        label: "Weekly running cost of the home",
        unit: "£ / week",
        items: NONE,
        help: "Cost a week while the home is open, whether its beds are full or not (rising with \
            costs.inflation_per_year); children in council homes cost nothing more per child.",
        source: "Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01]: in-house residential care cost £2,481 a child a \
            week in 2014 (England £2,866), about £37,200 a week for the 15 children placed. The default homes \
            cost £45,600 a week together (the 2014 figure at 2020 prices is about £42,000-£44,500, at 2-3% a \
            year); the new homes' £5,200-£9,600 a week each are modelling assumptions.",
    },
    // ------------------------------------------------------------------ markets
    Param {
        path: "markets.ifa.limit",
        group: G::Markets,
        label: "Most agency foster placements at once",
        unit: "children (empty = no limit)",
        items: NONE,
        help: "Most children independent fostering agencies can look after for the council at one time; empty means \
            no limit.",
        source: "Modelling assumption: no limit. Agency placements grew from 106 in January 2014 [R-PSS-2014-01] to 278 in \
            August 2018 (scrutiny minutes [R-ILSC-2018-09]) and stayed at 251-264 from Oct 2019 to Jun 2020 [R-SUFF-2020-07], \
            so the market met Rotherham's demand, at a price.",
    },
    Param {
        path: "markets.ifa.min_age",
        group: G::Markets,
        label: "Youngest child agency carers take",
        unit: "age (years)",
        items: NONE,
        help: "Youngest age the market takes; a sibling group must all be within the ages.",
        source: "Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01]: agency carers looked after children of all ages, \
            under 10 and over 11; so 0.",
    },
    Param {
        path: "markets.ifa.max_age",
        group: G::Markets,
        label: "Oldest child agency carers take",
        unit: "age (years)",
        items: NONE,
        help: "Oldest age (inclusive) the market takes.",
        source: "Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01]: agency carers looked after more children aged 11 \
            and over than under 10; so up to 17.",
    },
    Param {
        path: "markets.external_residential.limit",
        group: G::Markets,
        label: "Most independent children's home placements at once",
        unit: "children (empty = no limit)",
        items: NONE,
        help: "Most children independent children's homes can take for the council at one time; empty means no \
            limit.",
        source: "Modelling assumption: no limit. Independent residential placements grew from 27 in January 2014 \
            [R-PSS-2014-01] to 62 in August 2018 [R-ILSC-2018-09]; the references report distance and price, not a lack of beds.",
    },
    Param {
        path: "markets.external_residential.min_age",
        group: G::Markets,
        label: "Youngest child independent homes take",
        unit: "age (years)",
        items: NONE,
        help: "Youngest age independent children's homes take for the council.",
        source: "Modelling assumption: 8, no age breakdown in the references (the council's own home for disabled children \
            took children from 8 [R-PSS-2014-01]).",
    },
    Param {
        path: "markets.external_residential.max_age",
        group: G::Markets,
        label: "Oldest child independent homes take",
        unit: "age (years)",
        items: NONE,
        help: "Oldest age (inclusive) independent children's homes take.",
        source: "Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01]: children's homes took young people up to 17.",
    },
    Param {
        path: "markets.supported_accommodation.limit",
        group: G::Markets,
        label: "Supported accommodation places",
        unit: "places (empty = no limit)",
        items: NONE,
        help: "Most 16-17 year olds in supported accommodation at one time (the supported-accommodation lever adds \
            places); empty means no limit.",
        source: "Modelling assumption: 40; no count in the references. In 2014 the council's own semi-independent units \
            had 16 places, 'almost always full' [R-PSS-2014-01]; from January 2021 places were bought through the 16+ \
            flexible purchasing system, set up to 'develop and shape the market' (Cabinet report Oct 2022 \
            [R-CAB-2022-10]; Sufficiency Monitor [R-SUFF-2020-07]), so the default is a market that is seldom full \
            (about 30 young people in it after a few years). With a limit that binds (25, say), each place a young \
            person with complex needs leaves for a children's home is taken at once by another who would otherwise \
            have gone to a care placement, and new in-house homes hardly change how many are placed below need.",
    },
    Param {
        path: "markets.supported_accommodation.min_age",
        group: G::Markets,
        label: "Youngest in supported accommodation",
        unit: "age (years)",
        items: NONE,
        help: "Youngest age placed in supported accommodation.",
        source: "Sufficiency Monitor Jul 2020 [R-SUFF-2020-07] and Cabinet report Oct 2022 [R-CAB-2022-10]: supported \
            accommodation is for 16- and 17-year-olds; so 16.",
    },
    Param {
        path: "markets.supported_accommodation.max_age",
        group: G::Markets,
        label: "Oldest in supported accommodation",
        unit: "age (years)",
        items: NONE,
        help: "Oldest age (inclusive) placed in supported accommodation while in care.",
        source: "Sufficiency Monitor Jul 2020 [R-SUFF-2020-07]: supported accommodation for 16- and 17-year-olds; so 17.",
    },
    Param {
        path: "markets.connected_person_availability",
        group: G::Markets,
        label: "Chance a family-and-friends carer is found",
        unit: "share (0-1)",
        items: NONE,
        help: "Each time matching tries a connected-person placement, the chance that a suitable relative or friend \
            is available.",
        source: "Modelling assumption: low. The 2014 strategy [R-PSS-2014-01] notes 'very low numbers of connected \
            persons/relative foster carers' (10 of 174 carers), and most family placements were converted to \
            special guardianship or child arrangements orders during care proceedings (scrutiny minutes [R-ILSC-2018-09]). \
            The default 3% is the chance with which the model's own matches keep about the 11 children in \
            family-and-friends placements of June 2020 (Sufficiency Monitor briefing [R-SUFF-2020-07]); with 4% \
            they rose to about 16 in four years.",
    },
    Param {
        path: "markets.ifa.found_in_time",
        group: G::Markets,
        label: "Chance an agency foster home is found in time",
        unit: "share (0-1)",
        items: NONE,
        help: "Each time matching looks for an agency foster home for a child under 11, the chance that a suitable one \
            is found in time; otherwise matching moves on down the order, and a child nothing else can take waits in an \
            emergency placement until a review finds one. For young people aged 11+ it is multiplied by \
            markets.adolescent_found_factor. 1 = always found.",
        source: "Modelling assumption: 0.95, set with the other chances of finding a place so that the built-in borough \
            has 3 to 8 children in emergency placements at any time, as the council reported in spring 2020 (Sufficiency \
            Monitor briefing [R-SUFF-2020-07]).",
    },
    Param {
        path: "markets.external_residential.found_in_time",
        group: G::Markets,
        label: "Chance an independent children's home place is found in time",
        unit: "share (0-1)",
        items: NONE,
        help: "Each time matching looks for a place in an independent children's home, the chance that a suitable one is \
            found in time (multiplied by markets.adolescent_found_factor for a young person aged 11+); otherwise \
            matching moves on, to an emergency placement at the end of the order. 1 = always found.",
        source: "Modelling assumption: 0.85, set with the other chances so that the built-in borough has 3 to 8 children in \
            emergency placements at any time, caused by breakdowns and emergency admissions (Sufficiency Monitor \
            briefing [R-SUFF-2020-07]).",
    },
    Param {
        path: "markets.supported_accommodation.found_in_time",
        group: G::Markets,
        label: "Chance a supported accommodation place is found in time",
        unit: "share (0-1)",
        items: NONE,
        help: "Each time matching looks for supported accommodation, the chance that a suitable place is found in time \
            (multiplied by markets.adolescent_found_factor); the market's limit applies as well. 1 = always found.",
        source: "Modelling assumption: 1; the market's limit of places already bounds it (the council's own units were \
            'almost always full' in 2014, Placement Sufficiency Strategy [R-PSS-2014-01]).",
    },
    Param {
        path: "markets.adolescent_found_factor",
        group: G::Markets,
        label: "Adolescents: factor on the chance a bought-in place is found",
        unit: "multiplier (0-1)",
        items: NONE,
        help: "For a young person aged 11+, each market's chance of finding a place in time is multiplied by this \
            (placements for adolescents are harder to find). Complex needs and sibling groups lower the chance of an \
            agency home further (markets.ifa_complex_availability, markets.ifa_sibling_availability). 1 = no difference.",
        source: "Modelling assumption: 0.8. The 2014 strategy [R-PSS-2014-01] notes few carers take adolescents (5 of 60 \
            vacancies were for ages 11-15); the July 2020 briefing [R-SUFF-2020-07] links emergency placements to \
            breakdowns of placements for young people with challenging behaviour.",
    },
    Param {
        path: "markets.ifa_complex_availability",
        group: G::Markets,
        label: "Chance an agency carer is found for a complex-needs adolescent",
        unit: "share (0-1)",
        items: NONE,
        help: "Each time matching tries an independent fostering agency for a young person aged 11+ with complex needs, \
            the chance that an agency household will take them; otherwise matching moves on down the order \
            (usually to residential).",
        source: "Modelling assumption: 0.3. The July 2020 briefing [R-SUFF-2020-07] reports disruptions in foster placements for \
            young people with challenging behaviours and workshops with IFA providers to create step-down capacity; \
            the 2014 strategy [R-PSS-2014-01] notes few carers take adolescents (5 of 60 vacancies were for ages 11-15).",
    },
    Param {
        path: "markets.ifa_sibling_availability",
        group: G::Markets,
        label: "Chance an agency household takes each extra sibling",
        unit: "share (0-1)",
        items: NONE,
        help: "When a sibling group is matched to an independent fostering agency, the chance for each child beyond the \
            first that the same household can take them too (a group of 3 is kept together with this chance squared).",
        source: "Modelling assumption: 0.85. The July 2020 briefing [R-SUFF-2020-07] says admissions of a larger sibling group \
            pushed children into agency placements; May 2018 had 7 sibling groups among 35 admissions \
            (Performance Report [R-CPP-2018-07]).",
    },
    Param {
        path: "markets.out_of_borough",
        group: G::Markets,
        label: "Share placed outside the borough",
        unit: "share (0-1)",
        items: NONE,
        help: "For each placement type, the chance that a new placement of that type is outside the borough; the \
            model reports how many children live outside.",
        source: "Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01] for in-house and agency fostering and residential \
            care; the other types are modelling assumptions (see each type).",
    },
    Param {
        path: "markets.out_of_borough.in_house_foster",
        group: G::Markets,
        label: "In-house foster care outside the borough",
        unit: "share (0-1)",
        items: NONE,
        help: "Chance that an in-house foster placement is outside the borough.",
        source: "Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01]: 125 of 150 children with in-house carers lived in \
            Rotherham in January 2014, so (150 − 125) / 150 = 0.17 outside.",
    },
    Param {
        path: "markets.out_of_borough.connected_person",
        group: G::Markets,
        label: "Family and friends care outside the borough",
        unit: "share (0-1)",
        items: NONE,
        help: "Chance that a connected-person placement is outside the borough.",
        source: "Modelling assumption: 0.2; no figure in the references.",
    },
    Param {
        path: "markets.out_of_borough.ifa",
        group: G::Markets,
        label: "Agency foster care outside the borough",
        unit: "share (0-1)",
        items: NONE,
        help: "Chance that an independent fostering agency placement is outside the borough.",
        source: "Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01]: only 14 of 106 agency foster placements were in \
            Rotherham in January 2014, so (106 − 14) / 106 = 0.87 outside.",
    },
    Param {
        path: "markets.out_of_borough.in_house_residential",
        group: G::Markets,
        label: "Council homes outside the borough",
        unit: "share (0-1)",
        items: NONE,
        help: "Chance that a placement in a council home is outside the borough.",
        source: "Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01] and Sufficiency Monitor Jul 2020 [R-SUFF-2020-07]: the \
            council's homes are in Rotherham, 'close to their communities'; so 0.",
    },
    Param {
        path: "markets.out_of_borough.external_residential",
        group: G::Markets,
        label: "Independent homes outside the borough",
        unit: "share (0-1)",
        items: NONE,
        help: "Chance that an independent children's home placement is outside the borough.",
        source: "Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01]: all 27 independent residential placements were \
            outside the borough in January 2014 ('no independent residential homes located in Rotherham'); market \
            shaping then added 16 places inside the borough in the 18 months to July 2020 [R-SUFF-2020-07]. 0.8 is a \
            modelling assumption between the two.",
    },
    Param {
        path: "markets.out_of_borough.supported_accommodation",
        group: G::Markets,
        label: "Supported accommodation outside the borough",
        unit: "share (0-1)",
        items: NONE,
        help: "Chance that a supported accommodation placement is outside the borough.",
        source: "Modelling assumption: 0.3; no figure in the references.",
    },
    Param {
        path: "markets.out_of_borough.placed_with_parents",
        group: G::Markets,
        label: "Placed with parents outside the borough",
        unit: "share (0-1)",
        items: NONE,
        help: "Chance that a child placed with parents lives outside the borough.",
        source: "Modelling assumption: 0, children placed with parents are counted as living at home; no figure in the \
            references.",
    },
    Param {
        path: "markets.out_of_borough.placed_for_adoption",
        group: G::Markets,
        label: "Adoptive placements outside the borough",
        unit: "share (0-1)",
        items: NONE,
        help: "Chance that an adoptive placement is outside the borough.",
        source: "Modelling assumption: 0.5. In 2013/14, 29 of 45 children placed for adoption went to other agencies' \
            adopters rather than Rotherham's own (Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01]).",
    },
    Param {
        path: "markets.out_of_borough.emergency",
        group: G::Markets,
        label: "Emergency placements outside the borough",
        unit: "share (0-1)",
        items: NONE,
        help: "Chance that an emergency placement is outside the borough.",
        source: "Modelling assumption: 0.5; no figure in the references.",
    },
    // ------------------------------------------------------------------ matching
    Param {
        path: "matching.rules",
        group: G::Matching,
        label: "Placement preference rules",
        unit: "rules",
        items: NONE,
        help: "Ordered rules. For each child the first rule whose ages and needs fit gives the order in which \
            placement types are tried; the first with room is used, and an emergency placement if none has. A \
            sibling group is matched by its eldest's rule, and only to types every sibling's rule lists.",
        source: "Modelling assumption following the priorities the references state: family-based before residential, \
            in-house before agency, local before distant (Placement Sufficiency Strategy 2014/15 section 4.2, \
            [R-PSS-2014-01]; 2019-22 strategy [R-SUFF-2020-07] and [R-CAB-2022-10]), and supported accommodation for 16-17 year olds \
            after foster care [R-SUFF-2020-07]. Connected persons are tried second, after in-house carers, although the \
            2014 strategy [R-PSS-2014-01] stresses the duty to place with extended family where possible. For a 16- or \
            17-year-old with complex needs the council's own children's home is tried before supported accommodation \
            (modelling assumption: supported accommodation gives support, not care, so it is below the need of a young \
            person whose needs call for care; the council's homes are its own to use at once, 'increased control and \
            flexibility' [R-SUFF-2020-07]); supported accommodation stays next, before agency foster care and independent \
            homes, as for other 16- and 17-year-olds. The council's own children's homes are kept for young people whose \
            needs call for residential care (children under 16 with complex needs, and 16- and 17-year-olds): a child \
            under 16 who needs a family and for whom no foster home is found goes to an independent home or waits in an \
            emergency placement until one is found, rather than taking a bed in the council's homes and staying there \
            below need (modelling assumption following the 2014 strategy's aim of more children in family placements \
            and fewer in residential care, section 4.2 [R-PSS-2014-01], and the new homes' purpose of local placements \
            for children who need them [R-SUFF-2020-07]).",
    },
    Param {
        path: "matching.rules.min_age",
        group: G::Matching,
        label: "Youngest age the rule covers",
        unit: "age (years)",
        items: NONE,
        help: "The rule applies to children from this age (in whole years).",
        source: "Modelling assumption: the default rules split at 16 because supported accommodation is for 16- and \
            17-year-olds [R-SUFF-2020-07].",
    },
    Param {
        path: "matching.rules.max_age",
        group: G::Matching,
        label: "Oldest age the rule covers",
        unit: "age (years)",
        items: NONE,
        help: "The rule applies to children up to this age (inclusive).",
        source: "Modelling assumption: 15 for the under-16 rules and 17 for the 16-17 rules ([R-SUFF-2020-07]: supported \
            accommodation for 16- and 17-year-olds).",
    },
    Param {
        path: "matching.rules.needs",
        group: G::Matching,
        label: "Needs the rule covers",
        unit: "any / standard / complex",
        items: NONE,
        help: "Whether the rule applies to children with standard needs, complex needs, or any.",
        source: "Modelling assumption: children under 16 with complex needs skip connected persons and go from \
            in-house (Fostering Plus-type) carers to agencies and residential care; the 2014 strategy [R-PSS-2014-01] \
            set up Fostering Plus for older children and those with complex needs. Young people of 16 and 17 have a rule \
            for each: supported accommodation meets standard needs but not complex ones (modelling assumption: it gives \
            support, not care).",
    },
    Param {
        path: "matching.rules.order",
        group: G::Matching,
        label: "Order in which placement types are tried",
        unit: "placement types, in order",
        items: CHOICES,
        help: "Placement types tried in turn (placed with parents and placed for adoption follow from the child's \
            plan and cannot be listed).",
        source: "Modelling assumption following the stated priorities (see matching.rules; [R-PSS-2014-01], [R-SUFF-2020-07]).",
    },
    Param {
        path: "matching.rules.suitable",
        group: G::Matching,
        label: "Placement types that meet these children's assessed needs",
        unit: "placement types",
        items: CHOICES,
        help: "The policy behind \"placed below assessed need\": a child this rule covers who is placed in a type \
            not listed here counts as placed below assessed need (an emergency placement counts as no suitable \
            placement instead, and is never listed). A rule that does not list them (older scenario files) uses \
            family-based care for every child, supported accommodation for a rule of 16- and 17-year-olds that does \
            not cover only complex needs, and residential care for a rule that covers complex needs.",
        source: "Modelling assumption following the priorities the references state: family-based care is what \
            children need unless their needs call for residential care, which the 2014 strategy reserves for \
            complex needs (Placement Sufficiency Strategy 2014/15 section 4.2, [R-PSS-2014-01]); supported \
            accommodation for 16- and 17-year-olds [R-SUFF-2020-07], except those with complex needs (modelling \
            assumption: supported accommodation gives support, not care, so a young person whose needs call for care \
            placed there is below assessed need).",
    },
    Param {
        path: "matching.keep_siblings_together",
        group: G::Matching,
        label: "Keep brothers and sisters together",
        unit: "yes / no",
        items: NONE,
        help: "If on, a sibling group is placed together where one placement can take them all; otherwise, or if none \
            can, each child is matched separately and the split is counted.",
        source: "Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01]: the Ofsted framework expects children to live 'with \
            their brothers and sisters when this is in their best interests', and in-house vacancies were tracked \
            for sibling groups (17 of the 60 vacancies were for pairs of siblings in January 2014).",
    },
    Param {
        path: "matching.emergency_review_days",
        group: G::Matching,
        label: "Days before an emergency placement is reviewed",
        unit: "days",
        items: NONE,
        help: "A child in an emergency placement is matched again after this many days and moves if a placement \
            higher in their order has room.",
        source: "Modelling assumption: 28 days; no figure in the references. Between three and eight children were in \
            emergency provision at any time in spring 2020 (Sufficiency Monitor [R-SUFF-2020-07]); the 2014 emergency home \
            allowed stays of up to 20 weeks [R-PSS-2014-01].",
    },
];
