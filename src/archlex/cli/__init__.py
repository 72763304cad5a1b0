"""The `archlex` command: parse arguments, call the API, print, exit (see archlex.cli.main)."""

from archlex.cli.main import main

__all__ = ["main"]
