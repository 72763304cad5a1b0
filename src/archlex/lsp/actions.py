"""Quick fixes from the findings: the "did you mean" replacement, a waiver with an expiry
date, a requirement that satisfies an untraced obligation."""

from __future__ import annotations

import datetime as dt
import re

from lsprotocol import types

from archlex.findings import Finding
from archlex.lsp.edits import add_waiver, item_end, yaml_text
from archlex.lsp.files import path_of_uri, uri_of
from archlex.lsp.session import Snapshot
from archlex.model import Obligation
from archlex.rules import RULES

WAIVER_DAYS = 90  # a waiver the quick fix adds expires after this, to be looked at again
LABELS = {
    "replace": "Replace with `{candidate}`",
    "waive": "Waive {rule} for `{target}` until {expires}",
    "reason": "say why this finding is accepted, and who decided",
    "stub": "Add requirement {id} that satisfies {provision}",
}
_CANDIDATES = re.compile(r"did you mean (?P<names>.*)\?")
_NAME = re.compile(r"`([^`]+)`")


def code_actions(
    snapshot: Snapshot, uri: str, diagnostics: list[types.Diagnostic]
) -> list[types.CodeAction]:
    """The quick fixes for the archlex diagnostics the client asks about."""
    actions: list[types.CodeAction] = []
    for diagnostic in diagnostics:
        finding = _finding_of(snapshot, uri, diagnostic)
        if finding is None:
            continue
        actions += _replacements(snapshot, uri, diagnostic, finding)
        actions += _waiver(snapshot, diagnostic, finding)
        actions += _requirement(snapshot, diagnostic, finding)
    return actions


def _finding_of(snapshot: Snapshot, uri: str, diagnostic: types.Diagnostic) -> Finding | None:
    """The finding a diagnostic shows (the client's copy may have lost our `data`)."""
    if snapshot.report is None or diagnostic.source != "archlex":
        return None
    path = path_of_uri(uri)
    for finding in snapshot.report.active:
        if finding.rule != diagnostic.code or finding.line != diagnostic.range.start.line + 1:
            continue
        if path is not None and path == path_of_uri(uri_of(snapshot.root, finding.file)):
            return finding
    return None


def _replacements(
    snapshot: Snapshot, uri: str, diagnostic: types.Diagnostic, finding: Finding
) -> list[types.CodeAction]:
    match = _CANDIDATES.search(finding.hint or "")
    if match is None:
        return []
    written = snapshot.line(finding.file, finding.line)
    start = finding.column - 1
    quote = written[start] if start < len(written) and written[start] in "\"'" else ""
    return [
        _action(
            LABELS["replace"].format(candidate=candidate),
            diagnostic,
            {uri: [types.TextEdit(diagnostic.range, f"{quote}{candidate}{quote}")]},
            preferred=index == 0,
        )
        for index, candidate in enumerate(_NAME.findall(match.group("names")))
    ]


def _waiver(
    snapshot: Snapshot, diagnostic: types.Diagnostic, finding: Finding
) -> list[types.CodeAction]:
    rule = RULES.get(finding.rule)
    if finding.target is None or rule is None or rule.fatal or snapshot.report is None:
        return []
    manifest = snapshot.report.project.manifest_path.name
    lines = snapshot.lines(manifest)
    expires = (snapshot.today + dt.timedelta(days=WAIVER_DAYS)).isoformat()
    first, count, new = add_waiver(lines, finding.rule, finding.target, LABELS["reason"], expires)
    edit = _lines_edit(first, count, new)
    title = LABELS["waive"].format(rule=finding.rule, target=finding.target, expires=expires)
    return [_action(title, diagnostic, {uri_of(snapshot.root, manifest): [edit]})]


def _requirement(
    snapshot: Snapshot, diagnostic: types.Diagnostic, finding: Finding
) -> list[types.CodeAction]:
    if finding.rule != "obligation-untraced" or snapshot.report is None or not finding.target:
        return []
    model = snapshot.report.model
    obligation = model.get(finding.target)
    if not isinstance(obligation, Obligation) or not model.requirements:
        return []
    last = model.requirements[-1]
    located = snapshot.report.project.sources.of(last.id)
    if located is None:
        return []
    lines = snapshot.lines(located.file)
    line, _ = located.at()
    end = item_end(lines, _item_line(lines, line - 1))
    new_id = _free_id(snapshot, obligation)
    stub = _stub(lines[_item_line(lines, line - 1)], new_id, obligation)
    edit = _lines_edit(end, 0, stub)
    title = LABELS["stub"].format(id=new_id, provision=obligation.provision)
    return [_action(title, diagnostic, {uri_of(snapshot.root, located.file): [edit]})]


def _item_line(lines: list[str], line: int) -> int:
    """The line of the `- ` that starts the list item an entity's first field is on."""
    while line > 0 and not lines[line].lstrip().startswith("-"):
        line -= 1
    return line


def _free_id(snapshot: Snapshot, obligation: Obligation) -> str:
    assert snapshot.report is not None
    base = "REQ-" + obligation.id.split(".", 1)[-1].upper()
    candidate, number = base, 2
    while snapshot.report.model.get(candidate) is not None:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _stub(item: str, new_id: str, obligation: Obligation) -> list[str]:
    """A requirement entry, indented as its neighbours."""
    dash = item[: len(item) - len(item.lstrip())]
    title = obligation.summary.split(". ")[0].rstrip(".")
    return [
        "",
        f"{dash}- id: {new_id}",
        f"{dash}  title: {yaml_text(title)}",
        f"{dash}  satisfies: [{yaml_text(str(obligation.provision))}]",
        f"{dash}  status: proposed",
    ]


def _lines_edit(first: int, count: int, new: list[str]) -> types.TextEdit:
    """Replace `count` whole lines from `first` (0-based) with `new` lines."""
    return types.TextEdit(
        types.Range(types.Position(first, 0), types.Position(first + count, 0)),
        "".join(line + "\n" for line in new),
    )


def _action(
    title: str,
    diagnostic: types.Diagnostic,
    changes: dict[str, list[types.TextEdit]],
    preferred: bool = False,
) -> types.CodeAction:
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(changes=changes),
        is_preferred=preferred or None,
    )
