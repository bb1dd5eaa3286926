//! Output formats. Each format is one file behind the [`Emitter`] trait; all of them render the
//! same records, so formats cannot disagree about what was found.

mod human;
mod json;
pub mod model;
mod yaml;

pub use model::{facts_record, FactsRecord, FigureRecord};

/// The formats `factlint facts` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactsFormat {
    Human,
    Json,
    Yaml,
}

/// Renders reports in one format.
pub trait Emitter {
    /// The figures of one file.
    fn facts(&self, record: &FactsRecord) -> String;
}

pub fn emitter(format: FactsFormat) -> Box<dyn Emitter> {
    match format {
        FactsFormat::Human => Box::new(human::Human),
        FactsFormat::Json => Box::new(json::Json),
        FactsFormat::Yaml => Box::new(yaml::Yaml),
    }
}

/// Escapes line breaks so one record stays on one line: `21.79万亿⏎元`.
pub fn one_line(text: &str) -> String {
    text.replace("\r\n", "⏎").replace(['\n', '\r'], "⏎")
}
