//! The published documents the default scenario rests on: for each, a stable ID
//! (`R-SUFF-2020-07`), a full citation (title, publishing body, date, and where in the document
//! the figures are) and, in our own words, the facts and figures from it that the model uses or
//! that bear on placement sufficiency. Every fact starts with its section, table or row.
//!
//! `docs/references.md` is the readable version of the same list, with notes on where the
//! documents disagree; a test here keeps the two in step word for word. The catalogue of
//! assumptions (`catalog.rs`) cites these IDs. The project first cited the documents as numbered
//! "seed" files (`seed 000` to `seed 004`); [`for_seed`] gives the reference that replaced each.
//!
//! A fact marked "Derived (not in the source)" is our arithmetic on the document's own figures.
//! A default that no reference supports is not listed here: the catalogue labels it
//! "Modelling assumption" and says what it was set from.

use serde::Serialize;

/// One published document and the facts taken from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// Stable short ID: `R-`, a short name of the series or body, then the year and month of
    /// publication (or of the meeting). Cited in square brackets: `[R-SUFF-2020-07]`.
    pub id: &'static str,
    /// The document's title.
    pub title: &'static str,
    /// The publishing body, with the authors or officers the document names.
    pub body: &'static str,
    /// Date of publication or meeting, and the date of the figures where it differs.
    pub date: &'static str,
    /// Where in the document the facts come from: sections, appendices, tables, pages.
    pub locator: &'static str,
    /// The facts and figures, paraphrased; each starts with its own section, table or row.
    pub facts: &'static [&'static str],
}

impl Reference {
    /// A one-line citation: body, title, date and ID.
    pub fn citation(&self) -> String {
        format!(
            "{}. {}. {}. [{}]",
            self.body, self.title, self.date, self.id
        )
    }
}

/// The old seed-file numbers and the reference ID that replaces each: "(seed 000)" in a
/// source text becomes "[R-SUFF-2020-07]".
pub const SEED_REFERENCES: &[(&str, &str)] = &[
    ("000", "R-SUFF-2020-07"),
    ("001", "R-CAB-2022-10"),
    ("002", "R-ILSC-2018-09"),
    ("003", "R-CPP-2018-07"),
    ("004", "R-PSS-2014-01"),
];

