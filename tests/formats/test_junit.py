"""JUnit XML: parses, counts add up, info and waived findings skipped, hostile text escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from lxml import etree

from archlex.check.coverage import Coverage, CoverageState, ObligationCoverage
from archlex.findings import Severity
from archlex.formats.junit import xml_text
from archlex.outcome import Report
from tests.formats.conftest import HOSTILE, finding, render, with_findings

# Jenkins' JUnit schema, vendored with its licence and source (tests/data/junit/README.md).
JENKINS_XSD = Path(__file__).resolve().parents[1] / "data" / "junit" / "junit-10.xsd"
SCHEMA = etree.XMLSchema(etree.parse(str(JENKINS_XSD)))


def junit(report: Report) -> ET.Element:
    """The parsed JUnit document, with every count checked against the test cases."""
    text = render(report, "junit")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    document = etree.fromstring(text.encode("utf-8"))
    assert SCHEMA.validate(document), SCHEMA.error_log.filter_from_errors()
    root = ET.fromstring(text)
    assert root.tag == "testsuites"
    totals = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for suite in root.findall("testsuite"):
        cases = suite.findall("testcase")
        counts = {
            "tests": len(cases),
            "failures": sum(1 for c in cases if c.find("failure") is not None),
            "errors": sum(1 for c in cases if c.find("error") is not None),
            "skipped": sum(1 for c in cases if c.find("skipped") is not None),
        }
        for key, count in counts.items():
            assert suite.get(key) == str(count), (suite.get("name"), key)
            totals[key] += count
    for key, count in totals.items():
        assert root.get(key) == (str(count) if key != "skipped" else None), key
    return root


def cases(root: ET.Element) -> dict[tuple[str, str], ET.Element]:
    """Test cases by (classname, name); each pair appears once."""
    found = [(c.get("classname", ""), c.get("name", "")) for c in root.iter("testcase")]
    assert len(found) == len(set(found))
    return dict(zip(found, root.iter("testcase"), strict=True))


def test_checked_model_has_a_suite_per_rule_and_a_case_per_target(checked: Report) -> None:
    root = junit(checked)
    suites = [s.get("name") for s in root.findall("testsuite")]
    assert suites == [
        "orphan-system",
        "requirement-unscheduled",
        "unknown-reference",
        "coverage",
    ]
    by_name = cases(root)
    failure = by_name["unknown-reference", "police-information-system"].find("failure")
    assert failure is not None
    assert failure.get("type") == "error"
    assert failure.get("message", "").startswith("system `police-information-system`: `owner`")
    assert (failure.text or "").startswith("model/systems.yaml:9:12: system ")
    assert (failure.text or "").endswith("\nhint: did you mean `state-police`?")
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("5", "1", "0")
    skipped = sum(int(suite.get("skipped", "0")) for suite in root.findall("testsuite"))
    assert skipped == 3


def test_info_and_waived_findings_are_skipped_not_failed(checked: Report) -> None:
    by_name = cases(junit(checked))
    info = by_name["orphan-system", "lonely"].find("skipped")
    assert info is not None
    assert info.get("message") == "info: system `lonely` takes part in no flow"
    waived = by_name["requirement-unscheduled", "REQ-1"].find("skipped")
    assert waived is not None
    assert waived.get("message") == "waived"
    assert (waived.text or "").startswith(
        "waived: model/systems.yaml:14:5: no work package delivers requirement `REQ-1`\nhint: "
    )


def test_findings_on_one_target_share_a_test_case(checked: Report) -> None:
    two = [finding("first", line=3), finding("second", line=7, severity=Severity.WARNING)]
    root = junit(with_findings(checked, two))
    failure = cases(root)["unknown-reference", "police-information-system"].find("failure")
    assert failure is not None
    assert (failure.get("type"), failure.get("message")) == ("error", "first (and 1 more)")
    assert failure.text == "model/systems.yaml:3:12: first\nmodel/systems.yaml:7:12: second"


def test_a_finding_without_target_is_named_by_its_place(checked: Report) -> None:
    anonymous = [finding("bad YAML", rule="yaml-syntax", target=None, line=4)]
    root = junit(with_findings(checked, anonymous))
    assert ("yaml-syntax", "model/systems.yaml:4") in cases(root)


def test_no_findings_is_one_passing_test(checked: Report) -> None:
    clean = with_findings(checked, [])
    root = junit(clean)
    archlex = cases(root)["archlex", "archlex"]
    assert list(archlex) == []
    assert root.get("failures") == "0"


def test_coverage_below_the_minimum_fails(checked: Report) -> None:
    gap = ObligationCoverage("OB-1", "2019/817 Art 20(1)", "2019/817", CoverageState.GAP)
    done = ObligationCoverage("OB-2", "2019/817 Art 21(1)", "2019/817", CoverageState.MET)
    coverage = Coverage([gap, done])
    low = with_findings(checked, [])
    low.coverage, low.min_coverage = coverage, 80.0
    by_name = cases(junit(low))
    failure = by_name["coverage", "overall"].find("failure")
    assert failure is not None
    assert failure.get("message") == "coverage 50% is below 80%"
    regulation = by_name["coverage", "2019/817"].find("system-out")
    assert regulation is not None
    assert regulation.text == "1 of 2 applicable obligations traced (50%), 50% met"


def test_hostile_text_survives_escaping(checked: Report) -> None:
    hostile = finding(HOSTILE + "\x0b\x00", target=HOSTILE, hint="<b>&</b>")
    text = render(with_findings(checked, [hostile]), "junit")
    assert "<script>" not in text
    assert "]]>" not in text
    root = junit(with_findings(checked, [hostile]))
    one_newline = HOSTILE.replace("\r\n", "\n")  # line ends are LF, as the parser makes them
    case = cases(root)["unknown-reference", one_newline]
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == one_newline
    assert failure.text == f"model/systems.yaml:9:12: {one_newline}\nhint: <b>&</b>"


def test_characters_xml_cannot_hold_are_dropped() -> None:
    assert xml_text("a\x00b\x0bc\x1fd\ufffee\tf\ng\rh\r\ni") == "abcde\tf\ng\nh\ni"


def test_output_is_deterministic(checked: Report) -> None:
    assert render(checked, "junit") == render(checked, "junit")
