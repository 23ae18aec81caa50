//! End to end: a real Alertmanager (0.25) runs the generated config of the example model and
//! delivers to a recording HTTP sink standing in for PagerDuty's Events API v2 and Slack.
//!
//! Fails, never skips, when Alertmanager is missing (Debian/Ubuntu:
//! `apt-get install prometheus-alertmanager`); `ONCALLC_ALERTMANAGER` overrides the binary.

mod alertmanager_support;

use alertmanager_support::example_plan_in;
use alertmanager_support::http::{self, Request, Sink};
use alertmanager_support::server::Alertmanager;
use camino::Utf8Path;
use chrono::{DateTime, Duration as Span, Utc};
use oncallc::emit::alertmanager;
use oncallc::files::Files;
use oncallc::plan::Plan;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

/// How long to wait for expected notifications, and then for unexpected extra ones.
const TIMEOUT: Duration = Duration::from_secs(20);
const GRACE: Duration = Duration::from_secs(2);

/// One test alert and where it must arrive.
struct Case {
    alertname: String,
    labels: BTreeMap<String, String>,
    /// Slack channel that must get it.
    channel: String,
    /// Routing key it must page with; `None` when it must not page.
    page_key: Option<String>,
}

/// A notification the sink received, decoded.
#[derive(Debug)]
enum Event {
    PagerDuty {
        routing_key: String,
        action: String,
        dedup_key: String,
        summary: String,
    },
    Slack {
        channel: String,
        title: String,
    },
}

impl Event {
    fn parse(request: &Request) -> Event {
        let body: Value = serde_json::from_str(&request.body).unwrap_or_else(|err| {
            panic!("{} sent non-JSON ({err}): {}", request.path, request.body)
        });
        let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
        if request.path.starts_with("/pagerduty") {
            Event::PagerDuty {
                routing_key: text(&body["routing_key"]),
                action: text(&body["event_action"]),
                dedup_key: text(&body["dedup_key"]),
                summary: text(&body["payload"]["summary"]),
            }
        } else {
            Event::Slack {
                channel: text(&body["channel"]),
                title: text(&body["attachments"][0]["title"]),
            }
        }
    }

    /// Whether the notification's subject names this alert.
    fn is_about(&self, case: &Case) -> bool {
        let subject = match self {
            Event::PagerDuty { summary, .. } => summary,
            Event::Slack { title, .. } => title,
        };
        subject
            .split_whitespace()
            .any(|word| word == case.alertname)
    }
}

/// Every environment x critical / warning / no severity, plus alerts no environment takes.
fn cases(plan: &Plan) -> Vec<Case> {
    let env_label = &plan.alertmanager.env_label;
    let mut cases = Vec::new();
    for env in &plan.environments {
        for severity in ["critical", "warning", "none"] {
            let alertname = format!("E2E_{}_{severity}", env.tf_name);
            let mut labels = BTreeMap::from([
                ("alertname".to_owned(), alertname.clone()),
                (env_label.clone(), env.label_value.clone()),
            ]);
            if severity != "none" {
                labels.insert("severity".to_owned(), severity.to_owned());
            }
            cases.push(Case {
                alertname,
                labels,
                channel: env.slack_channel.clone(),
                page_key: (severity == "critical").then(|| routing_key(&env.name)),
            });
        }
    }
    for (alertname, env) in [
        ("E2E_noenv_critical", None),
        ("E2E_staging_critical", Some("staging")),
    ] {
        let mut labels = BTreeMap::from([
            ("alertname".to_owned(), alertname.to_owned()),
            ("severity".to_owned(), "critical".to_owned()),
        ]);
        if let Some(env) = env {
            labels.insert(env_label.clone(), env.to_owned());
        }
        cases.push(Case {
            alertname: alertname.to_owned(),
            labels,
            channel: plan.alertmanager.unrouted_channel.clone(),
            page_key: None,
        });
    }
    cases
}

fn routing_key(env: &str) -> String {
    format!("e2e-routing-key-{env}")
}

