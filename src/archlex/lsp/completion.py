"""Completion where a field expects an id (by its kind), a provision, or a rule id."""

from __future__ import annotations

from lsprotocol import types

from archlex.catalog.provision import parse_provision
from archlex.lsp.files import Columns
from archlex.lsp.session import Snapshot
from archlex.lsp.text import field_of, parent_key, word_at
from archlex.model import Model
from archlex.rules import RULES

SYSTEMS = frozenset({"system", "component"})
ORGANISATIONS = frozenset({"organisation"})
ROLES = frozenset({"role"})
# The kinds of entity a field names, by the field's YAML key (archlex.check.referring lists
# what each kind of entity refers to; tests/lsp/test_completion_fields.py holds this to it).
FIELD_KINDS: dict[str, frozenset[str]] = {
    "owner": ORGANISATIONS,
    "operator": ORGANISATIONS,
    "controller": ORGANISATIONS,
    "processor": ORGANISATIONS,
    "responsible": ORGANISATIONS,
    "from": SYSTEMS,
    "to": SYSTEMS,
    "via": SYSTEMS,
    "for": SYSTEMS,
    "by": SYSTEMS,
    "allocated_to": SYSTEMS,
    "systems": SYSTEMS,
    "systems_any": SYSTEMS,
    "master": SYSTEMS,
    "held_by": SYSTEMS,
    "system": SYSTEMS,
    "component": SYSTEMS,
    "data": frozenset({"data"}),
    "process": frozenset({"process"}),
    "steps": frozenset({"flow"}),
    "flows": frozenset({"flow"}),
    "phase": frozenset({"phase"}),
    "depends_on": frozenset({"work package"}),
    "after": frozenset({"work package"}),
    "work_package": frozenset({"work package"}),
    "delivers": frozenset({"requirement"}),
    "role": ROLES,
    "actor": ROLES,
    "verified_by": ROLES,
    "within": frozenset({"node"}),
    "networks": frozenset({"network"}),
    "network": frozenset({"network"}),
    "standard": frozenset({"standard"}),
    "superseded_by": frozenset({"decision"}),
    "act": frozenset({"act"}),
    "inserted_by": frozenset({"act"}),
    "related": frozenset(),  # any entity
    "relates_to": frozenset(),
    "target": frozenset(),  # a waiver's target: any entity
}
PROVISION_FIELDS = frozenset({"satisfies", "legal_basis", "defined_by", "deadline_of", "provision"})
RULE_FIELDS = {"rule": "waivers", "disable": "checks"}
MAX_ITEMS = 2000  # editors filter as the user types; past this the list only costs time


def completions(
    snapshot: Snapshot, lines: list[str], position: types.Position, columns: Columns
) -> list[types.CompletionItem]:
    """What can be written at the cursor, for the field the cursor is in."""
    if snapshot.report is None or position.line >= len(lines):
        return []
    field = field_of(lines, position.line)
    if field is None:
        return []
    edit_range, quoted = _replaced(lines[position.line], position, columns)
    model = snapshot.report.model
    if field in RULE_FIELDS and parent_key(lines, position.line) in (RULE_FIELDS[field], None):
        items = _rules()
    elif field in PROVISION_FIELDS:
        items = _provisions(model)
    elif field in FIELD_KINDS:
        items = _ids(snapshot, FIELD_KINDS[field])
    else:
        return []
    return [_with_range(item, edit_range, quoted) for item in items[:MAX_ITEMS]]


def _replaced(line: str, position: types.Position, columns: Columns) -> tuple[types.Range, bool]:
    """The scalar being typed (replaced by the completion), or the empty range at the cursor;
    and whether it sits inside quotes already."""
    column = columns.from_client(line, position.character)
    word = word_at(line, column)
    if word is None or column < word.start:
        return types.Range(position, position), column > 0 and line[column - 1] in "\"'"
    quoted = word.start > 0 and line[word.start - 1] in "\"'"
    start = types.Position(position.line, columns.to_client(line, word.start))
    end = types.Position(position.line, columns.to_client(line, word.end))
    return types.Range(start, end), quoted


def _with_range(
    item: types.CompletionItem, edit_range: types.Range, quoted: bool
) -> types.CompletionItem:
    text = item.label if quoted or item.insert_text is None else item.insert_text
    item.text_edit = types.TextEdit(range=edit_range, new_text=text)
    item.insert_text = None
    return item


def _ids(snapshot: Snapshot, kinds: frozenset[str]) -> list[types.CompletionItem]:
    assert snapshot.report is not None
    model = snapshot.report.model
    items = []
    for entity_id, kind in sorted(snapshot.kinds.items()):
        if kinds and kind not in kinds:
            continue
        entity = model.get(entity_id)
        name = getattr(entity, "name", None) or getattr(entity, "title", None)
        items.append(
            types.CompletionItem(
                label=entity_id,
                kind=types.CompletionItemKind.Reference,
                detail=f"{kind}: {name}" if name else kind,
            )
        )
    return items


def _provisions(model: Model) -> list[types.CompletionItem]:
    """Every article of the loaded regulations, and every provision an obligation names."""
    titles: dict[str, tuple[str, str]] = {}
    for regulation in model.regulations:
        for article in regulation.articles:
            key = f"{regulation.id} Art {article.number}"
            titles[key] = (article.title, "")
    for obligation in model.obligations:
        text = str(obligation.provision)
        title = _article_title(model, obligation.provision.regulation, obligation.provision.article)
        summary = titles.get(text, ("", ""))[1]
        titles[text] = (title, (summary + "\n\n" if summary else "") + obligation.summary)
    return [
        types.CompletionItem(
            label=text,
            kind=types.CompletionItemKind.Value,
            detail=title,
            documentation=summary or None,
            insert_text=f'"{text}"',
            filter_text=text,
            sort_text=_provision_order(text),
        )
        for text, (title, summary) in titles.items()
    ]


def _article_title(model: Model, regulation_id: str, number: str) -> str:
    found = model.regulation(regulation_id)
    article = found.article(number) if found else None
    return article.title if article else ""


def _provision_order(text: str) -> str:
    """Articles and paragraphs in the regulation's order, as numbers (Art 9 before Art 10)."""
    provision = parse_provision(text)
    if provision is None:
        return text
    parts = [f"{number:05d}{rest}" for number, rest in provision.sort_key[1]]
    return provision.regulation + " " + " ".join(parts)


def _rules() -> list[types.CompletionItem]:
    return [
        types.CompletionItem(
            label=rule.id,
            kind=types.CompletionItemKind.EnumMember,
            detail=f"{rule.severity.value}: {rule.summary}",
        )
        for rule in sorted(RULES.values(), key=lambda rule: rule.id)
    ]
