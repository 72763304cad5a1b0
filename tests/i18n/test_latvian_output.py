"""Done when (#16): the Latvian example, rendered and built in Latvian, shows none of archlex's
own English labels in the concept, the matrix, the roadmap and Gantt, the diagrams and the
site, and writes amounts with Latvian separators."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from archlex.api import check_model, in_language
from archlex.model.record import Record
from archlex.model.text import Text
from archlex.outcome import Report
from archlex.render.concept.values import finding_details
from archlex.render.diagrams.page import SMALLEST_PRINTED_PT, placement_of
from archlex.render.output import render_products
from archlex.rules import RULES
from archlex.site.build import build_site
from tests.conftest import EXAMPLE
from tests.i18n.output_text import markup_text, shown_text, xlsx_text

# archlex's own words: headings, column names, state values, legend entries, funding labels.
LABELS = (
    "Traceability matrix", "Work package", "Work packages", "Legal basis", "Coverage",
    "Milestone", "Milestones", "Critical path", "Funding source", "Funding", "state budget",
    "not assigned", "scheduled", "allocated", "traced", "gap", "met", "Gantt chart", "Roadmap",
    "Deadline", "Owner", "Operator", "Priority", "Severity", "Applicable", "Traced", "Overall",
    "Total", "Today", "Phase", "Budget", "By year", "Without a phase", "National systems",
    "Obligation", "Obligations", "Requirement", "Requirements", "Status", "Provision", "Summary",
    "Actor", "Start", "End", "Cost", "Depends on", "Delivers", "yes", "none", "Findings",
    "Home", "Law", "Plan", "Architecture", "Organisations", "Systems", "Diagrams", "Concept",
    "Tags", "Regulations", "Roles", "Download", "Legend", "Zone", "existing", "planned",
    "must", "should", "proposed", "agreed", "implemented", "error", "warning", "Member State",
    "Kind", "Name", "Title", "Source", "Date", "Verified", "Article", "Chapter", "Flow", "Flows",
    "Data", "Process", "Processes", "late", "on time", "days", "Phases", "Step", "Slack",
    "Legal deadline", "Late milestone", "On the critical path", "Budget by funding source",
)  # fmt: skip
# The concept holds an amount and its currency together with a no-break space.
AMOUNT_LV = re.compile(r"\b1\u00a0250\u00a0000,00[ \u00a0]EUR\b")
AMOUNT_EN = re.compile(r"\d\.\d{2}[ \u00a0]EUR\b")
OUTPUTS = ("concept", "matrix", "roadmap", "diagrams")
REVIEW = frozenset({"Review"})
# The matrix as the issue names it (HTML, CSV, XLSX); the Markdown tables are checked on the
# site, where the reader sees them.
SHOWN = {".html", ".svg", ".docx", ".xlsx", ".csv", ".md"}


@pytest.fixture(scope="module")
def latvian(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Path, Path]:
    """The example checked, rendered and built with `--language lv`."""
    report = in_language(check_model(EXAMPLE, EXAMPLE, today=dt.date(2026, 7, 1)), "lv")
    out = tmp_path_factory.mktemp("lv")
    render_products(report, out / "build")
    build_site(report, out / "site", dt.date(2026, 7, 1))
    return report, out / "build", out / "site"


def test_no_english_label_in_any_latvian_output(latvian: tuple[Report, Path, Path]) -> None:
    report, build, site = latvian
    paths = [p for p in [*_files(build), *_files(site)] if not _is_diagram(p)]
    found = _english_labels(report, paths)
    assert not found, "\n".join(found[:40])


def test_no_english_label_in_the_latvian_diagrams(latvian: tuple[Report, Path, Path]) -> None:
    report, build, site = latvian
    paths = [p for p in [*_files(build), *_files(site)] if _is_diagram(p)]
    assert paths
    found = _english_labels(report, paths)
    assert not found, "\n".join(found[:40])


def test_latvian_diagrams_print_at_7_pt_like_the_english(
    latvian: tuple[Report, Path, Path],
) -> None:
    _, build, _ = latvian
    printed = {
        svg.stem: placement_of(svg.read_text(encoding="utf-8")).smallest_printed_pt
        for svg in sorted((build / "diagrams").glob("*.svg"))
    }
    assert len(printed) == 53  # as in English
    for stem, size in printed.items():
        assert size >= SMALLEST_PRINTED_PT, f"{stem}: {size} pt"
    # The markers under a name and on a line are one word each: a line never breaks them.
    legend = shown_text(build / "diagrams" / "legend.svg")
    assert "(mainās)" in legend and "[ĪPAŠI]" in legend


def _is_diagram(path: Path) -> bool:
    """A diagram's SVG, or the site's page of one (the diagram inline, its title)."""
    return path.suffix in (".svg", ".html") and "diagrams" in path.parts


def _english_labels(report: Report, paths: list[Path]) -> list[str]:
    model_text = _model_strings(report)
    pattern = re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(label) for label in LABELS) + r")(?![\w-])"
    )
    found = []
    for path in paths:
        # The Review sheet is an exchange format: `archlex import review` reads its column
        # headings back, so they stay as docs/exchange.md names them in every language.
        shown = xlsx_text(path, REVIEW) if path.suffix == ".xlsx" else shown_text(path)
        if path.suffix == ".html" and not _is_diagram(path):
            shown = markup_text(path, diagrams=False)  # the embedded ones count as diagrams
        for fragment in _ours(shown, model_text):
            found += [
                f"{path.name}: {m.group(1)!r} in {fragment!r}" for m in pattern.finditer(fragment)
            ]
    return found


def test_the_latvian_concept_names_each_finding_in_latvian(
    latvian: tuple[Report, Path, Path],
) -> None:
    # The findings and waivers tables say what each rule found in the document's language (a
    # finding's details stay check's own English, like its message on the command line).
    report, build, _ = latvian
    text = shown_text(build / "concept" / "concept.docx")
    rules = {f.rule for f in report.active} | {w.rule for w in report.model.manifest.waivers}
    assert "deadline-missed" in rules
    for rule in sorted(rules):
        assert RULES[rule].summary not in text, rule
    assert "darbs, kas izpilda pienākumu, beidzas pēc tā termiņa" in text


def test_every_product_was_checked(latvian: tuple[Report, Path, Path]) -> None:
    _, build, site = latvian
    for product in OUTPUTS:
        assert any((build / product).iterdir()), product
    names = {p.name for p in _files(build)}
    assert {"concept.docx", "matrix.html", "matrix.csv", "matrix.xlsx", "gantt.svg"} <= names
    assert any(n.startswith("process-") and n.endswith(".svg") for n in names)
    assert len(list(_files(site))) > 100


def test_amounts_have_latvian_separators(latvian: tuple[Report, Path, Path]) -> None:
    _, build, site = latvian
    for path in (
        build / "concept" / "concept.docx",
        build / "roadmap" / "roadmap.md",
        site / "work-packages" / "WP-12.html",
    ):
        text = shown_text(path)
        assert AMOUNT_LV.search(text), path  # WP-12 costs 1 250 000 EUR
        assert not AMOUNT_EN.search(text), path


def _files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        # The theme's own files and the search index are mkdocs-material's, in its Latvian.
        if path.suffix in SHOWN and not {"assets", "search"} & set(path.parts):
            yield path


def _model_strings(report: Report) -> list[str]:
    """Every text the model and the findings bring (shown as written), longest first."""
    found: set[str] = set()
    for _, entity in report.model.entities():
        _collect(entity, found)
    _collect(report.model.manifest, found)
    for finding in report.findings:
        found |= {finding.message, finding.hint or "", finding.target or "", finding.rule}
        found.add(finding_details(finding.message))  # as the concept shows it
    found |= _author_sections(report)
    # A name without its parenthesised original or abbreviation (`State Police` of
    # `State Police (VP)`), as tables and the glossary show it.
    found |= {m.group(1) for s in list(found) if (m := _PARENTHESISED.match(s))}
    # Short strings (chapter numbers, codes) would cut words apart; no label hides in them.
    return sorted((s for s in found if len(s.strip()) >= 4), key=len, reverse=True)


_PARENTHESISED = re.compile(r"^([^(]+?) \(([^()]*)\)$")


def _author_sections(report: Report) -> set[str]:
    """The chapters the author writes (`document.sections`, inline or in a file): model text
    in the model's language, each paragraph and each line, with and without emphasis."""
    document = report.model.manifest.document
    root = report.project.manifest_path.parent
    found: set[str] = set()
    for section in document.sections if document else []:
        text = section.text or ""
        if section.file is not None:
            text = (root / section.file).read_text(encoding="utf-8")
        found |= {section.title or ""}
        for paragraph in re.split(r"\n\s*\n", text):
            lines = [
                line.strip().lstrip("-*0123456789. ").strip() for line in paragraph.splitlines()
            ]
            for piece in [" ".join(" ".join(lines).split()), *lines]:
                found |= {piece, re.sub(r"[*_`]", "", piece)}
    return found


def _collect(value: object, found: set[str]) -> None:
    if isinstance(value, Text):
        found |= {str(value), *value.translations.values()}
    elif isinstance(value, str):
        found.add(value)
    elif isinstance(value, Record):
        for name in type(value).model_fields:
            _collect(getattr(value, name), found)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            _collect(item, found)
    elif isinstance(value, dict):
        for key, item in value.items():
            _collect(key, found)
            _collect(item, found)


def _ours(text: str, model_text: list[str]) -> Iterator[str]:
    """The fragments of an output that archlex wrote, model text taken out: each line without
    the model's texts, and without lines that are a piece of one (wrapped or shortened)."""
    corpus = "\n".join(" ".join(s.split()) for s in model_text)
    for line in text.replace("<br>", "\n").splitlines():
        line = line.replace("\\", "")
        for string in model_text:
            if string in line:
                line = line.replace(string, " ")
        piece = " ".join(line.strip(" …").split())
        piece = re.sub(r"^\d+\. ", "", piece)  # a process step's number before its flow's name
        if piece and piece not in corpus:
            yield piece
