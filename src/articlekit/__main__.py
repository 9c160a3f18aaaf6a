"""`python -m articlekit` runs the command-line tool."""

from articlekit.cli import main

main()
