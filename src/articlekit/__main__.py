"""`python -m articlekit` runs the command-line tool."""

from articlekit.cli.app import main

main()
