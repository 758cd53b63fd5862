//! The outcome an analysis looks at: one monthly metric (by its report key, such as `cost`,
//! `gap`, `in_house_share` or `in_care`) read from one run over a period: at the end of the
//! horizon or in one month for a stock, over the whole horizon, one month or one financial
//! year for a flow (a cost or a count).

use serde::{Deserialize, Serialize};

use super::AnalysisError;
use crate::metrics::{self, Kind, Month, Unit};
use crate::sim::Model;

/// When the metric is read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "when", content = "at")]
pub enum Period {
    /// The last simulated month (a stock's end value; a flow's last month).
    End,
    /// Month `m` of the horizon (0 = the first).
    Month(usize),
    /// Added up over the whole horizon (flows only).
    Horizon,
    /// Added up over one financial year, by its label (`2022/23`; flows only).
    Year(String),
}

/// A metric over a period, as one number per run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Outcome {
    /// The metric's report key.
    pub metric: String,
    pub period: Period,
    /// The metric's index in a month of [`metrics`], and its unit and kind.
    #[serde(skip)]
    index: usize,
    #[serde(skip)]
    unit: Unit,
    #[serde(skip)]
    kind: Kind,
}

impl Outcome {
    /// The metric with this key over `period`; `None` for the period means the natural
    /// one: the end of the horizon for a stock, the whole horizon for a flow.
    pub fn new(metric: &str, period: Option<Period>) -> Result<Outcome, AnalysisError> {
        let defs = metrics::definitions();
        let Some((index, def)) = defs.iter().enumerate().find(|(_, d)| d.key == metric) else {
            return Err(AnalysisError::UnknownMetric(metric.to_string()));
        };
        let period = period.unwrap_or(match def.kind {
            Kind::Stock => Period::End,
            Kind::Flow => Period::Horizon,
        });
        if def.kind == Kind::Stock && matches!(period, Period::Horizon | Period::Year(_)) {
            return Err(AnalysisError::Period(format!(
                "'{metric}' is counted at each month's end, so it cannot be added up over a period: \
                 choose the end of the horizon or one month"
            )));
        }
        Ok(Outcome {
            metric: metric.to_string(),
            period,
            index,
            unit: def.unit,
            kind: def.kind,
        })
    }

    /// Check the period against a compiled model's horizon and financial years.
    pub fn check(&self, model: &Model) -> Result<(), AnalysisError> {
        match &self.period {
            Period::Month(m) if *m >= model.horizon => Err(AnalysisError::Period(format!(
                "month {m} is beyond the horizon of {} months (the first month is 0)",
                model.horizon
            ))),
            Period::Year(label) if !model.fin_year_labels.contains(label) => {
                Err(AnalysisError::Period(format!(
                    "financial year '{label}' is not simulated; the years are {}",
                    model.fin_year_labels.join(", ")
                )))
            }
            _ => Ok(()),
        }
    }

    /// The outcome of one run of `model` (its months), in the metric's unit (a share as a
    /// percentage).
    pub fn value(&self, model: &Model, months: &[Month]) -> f64 {
        let read = |m: &Month| m[self.index] as f64;
        let raw = match &self.period {
            Period::End => months.last().map(read).unwrap_or(0.0),
            Period::Month(m) => months.get(*m).map(read).unwrap_or(0.0),
            Period::Horizon => months.iter().map(read).sum(),
            Period::Year(label) => {
                let k = model.fin_year_labels.iter().position(|l| l == label);
                months
                    .iter()
                    .zip(&model.fin_year)
                    .filter(|(_, y)| Some(**y) == k)
                    .map(|(m, _)| read(m))
                    .sum()
            }
        };
        self.scaled(raw)
    }

    /// A raw metric value in the outcome's unit (a share from basis points to a percentage).
    pub(crate) fn scaled(&self, raw: f64) -> f64 {
        match self.unit {
            Unit::BasisPoints => raw / 100.0,
            _ => raw,
        }
    }

    /// The metric's index in a month of [`metrics`].
    pub(crate) fn index(&self) -> usize {
        self.index
    }

    /// The outcome in words: "gap at the end of the horizon", "cost in 2022/23".
    pub fn describe(&self) -> String {
        let label = metrics::definitions()
            .get(self.index)
            .map(|d| d.label.clone())
            .unwrap_or_else(|| self.metric.clone());
        let unit = match self.unit {
            Unit::Pounds => " (£)",
            Unit::BasisPoints => " (%)",
            _ => "",
        };
        let when = match &self.period {
            Period::End => "at the end of the horizon".to_string(),
            Period::Month(m) => format!("in month {}", m + 1),
            Period::Horizon => "over the whole horizon".to_string(),
            Period::Year(y) => format!("in financial year {y}"),
        };
        format!("{label}{unit} {when}")
    }

    /// Whether the metric is a stock (counted at month end) or a flow.
    pub fn kind(&self) -> Kind {
        self.kind
    }
}
