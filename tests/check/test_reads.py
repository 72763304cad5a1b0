"""Each rule reads no field of the model's entities but those it declares (`@rule(...,
reads=...)`, archlex.check.reads), nor does the coverage: every other field is replaced by a
value that fails when anything reads it, and the rule finds the same on the example and on
every rule's `bad` example. A new rule without a declaration, or one that reads a field it does
not declare, fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

from archlex.api import load
from archlex.check.context import CheckContext
from archlex.check.prose import unread_fields
from archlex.check.reads import COVERAGE, read_by_any
from archlex.check.run import coverage_of
from archlex.load import Project
from archlex.load.file_entities import KIND_TYPES
from archlex.model.record import Record
from archlex.model.system import Component
from archlex.rules import RULES, Reads
from tests.check import test_prose as prose_tests
from tests.check.models import TODAY
from tests.check.test_examples import CONTEXT, MANIFEST, MANIFEST_SNIPPETS, SNIPPET
from tests.conftest import WriteModel

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "model" / "archlex.yaml"
KINDS: dict[type[Record], str] = {t: k for k, t in KIND_TYPES.items()} | {Component: "components"}
CHECKED = sorted(r for r, info in RULES.items() if info.function is not None)


class Unreadable(prose_tests.Unreadable):
    """A field's value that fails whatever reads it (as in test_prose)."""

    MESSAGE = "a field the rule does not declare in `reads` was read"


def _loaded(model: Path, declared: Reads | None) -> Project:
    """The model loaded, with every field of its own entities not in `declared` unreadable."""
    project = load(model, model.parent)
    if declared is not None:
        for entity, located in project.sources.placed:
            kind = KINDS[type(entity)]
            for name in entity.__dict__.keys() - declared.get(kind, frozenset()) - {"id"}:
                if not located.file.startswith("["):
                    object.__setattr__(entity, name, Unreadable())
    return project


def _found(project: Project, rule: str) -> list[tuple[object, ...]]:
    context = CheckContext(project, TODAY, rule)
    function = RULES[rule].function
    assert function is not None
    return [(f.rule, f.message, f.file, f.line, f.column, f.hint) for f in function(context)]


@pytest.fixture(scope="module")
def example_found() -> dict[str, list[tuple[object, ...]]]:
    """What each rule finds in the example, every field readable (one load for all)."""
    project = _loaded(EXAMPLE, None)
    return {rule: _found(project, rule) for rule in CHECKED}


def _bad_model(write_model: WriteModel, rule: str) -> Path:
    bad = RULES[rule].bad
    if rule in MANIFEST_SNIPPETS:
        includes = "" if bad.startswith("include:") else 'include: ["*.yaml"]\n'
        return write_model(MANIFEST_SNIPPETS[rule], MANIFEST + includes + bad)
    return write_model({"context.yaml": CONTEXT, SNIPPET: bad}, MANIFEST + 'include: ["*.yaml"]\n')


def test_every_rule_declares_what_it_reads() -> None:
    assert [r for r, info in RULES.items() if info.reads is None] == []
    assert read_by_any({r: info.reads for r, info in RULES.items()}) is not None


def test_a_rule_without_a_declaration_leaves_no_field_unread() -> None:
    declared = {r: info.reads for r, info in RULES.items()}
    assert unread_fields(read_by_any(declared))["requirements"] >= {"priority", "title"}
    assert unread_fields(read_by_any({"new-rule": None, **declared})) == {}


def test_the_declarations_name_fields_that_exist() -> None:
    types = {kind: entity for entity, kind in KINDS.items()}
    declarations = [(r, info.reads or {}) for r, info in RULES.items()] + [("coverage", COVERAGE)]
    for rule, declared in declarations:
        for kind, names in declared.items():
            assert kind in types, (rule, kind)
            assert names <= set(types[kind].model_fields), (rule, kind, names)


@pytest.mark.parametrize("rule", CHECKED, ids=str)
def test_each_rule_reads_only_what_it_declares(
    write_model: WriteModel, example_found: dict[str, list[tuple[object, ...]]], rule: str
) -> None:
    declared = RULES[rule].reads
    assert _found(_loaded(EXAMPLE, declared), rule) == example_found[rule]
    bad = _bad_model(write_model, rule)
    assert _found(_loaded(bad, declared), rule) == _found(_loaded(bad, None), rule)


def test_a_field_read_but_not_declared_is_found(write_model: WriteModel) -> None:
    undeclared: Reads = {"requirements": frozenset()}  # requirement-unallocated reads allocated_to
    with pytest.raises(AssertionError, match="does not declare"):
        _found(_loaded(EXAMPLE, undeclared), "requirement-unallocated")


def test_the_coverage_reads_only_what_it_declares() -> None:
    def coverage(declared: Reads | None) -> list[object]:
        context = CheckContext(_loaded(EXAMPLE, declared), TODAY)
        return [coverage_of(context.graph, o) for o in context.applicable]

    assert coverage(COVERAGE) == coverage(None)
