"""debrief: tui/widgets."""
