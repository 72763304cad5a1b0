"""The output formats of `archlex impact`: one module per format (see .registry)."""

from archlex.impact.formats.registry import IMPACT_FORMATS, ImpactFormatter, impact_format

__all__ = ["IMPACT_FORMATS", "ImpactFormatter", "impact_format"]
