//! Load rules: YAML syntax, an empty file, wrong types, missing and unknown keys.

use crate::validate::test_support::{diagnostics, only, variant};

#[test]
fn yaml_syntax() {
    assert_eq!(
        only(&variant("  loops: 2", "\tloops: 2"), "yaml-syntax"),
        "23:2 invalid YAML: tabs disallowed within this context (block indentation) \
         | fix the YAML syntax; nothing else is checked until the file parses"
    );
}

#[test]
fn yaml_syntax_stops_before_the_other_checks() {
    let text = variant("team: Platform SRE", "team: [Platform");
    let codes: Vec<&str> = diagnostics(&text).iter().map(|d| d.code).collect();
    assert_eq!(codes, ["yaml-syntax"]);
}

#[test]
fn duplicate_yaml_key() {
    let text = variant("    turn: 1w\n", "    turn: 1w\n    turn: 2w\n");
    assert_eq!(
        only(&text, "yaml-syntax"),
        "8:5 invalid YAML: duplicate mapping key: turn \
         | fix the YAML syntax; nothing else is checked until the file parses"
    );
}

#[test]
fn duplicate_site_is_a_duplicate_yaml_key() {
    assert_eq!(
        only(&variant("  austin:\n", "  paris:\n"), "yaml-syntax"),
        "9:3 invalid YAML: duplicate mapping key: paris \
         | fix the YAML syntax; nothing else is checked until the file parses"
    );
}

#[test]
fn empty_model() {
    let expected = "1:1 the model is empty | start from examples/acm/oncall.yaml";
    assert_eq!(only("", "empty-model"), expected);
    assert_eq!(only("# nothing yet\n", "empty-model"), expected);
}

#[test]
fn wrong_type_unquoted_no() {
    let text = variant("    urgency: high\n", "    urgency: high\n    label: no\n");
    assert_eq!(
        only(&text, "wrong-type"),
        "31:12 `label` of environment `prod` must be a string, found a boolean \
         | quote the value, e.g. \"no\" or \"1.10\""
    );
}

#[test]
fn wrong_type_nothing_for_a_string() {
    assert_eq!(
        only(&variant("team: Platform SRE", "team:"), "wrong-type"),
        "1:5 `team` must be a string, found nothing | write the value after the colon"
    );
}

#[test]
fn wrong_type_list_for_a_string() {
    assert_eq!(
        only(&variant("team: Platform SRE", "team: [a, b]"), "wrong-type"),
        "1:7 `team` must be a string, found a list | write one value, not a list or a mapping"
    );
}

#[test]
fn wrong_type_for_a_mapping() {
    let text = variant(
        "catch_all:\n  zone: Etc/UTC\n  turn: 1w\n  members: [lead@example.com]\n",
        "catch_all:\n",
    );
    assert_eq!(
        only(&text, "wrong-type"),
        "18:10 `catch_all` must be a mapping, found nothing \
         | write `key: value` lines indented under it"
    );
}

#[test]
fn wrong_type_for_a_list() {
    let text = variant("members: [maria@example.com]", "members: maria@example.com");
    assert_eq!(
        only(&text, "wrong-type"),
        "13:14 `members` of site `austin` must be a list, found a string \
         | write `[a, b]`, or one `- item` per line"
    );
}

#[test]
fn wrong_type_for_a_whole_number() {
    assert_eq!(
        only(&variant("loops: 2", "loops: two"), "wrong-type"),
        "23:10 `loops` must be a whole number, found a string | write a whole number such as 2"
    );
}

#[test]
fn wrong_type_root() {
    assert_eq!(
        only("- team\n- sites\n", "wrong-type"),
        "1:1 the model must be a mapping, found a list | write `key: value` lines indented under it"
    );
}

#[test]
fn missing_key_points_at_the_owner() {
    let text = variant("    hours: Mon-Fri 08:00-17:00\n", "");
    assert_eq!(
        only(&text, "missing-key"),
        "4:3 site `paris` has no `hours` | add `hours:`"
    );
}

#[test]
fn missing_key_at_the_top() {
    assert_eq!(
        only(&variant("team: Platform SRE\n", ""), "missing-key"),
        "1:1 the model has no `team` | add `team:`"
    );
}

#[test]
fn missing_key_in_a_sign_up() {
    assert_eq!(
        only(&variant("who: anne@example.com, ", ""), "missing-key"),
        "17:7 a sign-up has no `who` | add `who:`"
    );
}

#[test]
fn unknown_key_with_suggestion() {
    assert_eq!(
        only(&variant("  loops: 2", "  loop: 2"), "unknown-key"),
        "23:3 unknown key `loop` in `escalation` | did you mean `loops`?"
    );
}

#[test]
fn unknown_key_in_a_flow_mapping() {
    assert_eq!(
        only(&variant("reason: weekend", "reasn: weekend"), "unknown-key"),
        "17:78 unknown key `reasn` in a sign-up | did you mean `reason`?"
    );
}

#[test]
fn unknown_key_without_suggestion() {
    let text = variant(
        "    urgency: high\n",
        "    urgency: high\n    colour: red\n",
    );
    assert_eq!(
        only(&text, "unknown-key"),
        "31:5 unknown key `colour` in environment `prod` \
         | known keys: service, urgency, slack, label, auto_resolve, ack_timeout"
    );
}

/// Nine lists of nine aliases of the list before: an alias bomb.
#[test]
fn yaml_too_large() {
    let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
    {
        let refs = vec![format!("*{prev}"); 9].join(", ");
        text.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    assert_eq!(
        only(&text, "yaml-too-large"),
        "6:16 the YAML expands beyond oncallc's limits: too many nodes once aliases are expanded \
         | aliases multiply what they point at; write the values out instead"
    );
}

/// A wrongly typed value is reported once: not also as missing, nor as a bad value.
#[test]
fn wrong_type_is_the_only_report_for_its_value() {
    let codes =
        |text: &str| -> Vec<&'static str> { diagnostics(text).iter().map(|d| d.code).collect() };
    assert_eq!(
        codes(&variant("slack: \"#prod\"", "slack: no")),
        ["wrong-type"]
    );
    assert_eq!(codes(&variant("delay: 15m", "delay: 15")), ["wrong-type"]);
}
