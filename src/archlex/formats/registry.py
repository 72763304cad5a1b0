"""The output formats of a check report, each a module registered by name (`--format NAME`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TextIO

from archlex.registry import Registry

if TYPE_CHECKING:  # the CLI reads DOCS_URL for its help without importing the pipeline
    from archlex.outcome import Report

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
Formatter = Callable[["Report", TextIO, FormatOptions], None]
# Each format's module, so that writing one imports only it; `archlex check` also reads the
# valid `--format` names here before typer is imported (tests/test_registry.py keeps it whole).
_MODULES = {
    "github": "archlex.formats.github",
    "json": "archlex.formats.json_format",
    "junit": "archlex.formats.junit",
    "sarif": "archlex.formats.sarif",
    "text": "archlex.formats.text",
}
CHECK_FORMATS: Registry[Formatter] = Registry("format", "archlex.formats", modules=_MODULES)
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
