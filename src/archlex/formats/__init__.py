"""Output formats of a check report: one module per format (see archlex.formats.registry)."""

from archlex.formats.registry import (
    CHECK_FORMATS,
    DOCS_URL,
    FORMATS,
    FormatOptions,
    Formatter,
    format_names,
    formatter,
    write_report,
)

__all__ = [
    "CHECK_FORMATS",
    "DOCS_URL",
    "FORMATS",
    "FormatOptions",
    "Formatter",
    "format_names",
    "formatter",
    "write_report",
]
