"""The Structurizr DSL export, checked structurally (tests/export/dsl_checker.py)."""

from __future__ import annotations

import pytest

from archlex.api import load
from archlex.export.ids import dsl_identifier
from archlex.export.structurizr import quoted, structurizr_dsl
from archlex.model import Model
from tests.conftest import WriteModel
from tests.export.dsl_checker import check, tokenize
from tests.export.hostile import FILES

# What Structurizr reads back of tests/export/hostile.py's text: control characters and line
# breaks become spaces, runs of spaces one, and `${` is broken up.
HOSTILE_IN_DSL = (
    "<script>alert(1)</script> & \"quoted\" 'single' ]]> \ufffe $ {workspace} } { \\ "
    "-> next line \\"
)


def test_the_example_is_a_well_formed_workspace(example_dsl: str) -> None:
    parsed = check(example_dsl)
    assert parsed.errors == []


def test_every_organisation_system_and_component_is_an_element(
    example: Model, example_dsl: str
) -> None:
    elements = check(example_dsl).elements
    people = {i for i, e in elements.items() if e.kind == "person"}
    assert people == {dsl_identifier(o.id) for o in example.organisations}
    parts = {dsl_identifier(c.id) for c in example.components}
    containers = {i for i, e in elements.items() if e.kind == "container"}
    assert parts <= containers
    interfaces = containers - parts  # national uniform interfaces inside their EU system
    assert interfaces == {
        dsl_identifier(s.id) for s in example.systems if s.id.startswith("eu.NUI")
    }
    systems = {i for i, e in elements.items() if e.kind == "softwareSystem"}
    assert systems | interfaces == {dsl_identifier(s.id) for s in example.systems}


def test_flows_are_relationships_with_their_data(example: Model, example_dsl: str) -> None:
    parsed = check(example_dsl)
    flows = [r for r in parsed.relationships if r[2][2:3] != ["Connection"]]
    described = {r[2][0].split(":")[0] for r in flows if ":" in r[2][0]}
    skipped = {line.split()[2] for line in example_dsl.splitlines() if "// flow" in line}
    assert described | skipped == {f.id for f in example.flows}
    assert skipped == {"F-VIS-01"}  # a component's flow to its own system
    flow = next(r for r in parsed.relationships if r[2][0].startswith("F-BRD-02:"))
    assert "Facial image" in flow[2][0] and "query" in flow[2][1]


def test_views_cover_the_landscape_each_context_and_each_container(example_dsl: str) -> None:
    views = check(example_dsl).views
    kinds = {kind for kind, _, _ in views}
    assert kinds == {"systemLandscape", "systemContext", "container", "deployment"}
    assert ("container", "e_eu_2e_EES", "containers-eu_2e_EES") in views


def test_the_export_is_byte_identical_twice(example: Model, example_dsl: str) -> None:
    assert structurizr_dsl(example) == example_dsl


def test_hostile_names_cannot_break_the_workspace(write_model: WriteModel) -> None:
    text = structurizr_dsl(load(write_model(FILES)).model)
    parsed = check(text)
    assert parsed.errors == []
    assert parsed.elements["e_0rg_2e_one"].name == HOSTILE_IN_DSL
    assert parsed.elements["e_sys_2e_a_2d_part"].parent == "e_sys_2e_a"
    assert "${" not in text


@pytest.mark.parametrize(
    "text",
    ['a"b', "back\\slash\\", "line\nbreak", "tab\there", "${x}", "\\", '\\"', "", "}"],
)
def test_quoted_strings_read_back_as_one_token(text: str) -> None:
    tokens = tokenize(f"x {quoted(text)} y")
    assert [t for t, _ in tokens][0::2] == ["x", "y"]
    assert tokens[1][1] is True


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("C:\\new", "C:\\\u200bnew"),  # not a line break: no escape writes `\n` as text
        ("back\\slash", "back\\slash"),  # a backslash is itself, never doubled
        ('say "hi"', 'say "hi"'),
        ('a\\"b', 'a\\"b'),  # a backslash before a quote
        ("ends in \\", "ends in \\"),
        ("\\", "\\"),
        ("two\nlines", "two lines"),
        ("${HOME}", "$ {HOME}"),
    ],
)
def test_strings_read_back_as_structurizrs_parser_reads_them(text: str, read: str) -> None:
    tokens = tokenize(f"x = person {quoted(text)} {{")
    assert tokens[3] == (read, True)
    assert "\n" not in tokens[3][0]


@pytest.mark.parametrize(
    ("dsl", "error"),
    [
        ('workspace {\n  model {\n    a -> b "x"\n  }\n}\n', "not defined before use"),
        ('workspace {\n  model {\n    a = person "x"y"\n  }\n}\n', "bare token"),
        ('workspace {\n  model {\n    a = person "x\n  }\n}\n', "not closed"),
        ('workspace {\n  model {\n    a.b = person "x"\n  }\n}\n', "characters"),
        ("workspace {\n  model {\n", "not closed"),
        ('workspace {\n  views {\n    systemContext nope "k" {\n    }\n  }\n}\n', "not a defined"),
        ('workspace {\n  model {\n    a = person "x"\n    b = person "x"\n  }\n}\n', "twice"),
    ],
)
def test_the_checker_finds_what_breaks_a_workspace(dsl: str, error: str) -> None:
    assert any(error in e for e in check(dsl).errors)


def test_the_views_the_model_names_are_landscapes_of_what_they_select(example_dsl: str) -> None:
    parsed = check(example_dsl)
    assert ("systemLandscape", None, "view-border-bcp") in parsed.views
    block = example_dsl.split('systemLandscape "view-border-bcp"', 1)[1].split("}", 1)[0]
    included = [line.split()[1] for line in block.splitlines() if "include" in line]
    assert "e_RKIS" in included and "e_PIS" not in included
    assert all(identifier in parsed.elements for identifier in included)
