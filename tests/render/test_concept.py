"""The concept document: chapters from the templates, Markdown and DOCX, overrides, Latvian."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from archlex.api import check_model
from archlex.outcome import Report
from archlex.render.output import render_products
from tests.conftest import MANIFEST, WriteModel

CHAPTERS_EN = [
    "1. Scope and regulatory basis",
    "2. Obligations that apply",
    "3. Architecture",
    "4. Functionalities",
    "5. Compliance status",
    "6. Roadmap",
    "7. Implementation plan and budget",
]


def _render(report: Report, out: Path) -> tuple[str, docx.document.Document]:
    render_products(report, out, ["concept"])
    text = (out / "concept" / "concept.md").read_text(encoding="utf-8")
    return text, docx.Document(str(out / "concept" / "concept.docx"))


def test_markdown_and_docx_have_the_chapters_and_the_content(
    example: Report, tmp_path: Path
) -> None:
    text, document = _render(example, tmp_path / "out")
    for chapter in CHAPTERS_EN:
        assert f"\n## {chapter}\n" in text
    headings = [
        p.text
        for p in document.paragraphs
        if p.style is not None and str(p.style.name).startswith("Heading")
    ]
    assert [h for h in headings if h in CHAPTERS_EN] == CHAPTERS_EN
    assert document.tables, "the DOCX has real tables"
    obligations = document.tables[0]
    assert len(obligations.rows) == 1 + len(example.coverage.obligations)  # type: ignore[union-attr]
    assert obligations.rows[1].cells[0].text == example.coverage.obligations[0].provision  # type: ignore[union-attr]
    for system in example.model.systems:
        if system.kind.value == "national":
            assert system.name in document.tables[2].columns[0].cells[0].text or any(
                system.name == c.text for c in document.tables[2].columns[0].cells
            )


def test_rendering_twice_gives_identical_bytes(example: Report, tmp_path: Path) -> None:
    render_products(example, tmp_path / "a", ["concept"])
    render_products(example, tmp_path / "b", ["concept"])
    for name in ("concept.md", "concept.docx"):
        first = (tmp_path / "a" / "concept" / name).read_bytes()
        assert first == (tmp_path / "b" / "concept" / name).read_bytes(), name


def test_latvian_headings_come_from_the_message_catalog(
    write_model: WriteModel, tmp_path: Path
) -> None:
    root = write_model({}, manifest=MANIFEST + "language: lv\n")
    text, document = _render(check_model(root, root), tmp_path / "out")
    assert "## 1. Tvērums un normatīvais pamats" in text
    assert "Tvērums un normatīvais pamats" in [
        p.text.split(". ", 1)[-1] for p in document.paragraphs
    ]


def test_a_models_own_template_overrides_the_bundled_one(
    write_model: WriteModel, tmp_path: Path
) -> None:
    root = write_model(
        {
            "templates/concept/01-scope.md.j2": "## 1. Darbības joma\n\nOur own scope text.\n",
            "templates/concept/00-title.md.j2": "# Interoperability concept of Latvia\n\n"
            "**{{ model.manifest.name | md }}**\n",
        }
    )
    text, _ = _render(check_model(root, root), tmp_path / "out")
    assert "Our own scope text." in text
    assert text.startswith("# Interoperability concept of Latvia\n\n**Test model**")
    assert "## 2. Obligations that apply" in text  # the other sections stay archlex's


def test_a_broken_template_is_a_clear_error(write_model: WriteModel, tmp_path: Path) -> None:
    from archlex.errors import ArchlexError

    root = write_model({"templates/concept/02-obligations.md.j2": "{{ nothing.here }}\n"})
    with pytest.raises(ArchlexError, match=r"02-obligations\.md\.j2"):
        render_products(check_model(root, root), tmp_path / "out", ["concept"])
    assert not (tmp_path / "out").exists()  # nothing half-written


def test_model_text_is_escaped_in_markdown_and_shown_as_text_in_docx(
    write_model: WriteModel, tmp_path: Path
) -> None:
    hostile = "<script>alert(1)</script> | *x*"
    root = write_model({"s.yaml": f'systems:\n  - {{id: s, name: "{hostile}", kind: national}}\n'})
    text, document = _render(check_model(root, root), tmp_path / "out")
    assert "<script>" not in text and "&lt;script&gt;" in text
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert hostile in cells


def test_budget_by_source_is_the_roadmaps(example: Report, tmp_path: Path) -> None:
    # One way to split and write money: the concept's budget table and the roadmap's
    # "By funding source" table give the same amount for every source, to the cent.
    render_products(example, tmp_path / "out", ["concept", "roadmap"])
    concept = (tmp_path / "out" / "concept" / "concept.md").read_text(encoding="utf-8")
    roadmap = (tmp_path / "out" / "roadmap" / "roadmap.md").read_text(encoding="utf-8")
    by_source = roadmap.split("### By funding source", 1)[1].split("\n#", 1)[0]
    amounts = {
        cells[0]: cells[1].split(" (")[0]
        for row in by_source.splitlines()
        if row.startswith("| ") and not row.startswith("| Funding") and "**" not in row
        for cells in [[c.strip() for c in row.strip("|").split("|")]]
    }
    assert len(amounts) >= 3
    for source, amount in amounts.items():
        assert f"| {source} | {amount} |" in concept, source
    assert all("\u00a0" in amount for amount in amounts.values() if len(amount) > 10)
