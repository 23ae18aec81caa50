//! Rules that span both targets, checked on the model so they point at a line: the model-level
//! twin of [`crate::crosscheck`]'s `repeat-after-auto-resolve`.

use crate::diagnostic::Diagnostic;
use crate::model::{Model, values};

/// Alertmanager's `repeat_interval` when the model sets none.
const DEFAULT_REPEAT: &str = "4h";

pub(super) fn check(model: &Model, out: &mut Vec<Diagnostic>) {
    let written = model
        .alertmanager
        .as_ref()
        .and_then(|am| am.repeat_interval.as_ref());
    let (repeat_text, shown) = match written {
        Some(r) => (r.value.as_str(), format!("`{}`", r.value)),
        None => (DEFAULT_REPEAT, format!("`{DEFAULT_REPEAT}` (the default)")),
    };
    // A repeat_interval that does not parse is reported by the Alertmanager rules.
    let Ok(repeat) = values::duration(repeat_text) else {
        return;
    };
    for env in &model.environments {
        let Some(auto_resolve) = &env.auto_resolve else {
            continue;
        };
        let Ok(seconds) = values::duration(&auto_resolve.value) else {
            continue;
        };
        if repeat >= seconds {
            out.push(
                Diagnostic::error(
                    "repeat-after-auto-resolve",
                    auto_resolve.span,
                    format!(
                        "environment `{}` auto-resolves after `{}`, but Alertmanager repeats \
                         paging alerts only every {shown}: PagerDuty would resolve incidents \
                         that are still firing",
                        env.name.value, auto_resolve.value
                    ),
                )
                .with_hint("raise auto_resolve above repeat_interval or lower repeat_interval"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::{diagnostics, only, variant};

    const HINT: &str = "raise auto_resolve above repeat_interval or lower repeat_interval";

    #[test]
    fn repeat_interval_above_auto_resolve_is_an_error() {
        let text = variant("auto_resolve: 24h", "auto_resolve: 1h");
        assert_eq!(
            only(&text, "repeat-after-auto-resolve"),
            format!(
                "32:19 environment `prod` auto-resolves after `1h`, but Alertmanager repeats \
                 paging alerts only every `4h`: PagerDuty would resolve incidents that are still \
                 firing | {HINT}"
            )
        );
    }

    #[test]
    fn equal_intervals_are_an_error_too() {
        let text = variant("repeat_interval: 4h", "repeat_interval: 1d");
        assert!(only(&text, "repeat-after-auto-resolve").starts_with("32:19 "));
    }

    #[test]
    fn absent_repeat_interval_defaults_to_four_hours() {
        let text = variant("  repeat_interval: 4h\n", "").replacen("24h", "4h", 1);
        assert!(
            only(&text, "repeat-after-auto-resolve").contains("every `4h` (the default)"),
            "{text}"
        );
    }

    #[test]
    fn the_fixture_and_a_shorter_repeat_pass() {
        let quiet = |text: &str| {
            !diagnostics(text)
                .iter()
                .any(|d| d.code == "repeat-after-auto-resolve")
        };
        assert!(quiet(crate::validate::test_support::VALID));
        assert!(quiet(&variant("auto_resolve: 24h", "auto_resolve: 5h")));
        assert!(quiet(&variant("auto_resolve: 24h\n", "")));
    }
}
