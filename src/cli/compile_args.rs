//! Arguments shared by `build` and `check`.

use camino::Utf8PathBuf;
use chrono::NaiveDate;

/// Where the model is, where the output goes, and the optional day that retires ended sign-ups.
#[derive(clap::Args, Debug, Clone)]
pub struct CompileArgs {
    /// The model file.
    #[arg(default_value = "oncall.yaml")]
    pub model: Utf8PathBuf,
    /// The output directory (committed to the repository).
    #[arg(long, default_value = "generated")]
    pub out: Utf8PathBuf,
    /// Leave out sign-ups that ended by this day (YYYY-MM-DD). Without it, no clock is read.
    #[arg(long, value_name = "DATE")]
    pub today: Option<NaiveDate>,
}

impl CompileArgs {
    /// The pipeline options these arguments stand for.
    pub fn options(&self) -> crate::pipeline::Options {
        crate::pipeline::Options {
            today: self.today,
            out_dir: Some(self.out.clone()),
            skip_self_check: false,
        }
    }
}
