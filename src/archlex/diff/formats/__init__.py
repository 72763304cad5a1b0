"""The output formats of `archlex diff`: one module per format (see .registry)."""

from archlex.diff.formats.registry import DIFF_FORMATS, DiffFormatter, diff_format

__all__ = ["DIFF_FORMATS", "DiffFormatter", "diff_format"]
