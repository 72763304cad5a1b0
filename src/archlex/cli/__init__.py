"""The `archlex` command: parse arguments, call the API, print, exit."""

from archlex.cli.commands import app, main

__all__ = ["app", "main"]
