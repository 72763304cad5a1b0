"""The `archlex` command: parse arguments, call the API, print, exit."""

from archlex.cli.app import app, main

__all__ = ["app", "main"]
