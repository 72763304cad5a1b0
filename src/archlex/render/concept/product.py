"""The concept document: the templates filled from the checked model, as Markdown and DOCX
(and PDF when asked); it draws the figures it needs when no other product has."""

from __future__ import annotations

import functools
import itertools
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from babel import Locale

from archlex.check.coverage import CoverageState
from archlex.errors import ArchlexError
from archlex.i18n import N_, Translator, translator
from archlex.model import Model
from archlex.model.document import Document
from archlex.render.concept.chart_values import chart_values
from archlex.render.concept.docx_writer import LABELS, DocxSettings, markdown_to_docx
from archlex.render.concept.governance_values import governance_values
from archlex.render.concept.pdf import docx_to_pdf
from archlex.render.concept.technical_values import technical_values
from archlex.render.concept.templates import environment
from archlex.render.concept.values import (
    architecture_values,
    compliance_values,
    eu_systems,
    obligation_rows,
    options,
    process_rows,
    regulations,
    requirement_groups,
    roadmap_values,
    summary_values,
    trace_rows,
    unverified_rows,
)
from archlex.render.language_note import fallback_note
from archlex.render.registry import RenderContext, load_renderers, renderer
from archlex.toolkit.escape import md_cell
from archlex.toolkit.labels import COVERAGE_STATES
from archlex.toolkit.words import date_words

SECTIONS = (
    "00-title",
    "01-summary",
    "02-purpose",
    "03-legal",
    "04-current",
    "05-architecture",
    "06-functionalities",
    "07-compliance",
    "08-roadmap",
    "09-implementation",
    "10-closing",
    "20-annexes",
)
# The pictures the chapters show, and the product that draws each.
FIGURES = {
    "context": ("diagrams", "diagrams/context.png"),
    "legend": ("diagrams", "diagrams/legend.png"),
    "technical": ("diagrams", "diagrams/technical.png"),
    "technical_border": ("diagrams", "diagrams/technical-border.png"),
    "data": ("diagrams", "diagrams/data.png"),
    "data_special": ("diagrams", "diagrams/data-special.png"),
    "gantt": ("roadmap", "roadmap/gantt.png"),
    "coverage_chart": ("charts", "charts/coverage.svg"),
}
# `settings["docx"] = "later"` (what `archlex build` asks for): concept.md only; the build
# writes the DOCX (`docx_writer_of`) in a process of its own while it generates the pages.
DOCX_SETTING, DOCX_LATER = "docx", "later"
# A file each of those products always writes: whether it has run (a long roadmap is printed
# in parts, `gantt-N.png`, with no `gantt.png`).
RAN = {
    "diagrams": "diagrams/context.svg",
    "roadmap": "roadmap/roadmap.md",
    "charts": "charts/coverage.svg",
}


@renderer("concept", order=40)
def render_concept(context: RenderContext) -> list[Path]:
    """concept.md from the templates, and concept.docx from the same text."""
    drawn = _draw_missing_figures(context)
    folder = context.folder("concept")
    env = environment(context.report.project.root, context.language, md_cell)
    values = concept_values(context)
    parts = [_fill(env, f"concept/{name}.md.j2", values) for name in SECTIONS]
    text = "\n".join(part.strip("\n") + "\n" for part in parts)
    markdown = folder / "concept.md"
    markdown.write_text(text, encoding="utf-8")
    written = [*drawn, markdown]
    if context.settings.get(DOCX_SETTING) == DOCX_LATER and context.settings.get("format") != "pdf":
        return written  # the caller writes it, with `docx_writer_of`
    docx_writer_of(context, text)()
    docx = folder / "concept.docx"
    written.append(docx)
    if context.settings.get("format") == "pdf":
        pdf = folder / "concept.pdf"
        docx_to_pdf(docx, pdf)
        written.append(pdf)
    return written


