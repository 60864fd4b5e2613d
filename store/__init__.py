"""debrief: store."""
