output "routing_key_prod_na" {
  value     = pagerduty_service_integration.payments_api_prod_na.integration_key
  sensitive = true
}

output "routing_key_prod_eu" {
  value     = pagerduty_service_integration.payments_api_prod_eu.integration_key
  sensitive = true
}
