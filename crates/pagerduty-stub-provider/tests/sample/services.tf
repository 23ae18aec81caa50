resource "pagerduty_service" "payments_api_prod_na" {
  name                    = "payments-api (prod, NA)"
  escalation_policy       = pagerduty_escalation_policy.payments.id
  auto_resolve_timeout    = "14400"
  acknowledgement_timeout = "1800"

  incident_urgency_rule {
    type    = "constant"
    urgency = "high"
  }
}

resource "pagerduty_service" "payments_api_prod_eu" {
  name                    = "payments-api (prod, EU)"
  escalation_policy       = pagerduty_escalation_policy.payments.id
  auto_resolve_timeout    = "14400"
  acknowledgement_timeout = "1800"

  incident_urgency_rule {
    type    = "constant"
    urgency = "high"
  }
}
