"""JUnit XML for GitLab and Jenkins: a test suite per rule, a test case per rule and target."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from typing import TextIO

from archlex.findings import Finding, Severity
from archlex.formats.registry import FormatOptions, formatter
from archlex.formats.sarif import place_of, repository_prefix
from archlex.outcome import Report

# XML 1.0 cannot hold these at all: ElementTree writes them and no parser reads the file back.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_COUNTS = ("tests", "failures", "errors", "skipped")


def xml_text(text: str) -> str:
    """Text with the characters XML 1.0 cannot hold removed, and line ends as `\\n`."""
    # A parser turns a bare CR in text into LF but keeps one in an attribute: say LF in both.
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


@dataclass(frozen=True, slots=True)
class Line:
    """One finding as a line of a test case: `path:line:col: message`, hint below."""

    text: str
    finding: Finding


def finding_lines(report: Report, findings: list[Finding], prefix: str) -> list[Line]:
    """Each finding as the text a CI log shows, with its repository path."""
    lines = []
    for finding in findings:
        place = place_of(finding, report, prefix)
        where = f"{place.path}:{place.line}:{place.column}"
        text = f"{where}: {place.message(finding.message)}"
        lines.append(Line(text + (f"\nhint: {finding.hint}" if finding.hint else ""), finding))
    return lines


def case_name(report: Report, finding: Finding, prefix: str) -> str:
    """The test case a finding belongs to: its target, else where it is written."""
    if finding.target:
        return finding.target
    place = place_of(finding, report, prefix)
    return place.library_position or f"{place.path}:{place.line}"


def case_element(rule: str, name: str, lines: list[Line]) -> ET.Element:
    """One test case: failed by active errors and warnings, skipped when only info or waived."""
    case = ET.Element("testcase", classname=rule, name=xml_text(name))
    active = [line for line in lines if not line.finding.waived]
    waived = [line for line in lines if line.finding.waived]
    body = "\n".join([line.text for line in active] + [f"waived: {w.text}" for w in waived])
    # Info findings (an orphan system) are advice, not defects: "skipped" keeps them visible
    # in GitLab and Jenkins without turning a passing job's test report red.
    failing = [line for line in active if line.finding.severity is not Severity.INFO]
    if failing:
        worst = max((line.finding.severity for line in failing), key=lambda s: s.rank)
        more = f" (and {len(active) - 1} more)" if len(active) > 1 else ""
        element = ET.SubElement(case, "failure", type=worst.value)
        element.set("message", xml_text(failing[0].finding.message + more))
    elif active:
        element = ET.SubElement(case, "skipped")
        element.set("message", xml_text("info: " + active[0].finding.message))
    else:
        element = ET.SubElement(case, "skipped", message="waived")
    element.text = xml_text(body)
    return case


def suite_element(name: str, cases: list[ET.Element]) -> ET.Element:
    """A test suite of the given cases, with its counts."""
    suite = ET.Element("testsuite", name=name)
    suite.extend(cases)
    counts = {
        "tests": len(cases),
        "failures": sum(1 for case in cases if case.find("failure") is not None),
        "errors": 0,
        "skipped": sum(1 for case in cases if case.find("skipped") is not None),
    }
    for key in _COUNTS:
        suite.set(key, str(counts[key]))
    return suite


def rule_suites(report: Report) -> list[ET.Element]:
    """A suite for each rule that has findings, a case for each target, by name."""
    prefix = repository_prefix(report)
    groups: dict[str, dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for finding in report.findings:
        groups[finding.rule][case_name(report, finding, prefix)].append(finding)
    return [
        suite_element(
            rule,
            [
                case_element(rule, name, finding_lines(report, findings, prefix))
                for name, findings in sorted(groups[rule].items())
            ],
        )
        for rule in sorted(groups)
    ]


def coverage_suite(report: Report) -> ET.Element | None:
    """Coverage figures as test cases, the overall one failing under `--min-coverage`."""
    if report.coverage is None:
        return None
    figures = {"overall": report.coverage.overall(), **report.coverage.by_regulation()}
    cases = []
    for name, figure in figures.items():
        case = ET.Element("testcase", classname="coverage", name=name)
        text = (
            f"{figure.traced} of {figure.applicable} applicable obligations traced "
            f"({figure.percent:g}%), {figure.met_percent:g}% met"
        )
        if name == "overall" and report.below_min_coverage:
            failure = ET.SubElement(case, "failure", type="coverage")
            wanted = report.min_coverage or 0.0
            failure.set("message", f"coverage {figure.percent:g}% is below {wanted:g}%")
            failure.text = text
        else:
            ET.SubElement(case, "system-out").text = text
        cases.append(case)
    return suite_element("coverage", cases)


def junit_tree(report: Report) -> ET.Element:
    """The `<testsuites>` root: rule suites, coverage, and a green case when nothing was found."""
    suites = rule_suites(report)
    coverage = coverage_suite(report)
    if coverage is not None:
        suites.append(coverage)
    if not report.findings:
        # Jenkins' junit step fails on a report without test cases; GitLab shows it as empty.
        suites.append(
            suite_element("archlex", [ET.Element("testcase", classname="archlex", name="archlex")])
        )
    root = ET.Element("testsuites", name="archlex")
    root.extend(suites)
    # Jenkins' schema (junit-10.xsd) allows `skipped` on a suite, not on <testsuites>.
    for key in _COUNTS[:3]:
        root.set(key, str(sum(int(suite.get(key, "0")) for suite in suites)))
    return root


@formatter("junit")
def write_junit(report: Report, stream: TextIO, options: FormatOptions) -> None:
    """Write the JUnit XML document."""
    root = junit_tree(report)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode") + "\n")
