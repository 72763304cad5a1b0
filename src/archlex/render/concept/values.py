"""What the concept's chapters show, as plain values: names instead of ids, dates and
durations in words, model text already escaped for Markdown."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from archlex.check.coverage import CoverageState
from archlex.i18n import N_, Translator, translator
from archlex.model import AccessGrant, DataCategory, Model, Obligation, Provision, SystemKind
from archlex.render.concept.money_tables import budget_rows, financing_rows, work_package_rows
from archlex.render.registry import RenderContext
from archlex.rules import RULES
from archlex.toolkit.escape import md_cell
from archlex.toolkit.labels import (
    COVERAGE_STATES,
    PRIORITIES,
    REQUIREMENT_STATUSES,
    REQUIREMENT_TYPES,
    SEVERITIES,
    SYSTEM_STATUSES,
)
from archlex.toolkit.words import abbreviation, date_words, duration_words, name_of, names_of, whole

SPECIAL_KINDS = {
    "biometric": N_("biometric"),
    "genetic": N_("genetic"),
    "health": N_("health"),
    "racial-or-ethnic-origin": N_("racial or ethnic origin"),
    "political-opinions": N_("political opinions"),
    "religious-or-philosophical-beliefs": N_("religious or philosophical beliefs"),
    "trade-union-membership": N_("trade union membership"),
    "sex-life-or-orientation": N_("sex life or sexual orientation"),
    "other": N_("other special category"),
}
TOP_GAPS = 5  # the gaps a decision maker reads in the summary; the rest are in the annex


def short(name: str) -> str:
    """A name without its parenthesised original: `State Police` of `State Police (VP)`."""
    return name.split(" (", 1)[0]


def short_of(model: Model, entity_id: str | None) -> str:
    """The short plain name of the entity with this id."""
    return short(name_of(model, entity_id))


def architecture_values(context: RenderContext, answer: dict[bool, str]) -> dict[str, Any]:
    """Organisations, systems, processes, zones and data of the target architecture."""
    model = context.report.model
    language = context.language
    tr = translator(language)
    return {
        "organisation_rows": [
            [md_cell(o.name), md_cell(", ".join(_role(model, g) for g in o.roles))]
            for o in model.organisations
            if not is_library(context, o.id)
        ],
        "system_rows": [
            [
                md_cell(s.name),
                md_cell(short_of(model, s.owner)),
                md_cell(short_of(model, s.operator)),
                tr.label(SYSTEM_STATUSES, s.status.value),
            ]
            for s in national(model)
        ],
        "zone_rows": [
            [md_cell(s.name), md_cell(s.zone or "")]
            for s in sorted(national(model), key=lambda s: (s.zone or "", s.id))
        ],
        "data_rows": [data_row(model, d, answer, language) for d in model.data],
    }


def data_row(
    model: Model, category: DataCategory, answer: dict[bool, str], language: str
) -> list[str]:
    """A data category as the data architecture table shows it: name, entities with their
    attributes, controller, processor, legal basis, retention, master system, special category."""
    entities = "; ".join(
        f"{e.name} ({', '.join(e.attributes)})" if e.attributes else str(e.name)
        for e in category.entities
    )
    basis = ", ".join(whole(str(p)) for p in category.legal_basis)
    basis = "; ".join(part for part in (basis, category.legal_basis_text or "") if part)
    retention = duration_words(category.retention, language)
    if category.retention_basis:
        retention += f" ({', '.join(whole(str(p)) for p in category.retention_basis)})"
    kind = category.special_kind
    special = translator(language).gettext(SPECIAL_KINDS[kind.value]) if kind else ""
    special = special or answer[category.special]
    return [
        md_cell(category.name),
        md_cell(entities),
        md_cell(", ".join(short_of(model, o) for o in category.controller)),
        md_cell(", ".join(abbreviation(model, o) for o in category.processor)),
        md_cell(basis),
        md_cell(retention),
        md_cell(short_of(model, category.master) if category.master else ""),
        md_cell(special),
    ]


def _role(model: Model, grant: Any) -> str:
    """A role by its name, and the systems it is held for by their abbreviations:
    `Manual verification authority (EES, ETIAS)`."""
    systems = ", ".join(abbreviation(model, s) for s in grant.for_)
    return name_of(model, grant.role) + (f" ({systems})" if systems else "")


def is_library(context: RenderContext, entity_id: str) -> bool:
    """Whether the entity comes from a bundled library (the `eu` catalog), not the model."""
    located = context.report.project.sources.of(entity_id)
    return located is None or located.file.startswith("[")


def national(model: Model) -> list[Any]:
    """The member state's own systems."""
    return [s for s in model.systems if s.kind is SystemKind.NATIONAL]


def regulations(model: Model) -> list[Any]:
    """The regulations in scope (all loaded when the manifest names none)."""
    scope = model.manifest.scope
    wanted = set(scope.regulations) if scope and scope.regulations is not None else None
    return [r for r in model.regulations if wanted is None or r.id in wanted]


