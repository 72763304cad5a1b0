"""The law on a given day: deadlines derived from the day an act sets for a component to start,
`--as-of` before that day, obligations that apply later, and the bundled catalog's real dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from archlex.api import validate_model
from archlex.catalog.timeline import Timeline, add_period, period_words
from archlex.model import EventDate
from tests.check.models import LAW, OWN, check, of_rule, place
from tests.conftest import REPO, WriteModel, run_archlex

LIBRARY = REPO / "model" / "eu"

# An implementing decision of our own, so that the test does not hang on the bundled catalog.
DECISION = """\
systems:
  - id: portal
    name: Search portal
    kind: interoperability-component
acts:
  - id: "2030/1"
    kind: implementing-decision
    title: Implementing decision setting the day the portal starts operations
    adopted: 2030-05-28
    published: 2030-05-29
    starts:
      - {component: portal, date: 2030-06-12, provision: Art 1}
"""

OBLIGATION = """\
obligations:
  - id: LV-OB-PORTAL-01
    provision: "LV-LAW-1 Art 2(1)"
    actor: member-state
    summary: Border guards search the EU systems through the portal.
    applies_from: {after: portal.start}
    deadline: {after: portal.start, plus: P2Y}
requirements:
  - id: REQ-PORTAL-01
    title: Border guards search through the portal
    satisfies: ["LV-LAW-1 Art 2(1)"]
roadmap:
  work_packages:
    - id: WP-PORTAL
      name: Connect the border control system to the portal
      start: 2031-01-05
      end: 2032-09-30
      delivers: [REQ-PORTAL-01]
"""


def _model(write_model: WriteModel, end: str = "2032-09-30") -> Path:
    files = {"law.yaml": LAW, "decision.yaml": DECISION, "model.yaml": OBLIGATION}
    files["model.yaml"] = files["model.yaml"].replace("2032-09-30", end)
    return write_model(files, OWN)


def test_work_ending_after_the_derived_deadline_misses_it(write_model: WriteModel) -> None:
    report = check(_model(write_model), today=dt.date(2031, 1, 1))
    [finding] = of_rule(report, "deadline-missed")
    assert place(finding) == ("deadline-missed", "LV-OB-PORTAL-01", "model.yaml", 2, 5)
    assert "is due 2032-06-12 (2 years after portal starts operations on 2030-06-12" in (
        finding.message
    )
    assert "set by Implementing Decision (EU) 2030/1 Art 1" in finding.message
    assert "work package `WP-PORTAL` delivering it ends 2032-09-30" in finding.message


def test_work_ending_on_the_derived_deadline_is_in_time(write_model: WriteModel) -> None:
    report = check(_model(write_model, end="2032-06-12"), today=dt.date(2031, 1, 1))
    assert not of_rule(report, "deadline-missed")


def test_before_the_start_the_obligation_is_upcoming_not_missed(write_model: WriteModel) -> None:
    root = _model(write_model)
    report = check(root, today=dt.date(2030, 6, 1))  # decision in force, portal not started
    assert not of_rule(report, "deadline-missed")
    assert not of_rule(report, "obligation-untraced")
    [upcoming] = of_rule(report, "obligation-upcoming")
    assert "applies from 2030-06-12 (portal starts operations on 2030-06-12" in upcoming.message
    before_decision = check(root, today=dt.date(2030, 5, 1))
    [unknown] = of_rule(before_decision, "obligation-upcoming")
    assert "no act in force on 2030-05-01 sets that date" in unknown.message
    assert not of_rule(before_decision, "deadline-missed")


def test_an_event_naming_nothing_is_an_unknown_reference(write_model: WriteModel) -> None:
    files = {"law.yaml": LAW, "decision.yaml": DECISION}
    files["model.yaml"] = OBLIGATION.replace("{after: portal.start}", "{after: portl.start}")
    report = check(write_model(files, OWN), today=dt.date(2031, 1, 1))
    [finding] = of_rule(report, "unknown-reference")
    assert finding.target == "LV-OB-PORTAL-01"
    assert "portl" in finding.message and finding.line == 6


@pytest.mark.parametrize(
    ("day", "period", "expected"),
    [
        ("2026-06-12", "P2Y", "2028-06-12"),
        ("2024-02-29", "P1Y", "2025-02-28"),
        ("2026-01-31", "P1M", "2026-02-28"),
        ("2026-06-12", "P1Y6M", "2027-12-12"),
        ("2026-06-12", "P30D", "2026-07-12"),
        ("2026-06-12", "P2W", "2026-06-26"),
    ],
)
def test_periods_add_calendar_years_months_and_days(day: str, period: str, expected: str) -> None:
    assert add_period(dt.date.fromisoformat(day), period) == dt.date.fromisoformat(expected)


def test_periods_in_words() -> None:
    assert period_words("P2Y") == "2 years"
    assert period_words("P1Y6M") == "1 year 6 months"


def test_the_bundled_catalog_knows_the_start_dates() -> None:
    eu_library = validate_model(LIBRARY, LIBRARY).model
    timeline = Timeline(eu_library, None)
    starts = {name: e.date for name, e in timeline.events.items() if name.endswith(".start")}
    assert starts == {
        "eu.sBMS.start": dt.date(2025, 5, 19),
        "eu.ESP.start": dt.date(2026, 6, 12),
        "eu.CIR.start": dt.date(2026, 6, 12),
    }
    esp = timeline.resolve(EventDate(after="eu.ESP.start", plus="P2Y"))
    assert esp.date == dt.date(2028, 6, 12)
    assert "Implementing Decision (EU) 2026/1155 Art 1" in esp.derivation
    article = eu_library.regulation("2019/817")
    assert article is not None
    inserted = article.article("20a")
    assert inserted is not None and inserted.applies_from == dt.date(2026, 6, 12)
    assert Timeline(eu_library, dt.date(2026, 5, 1)).event("eu.ESP.start") is None


ESP_MODEL = """\
systems:
  - id: border-control
    name: Border control system
    kind: national
