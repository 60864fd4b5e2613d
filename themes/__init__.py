"""debrief: themes."""
