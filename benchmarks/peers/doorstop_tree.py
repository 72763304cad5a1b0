"""The workload as a Doorstop tree: a git repository, a LAW document and a child REQ document."""

from __future__ import annotations

import subprocess
from pathlib import Path

import yaml

from peers.workload import Item, Workload

PARENT, CHILD = "LAW", "REQ"


def uids(items: tuple[Item, ...], prefix: str) -> dict[str, str]:
    """Doorstop's item names (LAW00001, ...) by archlex key, in the items' order."""
    return {item.key: f"{prefix}{n:05d}" for n, item in enumerate(items, start=1)}


def _document(folder: Path, prefix: str, parent: str | None) -> None:
    folder.mkdir(parents=True)
    settings: dict[str, str] = {"digits": "5", "itemformat": "yaml", "prefix": prefix, "sep": ""}
    if parent:
        settings["parent"] = parent
    (folder / ".doorstop.yml").write_text(yaml.safe_dump({"settings": settings}))


def _item(path: Path, item: Item, level: int, links: list[str]) -> None:
    # The fields and layout Doorstop itself writes for a new item (`doorstop add`).
    data = {
        "active": True,
        "derived": False,
        "header": str(item.key),
        "level": level,
        "links": [{uid: None} for uid in links],
        "normative": True,
        "ref": "",
        "reviewed": None,
        "text": str(item.text),  # model text may be a Text (a str subclass yaml refuses)
    }
    path.write_text(yaml.safe_dump(data, allow_unicode=True, width=1000), encoding="utf-8")


def write_doorstop(workload: Workload, root: Path) -> None:
    """Write the tree into the new folder ROOT (a git repository: Doorstop needs one)."""
    root.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    law, req = uids(workload.provisions, PARENT), uids(workload.requirements, CHILD)
    _document(root / "law", PARENT, None)
    _document(root / "req", CHILD, PARENT)
    for level, item in enumerate(workload.provisions, start=1):
        _item(root / "law" / f"{law[item.key]}.yml", item, level, [])
    for level, item in enumerate(workload.requirements, start=1):
        _item(root / "req" / f"{req[item.key]}.yml", item, level, [law[k] for k in item.parents])


# Run with the Doorstop venv's python in the tree's folder: what Doorstop itself loads.
COUNT_SCRIPT = """
import json, doorstop
tree = doorstop.build()
counts = {d.prefix: len(d.items) for d in tree.documents}
links = sum(len(i.links) for d in tree.documents for i in d.items)
resolved = 0
for d in tree.documents:
    for i in d.items:
        for uid in i.links:
            try:
                tree.find_item(uid)
                resolved += 1
            except Exception:
                pass
print(json.dumps({"items": counts, "links": links, "resolved": resolved}))
"""
