"""``python -m tui.cli`` runs the command line."""

from . import main

main()
