"""Hover: what a provision asks (from the catalog), what an entity is, what a rule checks."""

from __future__ import annotations

import re

from archlex.catalog.index import Card, CardSection, card_of
from archlex.catalog.search import show_provision
from archlex.errors import ArchlexError
from archlex.lsp.query import Target, TargetKind
from archlex.lsp.session import Snapshot
from archlex.model.common import Entity
from archlex.rules import RULES

LABELS = {
    "chapter": "Chapter",
    "verified": "verified against the regulation's text",
    "unverified": "not verified against the regulation's text",
    "partial": "verified against part of the regulation's text",
    "source": "source",
    "defined": "defined in",
    "default severity": "default severity",
}
_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|])")


def escape(text: str) -> str:
    """Model text shown as itself in Markdown: no links, emphasis or HTML from it."""
    return _MARKDOWN.sub(r"\\\1", text)


def hover_markdown(snapshot: Snapshot, target: Target) -> str | None:
    """The Markdown shown on hover over a target."""
    if target.kind is TargetKind.PROVISION:
        return provision_markdown(snapshot, target.text)
    if target.kind is TargetKind.ENTITY:
        return entity_markdown(snapshot, target.text)
    return rule_markdown(target.text)


def provision_markdown(snapshot: Snapshot, text: str) -> str | None:
    """A provision's article title, chapter, verification, and what the catalog says of it."""
    if snapshot.report is None:
        return None
    try:
        view = show_provision(snapshot.report.model, text)
    except ArchlexError:
        return None
    from archlex.catalog.timeline import Timeline  # only for a hover on a provision

    card = card_of(view, True, Timeline(snapshot.report.model, None))
    card = card.narrowed(view.provision) if view.provision.parts else card
    return "\n\n".join(_card_lines(str(view.provision), card))


def _card_lines(provision: str, card: Card) -> list[str]:
    # card.verified is "verified", "partial" or "unverified" (catalog/index.py)
    status = LABELS.get(card.verified, LABELS["unverified"])
    lines = [f"**{escape(provision)}**: {escape(card.title)}"]
    if card.chapter:
        lines.append(escape(card.chapter))
    lines.append(
        f"*{status}*" + (f" ({LABELS['source']}: {escape(card.source)})" if card.source else "")
    )
    for section in (*card.catalog, *card.in_model):
        if section.lines or section.empty is not None:
            lines.append(_section(section))
    return lines


def _section(section: CardSection) -> str:
    items = [
        f"- `{line.head}`" + (f": {escape(line.body)}" if line.body else "")
        for line in section.lines
    ]
    if not items and section.empty is not None:
        items = [f"- {escape(section.empty)}"]
    return f"**{escape(section.title)}**\n\n" + "\n".join(items)


def entity_markdown(snapshot: Snapshot, entity_id: str) -> str | None:
    """An entity's kind, name, description and where it is defined."""
    if snapshot.report is None:
        return None
    entity = snapshot.report.model.get(entity_id)
    if entity is None:
        return None
    lines = [f"**{escape(snapshot.kinds.get(entity_id, 'entity'))}** `{entity_id}`"]
    name = _name(entity)
    if name:
        lines[0] += f": {escape(name)}"
    description = getattr(entity, "description", None) or getattr(entity, "text", None)
    if isinstance(description, str) and description:
        lines.append(escape(description))
    located = snapshot.report.project.sources.of(entity_id)
    if located is not None:
        lines.append(f"{LABELS['defined']} `{located.file}:{located.at('id')[0]}`")
    return "\n\n".join(lines)


def _name(entity: Entity) -> str | None:
    for field in ("name", "title", "summary", "purpose", "meaning"):
        value = getattr(entity, field, None)
        if isinstance(value, str) and value:
            return value
    return None


def rule_markdown(rule_id: str) -> str | None:
    """A rule's summary and default severity."""
    rule = RULES.get(rule_id)
    if rule is None:
        return None
    return (
        f"**{rule.id}** ({LABELS['default severity']}: {rule.severity.value})\n\n"
        f"{escape(rule.summary)}"
    )