def eu_systems(model: Model) -> list[Any]:
    """The EU systems the member state uses."""
    scope = model.manifest.scope
    return [s for s in (model.get(i) for i in (scope.systems if scope else [])) if s is not None]


def options(model: Model) -> list[str]:
    """The optional provisions the state takes up, each with the articles whose obligations it
    makes apply (`cir-identity-checks (2019/817 Art 20, 2019/818 Art 20)`): the option's id
    alone says nothing to a reader who has not read the model."""
    scope = model.manifest.scope
    items = []
    for option in scope.options if scope else []:
        articles = sorted(
            {
                Provision(o.provision.regulation, o.provision.article)
                for o in model.obligations
                if o.applies_when is not None and option in o.applies_when.options_any
            },
            key=lambda p: p.sort_key,
        )
        items.append(md_cell(option) + (f" ({provisions(list(articles))})" if articles else ""))
    return items


def provisions(items: list[Provision]) -> str:
    """Provisions as one escaped cell, each kept on one line."""
    return md_cell(", ".join(whole(str(p)) for p in items))


def process_rows(model: Model, steps: list[str]) -> list[list[str]]:
    """A process's flows, numbered: name, from, to, data and legal basis by plain names."""
    rows = []
    for number, step in enumerate(steps, start=1):
        flow = model.get(step)
        if flow is None:
            continue
        rows.append(
            [
                str(number),
                md_cell(getattr(flow, "name", None) or flow.id),
                md_cell(short_of(model, getattr(flow, "from_", ""))),
                md_cell(short_of(model, getattr(flow, "to", ""))),
                md_cell(names_of(model, list(getattr(flow, "data", [])))),
                provisions(getattr(flow, "legal_basis", [])),
            ]
        )
    return rows


def requirement_groups(
    model: Model, functional: bool, language: str = "en"
) -> list[dict[str, Any]]:
    """Requirements by type, numbered within the document, with plain names of systems."""
    tr = translator(language)
    groups: dict[str, list[list[str]]] = defaultdict(list)
    for requirement in model.requirements:
        kind = requirement.type.value if requirement.type else "other"
        if (kind == "functional") != functional:
            continue
        groups[kind].append(
            [
                md_cell(requirement.id),
                md_cell(requirement.title),
                tr.label(PRIORITIES, requirement.priority.value) if requirement.priority else "",
                provisions(requirement.satisfies),
                md_cell(", ".join(short_of(model, s) for s in requirement.allocated_to)),
                tr.label(REQUIREMENT_STATUSES, requirement.status.value),
            ]
        )
    return [
        {"title": tr.label(REQUIREMENT_TYPES, kind), "rows": rows}
        for kind, rows in sorted(groups.items())
    ]


def _rule_words(rule_id: str, tr: Translator) -> str:
    """What a rule finds, in the document's language (the rule's summary; its id when archlex
    has no such rule)."""
    return tr.gettext(RULES[rule_id].summary) if rule_id in RULES else rule_id


def compliance_values(context: RenderContext) -> dict[str, Any]:
    """Coverage by regulation, open findings in plain words, and the waivers."""
    model = context.report.model
    tr = translator(context.language)
    return {
        "coverage_rows": _coverage_rows(context),
        "finding_rows": [
            [
                tr.label(SEVERITIES, f.severity.value),
                md_cell(_rule_words(f.rule, tr)),
                md_cell(_concerns(model, f.target)),
                md_cell(finding_details(f.message)),
            ]
            for f in context.report.active
        ],
        "waiver_rows": [
            [
                md_cell(_rule_words(w.rule, tr)),
                md_cell(_concerns(model, w.target) if w.target else "any"),
                md_cell(w.reason),
                date_words(w.expires, context.language),
            ]
            for w in model.manifest.waivers
        ],
    }


# Where the bundled catalog writes a library entity, which a finding on one names for editors
# (check.context): `(written in [eu]/obligations/2019-817.yaml:113)`.
_LIBRARY_PLACE = re.compile(r" \(written in \[[^\]]+\]/[^()\s]+:\d+\)$")


def finding_details(message: str) -> str:
    """A finding's message as the document's reader takes it: ids without the code quotes a
    terminal shows, and without the line of archlex's own catalog that holds the entity."""
    return _LIBRARY_PLACE.sub("", message).replace("`", "")


def _concerns(model: Model, target: str | None) -> str:
    """What a finding concerns: an entity by its short name, an obligation (which has none)
    by its provision, `2019/817 Art 16(2)` rather than the catalog's `eu.817-16-2`."""
    entity = model.get(target) if target else None
    if isinstance(entity, Obligation):
        return whole(str(entity.provision))
    return short_of(model, target)


