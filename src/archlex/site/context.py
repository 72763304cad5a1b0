"""What every page function reads: the checked report, the site map, the date, the assets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Generic, TypeVar

from archlex.catalog.search import Citations
from archlex.check.coverage import ObligationCoverage
from archlex.check.statuses import DONE
from archlex.i18n import Translator, translator
from archlex.model import Entity, Flow, Model, Process, Requirement, WorkPackage
from archlex.outcome import Report
from archlex.site.diagram_svg import DiagramLinks, LinkedSvg, diagram_titles, linked_svg
from archlex.site.links import Linker, SiteMap
from archlex.toolkit.labels import COVERAGE_STATES, Labels

E = TypeVar("E", bound=Entity)


@dataclass
class SiteContext:
    """The report, where each page lives, the date "next" is counted from, the files the
    other products wrote into the docs folder (docs-relative paths), and that folder when the
    pages may read them (the diagrams, to embed them)."""

    report: Report
    site: SiteMap
    as_of: dt.date
    assets: frozenset[str] = frozenset()
    coverage: dict[str, ObligationCoverage] = field(default_factory=dict)
    docs: Path | None = None
    _svgs: dict[tuple[str, str], LinkedSvg] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.report.coverage is not None:
            self.coverage = {o.obligation: o for o in self.report.coverage.obligations}

    @property
    def model(self) -> Model:
        """The checked model."""
        return self.report.model

    @cached_property
    def diagram_links(self) -> DiagramLinks:
        """What each box and line of a diagram links to."""
        return DiagramLinks(self.model, self.site)

    @cached_property
    def flow_processes(self) -> dict[str, set[str]]:
        """The processes each system or component takes part in through a flow that names the
        process, by the system's or component's id."""
        found: dict[str, set[str]] = {}
        for flow in self.model.flows:
            for end in (flow.from_, flow.to, flow.via):
                if end and flow.process:
                    found.setdefault(end, set()).add(flow.process)
        return found

    @cached_property
    def delivering(self) -> Referrers[WorkPackage]:
        """The work packages by the requirements they deliver."""
        return Referrers(self.model.work_packages, lambda w: w.delivers)

    @cached_property
    def serving(self) -> Referrers[WorkPackage]:
        """The work packages by the systems (and components) they name."""
        return Referrers(self.model.work_packages, lambda w: w.systems)

    @cached_property
    def allocated(self) -> Referrers[Requirement]:
        """The requirements by the systems (and components) they are allocated to."""
        return Referrers(self.model.requirements, lambda r: r.allocated_to)

    @cached_property
    def flows_out(self) -> Referrers[Flow]:
        """The flows by the system (or component) they start from."""
        return Referrers(self.model.flows, lambda f: [f.from_])

    @cached_property
    def flows_in(self) -> Referrers[Flow]:
        """The flows by the systems (or components) they go to or through."""
        return Referrers(self.model.flows, lambda f: [e for e in (f.to, f.via) if e])

    @cached_property
    def carrying(self) -> Referrers[Flow]:
        """The flows by the data categories they carry."""
        return Referrers(self.model.flows, lambda f: f.data)

    @cached_property
    def dependents(self) -> dict[str, list[str]]:
        """The ids of the work packages depending on each work package, in the model's order."""
        found: dict[str, list[str]] = {}
        for package in self.model.work_packages:
            for needed in dict.fromkeys(package.depends_on):
                found.setdefault(needed, []).append(package.id)
        return found

    @cached_property
    def process_ends(self) -> list[tuple[Process, set[str]]]:
        """Each process (by id) with the ends and vias of the flows among its steps."""
        found = []
        for process in by_id(self.model.processes):
            flows = [self.model.get(step) for step in process.steps]
            ends = {e for f in flows if isinstance(f, Flow) for e in (f.from_, f.to, f.via) if e}
            found.append((process, ends))
        return found

    @cached_property
    def tracing(self) -> dict[str, list[ObligationCoverage]]:
        """The obligations' coverage by the requirements that trace them, by obligation id."""
        found: dict[str, list[ObligationCoverage]] = {}
        for covered in sorted(self.coverage.values(), key=lambda c: c.obligation):
            for requirement in dict.fromkeys(covered.requirements):
                found.setdefault(requirement, []).append(covered)
        return found

    @cached_property
    def citations(self) -> Citations:
        """The model's entries by the articles they cite."""
        return Citations(self.model)

    @cached_property
    def diagram_titles(self) -> dict[str, str]:
        """Each diagram's title, by its docs-relative SVG path (none without `docs`)."""
        return diagram_titles(self.docs, self.assets) if self.docs is not None else {}

    def diagram_svg(self, asset: str, prefix: str) -> LinkedSvg:
        """A diagram of the docs folder with its links, read once for every page showing it
        (a context lives for one build or one `serve` update: the files do not change)."""
        if (asset, prefix) not in self._svgs:
            assert self.docs is not None
            svg = (self.docs / asset).read_text(encoding="utf-8")
            self._svgs[asset, prefix] = linked_svg(svg, self.diagram_links, prefix)
        return self._svgs[asset, prefix]

    @property
    def tr(self) -> Translator:
        """The texts and formats of the site's language (the manifest's, or `--language`)."""
        return translator(self.model.manifest.language)

    def label(self, labels: Labels, value: object) -> str:
        """An optional enum value's label in the site's language; empty when not set."""
        return "" if value is None else self.tr.label(labels, getattr(value, "value", value))

    def linker(self, page: str) -> Linker:
        """Link writer for one page."""
        return Linker(self.site, page)

    def state(self, obligation_id: str) -> str:
        """The coverage state `check` computed, or `not applicable`, in the site's language;
        with how many of the requirements tracing it are done when some but not all are (an
        implemented requirement's page would otherwise show its obligation as only
        `scheduled`, without saying why)."""
        found = self.states.get(obligation_id)
        return self.tr.pgettext("coverage state", "not applicable") if found is None else found

    @cached_property
    def states(self) -> dict[str, str]:
        """Each obligation's state as `state` writes it, worked out once for every page."""
        written = {}
        for obligation_id, found in self.coverage.items():
            state = self.tr.label(COVERAGE_STATES, found.state)
            tracing = list(dict.fromkeys(found.requirements))
            done = sum(1 for r in tracing if _is_done(self.model.get(r)))
            if 0 < done < len(tracing):
                share = self.tr._("{done} of {count} requirements implemented or verified")
                state = f"{state} ({share.format(done=done, count=len(tracing))})"
            written[obligation_id] = state
        return written


def _is_done(entity: Entity | None) -> bool:
    """Whether the entity is a requirement whose status counts as done for coverage."""
    return isinstance(entity, Requirement) and entity.status in DONE


def by_id(items: list[E]) -> list[E]:
    """Entities sorted by id."""
    return sorted(items, key=lambda item: item.id)


class Referrers(Generic[E]):
    """Entities (sorted by id) by the ids they name: one index instead of a scan of every
    entity on every page (which made the 10k site's pages O(entities^2))."""

    def __init__(self, items: list[E], named: Callable[[E], Iterable[str]]) -> None:
        self.items = by_id(items)
        self.positions: dict[str, list[int]] = {}
        for position, item in enumerate(self.items):
            for name in dict.fromkeys(named(item)):
                self.positions.setdefault(name, []).append(position)

    def naming(self, *ids: str) -> list[E]:
        """The entities that name any of `ids`, each once, by id."""
        found = sorted({p for name in ids for p in self.positions.get(name, ())})
        return [self.items[position] for position in found]
