"""The concept document: chapters from the templates, Markdown and DOCX, overrides, Latvian."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.table import Table

from archlex.api import check_model, in_language
from archlex.i18n import translator
from archlex.outcome import Report
from archlex.render.output import render_products
from archlex.toolkit.labels import FUNDING_SOURCES
from tests.conftest import MANIFEST, WriteModel

CHAPTERS_EN = [
    "1. Document control",
    "2. Summary for decision makers",
    "3. Purpose and scope",
    "4. Legal basis",
    "5. Current state",
    "6. Architecture",
    "7. Functionalities",
    "8. Other requirements",
    "9. Compliance status",
    "10. Roadmap",
    "11. Implementation plan and budget",
    "12. Financing plan",
    "13. Risks",
    "14. Architecture decisions",
    "15. Glossary and abbreviations",
    "Annex A. Obligations that apply",
    "Annex B. Traceability matrix",
    "Annex C. Catalog entries not yet verified",
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
    obligations = next(t for t in document.tables if t.rows[0].cells[1].text == "Actor")
    assert len(obligations.rows) == 1 + len(example.coverage.obligations)  # type: ignore[union-attr]
    first = obligations.rows[1].cells[0].text.replace("\u00a0", " ")
    assert first == example.coverage.obligations[0].provision  # type: ignore[union-attr]
    systems = next(t for t in document.tables if t.rows[0].cells[1].text == "Owner")
    names = [c.text for c in systems.columns[0].cells]
    for system in example.model.systems:
        if system.kind.value == "national":
            assert system.name in names


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
    assert "## 6. Arhitektūra" in text
    assert "Arhitektūra" in [p.text.split(". ", 1)[-1] for p in document.paragraphs]


def test_a_models_own_template_overrides_the_bundled_one(
    write_model: WriteModel, tmp_path: Path
) -> None:
    root = write_model(
        {
            "templates/concept/02-purpose.md.j2": "## 3. Darbības joma\n\nOur own scope text.\n",
            "templates/concept/00-title.md.j2": "# Interoperability concept of Latvia\n\n"
            "**{{ model.manifest.name | md }}**\n",
        }
    )
    text, _ = _render(check_model(root, root), tmp_path / "out")
    assert "Our own scope text." in text
    assert text.startswith("# Interoperability concept of Latvia\n\n**Test model**")
    assert "## 6. Architecture" in text  # the other sections stay archlex's


def test_a_broken_template_is_a_clear_error(write_model: WriteModel, tmp_path: Path) -> None:
    from archlex.errors import ArchlexError

    root = write_model({"templates/concept/20-annexes.md.j2": "{{ nothing.here }}\n"})
    with pytest.raises(ArchlexError, match=r"20-annexes\.md\.j2"):
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
    # the roadmap names a source by its label (`state budget` for `state-budget`)
    ids = {translator("en").label(FUNDING_SOURCES, s): s for s in ("state-budget",)}
    for label, amount in amounts.items():
        source = ids.get(label, label)
        fund = example.model.get(source)  # the concept names a declared fund by its name
        name = getattr(fund, "name", None) or source
        row = f"| {name} | {amount} |".replace("\u00a0", " ")
        assert row in concept.replace("\u00a0", " "), source
    assert all("\u00a0" in amount for amount in amounts.values() if len(amount) > 10)


def _docx_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def _cents(text: str) -> int:
    return int("".join(ch for ch in text if ch.isdigit()) or 0)


def test_the_financing_plan_gives_each_year_the_budget_charts_amount(
    example: Report, tmp_path: Path
) -> None:
    # A managing authority compares the summary's budget by year with the financing plan: the
    # same year must show the same amount in both, to the cent (they split each cost over
    # years and sources once, the same way), and each source the same amount too.
    _, document = _render(example, tmp_path / "out")
    plan = next(t for t in document.tables if t.rows[0].cells[0].text == "Institution")
    chart = next(t for t in document.tables if t.rows[0].cells[0].text == "Year")
    years = [c.text for c in plan.rows[0].cells[2:-1]]
    plan_total = {y: _cents(c.text) for y, c in zip(years, plan.rows[-1].cells[2:-1], strict=True)}
    chart_total = {row.cells[0].text: _cents(row.cells[-1].text) for row in chart.rows[1:-1]}
    assert plan_total == chart_total
    # the chart's columns are the funding sources in the order of their ids
    ids = sorted({s for p in example.model.work_packages if p.cost for s in p.cost.funding})
    assert len(ids) == len(chart.rows[0].cells) - 2
    for row in chart.rows[1:-1]:
        column = 2 + years.index(row.cells[0].text)
        for source, cell in zip(ids, row.cells[1:-1], strict=True):
            name = getattr(example.model.get(source), "name", None) or source
            in_plan = [_cents(r.cells[column].text) for r in plan.rows if r.cells[1].text == name]
            assert in_plan and sum(in_plan) == _cents(cell.text), (row.cells[0].text, source)


def test_the_sentence_after_the_regulations_is_not_part_of_the_last_one(
    example: Report, tmp_path: Path
) -> None:
    # "The obligations ... are listed in Annex A." closes the list of regulations; written on
    # the line after the last item it was read as that item's continuation, and the page
    # showed it inside the bullet of 2019/818, after the act's address.
    text, document = _render(example, tmp_path / "out")
    sentence = "The obligations these regulations place on the Member State are listed in Annex A."
    assert f"\n\n{sentence}\n" in text
    [paragraph] = [p for p in document.paragraphs if sentence in p.text]
    assert paragraph.text == sentence
    assert paragraph.style is not None and "List" not in str(paragraph.style.name)


def test_a_funding_source_is_named_in_words_not_by_its_id(example: Report, tmp_path: Path) -> None:
    # The budget chart, its table and the EU fund fields of the work packages showed the
    # state budget as `state-budget`, the model's id; they name it as the roadmap does.
    _, document = _render(example, tmp_path / "out")
    fields = next(t for t in document.tables if t.rows[0].cells[1].text == "Specific objective")
    chart = next(t for t in document.tables if t.rows[0].cells[0].text == "Year")
    shown = [c.text for t in (fields, chart) for row in t.rows for c in row.cells]
    assert not [text for text in shown if "state-budget" in text]
    assert "state budget" in [c.text for c in chart.rows[0].cells]
    wp01 = next(row for row in fields.rows if row.cells[0].text == "WP-01")
    assert wp01.cells[3].text == "BMVI\u00a075\u00a0%, state budget\u00a025\u00a0%"


def test_latvian_captions_and_annexes_put_the_number_first(
    write_model: WriteModel, tmp_path: Path
) -> None:
    # Latvian writes "1. tabula. ...", "3. attēls. ..." and "A pielikums" (as the legal basis's
    # own sentence says "A pielikumā"); "Tabula 1: ..." and "Pielikums A" read as translated.
    root = write_model({}, manifest=MANIFEST + "language: lv\n")
    text, document = _render(check_model(root, root), tmp_path / "out")
    captions = [p.text for p in document.paragraphs if p.style and p.style.name == "Caption"]
    assert captions[0] == "1. tabula. Dokumenta kontrole"
    assert all(re.match(r"\d+\. (tabula|attēls)\. \S", c) for c in captions), captions
    assert "\n## A pielikums. Piemērojamie pienākumi\n" in text
    body = _docx_xml(tmp_path / "out" / "concept" / "concept.docx")
    assert "SEQ Table \\* ARABIC" in body  # still Word's number, which the list of tables reads


def test_an_optional_provision_names_the_articles_it_makes_apply(
    example: Report, tmp_path: Path
) -> None:
    # "Optional provisions taken up" listed the bare id `cir-identity-checks`; the reader who
    # signs needs the articles behind it, which the catalog's obligations name.
    text, _ = _render(example, tmp_path / "out")
    section = text.split("### 3.3 ", 1)[1].split("\n### ", 1)[0].replace("\u00a0", " ")
    [item] = [line for line in section.splitlines() if line.startswith("- ")]
    assert item.startswith("- cir-identity-checks (2019/817 Art 20, ")
    assert "2019/818 Art 20" in item and "(1)" not in item  # articles, not each paragraph


def test_organisations_hold_their_roles_by_name(example: Report, tmp_path: Path) -> None:
    # The roles column listed role ids (`manual-verification-authority (European Criminal
    # Records Information System for third-country nationals (ECRIS-TCN))`); it names them.
    _, document = _render(example, tmp_path / "out")
    table = next(t for t in document.tables if t.rows[0].cells[1].text == "Roles")
    cells = {row.cells[0].text.split(" (")[0]: row.cells[1].text for row in table.rows[1:]}
    role_ids = {r.id for r in example.model.roles}
    assert not [(o, i) for o, text in cells.items() for i in role_ids if i in text]
    assert (
        "Authority responsible for manual verification of different identities (SIS)"
        in (cells["State Police"])
    )


def test_every_section_heading_is_numbered(example: Report, tmp_path: Path) -> None:
    # Change history, Main gaps and Key dates stood unnumbered in the contents among 3.1, 3.2
    # ...; every heading below a chapter has its number, as the chapters' own sections do.
    text, _ = _render(example, tmp_path / "out")
    sections = [line for line in text.splitlines() if re.match(r"#{3,4} ", line)]
    assert [s for s in sections if not re.match(r"#{3,4} \d+(\.\d+)+ \S", s)] == []
    assert "### 1.1 Change history" in sections
    assert sections[1:3] == ["### 2.1 Main gaps", "### 2.2 Key dates"]


def test_a_national_acts_kind_and_action_are_words_of_the_language(
    example: Report, tmp_path: Path
) -> None:
    # The acts table showed the action as the model writes it (`amend`, `adopt`), English in
    # the Latvian concept too, and the kind `cabinet-regulation` by its id.
    acts = {}
    for language, report in (("en", example), ("lv", in_language(example, "lv"))):
        _, document = _render(report, tmp_path / language)
        table = next(
            t
            for t in document.tables
            if len(t.rows[0].cells) == 6
            and t.rows[1:]
            and t.rows[1].cells[0].text.startswith("Amendments to the law")
        )
        acts[language] = [(row.cells[1].text, row.cells[2].text) for row in table.rows[1:]]
    assert acts["en"] == [("law", "amend"), *[("cabinet regulation", "adopt")] * 2]
    assert acts["lv"] == [("likums", "grozīt"), *[("Ministru kabineta noteikumi", "pieņemt")] * 2]


def test_the_coverage_table_writes_numbers_and_its_total_in_the_language(
    example: Report, tmp_path: Path
) -> None:
    # The Latvian compliance table read "total ... 98.7": an English word and decimal point.
    _, document = _render(in_language(example, "lv"), tmp_path / "lv")
    table = next(t for t in document.tables if t.rows[0].cells[-1].text == "Izsekoti %")
    total = [c.text for c in table.rows[-1].cells]
    overall = example.coverage.overall()  # type: ignore[union-attr]
    assert total[0] == "Kopā" and total[1] == str(overall.applicable)
    assert total[-1] == f"{overall.percent:.1f}".replace(".", ",")
    assert all("," in row.cells[-1].text for row in table.rows[1:])


def _findings_table(example: Report, tmp_path: Path) -> Table:
    """The concept's table of open findings (its third column: what each concerns)."""
    _, document = _render(example, tmp_path / "out")
    return next(
        t for t in document.tables if [c.text for c in t.rows[0].cells][2:3] == ["Concerns"]
    )


