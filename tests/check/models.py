"""Small models and helpers shared by the check tests: a national law of our own, a clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from archlex.api import check_model
from archlex.findings import Finding
from archlex.outcome import Report

# Every check runs on this day, so that waivers and deadlines do not age with the calendar.
TODAY = dt.date(2026, 7, 1)

# No library: the rules see only what a test writes, whatever the `eu` catalog holds.
OWN = """\
archlex: 1
name: Rule test model
member_state: LV
include: ["*.yaml"]
uses: []
"""

# The `eu` library for its systems and access grants, with none of its obligations in scope.
WITH_EU = OWN.replace("uses: []", "uses: [eu]") + "scope:\n  regulations: []\n"

# A national law of our own, so that the obligations a test checks are all its own.
LAW = """\
regulations:
  - id: LV-LAW-1
    title: Law on the Interior Information Systems (interoperability amendments)
    articles:
      - {number: 1, title: Scope}
      - {number: 2, title: Access to the interoperability components, paragraphs: 3}
      - {number: 3, title: Logging of queries}
      - {number: 4, title: Manual verification of different identities}
      - {number: 5, title: Statistics}
"""

# The role the `eu` library defines, for models without the library.
ROLE = """\
roles:
  - id: manual-verification-authority
    name: Authority responsible for the manual verification of different identities
"""

BORDER_SYSTEM = """\
systems:
  - id: border-control
    name: Border control system
    kind: national
"""

FACIAL_IMAGE = """\
data:
  - id: facial-image
    name: Facial image
    personal: true
    special: true
"""

Place = tuple[str, str | None, str, int, int]


def check(
    root: Path,
    fail_on: str | None = None,
    min_coverage: float | None = None,
    today: dt.date = TODAY,
) -> Report:
    """Check a written model from its own folder, on TODAY unless told otherwise."""
    return check_model(root, root, fail_on=fail_on, min_coverage=min_coverage, today=today)


def of_rule(report: Report, rule: str) -> list[Finding]:
    """The findings of one rule, waived or not."""
    return [f for f in report.findings if f.rule == rule]


def place(finding: Finding) -> Place:
    """Rule, target, file, line and column of a finding."""
    return finding.rule, finding.target, finding.file, finding.line, finding.column
