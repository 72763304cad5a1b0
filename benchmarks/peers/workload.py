"""The traceability workload the peers get: a model's requirements and the provisions they satisfy.

Provisions are items too: every article of the bundled regulations, every paragraph the
catalog counts, and every provision a requirement cites (so each link has its target).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from archlex.model import Model, Regulation, Requirement


@dataclass(frozen=True)
class Item:
    """One item of a peer's documents: its archlex key, title, text and the keys it links to."""

    key: str
    title: str
    text: str
    parents: tuple[str, ...] = ()


@dataclass(frozen=True)
class Workload:
    """Provisions (the parent document) and requirements (the child document, with links)."""

    provisions: tuple[Item, ...]
    requirements: tuple[Item, ...]

    @property
    def links(self) -> int:
        """Links from requirements to provisions."""
        return sum(len(item.parents) for item in self.requirements)


def provision_items(regulations: Iterable[Regulation], cited: Iterable[str]) -> list[Item]:
    """Articles and their counted paragraphs, plus any cited provision not among them."""
    items: dict[str, Item] = {}
    for regulation in regulations:
        for article in regulation.articles:
            key = f"{regulation.id} Art {article.number}"
            items[key] = Item(key, f"{key}: {article.title}", article.title)
            for paragraph in range(1, (article.paragraphs or 0) + 1):
                sub = f"{key}({paragraph})"
                items[sub] = Item(sub, sub, f"{article.title}, paragraph {paragraph}")
    for key in cited:
        items.setdefault(key, Item(key, key, f"Provision {key}"))
    return [items[k] for k in sorted(items)]


def requirement_item(requirement: Requirement) -> Item:
    """A requirement as an item linked to the provisions it satisfies."""
    parents = tuple(dict.fromkeys(str(p) for p in requirement.satisfies))
    text = requirement.text or requirement.title
    return Item(requirement.id, requirement.title, text, parents)


def workload_from_model(model: Model) -> Workload:
    """The workload of a loaded model."""
    requirements = [requirement_item(r) for r in model.requirements]
    cited = {p for r in requirements for p in r.parents}
    provisions = provision_items(model.regulations, cited)
    return Workload(tuple(provisions), tuple(sorted(requirements, key=lambda i: i.key)))


def load_workload(folder: Path) -> Workload:
    """Load the archlex model in FOLDER and convert it."""
    from archlex.api import validate_model

    report = validate_model(folder, folder)
    return workload_from_model(report.project.model)


def square(workload: Workload, items: int) -> Workload:
    """N provisions + N requirements (issue #19's "2xN items"): the first N requirements by
    id, with their links, and the provisions they cite, the catalog's other provisions, then
    unlinked padding items "Provision N" until there are N (a peer's work grows with the items
    it reads; archlex's provisions are the catalog's whatever N is)."""
    if len(workload.requirements) < items:
        raise ValueError(f"the model has {len(workload.requirements)} requirements, not {items}")
    requirements = workload.requirements[:items]
    cited = {p for r in requirements for p in r.parents}
    if len(cited) > items:
        raise ValueError(f"{items} requirements cite {len(cited)} provisions, more than {items}")
    provisions = sorted(workload.provisions, key=lambda p: (p.key not in cited, p.key))[:items]
    padding = [
        Item(f"Provision {n:05d}", f"Provision {n:05d}", f"Padding provision {n}")
        for n in range(1, items - len(provisions) + 1)
    ]
    return Workload(tuple(sorted([*provisions, *padding], key=lambda p: p.key)), requirements)