def docx_writer_of(context: RenderContext, text: str | None = None) -> Callable[[], None]:
    """What writes concept.docx from the concept's Markdown (`text`, else the concept.md
    `render_concept` wrote): its settings are read, and checked, when it is made."""
    folder = context.folder("concept")
    if text is None:
        text = (folder / "concept.md").read_text(encoding="utf-8")
    document = context.report.model.manifest.document or Document()
    settings = docx_settings(context, document)
    return functools.partial(markdown_to_docx, text, folder, folder / "concept.docx", settings)


def _draw_missing_figures(context: RenderContext) -> list[Path]:
    """Run the products whose pictures the concept shows when they have not run yet."""
    products = sorted(p for p, path in RAN.items() if not (context.out / path).is_file())
    drawn: list[Path] = []
    for name, function in load_renderers(products).items():
        if name in products:
            drawn += function(context)
    return drawn


def _fill(env: jinja2.Environment, name: str, values: dict[str, Any]) -> str:
    """One section; a template error names the template file (a model may bring its own)."""
    try:
        template = env.get_template(name)
        return template.render(values)
    except jinja2.TemplateError as error:
        line = getattr(error, "lineno", None)
        where = getattr(error, "filename", None) or name
        raise ArchlexError(
            f"{where}{f':{line}' if line else ''}: {error.message}",
            "fix the template (a model's own templates/ override archlex's file by file)",
        ) from None


def docx_settings(context: RenderContext, document: Document) -> DocxSettings:
    """Paper, header line, translated labels and the ministry template of the DOCX."""
    tr = translator(context.language)
    title = document.title or context.report.model.manifest.name
    header = " | ".join(
        x
        for x in (
            title,
            tr.gettext("Version {version}").format(version=document.version),
            document.classification,
        )
        if x
    )
    labels = {key: tr.gettext(value) for key, value in LABELS.items()}
    paper = context.settings.get("paper") or document.paper
    author = ", ".join(document.authors) or "archlex"
    return DocxSettings(paper, header, labels, _reference(context, document), title, author)


def _reference(context: RenderContext, document: Document) -> Path | None:
    """The ministry's Word template: the command line's, else the manifest's (relative to it)."""
    given = context.settings.get("reference_docx")
    if given:
        path = Path(given)
    elif document.reference_docx:
        path = context.report.project.root / document.reference_docx
    else:
        return None
    if not path.is_file() or not zipfile.is_zipfile(path):
        raise ArchlexError(
            f"reference DOCX {path}: not a Word file",
            "give a .docx template (--reference-docx, or document.reference_docx relative "
            "to archlex.yaml)",
        )
    return path


def concept_values(context: RenderContext) -> dict[str, Any]:
    """Everything the templates show, as plain values with model text already escaped."""
    model = context.report.model
    tr = translator(context.language)
    answer = {True: tr.gettext("yes"), False: tr.gettext("no")}
    document = model.manifest.document or Document()
    return {
        "model": model,
        "document": document,
        "language_note": fallback_note(context.report, tr),
        "doc": _document_values(context, document),
        "sections": _sections(context, document),
        "regulations": regulations(model),
        "eu_systems": eu_systems(model),
        "options": options(model),
        "obligation_rows": obligation_rows(context),
        "trace_rows": trace_rows(context),
        "unverified_rows": unverified_rows(context),
        "diagrams": _images(context),
        "processes": _processes(context),
        "views": _named_views(context),
        "functional_groups": requirement_groups(model, functional=True, language=context.language),
        "requirement_groups": requirement_groups(
            model, functional=False, language=context.language
        ),
        **architecture_values(context, answer),
        **compliance_values(context),
        **roadmap_values(context),
        "summary": summary_values(context),
        "charts": chart_values(context),
        **governance_values(context, document),
        **technical_values(context),
        "states": [tr.label(COVERAGE_STATES, s.value) for s in CoverageState],
    }