/// The example plan with test key files, the sink as PagerDuty and Slack, and fast grouping.
fn test_plan(dir: &Utf8Path, sink: SocketAddr) -> Plan {
    let mut plan = example_plan_in(dir);
    assert_eq!(
        plan.alertmanager.page_matchers,
        [r#"severity="critical""#],
        "the cases below assume the example pages on critical alerts"
    );
    std::fs::create_dir_all(dir.join("keys")).expect("key dir");
    for env in &plan.environments {
        // A trailing newline, as in real key files.
        std::fs::write(&env.key_file, routing_key(&env.name) + "\n").expect("key file");
    }
    let webhook = format!("http://{sink}/slack/webhook\n");
    std::fs::write(&plan.alertmanager.slack_webhook_file, webhook).expect("webhook file");
    let am = &mut plan.alertmanager;
    am.pagerduty_url = Some(format!("http://{sink}/pagerduty/v2/enqueue"));
    am.group_wait = "1s".to_owned();
    am.group_interval = "1s".to_owned();
    am.repeat_interval = "1h".to_owned();
    am.repeat_interval_seconds = 3600;
    plan
}

fn post_alerts(
    am: &Alertmanager,
    cases: &[Case],
    starts: DateTime<Utc>,
    ends: Option<DateTime<Utc>>,
) {
    let alerts: Vec<Value> = cases
        .iter()
        .map(|case| {
            let mut alert = json!({ "labels": case.labels, "startsAt": starts.to_rfc3339() });
            if let Some(ends) = ends {
                alert["endsAt"] = json!(ends.to_rfc3339());
            }
            alert
        })
        .collect();
    let body = Value::Array(alerts).to_string();
    let (status, reply) =
        http::request(am.addr, "POST", "/api/v2/alerts", Some(&body)).expect("post alerts");
    assert_eq!(status, 200, "POST /api/v2/alerts: {reply}");
}

/// Polls the sink until `done` holds for the decoded events, then waits [`GRACE`] more for
/// duplicates; returns every event. Fails after [`TIMEOUT`].
fn collect(sink: &Sink, am: &Alertmanager, done: impl Fn(&[Event]) -> bool) -> Vec<Event> {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let events: Vec<Event> = sink.requests().iter().map(Event::parse).collect();
        if done(&events) {
            std::thread::sleep(GRACE);
            return sink.requests().iter().map(Event::parse).collect();
        }
        if Instant::now() > deadline {
            panic!(
                "notifications missing after {TIMEOUT:?}; got {events:#?}\n--- alertmanager log ---\n{}",
                am.log()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn is_firing(event: &Event) -> bool {
    match event {
        Event::PagerDuty { action, .. } => action == "trigger",
        Event::Slack { title, .. } => title.starts_with("[FIRING"),
    }
}

/// Checks that each case got exactly the notifications of one phase (firing or resolved);
/// returns the dedup key of each paging alert's PagerDuty event.
fn check_phase(
    cases: &[Case],
    events: &[Event],
    firing: bool,
    errors: &mut Vec<String>,
) -> BTreeMap<String, String> {
    let phase = if firing { "firing" } else { "resolved" };
    let action = if firing { "trigger" } else { "resolve" };
    let mut dedup_keys = BTreeMap::new();
    for case in cases {
        let mine: Vec<&Event> = events
            .iter()
            .filter(|e| e.is_about(case) && is_firing(e) == firing)
            .collect();
        let pages: Vec<&Event> = mine
            .iter()
            .copied()
            .filter(|e| matches!(e, Event::PagerDuty { .. }))
            .collect();
        let slacks: Vec<&Event> = mine
            .iter()
            .copied()
            .filter(|e| matches!(e, Event::Slack { .. }))
            .collect();
        match (&case.page_key, pages.as_slice()) {
            (None, []) => {}
            (
                Some(key),
                [
                    Event::PagerDuty {
                        routing_key,
                        action: got,
                        dedup_key,
                        ..
                    },
                ],
            ) => {
                if routing_key != key || got != action {
                    errors.push(format!(
                        "{} {phase}: paged {got} with key {routing_key}, expected {action} with {key}",
                        case.alertname
                    ));
                }
                dedup_keys.insert(case.alertname.clone(), dedup_key.clone());
            }
            (expected, got) => errors.push(format!(
                "{} {phase}: expected page {expected:?}, got {got:?}",
                case.alertname
            )),
        }
        match slacks.as_slice() {
            [Event::Slack { channel, .. }] if *channel == case.channel => {}
            got => errors.push(format!(
                "{} {phase}: expected one Slack message in {}, got {got:?}",
                case.alertname, case.channel
            )),
        }
    }
    dedup_keys
}

#[test]
fn alertmanager_delivers_pages_and_slack_messages_per_environment() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = Utf8Path::from_path(tmp.path()).expect("UTF-8 temp dir");
    let sink = Sink::start();
    let plan = test_plan(dir, sink.addr);
    let mut files = Files::new();
    alertmanager::emit(&plan, &mut files);
    let config = dir.join("alertmanager.yml");
    std::fs::write(&config, files.get(alertmanager::PATH).expect("emitted")).expect("config");
    let am = Alertmanager::start(&config, dir);

    let cases = cases(&plan);
    let pages = cases.iter().filter(|c| c.page_key.is_some()).count();
    let count = |events: &[Event], firing: bool, pagerduty: bool| {
        events
            .iter()
            .filter(|e| is_firing(e) == firing && matches!(e, Event::PagerDuty { .. }) == pagerduty)
            .count()
    };
    let starts = Utc::now();
    let mut errors = Vec::new();

    post_alerts(&am, &cases, starts, None);
    let events = collect(&sink, &am, |e| {
        count(e, true, true) >= pages && count(e, true, false) >= cases.len()
    });
    let triggered = check_phase(&cases, &events, true, &mut errors);

    post_alerts(&am, &cases, starts, Some(Utc::now() - Span::seconds(1)));
    let events = collect(&sink, &am, |e| {
        count(e, false, true) >= pages && count(e, false, false) >= cases.len()
    });
    let resolved = check_phase(&cases, &events, false, &mut errors);
    if triggered != resolved {
        errors.push(format!(
            "resolve events must reuse the trigger's dedup_key: {triggered:?} vs {resolved:?}"
        ));
    }

    let known: Vec<String> = plan
        .environments
        .iter()
        .map(|e| routing_key(&e.name))
        .collect();
    for event in &events {
        if let Event::PagerDuty { routing_key, .. } = event
            && !known.contains(routing_key)
        {
            errors.push(format!("unknown routing key in {event:?}"));
        }
    }
    assert!(
        errors.is_empty(),
        "{}\n--- events ---\n{events:#?}\n--- alertmanager log ---\n{}",
        errors.join("\n"),
        am.log()
    );
}