/// Every reference, oldest first.
pub const REFERENCES: &[Reference] = &[
    Reference {
        id: "R-PSS-2014-01",
        title: "Placement Sufficiency Strategy for Looked After Children 2014/15",
        body: "Rotherham Metropolitan Borough Council, Children and Young People's Service \
               (author: Paul Dempsey, Service Manager, Family Placements and Residential \
               Services)",
        date: "January 2014 (the strategy describes its figures as at the time of writing, \
               January 2014; no publication date is printed)",
        locator: "Sections 1.2-1.4 (aims, goals, recommendations 1-10), 3.1 (care population; its \
                  charts are not in the text), 3.2 (placement supply), 3.3 (placement costs), the \
                  PEST and SWOT analyses (numbered 3.1 and 3.2 again in the document), 4 \
                  (strategy) and 5 (strategic actions); no page numbers",
        facts: &[
            "Section 3.1.16: of 256 children in foster care, 150 (59%) lived with the council's \
             own carers and 106 (41%) with independent fostering agency (IFA) carers.",
            "Section 3.1.16: 125 of the 150 children with in-house carers (83%) lived inside \
             Rotherham, but only 14 of the 106 IFA placements (13%) did; 87% of IFA placements \
             were outside the borough.",
            "Section 3.1.16: in-house carers looked after more children under 10 than over 11 and \
             IFA carers the reverse; the council had too few in-house carers for older and more \
             complex young people.",
            "Section 3.1.16: 42 young people lived in residential care, secure units aside: 15 in \
             council homes and 27 in independent homes, every independent one outside the borough \
             because no independent home then operated in Rotherham.",
            "Section 3.1.16: council residential capacity was 22 places, short-break beds for \
             disabled children excluded, so the homes were under-occupied with 15 children.",
            "Section 3.1.16: 33 children were placed for adoption, 10 of them aged 5 or over and \
             8 from backgrounds other than white British; about two thirds of adoptive placements \
             were bought from other councils or voluntary agencies.",
            "Section 3.1.16: 83% of children looked after were white British; 18 (5%) were of \
             dual white and Asian heritage and 9 (2.5%) were Gypsy/Roma.",
            "Section 3.2.1: 174 approved in-house foster carers, after a net gain of 40 over two \
             years, looked after 150 children: 164 mainstream carers with 140 children (0.85 \
             children per carer) and 10 relative or connected-person carers with one child each.",
            "Section 3.2.1: mainstream carers had 60 full-time vacancies and 22 respite \
             vacancies; the full-time ones were 36 for ages 0-4, 19 for ages 5-10 and 5 for ages \
             11-15, of which 8, 8 and 1 were for pairs of siblings.",
            "Section 3.2.1: the council ran five children's homes, three of them mainstream: \
             Silverwood, an emergency home of up to 7 beds for ages 12-17 with stays of at most \
             20 weeks, and Woodview and St Edmunds, long-term homes of 6 beds each for ages \
             12-17.",
            "Section 3.2.5: the two homes for disabled children were Cherry Tree, 5 long-term \
             beds for ages 8-17, and Liberty House, 8 short-break beds plus 1 emergency bed for \
             stays of up to 12 weeks; 19 Families Together carers gave short breaks to 23 \
             disabled children.",
            "Section 3.2.2: IFA placements were bought under a contract with six tendered \
             providers; the 106 IFA placements were down from a peak of 133 in 2012.",
            "Section 3.2.3: 27 young people were in independent children's homes and 3 in secure \
             accommodation, all outside Rotherham and only 7 of them in South Yorkshire; 3 more \
             were in hospital under mental health sections and 2 at residential schools. \
             Independent residential places were bought through the regional White Rose contract.",
            "Section 3.2.4: projected adoption figures for 2013/14 were 35 children adopted, 31 \
             adoptive families approved (18 in 2012/13) and 45 children placed for adoption, 16 \
             with Rotherham's own adopters and 29 through other agencies; the 2014/15 targets \
             were 42 approvals, at most 20 external placements and at least 5 families for other \
             councils.",
            "Section 3.2.6: care leavers could live at Nelson Street, a semi-independent unit of \
             6 places for ages 16-18, or Hollowgate, 10 places for care leavers (no age range \
             given), both nearly always full, or in up to 5 dispersed properties; 13 care leavers \
             were in Staying Put or supported lodgings arrangements with their carers.",
            "Section 3.2, summary analysis: no in-house carer could offer parent-and-child \
             placements, so all of these were bought from agencies.",
            "Section 3.3: weekly unit cost per placement in Rotherham, with the England average \
             in brackets: all children looked after £883 (£838); council foster care £360 (£428); \
             independent foster care £942 (£864); council residential care £2,481 (£2,866); \
             independent residential care £3,231 (£2,960).",
            "Section 3.3, summary analysis: the average placement cost £45 a week more than in \
             England because Rotherham used more independent placements than average and paid \
             more than average for them, while its own services cost less than average.",
            "SWOT analysis: the in-house carers' financial and practical package was \
             uncompetitive, which made carers for older children and complex needs hard to \
             recruit and pushed placements to the dearer independent sector; Silverwood rarely \
             had more than 5 children in the previous year.",
            "SWOT analysis: two years of recruiting carers for younger children had removed the \
             need to buy IFA placements for children under 10.",
            "PEST analysis: a growing number of children with increasingly complex needs were \
             expected to need accommodation, and online recruitment and marketing were to be used \
             more.",
            "Recommendation 1 and SWOT opportunities: develop Fostering Plus, fee-paid and \
             therapeutically supported carers for older children and complex needs, paid for 'pay \
             as you go' from the out-of-authority placements budget.",
            "Recommendations 3, 4, 9 and 10: review Silverwood's size and cut its maximum stay \
             from 20 to 12 weeks or change its remit; persuade independent providers to open \
             homes in or near Rotherham; find out why so few relatives are approved as foster \
             carers; promote supported lodgings so that more care leavers stay with their carers \
             after 18.",
            "Section 4: the strategy was to decide earlier to bring younger children into care, \
             support families so that fewer adolescents come into care, shift the mix from \
             residential to foster care and from agency to in-house carers, place many more \
             children in Rotherham, and promote special guardianship and residence orders where \
             adoption does not fit.",
            "Section 1.2.3: the Ofsted framework expects children to live with their brothers and \
             sisters where that is in their best interests.",
            "Derived (not in the source): unit costs were about 9% above the England average for \
             both independent foster care (£942 against £864) and independent residential care \
             (£3,231 against £2,960); the 164 mainstream carers had about 1.22 places each \
             counting children placed and full-time vacancies ((140 + 60) / 164); and the four \
             homes listed (7 + 6 + 6 + 5 beds) total 24 beds, not the 22 stated.",
        ],
    },
    Reference {
        id: "R-CPP-2018-07",
        title: "Corporate Parenting Panel, 3 July 2018: agenda pack, including the minutes of 8 \
                May 2018 and the Corporate Parenting Performance Report - May 2018 with its \
                Appendix A (Corporate Parenting Monthly Performance Report, as at month end May \
                2018)",
        body: "Rotherham Metropolitan Borough Council, Corporate Parenting Panel; performance \
               report by Deborah Johnson (Performance Assurance Manager, Social Care) and Ian \
               Walker (Head of Service, Children in Care); Appendix A created 5 June 2018",
        date: "3 July 2018 (meeting); performance data as at month end May 2018; minutes of the \
               meeting of 8 May 2018",
        locator: "Agenda item 12, minutes of 8 May 2018 (pack pages 1-11), minutes 65 and 68; \
                  agenda item 15, Corporate Parenting Performance Report - May 2018 (pack pages \
                  22-44): report sections 3.1-3.12 and the Appendix A indicator tables 6.1-11.8 \
                  with their commentaries",
        facts: &[
            "Appendix A, indicator 6.1: children looked after at the year ends of 2014/15 to \
             2017/18 numbered 407, 432, 488 and 628, and at the month ends of January to May 2018 \
             603, 607, 628, 627 and 642.",
            "Report section 3.2.1 and indicator 6.2: the 642 children of May 2018 are 113.4 per \
             10,000 children under 18, against 81.3 for statistical neighbours and 62.0 for \
             England (2016/17 benchmarks); the rate at the year ends of 2014/15 to 2017/18 was \
             70.0, 76.6, 86.6 and 111.0.",
            "Indicator 6.3: admissions numbered 175, 208, 262 and 330 a year in 2014/15 to \
             2017/18, and 27, 18, 44, 16 and 35 a month in January to May 2018.",
            "Indicator 6.4: children ceasing to be looked after numbered 160, 192, 215 and 194 a \
             year in 2014/15 to 2017/18, and 12, 14, 26, 17 and 20 a month in January to May \
             2018.",
            "Indicators 6.5 and 6.6: the share of leavers leaving to permanence (special \
             guardianship, residence order or adoption) was 37.5%, 40.1%, 27.9% and 27.3% in \
             2014/15 to 2017/18; by special guardianship order alone 9.8% in 2016/17 and 8.2% in \
             2017/18, against 12.0% for England.",
            "Indicator 6.8: the share of leavers who were adopted was 26.3%, 22.4%, 14.4% and \
             13.9% in 2014/15 to 2017/18 (England 14.0%).",
            "Indicator 10.1: adoptions numbered 43, 31 and 27 a year in 2015/16 to 2017/18, and 5 \
             in April and May 2018.",
            "Indicators 10.4 and 10.5: the average time from entering care to moving in with \
             adopters (A1) was 393, 296, 404 and 325 days in 2014/15 to 2017/18, rising to 469 in \
             the year to May 2018 (England 558, statistical neighbours 512); from placement order \
             to match (A2) it was 125 days in 2017/18 (England 226).",
            "Report section 3.11.3: an adoption application can be lodged only after at least 10 \
             weeks in the placement, and courts were taking about 12 weeks to hear one, up from \
             6; 24 children were living with their prospective adopters, with 10 more matched and \
             10 potentially matched.",
            "Report section 3.2.2, table 1: of the 642 children in May 2018, 49 (7.6%) were under \
             1, 103 (16.0%) aged 1-4, 137 (21.3%) aged 5-9, 242 (37.7%) aged 10-15 and 108 \
             (16.8%) aged 16 or over; England in March 2017: 5%, 13%, 19%, 39% and 24%.",
            "Report section 3.2.3: by legal status in May 2018, 52% of children were on full care \
             orders, 31% on interim care orders, 10% on placement orders and 6% accommodated \
             under section 20.",
            "Appendix A, commentary on indicators 6.1-6.6: 24 of the 35 children admitted in May \
             2018 came in 7 large sibling groups, one of 6 and six of 3; April 2018 saw the first \
             net fall in numbers for 8 months.",
            "Appendix A, commentary on indicators 6.1-6.6: the average age at admission fell from \
             10.5 when the Right Child Right Care (RCRC) project began to 5.1 by May 2018; RCRC \
             had discharged 34 of the 169 children first in scope (20%) and 13 outside it, and 19 \
             more had turned 18.",
            "Minutes of 8 May 2018, minute 65: admissions rose from an average of 24 a month in \
             the first half of 2017/18 to 39 over the latest four months, while discharges fell \
             from 19 to 12 a month, blamed on higher caseloads, long journeys to distant \
             placements and too little contact-service capacity. That March report's provisional \
             2017/18 figures, 320 admissions, 184 discharges and 624 children, were later \
             refreshed to the 330, 194 and 628 of indicators 6.1-6.4.",
            "Indicators 8.3 and 8.4 and report section 3.6.1: 81.0% of children looked after \
             lived in family-based settings in May 2018 (81.1% at the end of 2016/17), and 4.9% \
             were placed with parents (5.5%, 5.0%, 4.3% and 4.7% in January to April 2018).",
            "Indicator 8.5: children in commissioned (external fostering and residential) \
             placements numbered 188 of 431 (43.6%) at the end of 2015/16, 211 of 488 (43.2%) in \
             2016/17, 315 of 624 (50.5%) in 2017/18 and 319 of 642 (49.7%) in May 2018.",
            "Indicators 9.1 and 9.2: children in foster placements, family and friends carers \
             excluded, numbered 353 (72.3%) at the end of 2016/17, 414 (65.9%) in 2017/18 and 420 \
             (65.4%) in May 2018.",
            "Indicator 8.2 and report section 3.6.3: the share of children with three or more \
             placements in the past 12 months was 12.0%, 13.0%, 11.9% and 13.4% in 2014/15 to \
             2017/18 and 13.8% (88 of 636) in May 2018; England 10%, statistical neighbours 9.2%.",
            "Indicator 8.1 and report section 3.6.4: the share of long-term looked-after children \
             in the same placement for at least two years was 71.9%, 72.7%, 66.2% and 61.2% in \
             2014/15 to 2017/18 and 61.3% (92 of 150) in May 2018; England 68%.",
            "Indicator 9.3: approved in-house fostering households numbered 156, 161 and 154 at \
             the ends of 2015/16 to 2017/18, and 157, 155, 154, 154 and 152 at the month ends of \
             January to May 2018.",
            "Indicators 9.4 and 9.5: 13, 32 and 16 fostering households were recruited and 16, 22 \
             and 25 deregistered in 2015/16 to 2017/18; 2 and 4 in April and May 2018.",
            "Report section 3.10.1: 17 new fostering households giving 27 places were approved in \
             2017/18 (indicator 9.4 counts 16), and conversion from expression of interest to \
             approval rose from 11% to 16%.",
            "Report sections 3.10.2 and 3.10.3: by 1 June 2018, 3 households (5 places) had been \
             approved, 15 more (20 places) were booked for panel, 6 of them able to take \
             adolescents, and 4 assessments awaited allocation; there were 33 enquiries in May \
             2018.",
            "Report section 3.10.5: there were 25 resignations and deregistrations in 2017/18 and \
             4 more in 2018/19 to date; in the past 12 months 4 carers had resigned within two \
             years of approval, some because of illness or bereavement.",
            "Report section 3.9.1 and indicator 7.1: young people receiving a care leavers \
             service numbered 183, 197, 223 and 256 at the ends of 2014/15 to 2017/18 and 249 in \
             May 2018.",
            "Report section 3.12: allowing for 20% of social workers' time lost to supervising \
             contact and travelling to distant placements, the real average caseload in LAC teams \
             1-3 was about 18; the nine independent reviewing officers averaged 69.9 children \
             each against a recommended 50-70.",
            "Report section 3.6.5: in the Intensive Intervention Programme, the young people with \
             two or more placement moves fell from 14 before it to 4 after, and those going \
             missing from 7 to 3.",
            "Minutes of 8 May 2018, minute 68: 45 young people over 14 had been accommodated \
             under section 20 in the past 12 months; the proposed weekly charge to their parents \
             was set at the in-house foster care rate, £189.37 for ages 11-15 and £230.30 for \
             ages 16-17.",
            "Derived (not in the source): the under-18 population implied by 642 children at \
             113.4 per 10,000 is about 56,600; 215 leavers from 488 children in 2016/17 is 44% a \
             year; leavers by special guardianship or residence order were about 13.5% (2016/17) \
             and 13.4% (2017/18), permanence less adoption; 17 households with 27 places is 1.59 \
             places each; 61.3% stable over two years is a placement ending rate of about 0.25 a \
             year (-ln 0.613 / 2); 24 children living with adopters against about 27 adoptions a \
             year is about 11 months with the adopters before the order.",
        ],
    },
    Reference {
        id: "R-ILSC-2018-09",
        title: "Minutes of the agenda item 'Demand Management and Placement Sufficiency'",
        body: "Rotherham Metropolitan Borough Council, Improving Lives Select Commission (report \
               introduced by Councillor Watson, Deputy Leader; evidence from the Head of Service, \
               Looked After Children, and the Strategic Director)",
        date: "September 2018 (the meeting date is not printed in the minutes; the latest figures \
               are as at 28 August 2018)",
        locator: "The item's minutes: introduction, the Head of Service's evidence, the \
                  discussion (questions and answers) and the resolution; no section or page \
                  numbers",
        facts: &[
            "Introduction: children looked after rose by 116 (21%) over the past year; without \
             the effects of past poor practice, complex abuse investigations and National Crime \
             Agency operations the rise would have been about 4%, close to the national average.",
            "Evidence: there were 488 children looked after at the end of 2016/17, 590 in January \
             2018 and 651 at the end of August 2018.",
            "Evidence: the share of children in commissioned placements (IFAs and \
             out-of-authority children's homes) rose from 43% (211 of 488) at the end of 2016/17 \
             to 48.3% (293 of 607) in January 2018 and 52.2% (340 of 651) in August 2018.",
            "Evidence, budget as at 28 August 2018: out-of-authority residential care was \
             projected at £12.3M for 62 placements, £3.0M over budget, and IFA care at £11.5M for \
             278 placements, £3.7M over; the £6.7M overspend was expected to grow if practice did \
             not change.",
            "Evidence: the average net monthly rise in numbers fell from 9.4 in the first five \
             months of 2018 to 3 in the next four; over the same periods the average age at \
             admission fell from 8.8 to 6.5 years; care proceedings fell from 19.5 a month in \
             2017/18 to 15.4 so far in 2018/19.",
            "Evidence: the service's data show that children admitted younger spend less time in \
             care, cost less to place and reach permanence sooner.",
            "Evidence: demand was being reduced through more senior oversight, the Right Child \
             Right Care project, an Edge of Care panel, the Coming Home project, placement \
             commissioning and more in-house foster care.",
            "Discussion: children taken into police protection over a weekend were assessed \
             intensively for 72 hours with their family instead of going to an interim care \
             order, and went home on a child protection plan within two weeks.",
            "Discussion: carers gave as reasons for stopping changes in family circumstances, \
             changes to long-term placements, bereavement and the stress of allegation \
             investigations (the LADO process); the support package was to be reviewed, and the \
             Head of Service joined the LADO process to keep it quick.",
            "Discussion: two Mockingbird hubs were running and a third was about to start; a hub \
             carer without a full-time placement can support carers facing allegations.",
            "Discussion: some carers resigned soon after approval (numbers to follow in writing; \
             no comparison with other councils), so assessments, first-year training and support, \
             and matching were reviewed; a few IFA carers were transferring to the council \
             because of its support.",
            "Discussion: respite-only fostering was to be offered in the revised strategy, and a \
             Muslim foster care project was working with community leaders and mosques because \
             more Muslim children were in care and very few carers were Muslim.",
            "Discussion: most Regulation 24 (family and friends) placements became special \
             guardianship or child arrangements orders, or the children went home, during care \
             proceedings, with carers paid as they would be as foster carers; long-term plans \
             were in place for 44 children, and more foster carers were taking special \
             guardianship orders.",
            "Discussion: the service had received £12M of additional investment and Ofsted still \
             judged it to require improvement; the refreshed sufficiency strategy was to come \
             back in March 2019.",
            "Derived (not in the source): £12.3M for 62 placements is about £3,800 a week each \
             and £11.5M for 278 placements about £795 a week each (dividing by 52 weeks); the \
             budgets implied by the projections less the overspends were £9.3M and £7.8M, £17.1M \
             in all.",
        ],
    },
    Reference {
        id: "R-SUFF-2020-07",
        title: "ILSC Work Programme Progress Report: July 2020 Update on LAC Sufficiency Monitor \
                progress and assess any impact on capacity due to COVID 19, with Appendix 1, \
                Fostering Recruitment and Retention Activity and Placement Capacity Projections",
        body: "Rotherham Metropolitan Borough Council; briefing to the Improving Lives Select \
               Commission (lead officer Jenny Lingrell, Assistant Director, Commissioning, \
               Performance and Inclusion)",
        date: "28 July 2020",
        locator: "Paragraphs 1.1, 2.1-2.11, 3.1-3.4 and 4.1, and Appendix 1 (the fostering \
                  scorecard, rows 1.1-4.6, monthly from October 2019 to June 2020)",
        facts: &[
            "Paragraph 1.1: the LAC Sufficiency Strategy 2019-2022, approved by Cabinet in June \
             2019, set out to increase in-house foster carers, develop residential homes in the \
             borough, keep track of need and value for money, work regionally, review the \
             fostering framework, set up a dynamic purchasing framework for care leavers and work \
             with Adult Care and Housing on vulnerable 16-17 year olds.",
            "Paragraph 2.1: the new fostering recruitment website and customer relationship \
             system went live at the end of September 2019; 314 people had booked an initial \
             information visit since then.",
            "Paragraphs 2.2 and 2.3: COVID-19 delayed assessments in March to May 2020; 14 \
             prospective carers were booked for panel between July and October 2020 and 2 \
             households were approved in June 2020.",
            "Paragraph 2.3: 17 households, with 22 places between them, were approved in 2019/20, \
             but more were lost to deregistration or conversion to special guardianship orders.",
            "Appendix 1, rows 1.1-1.3 and 2.1, totals for 2019/20: 236 information visits, 82 \
             follow-up visits, 47 assessments started and 17 households approved.",
            "Appendix 1, rows 1.1-1.3, October 2019 to March 2020 and then April to June 2020: \
             information visits 28, 17, 15, 36, 21, 24 and 33, 25, 20; follow-up visits 7, 10, 7, \
             4, 12, 16 and 14, 8, 8; assessments started 0, 1, 6, 5, 5, 8 and 4, 1, 0.",
            "Appendix 1, rows 1.4 and 1.5, month ends October 2019 to June 2020: assessments in \
             stage 1 numbered 13, 14, 11, 14, 18, 21, 25, 25, 18 and in stage 2 5, 5, 2, 2, 2, 4, \
             2, 2, 3.",
            "Appendix 1, rows 2.1-2.4, October 2019 to June 2020: households approved 2, 0, 4, 1, \
             0, 2, 3, 0, 2 with 3, 0, 8, 1, 0, 2, 4, 0, 3 places; households ceasing 0, 1, 5, 1, \
             1, 1, 0, 1, 0 with 0, 1, 7, 1, 1, 2, 0, 1, 0 places.",
            "Appendix 1, rows 2.3-2.6: in 2019/20, 21 households with 29 places stopped \
             fostering, a net change of -4 households and -7 places; in April to June 2020, 5 \
             households (7 places) were approved and 1 (1 place) stopped, a net gain of 4 \
             households and 6 places.",
            "Appendix 1, rows 3.1-3.8: for July to October 2020, 14 approvals (21 places) were \
             booked at panel and losses were projected at the average of the last 12 months, 1.6 \
             households (2.25 places) a month; the projected net gain for 2020/21 was 11.6 \
             households (7.9%) and 18 places (7.4%).",
            "Appendix 1, row 4.1: children looked after at the month ends of October 2019 to \
             March 2020 numbered 622, 615, 608, 608, 606 and 595, and of April to June 2020 605, \
             604 and 601.",
            "Appendix 1, rows 4.2 and 4.4: children with in-house foster carers (Regulation 24 \
             and specific-child approvals included) numbered 165, 165, 166, 167, 168, 170, 180, \
             178 and 178 at the month ends of October 2019 to June 2020, 26.5% of all children \
             looked after rising to 29.6%.",
            "Appendix 1, rows 4.3 and 4.5: children with external (agency) foster carers numbered \
             262, 255, 261, 264, 259, 251, 253, 256 and 257 at the month ends of October 2019 to \
             June 2020, 41.5%-43.4% of all children looked after.",
            "Appendix 1, unnumbered row 'NEW' and row 4.6: children in 'Reg 38(6)' placements \
             numbered 18, 16, 10, 11, 11, 12, 10, 11 and 11 at the month ends of October 2019 to \
             June 2020 (the scorecard does not define the term); other placement types held 31.4% \
             of children in October 2019 and 27.6% in June 2020.",
            "Paragraph 2.4: Rotherham rejoined the White Rose Fostering Framework in April 2020 \
             because keeping its own framework risked higher prices; during COVID-19 the \
             framework challenged providers asking individual councils for higher fees.",
            "Paragraph 2.5: workshops with IFA providers explored more step-down foster \
             placements for young people previously in residential care.",
            "Paragraph 2.6: foster placement disruptions for young people with challenging \
             behaviour increased during COVID-19, and demand for placements might rise once \
             lockdown eased.",
            "Paragraph 2.7: market shaping had added 16 independent residential places inside the \
             borough in the last 18 months; these are cheaper than distant private homes and keep \
             children's local links.",
            "Paragraph 2.8: Cabinet approved the in-house residential business case on 17 \
             February 2020, 16 places plus 2 registered emergency places; Pegasus House was \
             registered by Ofsted in July 2020, and phase two was to register two more two-bed \
             homes.",
            "Paragraph 2.9: the 16+ support and accommodation flexible purchasing system was in \
             its final procurement stage in July 2020.",
            "Paragraphs 2.10 and 2.11: since lockdown between 3 and 8 children at a time had been \
             in emergency provision, a high of 8 in mid-April, 3 in June and 7 when the report \
             was finalised; emergency placements follow placement breakdowns and emergency \
             admissions.",
            "Paragraph 2.11: in 2020/21 so far, external residential placements were down by 4 \
             (one above the budget profile), in-house foster placements up by 8 against a target \
             of +47 for the year (forecast 43), and IFA placements up by 7 against a plan to \
             reduce them, partly because of a large sibling group and a mother-and-baby \
             placement.",
            "Paragraphs 3.1 and 4.1: planning for the children chosen to move into the new \
             in-borough and in-house residential places was to be completed by September 2020; \
             COVID-19 had slowed the strategy but not stopped it.",
            "Derived (not in the source): 236 information visits in 2019/20 is 19.7 a month; the \
             funnel's conversions were 82 / 236 = 0.347, 47 / 82 = 0.573 and 17 / 47 = 0.362; \
             information visits averaged about 16 a month before the website (236 - 141 = 95 in \
             April to September 2019) and 23.5 a month after it (141 in October 2019 to March \
             2020); places per household were 22 / 17 = 1.29 for those approved and 29 / 21 = \
             1.38 for those leaving in 2019/20; stage 1 held on average 17.7 applicants against \
             47 starts a year, about 4.5 months each.",
        ],
    },
    Reference {
        id: "R-CAB-2022-10",
        title: "Looked After Children and Care Leavers Sufficiency Strategy 2023-2028",
        body: "Rotherham Metropolitan Borough Council, report to Cabinet (authors Helen Sweaton, \
               Assistant Director, Commissioning, Performance and Quality, and Monica Green, \
               Assistant Director, Children's Social Care; approved for submission by Suzanne \
               Joyner, Strategic Director of Children and Young People's Services)",
        date: "17 October 2022",
        locator: "Report summary; sections 1.2, 1.4 (priorities of the 2019-22 strategy), 2.1 \
                  (progress against those six priorities), 2.7 (internal audit), 2.8 (aspirations \
                  for 2023-28) and 2.10 (monitoring); Appendix 1, the strategy itself, is not in \
                  the text",
        facts: &[
            "Section 1.4: the 2019-22 strategy, approved by Cabinet in June 2019, aimed to rely \
             less on IFAs by recruiting more in-house carers, develop local residential homes and \
             block-book beds where that gives best value, work regionally, review the fostering \
             framework, set up a dynamic purchasing framework for care leavers and work with \
             Adult Care and Housing on vulnerable 16-17 year olds.",
            "Section 2.1, priority 1: recruitment had significant investment in a digital \
             marketing contract and some successes, but in 2021 it missed its target; a review \
             and a new specification then improved performance.",
            "Section 2.1, priority 1: because carers resigned or were deregistered, the number of \
             in-house foster carers did not grow over the strategy; nationally in 2020/21 agency \
             fostering households and places rose while council ones fell; the programme now \
             targets retention as well as recruitment.",
            "Section 2.1, priority 2: the February 2020 Cabinet decision provided 16 residential \
             beds and 2 emergency beds across 7 registered settings; by 2022, 4 homes had been \
             bought or acquired, 4 managers and 44 staff recruited, 3 homes opened and rated Good \
             by Ofsted at first inspection, and 6 young people had lived in them; some young \
             people had stepped down from residential into foster care.",
            "Section 2.1, priority 2: block bookings were secured, but because children must be \
             matched to live safely together and with the provider, they did not always give best \
             value.",
            "Section 2.1, priorities 3 and 4: Rotherham joined the White Rose fostering framework \
             in April 2020 and works with other Yorkshire and Humber councils, though providers \
             operating 'off framework' reduce the collective buying power.",
            "Section 2.1, priority 5: the 16+ support and accommodation flexible purchasing \
             system went live in January 2021; Ofsted was to start registering 16+ accommodation \
             providers from April 2023.",
            "Section 2.1, priority 6: commissioning for homeless 16-17 year olds was shared with \
             Adult Care and Housing, and the flexible purchasing system was to be extended to \
             them.",
            "Section 2.7: Internal Audit gave substantial assurance that the intentions of the \
             2019-22 strategy had been achieved.",
            "Section 2.8: the aspirations for 2023-28 include more young people aged 10 and over \
             cared for safely in their families and communities, and access to a range of homes, \
             internal and external, that meet children's needs.",
            "Section 1.2 and section 2.10: the new strategy covers the five years 2023-2028 (the \
             summary says three), with progress and aspirations reviewed yearly by the Corporate \
             Parenting Board.",
        ],
    },
];

