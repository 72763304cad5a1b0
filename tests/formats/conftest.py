"""Reports for the format tests: a real checked model, and hand-made findings on its project."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest

from archlex.api import check_model
from archlex.findings import Finding, Severity, sort_findings
from archlex.formats import write_report
from archlex.outcome import Report
from tests.conftest import WriteModel

# No library, so that the findings stay the same as the `eu` catalog grows.
MANIFEST = """\
archlex: 1
name: Test model
member_state: LV
include: ["*.yaml"]
uses: []
waivers:
  - rule: requirement-unscheduled
    target: REQ-1
    reason: Delivered by eu-LISA.
"""

# An unknown reference (error), two systems in no flow (info), and a waived warning.
SYSTEMS = """\
organisations:
  - id: state-police
    name: State Police
    kind: police
systems:
  - id: police-information-system
    name: Police information system
    kind: national
    owner: state-polise
  - id: lonely
    name: Lonely system
    kind: national
requirements:
  - id: REQ-1
    title: Something
    allocated_to: [lonely]
"""

# Everything a message could smuggle into XML, JSON or a CI log, on purpose.
HOSTILE = (
    'bad <script>alert("x")</script> ]]> it\'s 100% done :: a,b=c\n'
    "::error::forged\r\n##[stop-commands]token & more"
)


@pytest.fixture
def in_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from TMP_PATH, the repository root that holds `model/`, as CI does."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def checked(write_model: WriteModel, in_repository: Path) -> Report:
    """`archlex check` of the small model at `model/`, from the repository root."""
    root = write_model({"systems.yaml": SYSTEMS}, MANIFEST)
    return check_model(root)


def render(report: Report, name: str) -> str:
    """A report written in the named format."""
    stream = io.StringIO()
    write_report(report, name, stream, False)
    return stream.getvalue()


def with_findings(report: Report, findings: list[Finding]) -> Report:
    """The same project, with hand-made findings instead of the real ones."""
    return dataclasses.replace(report, findings=sort_findings(findings))


def finding(
    message: str = "something is wrong",
    *,
    rule: str = "unknown-reference",
    severity: Severity = Severity.ERROR,
    file: str = "systems.yaml",
    line: int = 9,
    column: int = 12,
    target: str | None = "police-information-system",
    hint: str | None = None,
    waived: bool = False,
) -> Finding:
    """A finding with defaults, for hand-made reports."""
    return Finding(rule, severity, message, file, line, column, target, hint, waived)
