"""The prose of the model's entities (archlex.check.prose.PROSE) is read by no rule, no part of
the coverage and no report format: replaced by a value that fails when anything reads it, the
example and every rule's `bad` example check to the same report, in every format. A new rule
that quotes a title in its message fails here until it takes the field out of PROSE."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, NoReturn

import pytest

from archlex.api import load
from archlex.check.prose import PROSE
from archlex.check.run import run_checks
from archlex.findings import sort_findings
from archlex.formats import write_report
from archlex.outcome import Report
from archlex.rules import RULES
from tests.check.models import TODAY
from tests.check.test_examples import CONTEXT, MANIFEST, MANIFEST_SNIPPETS, SNIPPET
from tests.conftest import WriteModel

REPO = Path(__file__).resolve().parents[2]
FORMATS = ("text", "json", "sarif", "junit", "github")


class Unreadable:
    """A field's value that fails whatever reads it: compares, prints, iterates, measures."""

    MESSAGE = "a field listed in archlex.check.prose.PROSE was read"

    def _read(self, *_: Any) -> NoReturn:
        raise AssertionError(self.MESSAGE)

    __str__ = __repr__ = __format__ = __eq__ = __ne__ = __hash__ = __bool__ = _read
    __len__ = __iter__ = __contains__ = __getitem__ = __lt__ = __gt__ = _read
    __getattr__ = _read


def _report(model: Path, unreadable_prose: bool) -> dict[str, str]:
    project = load(model, model.parent)
    if unreadable_prose:
        types = {entity: fields for entity, fields in PROSE.values()}
        for entity, located in project.sources.placed:
            fields = types.get(type(entity), frozenset())
            for name in fields & entity.__dict__.keys():
                if not located.file.startswith("["):
                    object.__setattr__(entity, name, Unreadable())
    disabled = set(project.model.manifest.checks.disable)
    findings, coverage = run_checks(project, TODAY, {r for r in disabled if r in RULES})
    report = Report(project, sort_findings(findings), "error", coverage)
    outputs = {}
    for name in FORMATS:
        buffer = io.StringIO()
        write_report(report, name, buffer, False)
        outputs[name] = buffer.getvalue()
    return outputs


def test_the_example_checks_alike_without_its_prose() -> None:
    model = REPO / "model"
    assert _report(model, True) == _report(model, False)


@pytest.mark.parametrize("rule", sorted(RULES), ids=str)
def test_each_rule_fires_alike_without_the_prose(write_model: WriteModel, rule: str) -> None:
    bad = RULES[rule].bad
    if rule in MANIFEST_SNIPPETS:
        includes = "" if bad.startswith("include:") else 'include: ["*.yaml"]\n'
        model = write_model(MANIFEST_SNIPPETS[rule], MANIFEST + includes + bad)
    else:
        model = write_model(
            {"context.yaml": CONTEXT, SNIPPET: bad}, MANIFEST + 'include: ["*.yaml"]\n'
        )
    assert _report(model, True) == _report(model, False)


def test_prose_is_text_that_a_model_writes() -> None:
    assert all(fields <= {"title", "text", "description"} for _, fields in PROSE.values())
    assert {"title", "text", "description"} == set().union(*(f for _, f in PROSE.values()))