/// The reference with this ID. Surrounding spaces and square brackets are ignored, and so is
/// case: `"R-SUFF-2020-07"`, `"[R-SUFF-2020-07]"` and `"r-suff-2020-07"` all find it.
pub fn find(id: &str) -> Option<&'static Reference> {
    let id = id.trim();
    let id = id
        .strip_prefix('[')
        .and_then(|inner| inner.strip_suffix(']'))
        .unwrap_or(id)
        .trim();
    REFERENCES.iter().find(|r| r.id.eq_ignore_ascii_case(id))
}

/// The reference that replaced an old seed file, by the file's number: `"000"`, `"0"`,
/// `"seed 000"` and the file name `"000_e160befd0f888535.txt"` all give `R-SUFF-2020-07`.
/// Anything else (an unknown number, more than three digits, other text) gives `None`.
pub fn for_seed(seed: &str) -> Option<&'static Reference> {
    let text = seed.trim();
    let text = match text.get(..4) {
        Some(word) if word.eq_ignore_ascii_case("seed") => text[4..].trim_start(),
        _ => text,
    };
    let digits_end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, rest) = text.split_at(digits_end);
    if digits.is_empty() || digits.len() > 3 || !(rest.is_empty() || rest.starts_with('_')) {
        return None;
    }
    let number: u32 = digits.parse().ok()?;
    SEED_REFERENCES
        .iter()
        .find(|(seed, _)| seed.parse::<u32>() == Ok(number))
        .and_then(|(_, id)| find(id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The readable list, which must say the same as [`REFERENCES`].
    const DOC: &str = include_str!("../../../docs/references.md");

    fn squash(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn ids_are_unique_and_well_formed() {
        let mut seen = BTreeSet::new();
        for r in REFERENCES {
            assert!(seen.insert(r.id), "duplicate reference id {}", r.id);
            let parts: Vec<&str> = r.id.split('-').collect();
            assert_eq!(parts.len(), 4, "{}: expected R-NAME-YYYY-MM", r.id);
            assert_eq!(parts[0], "R", "{}", r.id);
            assert!(
                !parts[1].is_empty() && parts[1].chars().all(|c| c.is_ascii_uppercase()),
                "{}: the name part is capital letters",
                r.id
            );
            let year: u32 = parts[2].parse().expect("year");
            let month: u32 = parts[3].parse().expect("month");
            assert!(
                parts[2].len() == 4 && (1990..=2100).contains(&year),
                "{}",
                r.id
            );
            assert!(parts[3].len() == 2 && (1..=12).contains(&month), "{}", r.id);
            assert!(
                r.date.contains(parts[2]),
                "{}: the date {:?} does not mention the ID's year",
                r.id,
                r.date
            );
        }
    }

    #[test]
    fn every_field_is_filled_and_every_fact_located() {
        for r in REFERENCES {
            for (name, value) in [
                ("title", r.title),
                ("body", r.body),
                ("date", r.date),
                ("locator", r.locator),
            ] {
                assert!(!value.trim().is_empty(), "{}: empty {name}", r.id);
                assert_eq!(value, value.trim(), "{}: {name} has stray spaces", r.id);
            }
            assert!(!r.facts.is_empty(), "{}: no facts", r.id);
            let mut seen = BTreeSet::new();
            for fact in r.facts {
                assert!(seen.insert(*fact), "{}: repeated fact {fact}", r.id);
                assert!(
                    fact.ends_with('.'),
                    "{}: fact is not a sentence: {fact}",
                    r.id
                );
                let (locator, text) = fact
                    .split_once(": ")
                    .unwrap_or_else(|| panic!("{}: fact without its location: {fact}", r.id));
                assert!(
                    !locator.trim().is_empty() && locator.len() <= 80,
                    "{}: fact must start with a short location: {fact}",
                    r.id
                );
                assert!(!text.trim().is_empty(), "{}: empty fact: {fact}", r.id);
            }
        }
    }

    #[test]
    fn every_seed_maps_to_a_reference() {
        let expected = [
            ("000", "R-SUFF-2020-07"),
            ("001", "R-CAB-2022-10"),
            ("002", "R-ILSC-2018-09"),
            ("003", "R-CPP-2018-07"),
            ("004", "R-PSS-2014-01"),
        ];
        assert_eq!(SEED_REFERENCES, expected.as_slice());
        let mut targets = BTreeSet::new();
        for (seed, id) in SEED_REFERENCES {
            let found = for_seed(seed).unwrap_or_else(|| panic!("seed {seed} maps to nothing"));
            assert_eq!(found.id, *id);
            assert!(targets.insert(*id), "two seeds map to {id}");
        }
    }

    #[test]
    fn for_seed_reads_the_old_spellings() {
        let id = |s: &str| for_seed(s).map(|r| r.id);
        assert_eq!(id("000"), Some("R-SUFF-2020-07"));
        assert_eq!(id("0"), Some("R-SUFF-2020-07"));
        assert_eq!(id(" seed 003 "), Some("R-CPP-2018-07"));
        assert_eq!(id("Seed 4"), Some("R-PSS-2014-01"));
        assert_eq!(id("seed002"), Some("R-ILSC-2018-09"));
        assert_eq!(id("001_00dc5f3b095d9852.txt"), Some("R-CAB-2022-10"));
        for bad in [
            "",
            "seed",
            "005",
            "999",
            "0000",
            "00a",
            "3.5",
            "-1",
            "abc",
            "seed x",
            "R-SUFF-2020-07",
        ] {
            assert_eq!(id(bad), None, "{bad:?} should not map");
        }
    }

    #[test]
    fn find_by_id() {
        assert_eq!(
            find("R-PSS-2014-01").map(|r| r.title),
            Some(REFERENCES[0].title)
        );
        assert_eq!(
            find(" [R-SUFF-2020-07] ").map(|r| r.date),
            Some("28 July 2020")
        );
        assert_eq!(find("r-cab-2022-10").map(|r| r.id), Some("R-CAB-2022-10"));
        assert!(find("R-SUFF-2020").is_none());
        assert!(find("").is_none());
        for r in REFERENCES {
            assert_eq!(find(r.id), Some(r));
        }
    }

    #[test]
    fn citation_names_body_title_date_and_id() {
        let r = find("R-SUFF-2020-07").unwrap();
        let c = r.citation();
        assert!(c.starts_with(r.body));
        assert!(c.contains(r.title) && c.contains("28 July 2020"));
        assert!(c.ends_with("[R-SUFF-2020-07]"));
    }

    #[test]
    fn docs_say_the_same_as_the_module() {
        let doc = squash(DOC);
        let headings: BTreeSet<&str> = DOC
            .lines()
            .filter_map(|line| line.strip_prefix("### R-"))
            .map(|rest| rest.split(':').next().unwrap_or(rest).trim())
            .collect();
        let ids: BTreeSet<&str> = REFERENCES
            .iter()
            .map(|r| r.id.strip_prefix("R-").unwrap())
            .collect();
        assert_eq!(
            headings, ids,
            "docs/references.md sections differ from REFERENCES"
        );
        for r in REFERENCES {
            for (label, value) in [
                ("Title", r.title),
                ("Body", r.body),
                ("Date", r.date),
                ("Locator", r.locator),
            ] {
                let line = squash(&format!("- {label}: {value}"));
                assert!(
                    doc.contains(&line),
                    "docs/references.md lacks {}'s {line}",
                    r.id
                );
            }
            for fact in r.facts {
                let line = squash(&format!("- {fact}"));
                assert!(
                    doc.contains(&line),
                    "docs/references.md lacks {}'s fact: {fact}",
                    r.id
                );
            }
        }
        for (seed, id) in SEED_REFERENCES {
            let row = format!("| {seed} | {id} |");
            assert!(
                doc.contains(&row),
                "docs/references.md lacks the seed row {row}"
            );
        }
    }
}
