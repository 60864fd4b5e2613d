"""debrief: tui/screens."""
