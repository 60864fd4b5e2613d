"""debrief: tui/cli."""
