"""How the charts' segments look: fills that differ in lightness (they stay apart in greyscale
print) from palettes colour-blind readers can tell apart, with a pattern on every other one;
the text on a segment is black or white, whichever contrasts more with its fill."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Fill:
    """A segment's colour and its pattern (`""`, `hatch`, `dots` or `cross`)."""

    colour: str
    pattern: str = ""

    @property
    def ink(self) -> str:
        """The colour of text on this fill: black or white, whichever contrasts more."""
        return (
            "#000000"
            if contrast(self.colour, "#000000") >= contrast(self.colour, "#ffffff")
            else "#ffffff"
        )

    def paint(self, prefix: str) -> str:
        """The `fill` of the pattern's layer (`url(#...)`), or empty when there is none."""
        return f"url(#{prefix}-{self.pattern}-{self.colour[1:]})" if self.pattern else ""


def contrast(one: str, other: str) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def luminance(colour: str) -> float:
    """The relative luminance of `#rrggbb` (WCAG 2)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


# Coverage states in their order: a gap stands out (vermilion, hatched); then blues from light
# to dark as an obligation comes further (ColorBrewer's Blues, safe for colour-blind readers).
COVERAGE = {
    "gap": Fill("#d55e00", "hatch"),
    "traced": Fill("#c6dbef"),
    "allocated": Fill("#6baed6", "dots"),
    "scheduled": Fill("#2171b5"),
    "met": Fill("#08306b", "cross"),
}
SEVERITY = {
    "error": Fill("#b2182b"),
    "warning": Fill("#f4a582", "hatch"),
    "info": Fill("#d1e5f0", "dots"),
}
# Funding sources, nominal: Okabe and Ito's palette for colour-blind readers. Every other fill
# is patterned, and the plain ones run dark, light, middle, so that no two plain fills are
# alike in greyscale; what no source covers is pale grey and hatched.
SOURCES = (
    Fill("#0072b2"),
    Fill("#e69f00", "hatch"),
    Fill("#f0e442"),
    Fill("#cc79a7", "dots"),
    Fill("#56b4e9"),
    Fill("#d55e00", "cross"),
    Fill("#009e73"),
)
UNASSIGNED = Fill("#dddddd", "hatch")
PATTERNS = ("", "hatch", "dots", "cross")


def source_fill(index: int) -> Fill:
    """The fill of the `index`th funding source; past the palette, colours come round again
    with another pattern."""
    base = SOURCES[index % len(SOURCES)]
    turn = index // len(SOURCES)
    if not turn:
        return base
    return Fill(base.colour, PATTERNS[(PATTERNS.index(base.pattern) + turn) % len(PATTERNS)])


def pattern_defs(prefix: str, fills: list[Fill]) -> str:
    """The `<defs>` of the patterns these fills use (ids start with `prefix`)."""
    seen: dict[str, Fill] = {}
    for fill in fills:
        if fill.pattern:
            seen.setdefault(fill.paint(prefix), fill)
    patterns = [_pattern(prefix, fill) for _, fill in sorted(seen.items())]
    return "<defs>" + "".join(patterns) + "</defs>" if patterns else ""


def _pattern(prefix: str, fill: Fill) -> str:
    # White lines on a mid or dark fill, grey on a pale one: visible without hiding the colour.
    ink = "#ffffff" if luminance(fill.colour) < 0.6 else "#555555"
    shapes = {
        "hatch": f'<path d="M0 6L6 0M-1 1L1 -1M5 7L7 5" stroke="{ink}" stroke-width="1.4"/>',
        "dots": f'<circle cx="3" cy="3" r="1.1" fill="{ink}"/>',
        "cross": f'<path d="M0 6L6 0M0 0L6 6" stroke="{ink}" stroke-width="0.9"/>',
    }
    return (
        f'<pattern id="{fill.paint(prefix)[5:-1]}" patternUnits="userSpaceOnUse" width="6" '
        f'height="6">{shapes[fill.pattern]}</pattern>'
    )
