"""debrief: tui/hints."""
