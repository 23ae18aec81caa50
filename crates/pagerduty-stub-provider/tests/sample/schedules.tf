resource "pagerduty_schedule" "payments_primary" {
  name      = "Payments primary"
  time_zone = "Europe/Berlin"

  layer {
    name                         = "Weekday business hours"
    start                        = "2025-01-06T00:00:00+01:00"
    rotation_virtual_start       = "2025-01-06T08:00:00+01:00"
    rotation_turn_length_seconds = 604800
    users = [
      data.pagerduty_user.li_wei.id,
      data.pagerduty_user.amara_okafor.id,
    ]

    restriction {
      type              = "weekly_restriction"
      start_day_of_week = 1
      start_time_of_day = "08:00:00"
      duration_seconds  = 32400
    }

    restriction {
      type              = "weekly_restriction"
      start_day_of_week = 2
      start_time_of_day = "08:00:00"
      duration_seconds  = 32400
    }
  }
}

resource "pagerduty_schedule" "payments_secondary" {
  name      = "Payments secondary"
  time_zone = "America/New_York"

  layer {
    name                         = "Follow the sun"
    start                        = "2025-01-06T00:00:00-05:00"
    rotation_virtual_start       = "2025-01-06T09:00:00-05:00"
    rotation_turn_length_seconds = 86400
    users = [
      data.pagerduty_user.sofia_rossi.id,
      data.pagerduty_user.jonas_berg.id,
    ]

    restriction {
      type              = "weekly_restriction"
      start_day_of_week = 1
      start_time_of_day = "09:00:00"
      duration_seconds  = 32400
    }
  }
}