def test_an_open_finding_on_an_obligation_names_its_provision(
    example: Report, tmp_path: Path
) -> None:
    # "Concerns" showed the catalog's ids (`eu.817-16-2`); an obligation has no name, and the
    # reader knows it by its provision.
    table = _findings_table(example, tmp_path)
    concerns = [row.cells[2].text.replace("\u00a0", " ") for row in table.rows[1:]]
    assert "2019/817 Art 16(2)" in concerns and "2019/818 Art 53" in concerns
    assert not [c for c in concerns if c.startswith("eu.")]


def test_an_open_findings_details_read_without_code_quotes_or_catalog_lines(
    example: Report, tmp_path: Path
) -> None:
    # The details read "obligation `eu.817-16-2` ... work package `WP-06` delivering it ends
    # 2026-12-18 (written in [eu]/obligations/2019-817.yaml:113)": a terminal's quotes and the
    # line of archlex's own catalog, which mean nothing on paper.
    table = _findings_table(example, tmp_path)
    details = [row.cells[3].text for row in table.rows[1:]]
    assert any("work package WP-06 delivering it ends" in d for d in details)
    assert not [d for d in details if "`" in d or "written in [" in d]


def test_the_abbreviations_are_abbreviations(example: Report, tmp_path: Path) -> None:
    # A site's or a component's name says in brackets where it is or whose it is: the list
    # gave `Riga` for "IeM IC primary data centre", `DR` for "NUI segment" and `VRS` (the
    # State Border Guard's abbreviation) for "Registration module".
    _, document = _render(example, tmp_path / "out")
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Abbreviation")
    shown = {row.cells[0].text: row.cells[1].text for row in table.rows[1:]}
    assert not {"Riga", "Strasbourg", "DR", "VRS"} & set(shown)
    assert shown["TESTA-ng"] == "EU communication infrastructure"  # a network's is one
    assert shown["Frontex"] == "European Border and Coast Guard Agency"
    assert shown["IeM IC"] == "Information Centre of the Ministry of the Interior"


def test_the_title_page_names_the_member_state(example: Report, tmp_path: Path) -> None:
    # "Member State: LV" on the page a State Secretary signs; the name is CLDR's, in the
    # output language.
    text, _ = _render(example, tmp_path / "en")
    assert "\nMember State: Latvia (LV)\n" in text
    latvian, _ = _render(in_language(example, "lv"), tmp_path / "lv")
    assert "\nDalībvalsts: Latvija (LV)\n" in latvian
