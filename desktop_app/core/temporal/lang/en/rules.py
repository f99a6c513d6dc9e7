"""Importing this module registers the English rules with the engine's grammar."""

from desktop_app.core.temporal.lang.en import (  # noqa: F401
    rules_absolute,
    rules_day_of_month,
    rules_holidays,
    rules_months,
    rules_other,
    rules_periods,
    rules_relative,
    rules_story,
    rules_weekdays,
)
