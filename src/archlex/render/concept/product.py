"""The concept document: the templates filled from the checked model, as Markdown and DOCX."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import jinja2

from archlex.check.coverage import CoverageState
from archlex.errors import ArchlexError
from archlex.i18n import translator
from archlex.model import Model, Provision, SystemKind
from archlex.render.concept.docx_writer import markdown_to_docx
from archlex.render.concept.templates import environment
from archlex.render.registry import RenderContext, renderer
from archlex.toolkit.escape import md_cell
from archlex.toolkit.money import UNASSIGNED, cost_by_source, money, sum_shares, to_cents

SECTIONS = (
    "00-title",
    "01-scope",
    "02-obligations",
    "03-architecture",
    "04-functionalities",
    "05-compliance",
    "06-roadmap",
    "07-implementation",
)


@renderer("concept", order=40)
def render_concept(context: RenderContext) -> list[Path]:
    """concept.md from the templates, and concept.docx from the same text."""
    folder = context.folder("concept")
    env = environment(context.report.project.root, context.language, md_cell)
    values = concept_values(context)
    parts = [_fill(env, f"concept/{name}.md.j2", values) for name in SECTIONS]
    text = "\n".join(part.strip("\n") + "\n" for part in parts)
    markdown = folder / "concept.md"
    markdown.write_text(text, encoding="utf-8")
    docx = folder / "concept.docx"
    markdown_to_docx(text, folder, docx)
    return [markdown, docx]


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


def concept_values(context: RenderContext) -> dict[str, Any]:
    """Everything the templates show, as plain values with model text already escaped."""
    model = context.report.model
    tr = translator(context.language)
    answer = {True: tr.gettext("yes"), False: tr.gettext("no")}
    return {
        "model": model,
        "regulations": _regulations(model),
        "eu_systems": _eu_systems(model),
        "options": model.manifest.scope.options if model.manifest.scope else [],
        "obligation_rows": _obligation_rows(context),
        "diagrams": _images(context),
        "organisation_rows": [
            [
                md_cell(o.name),
                md_cell(
                    ", ".join(
                        g.role + (f" ({', '.join(g.for_)})" if g.for_ else "") for g in o.roles
                    )
                ),
            ]
            for o in model.organisations
            if not _is_library(context, o.id)
        ],
        "system_rows": [
            [md_cell(s.name), md_cell(s.owner or ""), md_cell(s.operator or ""), s.status.value]
            for s in _national(model)
        ],
        "processes": _processes(context),
        "zone_rows": [
            [md_cell(s.name), md_cell(s.zone or "")]
            for s in sorted(_national(model), key=lambda s: (s.zone or "", s.id))
        ],
        "data_rows": [
            [
                md_cell(d.name),
                answer[d.personal],
                answer[d.special],
                md_cell(d.retention or ""),
            ]
            for d in model.data
        ],
        "requirement_groups": _requirement_groups(model),
        "states": [s.value for s in CoverageState],
        "coverage_rows": _coverage_rows(context),
        "finding_rows": [
            [f.severity.value, f.rule, md_cell(f.target or ""), md_cell(f.message)]
            for f in context.report.active
        ],
        "phase_rows": [[md_cell(p.name), str(p.start), str(p.end)] for p in model.phases],
        "milestone_rows": [
            [md_cell(m.name), str(m.date), md_cell(", ".join(str(p) for p in m.deadline_of))]
            for m in sorted(model.milestones, key=lambda m: (m.date, m.id))
        ],
        "work_package_rows": _work_package_rows(model),
        "budget_rows": _budget_rows(model),
    }


def _is_library(context: RenderContext, entity_id: str) -> bool:
    located = context.report.project.sources.of(entity_id)
    return located is None or located.file.startswith("[")


def _national(model: Model) -> list[Any]:
    return [s for s in model.systems if s.kind is SystemKind.NATIONAL]


def _regulations(model: Model) -> list[Any]:
    scope = model.manifest.scope
    wanted = set(scope.regulations) if scope and scope.regulations is not None else None
    return [r for r in model.regulations if wanted is None or r.id in wanted]


def _eu_systems(model: Model) -> list[Any]:
    scope = model.manifest.scope
    return [s for s in (model.get(i) for i in (scope.systems if scope else [])) if s is not None]


def _provisions(provisions: list[Provision]) -> str:
    return md_cell(", ".join(str(p) for p in provisions))


def _obligation_rows(context: RenderContext) -> list[list[str]]:
    coverage = context.report.coverage
    if coverage is None:
        return []
    model = context.report.model
    rows = []
    for item in coverage.obligations:
        obligation = model.get(item.obligation)
        summary = getattr(obligation, "summary", "")
        actor = getattr(obligation, "actor", "")
        rows.append([md_cell(item.provision), md_cell(actor), md_cell(summary), item.state.value])
    return rows


def _images(context: RenderContext) -> dict[str, str | None]:
    """Paths, relative to the concept folder, of the pictures the other products drew."""
    found: dict[str, str | None] = {"context": None, "technical": None, "data": None, "gantt": None}
    for key, relative in (
        ("context", "diagrams/context.png"),
        ("technical", "diagrams/technical.png"),
        ("data", "diagrams/data.png"),
        ("gantt", "roadmap/gantt.png"),
    ):
        if (context.out / relative).is_file():
            found[key] = f"../{relative}"
    return found


def _processes(context: RenderContext) -> list[dict[str, Any]]:
    model = context.report.model
    result = []
    for process in model.processes:
        image = f"diagrams/process-{process.id}.png"
        rows = []
        for number, step in enumerate(process.steps, start=1):
            flow = model.get(step)
            if flow is None:
                continue
            rows.append(
                [
                    str(number),
                    md_cell(getattr(flow, "name", None) or flow.id),
                    md_cell(getattr(flow, "from_", "")),
                    md_cell(getattr(flow, "to", "")),
                    md_cell(", ".join(getattr(flow, "data", []))),
                    _provisions(getattr(flow, "legal_basis", [])),
                ]
            )
        result.append(
            {
                "name": process.name,
                "description": process.description,
                "diagram": f"../{image}" if (context.out / image).is_file() else None,
                "rows": rows,
            }
        )
    return result


def _requirement_groups(model: Model) -> list[dict[str, Any]]:
    groups: dict[str, list[list[str]]] = defaultdict(list)
    for requirement in model.requirements:
        kind = requirement.type.value if requirement.type else "other"
        groups[kind].append(
            [
                md_cell(f"{requirement.id}: {requirement.title}"),
                requirement.priority.value if requirement.priority else "",
                _provisions(requirement.satisfies),
                md_cell(", ".join(requirement.allocated_to)),
                requirement.status.value,
            ]
        )
    return [{"title": kind.capitalize(), "rows": rows} for kind, rows in sorted(groups.items())]


def _coverage_rows(context: RenderContext) -> list[list[str]]:
    coverage = context.report.coverage
    if coverage is None:
        return []
    rows = []
    for name, figures in [*coverage.by_regulation().items(), ("total", coverage.overall())]:
        rows.append(
            [
                md_cell(name),
                str(figures.applicable),
                *(str(figures.states[s.value]) for s in CoverageState),
                f"{figures.percent:.1f}",
            ]
        )
    return rows


def _work_package_rows(model: Model) -> list[list[str]]:
    rows = []
    for package in model.work_packages:
        cost = package.cost
        rows.append(
            [
                md_cell(f"{package.id}: {package.name}"),
                md_cell(package.phase or ""),
                md_cell(package.owner or ""),
                str(package.start),
                str(package.end),
                md_cell(", ".join(package.depends_on)),
                md_cell(", ".join(package.delivers)),
                money(to_cents(cost.amount), cost.currency) if cost else "",
                md_cell(
                    ", ".join(
                        f"{source} {share:g}%" for source, share in sorted(cost.funding.items())
                    )
                )
                if cost
                else "",
            ]
        )
    return rows


def _budget_rows(model: Model) -> list[list[str]]:
    """Cost by funding source and currency, in the roadmap's cents (the parts add up)."""
    by_source = sum_shares(s for package in model.work_packages for s in cost_by_source(package))
    rows = [
        [md_cell(source), money(cents, currency)]
        for (source, currency), cents in sorted(
            by_source.items(), key=lambda item: (item[0][1], item[0][0] == UNASSIGNED, item[0][0])
        )
    ]
    for currency in sorted({c for _, c in by_source}):
        total = sum(cents for (_, c), cents in by_source.items() if c == currency)
        rows.append([f"**{currency} total**", money(total, currency)])
    return rows