requirements:
  - id: REQ-ESP-01
    title: Border guards search EES, VIS and ETIAS only through the ESP
    satisfies: ["2019/817 Art 7(2)"]
    allocated_to: [border-control]
roadmap:
  work_packages:
    - id: WP-ESP
      name: Connect the border control system to the ESP
      start: 2027-01-04
      end: 2028-09-29
      delivers: [REQ-ESP-01]
"""

ESP_MANIFEST = """\
archlex: 1
name: ESP connection after the derived deadline
member_state: LV
include: ["*.yaml"]
uses: [eu]
scope:
  regulations: ["2019/817"]
  systems: [eu.EES]
"""


def _esp_findings(root: Path, as_of: str) -> list[dict[str, object]]:
    result = run_archlex("check", str(root), "--format", "json", "--as-of", as_of)
    assert result.returncode in (0, 1), result.stderr
    findings: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    return [f for f in findings if f["target"] == "eu.817-7-2"]


def test_the_real_esp_decision_gives_the_deadline_and_as_of_before_it_does_not(
    write_model: WriteModel,
) -> None:
    root = write_model({"model.yaml": ESP_MODEL}, ESP_MANIFEST)
    [missed] = _esp_findings(root, "2026-12-03")
    assert missed["rule"] == "deadline-missed"
    assert str(missed["message"]).startswith(
        "obligation `eu.817-7-2` (2019/817 Art 7(2)) is due 2028-06-12 (2 years after eu.ESP "
        "starts operations on 2026-06-12, set by Implementing Decision (EU) 2026/1155 Art 1"
    )
    assert "work package `WP-ESP` delivering it ends 2028-09-29" in str(missed["message"])
    # Before the decision was adopted (28 May 2026), the law set no ESP start yet.
    [before] = _esp_findings(root, "2026-05-01")
    assert before["rule"] == "obligation-upcoming"
    assert "once eu.ESP starts operations; no act in force on 2026-05-01" in str(before["message"])
