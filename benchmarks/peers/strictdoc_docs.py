"""The workload as StrictDoc documents: provisions and requirements, with Parent relations."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from peers.workload import Item, Workload

GRAMMAR = """[GRAMMAR]
ELEMENTS:
- TAG: REQUIREMENT
  FIELDS:
  - TITLE: UID
    TYPE: String
    REQUIRED: True
  - TITLE: TITLE
    TYPE: String
    REQUIRED: True
  - TITLE: STATEMENT
    TYPE: String
    REQUIRED: True
  RELATIONS:
  - TYPE: Parent
"""


def uid(key: str) -> str:
    """A StrictDoc UID for an archlex key: `2019/817 Art 39(2)` -> `LAW-817-39-2`."""
    match = re.fullmatch(r"\d{4}/(\d+) Art (\w+)((?:\(\w+\))*)", key)
    if match:
        parts = [match[1], match[2], *re.findall(r"\((\w+)\)", match[3])]
        return "LAW-" + "-".join(parts)
    return re.sub(r"[^A-Za-z0-9_.-]", "-", key)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _node(item: Item) -> str:
    lines = [
        "[REQUIREMENT]",
        f"UID: {uid(item.key)}",
        f"TITLE: {_one_line(item.title)}",
        "STATEMENT: >>>",
        _one_line(item.text),
        "<<<",
    ]
    if item.parents:
        lines.append("RELATIONS:")
        for parent in item.parents:
            lines += ["- TYPE: Parent", f"  VALUE: {uid(parent)}"]
    return "\n".join(lines) + "\n"


def _document(title: str, items: Iterable[Item]) -> str:
    return f"[DOCUMENT]\nTITLE: {title}\n\n{GRAMMAR}\n" + "\n".join(_node(i) for i in items)


def write_strictdoc(workload: Workload, folder: Path) -> None:
    """Write the two documents into the new folder FOLDER."""
    folder.mkdir(parents=True)
    provisions = _document("Provisions", workload.provisions)
    (folder / "provisions.sdoc").write_text(provisions, encoding="utf-8")
    requirements = _document("Requirements", workload.requirements)
    (folder / "requirements.sdoc").write_text(requirements, encoding="utf-8")


def count_export(index: Path) -> dict[str, Any]:
    """Items per document and links (resolved or not) in StrictDoc's JSON export."""
    data = json.loads(index.read_text(encoding="utf-8"))
    nodes = {d["TITLE"]: _requirements(d.get("NODES", [])) for d in data["DOCUMENTS"]}
    known = {n["UID"] for found in nodes.values() for n in found}
    parents = [
        r["VALUE"] for found in nodes.values() for n in found for r in n.get("RELATIONS", [])
    ]
    return {
        "items": {title: len(found) for title, found in nodes.items()},
        "links": len(parents),
        "resolved": sum(1 for p in parents if p in known),
    }


def _requirements(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for node in nodes:
        if node.get("_NODE_TYPE") == "REQUIREMENT":
            found.append(node)
        found += _requirements(node.get("NODES", []))
    return found
