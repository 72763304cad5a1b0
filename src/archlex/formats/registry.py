"""The output formats of a check report, each a module registered by name (`--format NAME`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TextIO

from archlex.outcome import Report
from archlex.registry import Registry

# The rule reference of archlex's own documentation site; a self-hosted copy is named with
# --docs-url or $ARCHLEX_DOCS_URL (the site is archlex's docs/ built with `make docs`).
DOCS_URL = "https://archlex.readthedocs.io/en/latest/"


@dataclass(frozen=True)
class FormatOptions:
    """How a report is written: what the user asked for beyond the format's name."""

    colour: bool = False  # text on a terminal
    show_all: bool = False  # text: every finding about the catalog (machine formats: always)
    docs_url: str = DOCS_URL  # sarif: where the rule reference lives

    def rule_url(self, rule_id: str) -> str:
        """The rule's section of the rule reference: `.../rules.html#flow-not-logged`."""
        return f"{self.docs_url.rstrip('/')}/rules.html#{rule_id}"


# A formatter writes a whole report to a stream.
Formatter = Callable[[Report, TextIO, FormatOptions], None]
CHECK_FORMATS: Registry[Formatter] = Registry("format", "archlex.formats")
FORMATS = CHECK_FORMATS.entries


def formatter(name: str) -> Callable[[Formatter], Formatter]:
    """Register a formatter under a `--format` name."""
    return CHECK_FORMATS.register(name)


def write_report(
    report: Report,
    name: str,
    stream: TextIO,
    colour: bool,
    options: FormatOptions | None = None,
) -> None:
    """Write the report in the named format."""
    CHECK_FORMATS.get(name)(report, stream, replace(options or FormatOptions(), colour=colour))


def format_names() -> list[str]:
    """Every registered format, for `--format` help."""
    return CHECK_FORMATS.names()
