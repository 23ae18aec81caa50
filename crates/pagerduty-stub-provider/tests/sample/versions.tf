terraform {
  required_providers {
    pagerduty = {
      source  = "pagerduty/pagerduty"
      version = "~> 3.32"
    }
  }
}

provider "pagerduty" {}
