"""debrief: tui/dialogs."""
