"""The concept's closing chapters as plain values: risks, architecture decisions, national
legal acts, funds and running costs, glossary and abbreviations."""

from __future__ import annotations

import re
from typing import Any

from archlex.i18n import NP_, Translator, translator
from archlex.model import Component, Model, Node
from archlex.model.document import Document
from archlex.render.concept.money_tables import fund_name
from archlex.render.concept.values import provisions
from archlex.render.registry import RenderContext
from archlex.toolkit.escape import md_cell
from archlex.toolkit.labels import FUNDING_SOURCES, Labels
from archlex.toolkit.money import money, to_cents
from archlex.toolkit.words import date_words, name_of

# `European Search Portal (ESP)`, `... (Iekšlietu ministrijas Informācijas centrs, IeM IC)`
# Each word of an abbreviation starts with a capital: `IeM IC`, not `Art 22` or `EU body`.
_WORD = r"[A-Z][A-Za-z0-9.\-]{0,9}"
_ABBREVIATED = re.compile(rf"^(?P<term>[^(]+?) \((?:[^()]*, )?(?P<short>{_WORD}(?: {_WORD})?)\)$")


# How a risk's level and status, a decision's status and a national act's rank read.
LEVELS: Labels = {
    "low": NP_("risk level", "low"),
    "medium": NP_("risk level", "medium"),
    "high": NP_("risk level", "high"),
}
RISK_STATUSES: Labels = {
    "open": NP_("risk status", "open"),
    "mitigated": NP_("risk status", "mitigated"),
    "accepted": NP_("risk status", "accepted"),
    "closed": NP_("risk status", "closed"),
}
DECISION_STATUSES: Labels = {
    "proposed": NP_("decision status", "proposed"),
    "accepted": NP_("decision status", "accepted"),
    "rejected": NP_("decision status", "rejected"),
    "superseded": NP_("decision status", "superseded"),
}
ACT_KINDS: Labels = {
    "law": NP_("national act kind", "law"),
    "cabinet-regulation": NP_("national act kind", "cabinet regulation"),
    "order": NP_("national act kind", "order"),
    "other": NP_("national act kind", "other"),
}
ACT_ACTIONS: Labels = {
    "adopt": NP_("national act action", "adopt"),
    "amend": NP_("national act action", "amend"),
}


def governance_values(context: RenderContext, document: Document) -> dict[str, Any]:
    """Risks, decisions, national law, funds, running costs and the glossary."""
    model = context.report.model
    language = context.language
    tr = translator(language)
    return {
        "risk_rows": _risks(model, tr),
        "decisions": [_decision(model, d, language) for d in model.decisions],
        "national_law_rows": [
            [
                md_cell(a.title) + (" *(example)*" if a.example else ""),
                tr.label(ACT_KINDS, a.kind.value),
                tr.label(ACT_ACTIONS, a.action),
                provisions(list(a.implements)),
                md_cell(_short(model, a.responsible)),
                date_words(a.deadline, language),
            ]
            for a in model.national_law
        ],
        "fund_rows": [
            [
                md_cell(f.name),
                md_cell(f.programme or ""),
                f"{f.max_rate:g}\u00a0%" if f.max_rate is not None else "",
            ]
            for f in model.funds
        ],
        "fund_field_rows": _fund_fields(model, tr),
        "operation_rows": _operations(model, language),
        "glossary_rows": glossary_rows(model, document),
    }


def _risks(model: Model, tr: Translator) -> list[list[str]]:
    """Every risk, the high ones first."""
    return [
        [
            md_cell(r.id),
            md_cell(r.title),
            tr.label(LEVELS, r.likelihood.value),
            tr.label(LEVELS, r.impact.value),
            md_cell(_short(model, r.owner)),
            md_cell(r.mitigation or ""),
            tr.label(RISK_STATUSES, r.status.value),
        ]
        for r in sorted(model.risks, key=lambda r: (not r.is_high, r.id))
    ]


def _short(model: Model, entity_id: str | None) -> str:
    return name_of(model, entity_id).split(" (", 1)[0]


def _decision(model: Model, decision: Any, language: str) -> dict[str, Any]:
    return {
        "id": md_cell(decision.id),
        "title": md_cell(decision.title),
        "status": translator(language).label(DECISION_STATUSES, decision.status.value),
        "date": date_words(decision.date, language),
        "context": md_cell(decision.context),
        "options": [
            {
                "name": md_cell(o.name),
                "pros": "; ".join(md_cell(p) for p in o.pros),
                "cons": "; ".join(md_cell(c) for c in o.cons),
            }
            for o in decision.options
        ],
        "decision": md_cell(decision.decision),
        "consequences": md_cell(decision.consequences or ""),
        "relates_to": md_cell(
            ", ".join(dict.fromkeys(_short(model, i) for i in decision.relates_to))
        ),
        "provisions": provisions(list(decision.provisions)),
        "superseded_by": md_cell(
            f"{decision.superseded_by}: {name_of(model, decision.superseded_by)}"
            if decision.superseded_by
            else ""
        ),
    }


def _fund_fields(model: Model, tr: Translator) -> list[list[str]]:
    """The EU fund fields of each package that has them, and its funding sources' shares
    (a source by its label, as the budget chart and the roadmap show it: `state budget`)."""
    rows = []
    for package in model.work_packages:
        cost = package.cost
        if cost is None or not (cost.specific_objective or cost.intervention_field):
            continue
        shares = ", ".join(
            f"{tr.label(FUNDING_SOURCES, s)}\u00a0{tr.share(p)}\u00a0%"
            for s, p in sorted(cost.funding.items())
        )
        rows.append(
            [
                md_cell(package.id),
                md_cell(cost.specific_objective or ""),
                md_cell(cost.intervention_field or ""),
                md_cell(shares),
            ]
        )
    return rows


def _operations(model: Model, language: str) -> list[list[str]]:
    rows = []
    for package in model.work_packages:
        cost = package.cost
        if cost is None or cost.operations is None:
            continue
        run = cost.operations
        rows.append(
            [
                md_cell(package.id),
                md_cell(package.name),
                date_words(run.from_, language),
                money(to_cents(run.yearly), cost.currency, language),
                md_cell(fund_name(model, run.source) if run.source else ""),
            ]
        )
    return rows


# A site's or a component's name says in brackets where it is or whose it is, not what it
# abbreviates: `IeM IC primary data centre (Riga)`, `NUI segment (DR)`, `Registration module
# (VRS)` listed `Riga`, `DR` and `VRS` (the State Border Guard's) as abbreviations.
_QUALIFIED = (Component, Node)


def glossary_rows(model: Model, document: Document) -> list[list[str]]:
    """The author's glossary, and every abbreviation the model's names define (`Name (ABBR)`),
    sorted by abbreviation or term; the author's definition wins."""
    entries: dict[str, list[str]] = {}
    for item in document.glossary:
        key = (item.abbreviation or item.term).casefold()
        entries[key] = [
            md_cell(item.abbreviation or ""),
            md_cell(item.term),
            md_cell(item.definition),
        ]
    for _, entity in model.entities():
        if isinstance(entity, _QUALIFIED):
            continue
        match = _ABBREVIATED.match(getattr(entity, "name", None) or "")
        if match and match["short"].casefold() not in entries:
            entries[match["short"].casefold()] = [
                md_cell(match["short"]),
                md_cell(match["term"]),
                "",
            ]
    return [entries[k] for k in sorted(entries)]
