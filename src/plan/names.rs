//! The naming rules: how model names become Terraform identifiers, receiver names, key files and
//! output names. Both targets take their names from here.

use std::collections::BTreeSet;

/// A Terraform identifier for `name`: lowercase ASCII letters, digits and `_`; starts with a
/// letter or `_`. Anything else becomes `_`; runs of `_` are folded.
pub fn terraform_identifier(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let c = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            '_'
        };
        if !(c == '_' && out.ends_with('_')) {
            out.push(c);
        }
    }
    let trimmed = out.trim_matches('_');
    let mut id = if trimmed.is_empty() {
        "_".to_owned()
    } else {
        trimmed.to_owned()
    };
    if id.starts_with(|c: char| c.is_ascii_digit()) {
        id.insert(0, '_');
    }
    id
}

/// The Terraform name of a person's `data "pagerduty_user"` block: the local part of the email.
pub fn user_identifier(email: &str) -> String {
    terraform_identifier(email.split('@').next().unwrap_or(email))
}

/// Makes `wanted` unique among `taken` by appending `_2`, `_3`, ...; records the result.
pub fn unique(wanted: String, taken: &mut BTreeSet<String>) -> String {
    let mut candidate = wanted.clone();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{wanted}_{n}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

/// The Terraform output that carries an environment's routing key.
pub fn routing_key_output(environment_identifier: &str) -> String {
    format!("routing_key_{environment_identifier}")
}

/// The Alertmanager receiver that pages an environment through PagerDuty.
pub fn pagerduty_receiver(environment: &str) -> String {
    format!("pagerduty-{environment}")
}

/// The Alertmanager receiver that posts an environment's alerts to Slack.
pub fn slack_receiver(environment: &str) -> String {
    format!("slack-{environment}")
}

/// The routing key file name of an environment, inside the key directory.
pub fn key_file_name(environment: &str) -> String {
    format!("{environment}.key")
}

/// The Alertmanager matcher `label="value"` that selects an environment, value escaped.
pub fn environment_matcher(label: &str, value: &str) -> String {
    crate::model::values::Matcher {
        label: label.to_owned(),
        op: "=",
        value: value.to_owned(),
    }
    .to_alertmanager()
}

/// Whether an environment name can serve in receiver and file names unchanged.
pub fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_terraform_safe() {
        assert_eq!(terraform_identifier("prod-na"), "prod_na");
        assert_eq!(terraform_identifier("AOC ACM SRE"), "aoc_acm_sre");
        assert_eq!(terraform_identifier("2nd"), "_2nd");
        assert_eq!(terraform_identifier("西安"), "_");
        assert_eq!(user_identifier("li.wei@example.com"), "li_wei");
    }

    #[test]
    fn unique_appends_a_counter() {
        let mut taken = BTreeSet::new();
        assert_eq!(unique("li_wei".into(), &mut taken), "li_wei");
        assert_eq!(unique("li_wei".into(), &mut taken), "li_wei_2");
        assert_eq!(unique("li_wei".into(), &mut taken), "li_wei_3");
    }

    #[test]
    fn environment_names_tie_both_sides() {
        assert_eq!(routing_key_output("prod_na"), "routing_key_prod_na");
        assert_eq!(pagerduty_receiver("prod-na"), "pagerduty-prod-na");
        assert_eq!(slack_receiver("prod-na"), "slack-prod-na");
        assert_eq!(key_file_name("prod-na"), "prod-na.key");
        assert_eq!(environment_matcher("env", "prod-na"), r#"env="prod-na""#);
        assert_eq!(
            environment_matcher("env", "a\"b\\c\nd"),
            r#"env="a\"b\\c\nd""#
        );
        assert!(is_plain_name("prod-na"));
        assert!(!is_plain_name("prod na"));
        assert!(!is_plain_name("../x"));
    }
}
