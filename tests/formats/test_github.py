"""GitHub workflow commands: one line a finding, escaped as actions/toolkit does."""

from __future__ import annotations

from archlex.findings import Severity
from archlex.formats.github import escape_data, escape_property
from archlex.outcome import Report
from tests.formats.conftest import HOSTILE, finding, render, with_findings


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """Read a line as the Actions runner does (`ActionCommand.TryParseV2`), unescaping it."""
    line = line.lstrip()
    assert line.startswith("::")
    end = line.index("::", 2)
    info, data = line[2:end], line[end + 2 :]
    name, _, listed = info.partition(" ")
    properties = {}
    for pair in filter(None, listed.strip().split(",")):
        key, _, value = pair.partition("=")
        properties[key] = _unescape(value, {"%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ","})
    return name, properties, _unescape(data, {"%0D": "\r", "%0A": "\n"})


def _unescape(text: str, mapping: dict[str, str]) -> str:
    for token, character in [*mapping.items(), ("%25", "%")]:  # the runner undoes %25 last
        text = text.replace(token, character)
    return text


def test_checked_model_annotates_active_findings_only(checked: Report) -> None:
    lines = render(checked, "github").splitlines()
    assert lines[:-1] == [
        "::notice file=model/systems.yaml,line=6,col=5,title=archlex orphan-system::"
        "system `police-information-system` takes part in no flow%0A"
        "hint: model the flows it sends or receives, or mark it `status: retiring`",
        "::error file=model/systems.yaml,line=9,col=12,title=archlex unknown-reference::"
        "system `police-information-system`: `owner` names `state-polise`, "
        "but there is no organisation `state-polise`%0Ahint: did you mean `state-police`?",
        "::notice file=model/systems.yaml,line=10,col=5,title=archlex orphan-system::"
        "system `lonely` takes part in no flow%0A"
        "hint: model the flows it sends or receives, or mark it `status: retiring`",
    ]
    assert "requirement-unscheduled" not in render(checked, "github")  # waived


def test_summary_line_is_not_a_command(checked: Report) -> None:
    summary = render(checked, "github").splitlines()[-1]
    assert summary == (
        "archlex: 1 error, 0 warnings, 2 notices (1 waived); "
        "coverage 100% (0 of 0 obligations traced); exit code 1"
    )
    assert not summary.lstrip().startswith("::")
    assert "##[" not in summary


def test_hostile_message_stays_on_one_line_and_round_trips(checked: Report) -> None:
    hostile = finding(HOSTILE, hint="100%", severity=Severity.WARNING)
    text = render(with_findings(checked, [hostile]), "github")
    annotation, summary = text.split("\n")[:2]
    assert text.count("\n") == 2
    assert annotation == (
        "::warning file=model/systems.yaml,line=9,col=12,title=archlex unknown-reference::"
        'bad <script>alert("x")</script> ]]> it\'s 100%25 done :: a,b=c%0A'
        "::error::forged%0D%0A##[stop-commands]token & more%0Ahint: 100%25"
    )
    assert summary.startswith("archlex: ")
    assert parse_command(annotation) == (
        "warning",
        {
            "file": "model/systems.yaml",
            "line": "9",
            "col": "12",
            "title": "archlex unknown-reference",
        },
        HOSTILE + "\nhint: 100%",
    )


def test_property_values_escape_colons_and_commas(checked: Report) -> None:
    odd = finding(file="odd:name,with%.yaml")
    annotation = render(with_findings(checked, [odd]), "github").splitlines()[0]
    assert annotation.startswith("::error file=model/odd%3Aname%2Cwith%25.yaml,line=9,")
    assert parse_command(annotation)[1]["file"] == "model/odd:name,with%.yaml"


def test_library_findings_annotate_the_manifest(checked: Report) -> None:
    library = finding("eu.FOO is odd", file="[eu]/systems/eu.yaml", line=12, column=5)
    annotation = render(with_findings(checked, [library]), "github").splitlines()[0]
    assert parse_command(annotation)[1:] == (
        {
            "file": "model/archlex.yaml",
            "line": "1",
            "col": "1",
            "title": "archlex unknown-reference",
        },
        "[eu]/systems/eu.yaml:12:5: eu.FOO is odd",
    )


def test_escaping_matches_the_toolkit() -> None:
    assert escape_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e"
    assert escape_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce"
    assert escape_data("%0A") == "%250A"  # escaped once, so the runner cannot unescape it twice