def _document_values(context: RenderContext, document: Document) -> dict[str, Any]:
    """Document control as display text: dates in words, model text escaped."""
    language = context.language
    return {
        "title": md_cell(document.title or context.report.model.manifest.name),
        "subtitle": md_cell(document.subtitle or ""),
        "date": date_words(document.date, language),
        "status": document.status.value,
        "status_text": _status(translator(language), document.status.value),
        "classification": md_cell(document.classification or ""),
        "organisation": md_cell(document.organisation or ""),
        "member_state": _country(context.report.model.manifest.member_state, language),
        "authors": md_cell(", ".join(document.authors)),
        "approvers": md_cell(", ".join(document.approvers)),
        "history_rows": [
            [
                md_cell(c.version),
                date_words(c.date, language),
                md_cell(c.author),
                md_cell(c.summary),
            ]
            for c in document.history
        ],
    }


def _country(code: str | None, language: str) -> str:
    """`Latvia (LV)`, `Latvija (LV)`: the member state by its name in the output language
    (Unicode CLDR's, through Babel), the code kept; the code alone where CLDR has no name."""
    if not code:
        return ""
    name = Locale.parse(language).territories.get(code.upper())
    return md_cell(f"{name} ({code})" if name else code)


def _sections(context: RenderContext, document: Document) -> dict[str, list[dict[str, str]]]:
    """The author's own chapters by where they go, their Markdown read from file if named."""
    root = context.report.project.root
    found: dict[str, list[dict[str, str]]] = {}
    for section in document.sections:
        text = section.text
        if section.file is not None:
            path = root / section.file
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as error:
                raise ArchlexError(
                    f"{path}: cannot read the section ({error.strerror})",
                    "document.sections[].file is relative to archlex.yaml",
                ) from None
        found.setdefault(section.slot, []).append(
            {"title": section.title or "", "text": _no_html(text or "")}
        )
    return found


def _images(context: RenderContext) -> dict[str, Any]:
    """Paths, relative to the concept folder, of the pictures the other products drew; under
    `gantt_parts`, the printed parts of a long Gantt chart, in order."""
    images: dict[str, Any] = {
        key: f"../{relative}" if (context.out / relative).is_file() else None
        for key, (_, relative) in FIGURES.items()
    }
    parts = itertools.count(1)
    numbers = itertools.takewhile(
        lambda n: (context.out / f"roadmap/gantt-{n}.png").is_file(), parts
    )
    images["gantt_parts"] = [f"../roadmap/gantt-{n}.png" for n in numbers]
    return images


def _processes(context: RenderContext) -> list[dict[str, Any]]:
    model: Model = context.report.model
    result = []
    for process in model.processes:
        image = f"diagrams/process-{process.id}.png"
        result.append(
            {
                "name": process.name,
                "description": process.description,
                "diagram": f"../{image}" if (context.out / image).is_file() else None,
                "rows": process_rows(model, process.steps),
            }
        )
    return result


# The concept's section for each kind of named view.
VIEW_SECTIONS = {
    "context": "logical",
    "landscape": "logical",
    "process": "processes",
    "sequence": "processes",
    "technical": "technical",
    "data": "data",
}


def _named_views(context: RenderContext) -> dict[str, list[dict[str, str]]]:
    """The views the model names that the diagrams product drew, by the section they go in."""
    found: dict[str, list[dict[str, str]]] = {s: [] for s in VIEW_SECTIONS.values()}
    for view in sorted(context.report.model.views, key=lambda v: v.id):
        image = f"diagrams/{view.id}.png"
        if (context.out / image).is_file():
            found[VIEW_SECTIONS[view.kind.value]].append(
                {"title": view.title, "image": f"../{image}"}
            )
    return found


def _no_html(text: str) -> str:
    """The author's Markdown with any HTML shown as text, never live on the site."""
    return text.strip().replace("&", "&amp;").replace("<", "&lt;")


# The document's status as the title page and the document control table write it.
STATUSES = {"draft": N_("draft"), "for-approval": N_("for approval"), "approved": N_("approved")}


def _status(tr: Translator, status: str) -> str:
    return tr.gettext(STATUSES[status])
