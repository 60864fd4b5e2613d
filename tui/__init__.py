"""debrief: tui."""
