"""Pure engines for live capture (no Textual import): the capture-line grammar."""
