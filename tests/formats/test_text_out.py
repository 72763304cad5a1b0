"""The text format without colour is written without rich (archlex.formats.text_out), and is
byte for byte what rich writes: for the example, for hostile and odd text (then rich writes
it), and for the catalog's findings shown in full."""

from __future__ import annotations

import io

import pytest

from archlex.api import check_model
from archlex.formats.registry import FormatOptions
from archlex.formats.text import write_rich, write_text
from archlex.formats.text_out import Line, PlainOut
from archlex.outcome import Report
from tests.conftest import EXAMPLE
from tests.formats.conftest import HOSTILE, finding, with_findings


def _both(report: Report, show_all: bool = False) -> tuple[str, str]:
    plain, rich = io.StringIO(), io.StringIO()
    write_text(report, plain, FormatOptions(show_all=show_all))
    write_rich(report, rich, FormatOptions(show_all=show_all))
    return plain.getvalue(), rich.getvalue()


@pytest.mark.parametrize("show_all", [False, True])
def test_the_example_is_written_as_rich_writes_it(show_all: bool) -> None:
    plain, rich = _both(check_model(EXAMPLE, EXAMPLE), show_all)
    assert plain == rich
    assert "error[" in plain and "Coverage of the applicable obligations:" in plain


@pytest.mark.parametrize(
    "message",
    [HOSTILE, "a\ttab", "bell\x07, backspace\x08", "form\x0cfeed", "é — “quoted” 中文", "x" * 9000],
    ids=["hostile", "tab", "controls", "form-feed", "unicode", "long"],
)
def test_odd_text_is_written_as_rich_writes_it(checked: Report, message: str) -> None:
    report = with_findings(checked, [finding(message, hint=message)])
    plain, rich = _both(report)
    assert plain == rich


def test_a_line_rich_would_change_sends_the_report_to_rich() -> None:
    out = PlainOut()
    out.print(Line("fine"), soft_wrap=True)
    assert out.exact
    out.print(Line("a\ttab"), soft_wrap=True)
    assert not out.exact
    long = PlainOut()
    long.print(Line("y" * 5000))  # not soft-wrapped: rich would wrap it at its width
    assert not long.exact