def _coverage_rows(context: RenderContext) -> list[list[str]]:
    """Per regulation and in total: applicable obligations, each state's count and the share
    traced, in the language's numbers (`98,7` in Latvian)."""
    coverage = context.report.coverage
    if coverage is None:
        return []
    tr = translator(context.language)
    total = "**" + tr.gettext("Total") + "**"
    rows = []
    for name, figures in [*coverage.by_regulation().items(), (None, coverage.overall())]:
        rows.append(
            [
                md_cell(name) if name is not None else total,
                tr.number(figures.applicable),
                *(tr.number(figures.states[s.value]) for s in CoverageState),
                tr.number(figures.percent, 1),
            ]
        )
    return rows


def obligation_rows(context: RenderContext) -> list[list[str]]:
    """Every applicable obligation: provision, actor, summary, state (the first annex)."""
    coverage = context.report.coverage
    if coverage is None:
        return []
    model = context.report.model
    tr = translator(context.language)
    rows = []
    for item in coverage.obligations:
        obligation = model.get(item.obligation)
        summary = getattr(obligation, "summary", "")
        actor = _actor(context, getattr(obligation, "actor", ""))
        rows.append(
            [
                md_cell(whole(item.provision)),
                md_cell(actor),
                md_cell(summary),
                tr.label(COVERAGE_STATES, item.state.value),
            ]
        )
    return rows


def _actor(context: RenderContext, actor: str) -> str:
    """A role by its name; `member-state` as the words a reader uses."""
    if actor == "member-state":
        return translator(context.language).gettext("Member State")
    return name_of(context.report.model, actor)


def trace_rows(context: RenderContext) -> list[list[str]]:
    """The traceability matrix in short: each applicable obligation, what traces it, its state."""
    coverage = context.report.coverage
    if coverage is None:
        return []
    tr = translator(context.language)
    return [
        [
            md_cell(whole(item.provision)),
            md_cell(", ".join(item.requirements)),
            md_cell(", ".join(item.systems)),
            md_cell(", ".join(item.work_packages)),
            tr.label(COVERAGE_STATES, item.state.value),
        ]
        for item in coverage.obligations
    ]


def unverified_rows(context: RenderContext) -> list[list[str]]:
    """Catalog entries of the regulations in scope not yet checked against the act's text."""
    model = context.report.model
    wanted = {r.id for r in regulations(model)}
    rows = []
    entries: list[Obligation | AccessGrant] = [*model.obligations, *model.access]
    for entry in entries:
        provision = entry.provision
        if entry.verified or provision is None or provision.regulation not in wanted:
            continue
        rows.append([md_cell(entry.id), md_cell(whole(str(provision))), md_cell(_what(entry))])
    return rows


def _what(entry: Any) -> str:
    """An obligation's summary, or an access grant's purpose."""
    return str(getattr(entry, "summary", None) or getattr(entry, "purpose", None) or "")


def summary_values(context: RenderContext) -> dict[str, Any]:
    """The one-page summary: coverage, the first gaps, the budget and the key dates."""
    report = context.report
    model = report.model
    coverage = report.coverage
    overall = coverage.overall() if coverage else None
    gaps = [o for o in coverage.obligations if o.state is CoverageState.GAP] if coverage else []
    return {
        "coverage_percent": translator(context.language).percent(overall.percent)
        if overall
        else "",
        "applicable": overall.applicable if overall else 0,
        "gap_count": len(gaps),
        "top_gaps": [
            f"{md_cell(g.provision)}: {md_cell(getattr(model.get(g.obligation), 'summary', ''))}"
            for g in gaps[:TOP_GAPS]
        ],
        "errors": sum(1 for f in report.active if f.severity.value == "error"),
        "key_dates": [
            f"{date_words(m.date, context.language)}: {md_cell(m.name)}"
            for m in sorted(model.milestones, key=lambda m: (m.date, m.id))
        ],
        # One total per currency (the bold rows at the end); none when nothing has a cost.
        "budget_total": "; ".join(
            row[1] for row in budget_rows(model, context.language) if row[0].startswith("**")
        ),
    }


def roadmap_values(context: RenderContext) -> dict[str, Any]:
    """Phases, milestones, work packages and money, dates in words."""
    model = context.report.model
    language = context.language
    return {
        "phase_rows": [
            [md_cell(p.name), date_words(p.start, language), date_words(p.end, language)]
            for p in model.phases
        ],
        "milestone_rows": [
            [
                md_cell(m.name),
                date_words(m.date, language),
                provisions(list(m.deadline_of)),
            ]
            for m in sorted(model.milestones, key=lambda m: (m.date, m.id))
        ],
        "work_package_rows": work_package_rows(model, language),
        "delivery_rows": [
            [md_cell(p.id), md_cell(names_of(model, p.depends_on)), md_cell(", ".join(p.delivers))]
            for p in model.work_packages
        ],
        "budget_rows": budget_rows(model, language),
        "financing_rows": financing_rows(model, language),
    }
