resource "pagerduty_service_integration" "payments_api_prod_na" {
  name    = "Alertmanager"
  type    = "events_api_v2_inbound_integration"
  service = pagerduty_service.payments_api_prod_na.id
}

resource "pagerduty_service_integration" "payments_api_prod_eu" {
  name    = "Alertmanager"
  type    = "events_api_v2_inbound_integration"
  service = pagerduty_service.payments_api_prod_eu.id
}
