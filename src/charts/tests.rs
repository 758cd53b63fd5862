//! Component rendering tests through Yew's server-side renderer, run natively.

use std::future::Future;
use std::pin::pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};

use engine::metrics::Unit;
use engine::report::Stat;
use yew::{AttrValue, BaseComponent, LocalServerRenderer};

use super::*;

/// Runs a future to completion on this thread (the renderer needs no runtime).
fn block_on<F: Future>(f: F) -> F::Output {
    struct Unpark(Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut f = pin!(f);
    loop {
        match f.as_mut().poll(&mut cx) {
            Poll::Ready(v) => return v,
            Poll::Pending => thread::park(),
        }
    }
}

fn render<C: BaseComponent>(props: C::Properties) -> String {
    block_on(
        LocalServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// The checks every rendered chart must pass.
fn assert_clean(html: &str) {
    assert!(!html.contains("style="), "inline style in {html}");
    assert!(!html.contains("NaN"), "NaN in {html}");
    for bad in ["\"inf", "inf\"", "inf,", ",inf", "Linf", "Minf"] {
        assert!(!html.contains(bad), "infinity in {html}");
    }
}

fn stat(m: f64) -> Stat {
    Stat {
        mean: m,
        p5: m - 40.0,
        p10: m - 30.0,
        p25: m - 15.0,
        p50: m,
        p75: m + 15.0,
        p90: m + 30.0,
        p95: m + 40.0,
        ..Default::default()
    }
}

/// A chart's table toggle rendered open.
fn open_table(data: TableData, id: &'static str) -> String {
    render::<TableToggle>(TableToggleProps {
        caption: "Table".into(),
        data,
        id: id.into(),
        open: true,
    })
}

fn months(n: usize) -> Rc<Vec<String>> {
    Rc::new(engine::report::month_labels(2020, 7, n))
}

fn series(label: &str, start: f64, n: usize) -> Series {
    Series {
        label: label.into(),
        stats: (0..n).map(|i| stat(start - i as f64 * 0.3)).collect(),
    }
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[test]
fn fan_chart_renders_bands_legend_caption_and_table() {
    let months = months(60);
    let series = Rc::new(vec![series("Baseline", 601.0, 60)]);
    let props = FanChartProps {
        title: "Children in care".into(),
        unit: Unit::Children,
        months: months.clone(),
        series: series.clone(),
        runs: 1000,
        samples: Rc::new(vec![vec![600.0; 60], vec![590.0; 60]]),
        zero_line: false,
        id: "in-care".into(),
    };
    let html = render::<FanChart>(props);
    assert_clean(&html);
    assert!(html.contains(r#"<figure id="in-care" class="chart fan-chart">"#));
    assert!(html.contains(r#"role="img""#));
    assert!(html.contains(
        "aria-label=\"Children in care: median falls from 601 in July 2020 to 583 by June 2025"
    ));
    for band in [
        "band band-5-95",
        "band band-10-90",
        "band band-25-75",
        "class=\"median\"",
    ] {
        assert_eq!(count(&html, band), 1, "{band}");
    }
    assert_eq!(count(&html, "class=\"sample\""), 2);
    assert!(html.contains(text::MEDIAN));
    assert!(
        html.contains("in 8 of 10 simulated futures that month\u{2019}s value falls inside them")
    );
    assert!(html.contains("in 5 of 10 simulated futures"));
    assert!(html.contains("in 9 of 10 simulated futures"));
    assert!(html.contains("Based on 1,000 simulated futures, July 2020 to June 2025."));
    // The table toggle starts closed, without its rows; opened, it holds every month.
    assert!(
        html.contains(r#"<details class="chart-table"><summary>Show table</summary></details>"#)
    );
    assert!(!html.contains("<table"));
    let table = open_table(
        TableData::Fan {
            unit: Unit::Children,
            months,
            series,
            difference: false,
        },
        "in-care-table",
    );
    assert!(table.contains(r#"<details open="open" class="chart-table">"#));
    assert!(table.contains(r#"<table id="in-care-table" class="data-table">"#));
    assert_eq!(count(&table, "<tr>"), 61, "header row + one per month");
    assert_eq!(count(&table, r#"<th scope="row""#), 60);
    assert_eq!(count(&table, r#"<th scope="col""#), 9);
    for year in ["2021", "2022", "2023", "2024", "2025"] {
        assert!(html.contains(&format!(">{year}</text>")), "x tick {year}");
    }
    assert!(html.contains(r#"viewBox="0 0 560 280""#));
    assert!(html.contains(r#"preserveAspectRatio="xMidYMid meet""#));
}

#[test]
fn fan_chart_with_comparisons_uses_dashes_and_per_series_columns() {
    let all = Rc::new(vec![
        series("Baseline", 50.0, 12),
        series("Recruit", 40.0, 12),
        series("Homes", 45.0, 12),
    ]);
    let props = FanChartProps {
        title: "Sufficiency gap".into(),
        unit: Unit::Children,
        months: months(12),
        series: all.clone(),
        runs: 250,
        samples: Rc::default(),
        zero_line: false,
        id: AttrValue::default(),
    };
    let html = render::<FanChart>(props);
    assert_clean(&html);
    assert!(!html.contains(" id="), "no empty id attributes");
    assert_eq!(count(&html, "class=\"comparison-median\""), 2);
    assert_eq!(count(&html, "class=\"comparison-band\""), 2);
    assert!(html.contains(&format!(r#"stroke-dasharray="{}""#, palette::dash(0))));
    assert!(html.contains(&format!(r#"stroke-dasharray="{}""#, palette::dash(1))));
    assert_eq!(count(&html, "class=\"comparison-edge\""), 4);
    assert!(html.contains("Recruit: median (thick dashed line)"));
    assert!(html.contains("Homes: median (thick dotted line)"));
    assert!(html.contains("Baseline: Median (middle line)"));
    let data = TableData::Fan {
        unit: Unit::Children,
        months: months(12),
        series: all,
        difference: false,
    };
    let table = open_table(data, "gap-table");
    assert!(table.contains("Recruit: 90th percentile"));
    assert_eq!(count(&table, r#"<th scope="col""#), 1 + 3 * 3);
    assert_eq!(count(&table, r#"<th scope="row""#), 12);
    assert!(html.contains("Based on 250 simulated futures, July 2020 to June 2021."));
}

#[test]
fn fan_chart_survives_empty_and_non_finite_data() {
    let mut bad = stat(10.0);
    bad.p95 = f64::INFINITY;
    bad.p50 = f64::NAN;
    for (m, s) in [
        (months(0), vec![]),
        (months(5), vec![]),
        (
            months(1),
            vec![Series {
                label: "One".into(),
                stats: vec![stat(3.0)],
            }],
        ),
        (
            months(3),
            vec![Series {
                label: "Bad".into(),
                stats: vec![bad, stat(f64::NAN), bad],
            }],
        ),
    ] {
        let html = render::<FanChart>(FanChartProps {
            title: "T".into(),
            unit: Unit::Pounds,
            months: m,
            series: Rc::new(s),
            runs: 0,
            samples: Rc::new(vec![vec![f64::NAN, 1.0]]),
            zero_line: true,
            id: "t".into(),
        });
        assert_clean(&html);
        assert!(html.contains("</figure>"));
    }
}

#[test]
fn difference_chart_has_zero_line_and_explains_it() {
    let diff = |label: &str, m: f64| Series {
        label: label.into(),
        stats: vec![stat(m); 24],
    };
    let one = render::<DifferenceChart>(DifferenceChartProps {
        title: "Cost compared with the baseline".into(),
        unit: Unit::Pounds,
        months: months(24),
        series: Rc::new(vec![diff("Recruit", -20.0)]),
        runs: 500,
        id: "diff".into(),
    });
    assert_clean(&one);
    assert_eq!(count(&one, "class=\"zero-line\""), 1);
    assert!(one.contains("Below zero = lower than that"));
    assert!(one.contains("median difference about \u{2212}£20 by June 2022"));
    let two = render::<DifferenceChart>(DifferenceChartProps {
        title: "Gap compared with the baseline".into(),
        unit: Unit::Children,
        months: months(24),
        series: Rc::new(vec![diff("Recruit", -20.0), diff("Homes", 5.0)]),
        runs: 500,
        id: AttrValue::default(),
    });
    assert_clean(&two);
    assert_eq!(count(&two, "class=\"chart-panel\""), 2);
    assert_eq!(count(&two, "class=\"zero-line\""), 2);
    assert_eq!(count(&two, "band band-25-75"), 2);
    assert_eq!(count(&two, r#"viewBox="0 0 560 200""#), 2);
    assert!(two.contains(r#"<p class="chart-panel-title">Homes</p>"#));
}

#[test]
fn a_difference_of_shares_reads_in_points_not_percent() {
    let diff = |label: &str, m: f64| Series {
        label: label.into(),
        stats: vec![stat(m); 24],
    };
    let html = render::<DifferenceChart>(DifferenceChartProps {
        title: "In-house share: difference".into(),
        unit: Unit::BasisPoints,
        months: months(24),
        series: Rc::new(vec![diff("Recruit", 0.03), diff("Homes", -0.01)]),
        runs: 500,
        id: "diff-share".into(),
    });
    assert_clean(&html);
    assert!(html.contains(" pts</text>"), "{html}");
    assert!(html.contains("median difference about +3.0 points by June 2022"));
    let ticks = html.split("</text>").filter(|t| t.ends_with('%')).count();
    assert_eq!(ticks, 0, "no axis label in %: {html}");
    let table = open_table(
        TableData::Fan {
            unit: Unit::BasisPoints,
            months: months(2),
            series: Rc::new(vec![diff("Recruit", 0.03)]),
            difference: true,
        },
        "t",
    );
    assert!(table.contains("3.00 points"), "{table}");
    assert!(!table.contains('%'), "{table}");
}

#[test]
fn stacked_chart_renders_layers_legend_and_table() {
    let layers = vec![
        ("In-house foster".to_string(), vec![300.0; 24]),
        ("IFA foster".to_string(), vec![150.0; 24]),
        ("Children's homes".to_string(), vec![f64::NAN; 24]),
    ];
    let layers = Rc::new(layers);
    let html = render::<StackedChart>(StackedChartProps {
        title: "Where children live".into(),
        unit: Unit::Children,
        months: months(24),
        layers: layers.clone(),
        runs: 1000,
        id: "mix".into(),
    });
    assert_clean(&html);
    assert!(html.contains(r#"<figure id="mix" class="chart stacked-chart">"#));
    assert_eq!(count(&html, "class=\"layer\""), 3);
    assert_eq!(count(&html, "class=\"legend-key\""), 3);
    assert!(html.contains("Averages over 1,000 simulated futures, July 2020 to June 2022."));
    assert!(html.contains("the total is 450"));
    assert!(html.contains(r#"<summary>Show table</summary></details>"#));
    let data = TableData::Stacked {
        unit: Unit::Children,
        months: months(24),
        layers,
    };
    let table = open_table(data, "mix-table");
    assert_eq!(count(&table, r#"<th scope="row""#), 24);
    assert!(table.contains(">Total</th>"));
    let legend_first = html.find("<li>").unwrap_or(0);
    assert!(
        html[legend_first..].find("Children&#x27;s homes")
            < html[legend_first..].find("In-house foster")
    );
}

#[test]
fn data_table_has_caption_headers_and_numeric_columns() {
    let html = render::<DataTable>(DataTableProps {
        caption: "Costs by year".into(),
        columns: Rc::new(vec!["Year".into(), "Median".into()]),
        rows: Rc::new(vec![
            vec!["2021/22".into(), "£27.4M".into()],
            vec!["2022/23".into(), "£28.0M".into()],
        ]),
        numeric_from: 1,
        id: "costs".into(),
    });
    assert_clean(&html);
    assert!(html.contains("<caption>Costs by year</caption>"));
    assert!(html.contains(r#"<th scope="col">Year</th><th scope="col" class="num">Median</th>"#));
    assert!(html.contains(r#"<th scope="row">2021/22</th><td class="num">£27.4M</td>"#));
    assert!(html.contains(r#"<table id="costs" class="data-table">"#));
}

#[test]
fn tiles_show_median_range_and_probability() {
    let html = render::<Tile>(TileProps {
        label: "Cost 2024/25".into(),
        unit: Unit::Pounds,
        stat: Stat {
            p10: 25_100_000.0,
            p50: 27_412_300.0,
            p90: 29_800_000.0,
            p50_se: 41_200.0,
            ..stat(0.0)
        },
        note: "Budget £26.0M".into(),
        id: "tile-cost".into(),
    });
    assert_clean(&html);
    assert!(html.contains(r#"class="tile""#));
    assert!(html.contains(r#"data-median="27412300""#));
    assert!(html.contains(">£27.4M</p>"));
    assert!(html.contains("10-90% range: £25.1M \u{2013} £29.8M"));
    assert!(html.contains(r#"<p class="tile-note">Budget £26.0M</p>"#));
    // The Monte Carlo error of the median, in words.
    assert!(html.contains("± £0.04M from simulation noise"));
    assert!(html.contains(r#"data-median-se="41200""#));
    let nan = render::<Tile>(TileProps {
        label: "X".into(),
        unit: Unit::Children,
        stat: stat(f64::NAN),
        note: AttrValue::default(),
        id: AttrValue::default(),
    });
    assert_clean(&nan);
    assert!(nan.contains(r#"data-median="""#));
    assert!(!nan.contains("tile-note"));
    let p = render::<ProbabilityTile>(ProbabilityTileProps {
        label: "Chance of overspending the budget".into(),
        probability: 0.62,
        se: Some(0.0153),
        note: AttrValue::default(),
        id: "p-over".into(),
    });
    assert_clean(&p);
    assert!(p.contains(r#"class="tile probability-tile""#));
    assert!(p.contains(">62%</p>"));
    assert!(p.contains("± 1.5 points from simulation noise"), "{p}");
    assert!(p.contains(r#"data-probability="0.62""#));
}

/// `CHARTS_PREVIEW_OUT=/tmp/chart.html cargo test -p sufficiency --lib charts::tests::preview`
/// writes a page with example charts (link styles/charts.css next to it) for a visual check.
#[test]
fn preview_page_when_asked() {
    let Some(out) = std::env::var_os("CHARTS_PREVIEW_OUT") else {
        return;
    };
    let n = 60;
    let m = months(n);
    let wave = |i: usize, a: f64| (i as f64 / 7.0).sin() * a;
    let spread = |i: usize| 8.0 + i as f64 * 0.9;
    let fan = |start: f64, slope: f64| -> Vec<Stat> {
        (0..n)
            .map(|i| {
                let c = start + slope * i as f64 + wave(i, 4.0);
                let s = spread(i);
                Stat {
                    mean: c,
                    p5: c - 2.0 * s,
                    p10: c - 1.5 * s,
                    p25: c - 0.7 * s,
                    p50: c,
                    p75: c + 0.7 * s,
                    p90: c + 1.5 * s,
                    p95: c + 2.0 * s,
                    ..Default::default()
                }
            })
            .collect()
    };
    let samples: Vec<Vec<f64>> = (0..3)
        .map(|k| {
            (0..n)
                .map(|i| {
                    601.0 - 0.3 * i as f64
                        + wave(i + 5 * k, 12.0)
                        + (k as f64 - 1.0) * 0.5 * i as f64
                })
                .collect()
        })
        .collect();
    let mut html = String::from(
        "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><link rel=\"stylesheet\" href=\"charts.css\"></head><body><main class=\"charts-preview\">",
    );
    html += "<div class=\"tiles\">";
    html += &render::<Tile>(TileProps {
        label: "Children in care, June 2025".into(),
        unit: Unit::Children,
        stat: fan(601.0, -0.3)[n - 1],
        note: "Now: 601".into(),
        id: AttrValue::default(),
    });
    html += &render::<Tile>(TileProps {
        label: "Cost 2024/25".into(),
        unit: Unit::Pounds,
        stat: Stat {
            mean: 27.5e6,
            p5: 24.0e6,
            p10: 25.1e6,
            p25: 26.3e6,
            p50: 27.4e6,
            p75: 28.6e6,
            p90: 29.8e6,
            p95: 30.6e6,
            ..Default::default()
        },
        note: "Budget £26.0M".into(),
        id: AttrValue::default(),
    });
    html += &render::<ProbabilityTile>(ProbabilityTileProps {
        label: "Chance of overspending the budget".into(),
        probability: 0.62,
        se: Some(0.0153),
        note: "2024/25".into(),
        id: AttrValue::default(),
    });
    html += "</div>";
    html += &render::<FanChart>(FanChartProps {
        title: "Children in care".into(),
        unit: Unit::Children,
        months: m.clone(),
        series: Rc::new(vec![Series {
            label: "Baseline".into(),
            stats: fan(601.0, -0.3),
        }]),
        runs: 1000,
        samples: Rc::new(samples),
        zero_line: false,
        id: "in-care".into(),
    });
    html += &render::<FanChart>(FanChartProps {
        title: "Sufficiency gap".into(),
        unit: Unit::Children,
        months: m.clone(),
        series: Rc::new(vec![
            Series {
                label: "Baseline".into(),
                stats: fan(120.0, 0.4),
            },
            Series {
                label: "Recruit more carers".into(),
                stats: fan(118.0, -0.5),
            },
            Series {
                label: "Open two homes".into(),
                stats: fan(121.0, 0.1),
            },
        ]),
        runs: 1000,
        samples: Rc::default(),
        zero_line: false,
        id: "gap".into(),
    });
    html += &render::<DifferenceChart>(DifferenceChartProps {
        title: "Monthly cost compared with the baseline".into(),
        unit: Unit::Pounds,
        months: m.clone(),
        series: Rc::new(vec![
            Series {
                label: "Recruit more carers".into(),
                stats: fan(0.0, -0.8).iter().map(|s| scale(s, 2_000.0)).collect(),
            },
            Series {
                label: "Open two homes".into(),
                stats: fan(0.0, 0.3).iter().map(|s| scale(s, 2_000.0)).collect(),
            },
        ]),
        runs: 1000,
        id: "diff".into(),
    });
    let layer = |base: f64, slope: f64| {
        (0..n)
            .map(|i| base + slope * i as f64)
            .collect::<Vec<f64>>()
    };
    html += &render::<StackedChart>(StackedChartProps {
        title: "Where children live (average)".into(),
        unit: Unit::Children,
        months: m,
        layers: Rc::new(vec![
            ("In-house foster care".into(), layer(230.0, -0.4)),
            ("Independent fostering agencies".into(), layer(160.0, 0.3)),
            ("Children's homes".into(), layer(70.0, 0.2)),
            ("Supported accommodation".into(), layer(40.0, 0.1)),
            ("Placed with parents".into(), layer(45.0, -0.1)),
            ("Other".into(), layer(55.0, 0.0)),
        ]),
        runs: 1000,
        id: "mix".into(),
    });
    html += "</main></body></html>";
    if let Err(e) = std::fs::write(&out, html) {
        panic!("writing {out:?}: {e}");
    }
}

fn scale(s: &Stat, k: f64) -> Stat {
    Stat {
        mean: s.mean * k,
        p5: s.p5 * k,
        p10: s.p10 * k,
        p25: s.p25 * k,
        p50: s.p50 * k,
        p75: s.p75 * k,
        p90: s.p90 * k,
        p95: s.p95 * k,
        ..Default::default()
    }
}
