data "pagerduty_user" "li_wei" {
  email = "li.wei@example.com"
}

data "pagerduty_user" "amara_okafor" {
  email = "amara.okafor@example.com"
}

data "pagerduty_user" "sofia_rossi" {
  email = "sofia.rossi@example.com"
}

data "pagerduty_user" "jonas_berg" {
  email = "jonas.berg@example.com"
}
