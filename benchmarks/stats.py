"""Pure helpers of the benchmark: summaries of timings, ratios, and RESULTS.md sections."""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class Series:
    """The runs of one step: wall seconds, peak RSS and (where measured) CPU seconds of each."""

    seconds: list[float] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)
    failure: str | None = None  # why the step has no (or no more) figures
    timed_out_after: float | None = None  # seconds a run took before the timeout stopped it
    cpu: list[float] = field(default_factory=list)  # user + system seconds of each run

    def add(self, seconds: float, rss_mb: float, cpu: float | None = None) -> None:
        """Record one run."""
        self.seconds.append(seconds)
        self.rss_mb.append(rss_mb)
        if cpu is not None:
            self.cpu.append(cpu)

    @property
    def cpu_median(self) -> float | None:
        """Median CPU seconds, None without runs that measured it."""
        return statistics.median(self.cpu) if self.cpu else None

    @property
    def median(self) -> float | None:
        """Median seconds, None without runs."""
        return statistics.median(self.seconds) if self.seconds else None

    @property
    def peak_rss(self) -> float | None:
        """The highest peak RSS of any run, in MB."""
        return max(self.rss_mb) if self.rss_mb else None


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """numerator / denominator, None when either is missing or the denominator is zero."""
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def spread(values: Sequence[float]) -> str:
    """`median (min-max)` in seconds, with as many decimals as the size calls for."""
    if not values:
        return "n/a"
    digits = 3 if max(values) < 10 else 1
    med, low, high = statistics.median(values), min(values), max(values)
    return f"{med:.{digits}f} ({low:.{digits}f}-{high:.{digits}f})"


def times(value: float | None) -> str:
    """A ratio as `0.85x`, or n/a."""
    return "n/a" if value is None else f"{value:.2f}x"


def verdict(value: float | None, limit: float, below: bool = True) -> str:
    """`met` / `NOT met` / `not measured` for a figure against its limit."""
    if value is None:
        return "not measured"
    return "met" if (value <= limit if below else value >= limit) else "NOT met"


SECTION_ORDER = ("archlex", "peers")
_SECTION = re.compile(
    r"<!-- section:(?P<name>[a-z]+) -->\n(?P<body>.*?)<!-- /section:(?P=name) -->\n", re.DOTALL
)


def sections(text: str) -> dict[str, str]:
    """The named sections of a RESULTS.md, by name."""
    return {m["name"]: m["body"] for m in _SECTION.finditer(text)}


def merge_section(existing: str, header: str, name: str, body: str) -> str:
    """RESULTS.md with section `name` replaced by `body`, the other sections kept as they were."""
    kept = sections(existing)
    kept[name] = body if body.endswith("\n") else body + "\n"
    order = [*SECTION_ORDER, *sorted(set(kept) - set(SECTION_ORDER))]
    parts = [header.rstrip("\n") + "\n"]
    for section in order:
        if section in kept:
            parts.append(
                f"\n<!-- section:{section} -->\n{kept[section]}<!-- /section:{section} -->\n"
            )
    return "".join(parts)
