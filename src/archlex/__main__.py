"""Run archlex as `python -m archlex`."""

from archlex.cli import main

main()
