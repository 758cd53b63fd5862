//! The catalogue entries of the scenario's top level (name, description, start), its demand
//! (admissions) and its starting population.

use super::text::*;
use super::{Group as G, Param};

/// In form order.
pub(super) const PARAMS: &[Param] = &[
    // ------------------------------------------------------------------ top level
    Param {
        path: "name",
        group: G::StrategyLevers,
        label: "Scenario name",
        unit: "text",
        items: NONE,
        help: "The name shown on results, share links and scenario files. It has no effect on the numbers.",
        source: "Modelling assumption: a label only. The built-in scenario is called 'Baseline'; choosing a ready-made \
            strategy replaces it with the strategy's name.",
    },
    Param {
        path: "description",
        group: G::StrategyLevers,
        label: "Scenario description",
        unit: "text",
        items: NONE,
        help: "A sentence saying what the scenario is for. It has no effect on the numbers.",
        source: "Modelling assumption: a label only; ready-made strategies replace it with their own description.",
    },
    Param {
        path: "start_year",
        group: G::Population,
        label: "First simulated year",
        unit: "calendar year",
        items: NONE,
        help: "Calendar year of the first simulated month. With start_month it fixes the calendar months (for \
            seasonality) and the financial years, April to March, used for the budget.",
        source: "Sufficiency Monitor briefing Jul 2020 [R-SUFF-2020-07]: its latest month-end figures are for June 2020 \
            (601 children looked after), so the default starts in July 2020.",
    },
    Param {
        path: "start_month",
        group: G::Population,
        label: "First simulated month",
        unit: "calendar month (1-12)",
        items: NONE,
        help: "Calendar month (1 = January) of the first simulated month; the starting population describes the end of \
            the month before.",
        source: "Sufficiency Monitor briefing Jul 2020 [R-SUFF-2020-07]: the latest snapshot is month end June 2020, so the \
            simulation starts in month 7 (July).",
    },
    Param {
        path: "data_as_at.source",
        group: G::Population,
        label: "Where the starting figures come from",
        unit: "text",
        items: NONE,
        help: "What the starting children, carers and prices describe. Shown with every result and in the printed report.",
        source: "The built-in borough is modelled on Rotherham's published figures: Sufficiency Monitor briefing Jul 2020 \
            [R-SUFF-2020-07], month end June 2020.",
    },
    Param {
        path: "data_as_at.year",
        group: G::Population,
        label: "Starting figures as at (year)",
        unit: "calendar year",
        items: NONE,
        help: "Year of the month the starting figures describe. When the simulation starts later than the month after, \
            the results say so: the children, carers and prices are still that month's.",
        source: "Sufficiency Monitor briefing Jul 2020 [R-SUFF-2020-07]: month-end figures for June 2020.",
    },
    Param {
        path: "data_as_at.month",
        group: G::Population,
        label: "Starting figures as at (month)",
        unit: "calendar month (1-12)",
        items: NONE,
        help: "Calendar month (1 = January) the starting figures describe (its end).",
        source: "Sufficiency Monitor briefing Jul 2020 [R-SUFF-2020-07]: month end June 2020.",
    },
    Param {
        path: "data_as_at.prices_rolled_forward",
        group: G::Population,
        label: "Prices rolled forward to the start",
        unit: "yes / no",
        items: NONE,
        help: "Set when the prices (weekly costs, homes, recruitment, levers and the budget) were brought forward from \
            the figures' date to the start at the yearly inflation. Children and carers are not rolled forward.",
        source: "Modelling assumption: no; the built-in prices are those of June 2020.",
    },
    // ------------------------------------------------------------------ demand
    Param {
        path: "demand.groups_per_month",
        group: G::Demand,
        label: "Sibling groups admitted a month",
        unit: "groups / month",
        items: NONE,
        help: "Average number of admissions a month at the start, where one admission brings a single child or a whole \
            sibling group (see demand.group_size). The actual number each month is random around this average, \
            scaled by the yearly trend and the month's seasonal factor.",
        source: "Modelling assumption: the references give no admissions after May 2018. 10.2 groups × 1.65 children per \
            admission (the average of demand.group_size) ≈ 16.8 children a month (derived: about 202 a year, between \
            the 2014/15 and 2015/16 levels of 175 and 208), chosen so that, with the default \
            exits, the number looked after stays near the level of Oct 2019-Jun 2020, 622 falling to 601 \
            [R-SUFF-2020-07]. For comparison, the Performance Report May 2018 \
            [R-CPP-2018-07] gives 175, 208, 262 and 330 admissions a year in 2014/15-2017/18 and 27, 18, 44, 16, 35 a \
            month in Jan-May 2018; May's 35 children included 24 in 7 sibling groups (derived: at most 18 \
            admissions if the other 11 came singly). 215 children left care in 2016/17 from 488 (derived: 44% a \
            year, which at 600 would be about 260).",
    },
    Param {
        path: "demand.trend_per_year",
        group: G::Demand,
        label: "Yearly growth in admissions",
        unit: "yearly rate (0.05 = +5%)",
        items: NONE,
        help: "Compound yearly growth of the admissions rate; negative for a fall.",
        source: "Modelling assumption: 0, because the number looked after was flat to falling from Oct 2019 to Jun 2020 \
            (622 to 601 [R-SUFF-2020-07]). The scrutiny minutes Sep 2018 [R-ILSC-2018-09] put the underlying rise in the number \
            looked after (not admissions), without Rotherham's historic factors, at about 4% a year, close to the \
            national average. Modelling assumption: 0.04 applied to admissions tests a rise of that size.",
    },
    Param {
        path: "demand.seasonality",
        group: G::Demand,
        label: "Seasonal pattern of admissions",
        unit: "multiplier",
        items: MONTHS,
        help: "Multiplies the admissions rate in each calendar month (January first), relative to the other months: \
            the twelve values are scaled to average 1, so only their pattern matters (twelve values of 1.2 admit as \
            many children as twelve of 1).",
        source: "Modelling assumption: the references give only five months of admissions, 27, 18, 44, 16 and 35 in Jan-May \
            2018 (Performance Report May 2018 [R-CPP-2018-07]), too few to estimate a seasonal pattern. The default is a \
            damped version of that pattern (February and April low, March and May high) with the other months \
            between 0.95 and 1.05.",
    },
    Param {
        path: "demand.group_size",
        group: G::Demand,
        label: "Children per admission (sibling groups)",
        unit: "share (0-1)",
        items: GROUP_SIZES,
        help: "Chance that an admission brings 1, 2, 3 ... brothers and sisters together; the shares must add up to 1. \
            Siblings are admitted together and, if matching.keep_siblings_together is on, placed together where \
            one placement can take them all.",
        source: "Performance Report May 2018 [R-CPP-2018-07]: of 35 admissions in May 2018, 24 children came as 7 sibling \
            groups (one of 6, six of 3). Derived: if the other 11 children came singly, 11 of that month's 18 \
            admissions (61%) were single children, close to the default's 62%; that they came singly is our \
            inference, not the report's. The report calls that month unusual, so the spread over groups of 2 to 6 is a \
            modelling assumption; it averages 1.65 children per admission.",
    },
    Param {
        path: "demand.entry_age",
        group: G::Demand,
        label: "Age at entry",
        unit: "share (0-1)",
        items: AGE_BANDS,
        help: "Share of admissions whose first child is in each age band (the exact age is spread evenly within the \
            band); brothers and sisters are drawn around that child (see demand.sibling_age_spread_years). Age at \
            entry decides how care is likely to end (exits.route_by_entry_age) and the chance of complex needs.",
        source: "Modelling assumption: the references give no age breakdown of admissions, only the average age at \
            admission: 8.8 years in Jan-May 2018 falling to 6.5 in the next four months (scrutiny minutes Sep 2018 \
            [R-ILSC-2018-09]), and 10.5 falling to 5.1 for Right Child Right Care (Performance Report May 2018 [R-CPP-2018-07]). \
            With these shares the first child averages about 8 and all children about 7.6.",
    },
    Param {
        path: "demand.sibling_age_spread_years",
        group: G::Demand,
        label: "Age spread within a sibling group",
        unit: "years",
        items: NONE,
        help: "Each brother or sister is up to this many years younger (7 in 10) or older (3 in 10) than the first \
            child of the group, drawn evenly, and kept within ages 0-17.",
        source: "Modelling assumption: no figure in the references. May 2018 brought a group of six and six groups of three \
            [R-CPP-2018-07]; 6 years lets one group span early childhood to adolescence.",
    },
    Param {
        path: "demand.complex_needs",
        group: G::Demand,
        label: "Chance of complex needs, by age at entry",
        unit: "share (0-1)",
        items: AGE_BANDS,
        help: "Chance that a child entering care at each age has complex needs. Children with complex needs can only \
            live with in-house carers approved for adolescents and complex needs, and follow the complex-needs \
            matching rule.",
        source: "Modelling assumption: no figure in the references. The Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01] \
            reports 'increasing number of children and young people with increasingly complex needs', only 5 of \
            60 in-house vacancies for children over 11, and set up Fostering Plus for 'older children and those \
            with complex needs'; so the chance rises steeply with age (3% under 1, 35% at 10-15, 40% at 16-17), set with the IFA \
            availability so that out-of-authority residential stays near its last counted level: 62 children in \
            August 2018 [R-ILSC-2018-09]. The 2020 briefing gives no count, only a fall of 4 in 2020/21 so far \
            [R-SUFF-2020-07]; the default start of 58 (62 less 4) mixes the two dates.",
    },
    Param {
        path: "demand.placed_with_parents_share",
        group: G::Demand,
        label: "Admissions placed with parents",
        unit: "share (0-1)",
        items: NONE,
        help: "Share of admitted children who live with their parents while in care (placement type P1) instead of \
            being matched to a placement.",
        source: "Modelling assumption set against the stock: 4.3%-5.5% of children looked after were placed with \
            parents in Jan-May 2018, 4.9% in May (Performance Report May 2018 [R-CPP-2018-07]). The references give no \
            figure for admissions. The default 8.5% keeps that stock steady: children placed with parents leave that \
            placement sooner than care (a return to a foster or other placement counts as a breakdown), so their share \
            of admissions must be above their share of the stock (with 3% the stock fell from 29 to 14 in four years; \
            with 8% it settled about 1.5 below the starting 29).",
    },
    // ------------------------------------------------------------------ starting population
    Param {
        path: "population.children",
        group: G::Population,
        label: "Children looked after at the start",
        unit: "children",
        items: NONE,
        help: "Number of children in care when the simulation starts.",
        source: "Sufficiency Monitor briefing Jul 2020 [R-SUFF-2020-07]: 601 children looked after at the end of June 2020 \
            (605 in April, 604 in May).",
    },
    Param {
        path: "population.age_profile",
        group: G::Population,
        label: "Age profile at the start",
        unit: "children (or shares)",
        items: AGE_BANDS,
        help: "Numbers or shares of the starting children in each age band, scaled to population.children. Leave it \
            empty (null) to let the admission and exit assumptions decide the ages.",
        source: "Modelling assumption: left empty, so the starting ages are the ones the admissions (their entry \
            ages) and stays leave in care, about 24 under 1, 95 aged 1-4, 116 aged 5-9, 249 aged 10-15 and 117 aged \
            16-17 of 601, close to England's 2018 shape (5%, 13%, 19%, 39%, 24%). The only cited profile is from May \
            2018 (Performance Report May 2018 [R-CPP-2018-07]: 49 under 1, 103 aged 1-4, 137 aged 5-9, 242 aged 10-15 \
            and 108 aged 16+ of 642), two years before the start, when admissions were higher and younger. Used for \
            July 2020 it cannot hold with the 2020 flows: under-1s halve within nine months and the adolescents grow \
            by about 30 over three years, and that drift (with the emergency placements, supported accommodation and moves that follow it) \
            is the starting state settling, not a forecast. A council's own returns give its real profile on the \
            date (\"Use your own borough's returns\").",
    },
    Param {
        path: "population.placement_mix",
        group: G::Population,
        label: "Placements at the start",
        unit: "children",
        items: NONE,
        help: "How the starting children are spread over placement types, one number per type, scaled so the total \
            equals population.children. The types are shared out over the starting children by who fits each and \
            where the model's own matching would place them (in-house foster children go to households with a free \
            place for their age; supported accommodation takes young people who were 16 or 17 when they moved in).",
        source: "Sufficiency Monitor briefing Jul 2020 [R-SUFF-2020-07]: June 2020 counts where the references give them (178 \
            in-house fostering and 257 external fostering of 601). The other 166 children (27.6%, 'other placement \
            types') include the 11 in Reg 38(6) placements and the emergency placements the briefing counts \
            separately (7 by late July); the rest are split by modelling assumption; see each type. Modelling \
            assumption: the starting mix is the one the model's own flows keep (251 agency foster, 59 independent \
            homes, 30 supported, 5 emergency; see each type). Modelling assumption: the mix is shared out jointly over \
            classes of child (age when the placement began; standard needs, complex from entry, or complex through \
            repeated moves): each class's chance of each type is where a match along its preference order lands, \
            scaled by type (iterative proportional fitting) until the expected counts are the mix, so the types fill \
            with the children who fit them and, for example, children of standard needs in children's homes are \
            there below their assessed need in the proportion the model's own shortages put them there. The \
            starting young people's needs include escalations through repeated moves, from a walk through their \
            years in care from the age of 11 with the model's own breakdown rules. Modelling assumption: a starting sibling group lives \
            together with the chance that its match on entry and each group move of its last 12 months kept it \
            together (as the matching keeps a group an agency foster home takes), and a group living together is \
            placed in one placement of the mix with room for all its children (46% of the starting groups live \
            apart, against 47-48% in the model's later years).",
    },
    Param {
        path: "population.placement_mix.in_house_foster",
        group: G::Population,
        label: "Starting children with in-house foster carers",
        unit: "children",
        items: NONE,
        help: "Children with the council's own foster carers at the start.",
        source: "Sufficiency Monitor briefing Jul 2020 [R-SUFF-2020-07]: 178 children placed with in-house foster carers at \
            the end of June 2020 (the council's count includes Regulation 24 and specific-child approvals).",
    },
    Param {
        path: "population.placement_mix.connected_person",
        group: G::Population,
        label: "Starting children with family and friends carers",
        unit: "children",
        items: NONE,
        help: "Children with connected-person (family and friends) carers at the start.",
        source: "Sufficiency Monitor briefing Jul 2020 [R-SUFF-2020-07]: 10-18 children a month in 'Reg 38(6)' \
            placements from Oct 2019 to Jun 2020 (11 in June 2020, the default). Modelling assumption: the \
            scorecard does not define the term; reading them as family-and-friends (connected-person) placements \
            is ours. The in-house count of 178 includes Regulation 24 (family and friends) approvals, so some of \
            these children may also be counted there.",
    },
    Param {
        path: "population.placement_mix.ifa",
        group: G::Population,
        label: "Starting children with agency foster carers",
        unit: "children",
        items: NONE,
        help: "Children with independent fostering agency (IFA) carers at the start.",
        source: "Sufficiency Monitor briefing Jul 2020 [R-SUFF-2020-07]: 257 children in external foster placements at the \
            end of June 2020 (251-264 each month since Oct 2019). The default 253 is the number the model's own \
            admissions, moves and exits keep there (with 257 it fell by 9 in the first months; 245 until the starting \
            young people's moves were walked with the model's own rules, which keeps fewer of them in independent \
            homes, and 251 until those moves were walked at the rates of the placements their needs get: see that \
            type). It then rises as the council's own carers fall.",
    },
    Param {
        path: "population.placement_mix.in_house_residential",
        group: G::Population,
        label: "Starting children in council children's homes",
        unit: "children",
        items: NONE,
        help: "Children living in the council's own children's homes at the start.",
        source: "Modelling assumption: no 2020 count in the references. In January 2014 15 children lived in the council's \
            homes against 22 beds (Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01]); 12 fills most of the 15 \
            usable beds of the default homes.",
    },
    Param {
        path: "population.placement_mix.external_residential",
        group: G::Population,
        label: "Starting children in independent children's homes",
        unit: "children",
        items: NONE,
        help: "Children in independent (bought-in) children's homes at the start. Modelling assumption: a starting \
            child without complex needs drawn for a children's home is there below their assessed need (a family \
            placement is what their matching rule lists) with the chance that a match finds no family placement for \
            them (connected person, agency foster care), as the model's own children come to be there; otherwise \
            they are there for their needs and are treated as having complex needs.",
        source: "Modelling assumption: no June 2020 count in the references. There were 62 out-of-authority residential \
            placements in August 2018 (scrutiny minutes [R-ILSC-2018-09]), and external residential placements fell by \
            four between April and June 2020 [R-SUFF-2020-07]. The default 57 is the number the model's own admissions, \
            moves and exits keep there (62 in 2018, less that fall, less the model's own drift). It was 65 until the \
            starting young people's moves were walked with the model's own rules (issue 15): with their recent moves, \
            the young people who move most leave independent homes as often as the model's own, and 65 fell by 4 in \
            the first year. It was 59 until those moves were walked at the breakdown rates of the placements their \
            needs get (a young person with complex needs moves more, so fewer stay in independent homes): 59 fell by \
            2 in the first year.",
    },
    Param {
        path: "population.placement_mix.supported_accommodation",
        group: G::Population,
        label: "Starting 16-17 year olds in supported accommodation",
        unit: "children",
        items: NONE,
        help: "Young people aged 16-17 in supported (semi-independent) accommodation at the start.",
        source: "Modelling assumption: no count in the references; 30, the number the model's own admissions, moves \
            and exits keep there (with 25 it rose to 30 in the first year), below the market's limit of 40. In 2014 the council's units for \
            care leavers had 16 places, Nelson Street 6 (ages 16-18) and Hollowgate 10 (no age range given), both \
            'almost always full' [R-PSS-2014-01].",
    },
    Param {
        path: "population.placement_mix.placed_with_parents",
        group: G::Population,
        label: "Starting children placed with parents",
        unit: "children",
        items: NONE,
        help: "Children in care but living with their parents (P1) at the start.",
        source: "Performance Report May 2018 [R-CPP-2018-07]: 4.9% of children looked after were placed with parents in \
            May 2018; 4.9% of 601 is 29.",
    },
    Param {
        path: "population.placement_mix.placed_for_adoption",
        group: G::Population,
        label: "Starting children placed for adoption",
        unit: "children",
        items: NONE,
        help: "Children living with their prospective adopters, awaiting the adoption order, at the start.",
        source: "Performance Report May 2018 [R-CPP-2018-07]: 24 children were already living in their adoptive placements \
            awaiting an adoption order; the default 26 is close to that (no 2020 figure).",
    },
    Param {
        path: "population.placement_mix.emergency",
        group: G::Population,
        label: "Starting children in emergency placements",
        unit: "children",
        items: NONE,
        help: "Children in emergency or unregistered provision at the start.",
        source: "Sufficiency Monitor briefing Jul 2020 [R-SUFF-2020-07]: seven children were in emergency provision when the \
            briefing was finalised in late July 2020, after 3 in June (between three and eight at any time since \
            lockdown). The default is 5, within that range and the number the model's own shortages keep in \
            emergency placements. Modelling assumption: the children starting in emergency beds are chosen as the \
            model's own come to be waiting: children on their own in care, in proportion to how often their placements \
            break down (more often after recent moves) times the odds that a review finds no placement for them. The \
            bed is the newest placement of their history, begun as many review intervals ago as reviews that found \
            nothing, and part of one; their next review comes when that interval ends.",
    },
    Param {
        path: "population.three_placements_share",
        group: G::Population,
        label: "Starting children with 3+ placements in the last year",
        unit: "share (0-1)",
        items: NONE,
        help: "Share of the starting children who have had three or more placements in the 12 months before the start \
            (two moves or more, within their time in care). Recent moves count in the stability measure and raise the \
            risk of another breakdown. Two moves need time: children in care under a year have had them less often, \
            in proportion to their time in care, and the others more often, so the share of all the starting children is \
            this one. The moves of young people of 11 and over (and of their brothers and sisters) are walked through \
            their years in care from the age of 11 with the model's own rules, so those who move most are the ones \
            the model moves most (about 40% of those with complex needs, 5% of the others); the younger children's are \
            drawn to make up this share. Children listed from the returns bring their own counts.",
        source: "Performance Report May 2018 [R-CPP-2018-07]: 13.8% of children looked after had three or more placements \
            in 12 months (England 10%).",
    },
    Param {
        path: "population.one_move_share",
        group: G::Population,
        label: "Starting children with one move in the last year",
        unit: "share (0-1)",
        items: NONE,
        help: "Share of the starting children who moved placement once in the 12 months before the start (two placements \
            in the year).",
        source: "Modelling assumption: 0.3, set so that the moves of the first year continue those of the years after \
            (the references give only the share with three or more placements, 13.8% in May 2018, Performance Report \
            [R-CPP-2018-07]).",
    },
    Param {
        path: "population.listed",
        group: G::Population,
        label: "Starting children from your returns",
        unit: "children",
        items: NONE,
        help: "The children in care at the start one by one, from the borough's own returns (no identifier, date of \
            birth or postcode: only what the model needs). When the list is not empty, population.children must equal \
            its length and the age profile and placement mix are not used. Each child's remaining time in care is \
            drawn in every run consistently with the time already spent.",
        source: "Modelling assumption: empty in the built-in borough, whose starting children are drawn \
            from the counts above; filled with a council's own children in care when a scenario is fitted to its \
            SSDA903 returns.",
    },
    Param {
        path: "population.listed.age_years",
        group: G::Population,
        label: "Age at the start",
        unit: "years",
        items: NONE,
        help: "The child's age in years on the start date (under 18).",
        source: "Modelling assumption: empty in the built-in borough, whose starting children are drawn \
            from the counts above; filled with a council's own children in care when a scenario is fitted to its \
            SSDA903 returns.",
    },
    Param {
        path: "population.listed.entry_age_years",
        group: G::Population,
        label: "Age when this period of care began",
        unit: "years",
        items: NONE,
        help: "The child's age in years when this period of care began; it sets how likely each exit route is.",
        source: "Modelling assumption: empty in the built-in borough, whose starting children are drawn \
            from the counts above; filled with a council's own children in care when a scenario is fitted to its \
            SSDA903 returns.",
    },
    Param {
        path: "population.listed.months_in_care",
        group: G::Population,
        label: "Months in care so far",
        unit: "months",
        items: NONE,
        help: "Months since this period of care began. It must agree with the two ages (within a month): a child \
            who has been in care long is more likely to be on a long route, and stays at least that long.",
        source: "Modelling assumption: empty in the built-in borough, whose starting children are drawn \
            from the counts above; filled with a council's own children in care when a scenario is fitted to its \
            SSDA903 returns.",
    },
    Param {
        path: "population.listed.placement",
        group: G::Population,
        label: "Placement at the start",
        unit: "placement type",
        items: NONE,
        help: "The type of the child's placement on the start date.",
        source: "Modelling assumption: empty in the built-in borough, whose starting children are drawn \
            from the counts above; filled with a council's own children in care when a scenario is fitted to its \
            SSDA903 returns.",
    },
    Param {
        path: "population.listed.moves_last_12_months",
        group: G::Population,
        label: "Placement moves in the last 12 months",
        unit: "moves",
        items: NONE,
        help: "Changes of placement in the 12 months before the start; recent moves raise the risk of another \
            breakdown and count in the 3+ placements measure.",
        source: "Modelling assumption: empty in the built-in borough, whose starting children are drawn \
            from the counts above; filled with a council's own children in care when a scenario is fitted to its \
            SSDA903 returns.",
    },
    Param {
        path: "population.listed.complex_needs",
        group: G::Population,
        label: "Complex needs",
        unit: "yes / no",
        items: NONE,
        help: "Whether the child is matched as having complex needs.",
        source: "Modelling assumption: empty in the built-in borough, whose starting children are drawn \
            from the counts above; filled with a council's own children in care when a scenario is fitted to its \
            SSDA903 returns.",
    },
];
