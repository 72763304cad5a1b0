"""The rows of the traceability matrix: `check`'s coverage joined with the entities it names.

One row per applicable obligation, in `check`'s order (by provision, then id) and with the
coverage state `check` computed; never recomputed here.
"""

from __future__ import annotations

from dataclasses import dataclass

from archlex.check.applicability import MEMBER_STATE
from archlex.check.coverage import Coverage, CoverageFigures, CoverageState, ObligationCoverage
from archlex.errors import ArchlexError
from archlex.model import Model, Obligation, Requirement, WorkPackage

STATES = tuple(CoverageState)
# What each state means, as `check` computes it (archlex.check.run).
STATE_MEANING = {
    CoverageState.GAP: "no requirement traces it",
    CoverageState.TRACED: "requirements trace it, none is allocated to a system or component",
    CoverageState.ALLOCATED: "a tracing requirement is allocated; no work package delivers one",
    CoverageState.SCHEDULED: "a work package delivers an allocated tracing requirement",
    CoverageState.MET: "every tracing requirement is implemented or verified",
}


@dataclass(frozen=True, slots=True)
class Item:
    """One linked entity in a row: its id, its name or title, and a note (status, dates)."""

    id: str
    label: str = ""
    note: str = ""

    def text(self) -> str:
        """`id: label (note)`, for formats with one line per item."""
        text = f"{self.id}: {self.label}" if self.label else self.id
        return f"{text} ({self.note})" if self.note else text


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """One applicable obligation and everything that traces it."""

    position: int  # the order `check` gives: by provision, then id
    regulation: str
    provision: str
    obligation: str
    summary: str
    actor: str
    deadline: str
    verified: bool
    source: str
    state: CoverageState
    requirements: tuple[Item, ...]
    systems: tuple[Item, ...]
    work_packages: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class RegulationPart:
    """The rows of one regulation, with its title and figures."""

    id: str
    title: str
    figures: CoverageFigures
    rows: tuple[MatrixRow, ...]


@dataclass(frozen=True, slots=True)
class Matrix:
    """Everything the four files show: the model's name, the figures, the rows."""

    name: str
    language: str
    overall: CoverageFigures
    regulations: tuple[RegulationPart, ...]
    rows: tuple[MatrixRow, ...]  # every regulation's, in `check`'s order


def build_matrix(model: Model, coverage: Coverage) -> Matrix:
    """The matrix of a checked model: its coverage joined with the entities it names."""
    rows = [_row(model, i, item) for i, item in enumerate(coverage.obligations)]
    parts = tuple(
        RegulationPart(
            regulation,
            _regulation_title(model, regulation),
            figures,
            tuple(r for r in rows if r.regulation == regulation),
        )
        for regulation, figures in coverage.by_regulation().items()
    )
    manifest = model.manifest
    return Matrix(manifest.name, manifest.language, coverage.overall(), parts, tuple(rows))


def _row(model: Model, position: int, item: ObligationCoverage) -> MatrixRow:
    obligation = model.get(item.obligation)
    if not isinstance(obligation, Obligation):  # coverage names only loaded obligations
        raise ArchlexError(f"coverage names `{item.obligation}`, which is not an obligation")
    return MatrixRow(
        position=position,
        regulation=item.regulation,
        provision=item.provision,
        obligation=item.obligation,
        summary=obligation.summary,
        actor=_actor(model, obligation.actor),
        deadline=obligation.deadline.isoformat() if obligation.deadline else "",
        verified=obligation.verified,
        source=obligation.source or "",
        state=item.state,
        requirements=tuple(_requirement(model, r) for r in item.requirements),
        systems=tuple(_system(model, s) for s in item.systems),
        work_packages=tuple(_work_package(model, w) for w in item.work_packages),
    )


def _actor(model: Model, actor: str) -> str:
    if actor == MEMBER_STATE:
        return "Member State"
    entity = model.get(actor)
    return entity.name if entity is not None and entity.name else actor


def _requirement(model: Model, requirement_id: str) -> Item:
    found = model.get(requirement_id)
    if isinstance(found, Requirement):
        return Item(requirement_id, found.title, found.status.value)
    return Item(requirement_id)


def _system(model: Model, system_id: str) -> Item:
    found = model.get(system_id)
    return Item(system_id, (found.name or "") if found is not None else "")


def _work_package(model: Model, package_id: str) -> Item:
    found = model.get(package_id)
    if isinstance(found, WorkPackage):
        return Item(package_id, found.name, f"{found.start.isoformat()} to {found.end.isoformat()}")
    return Item(package_id)


def _regulation_title(model: Model, regulation_id: str) -> str:
    regulation = model.regulation(regulation_id)
    if regulation is None:
        return f"Regulation {regulation_id}"
    return regulation.short_title or regulation.title


# The columns of the CSV and of each regulation's XLSX sheet.
COLUMNS = (
    "Regulation",
    "Provision",
    "Obligation",
    "Summary",
    "Actor",
    "Deadline",
    "Summary verified",
    "State",
    "Requirements",
    "Systems and components",
    "Work packages",
    "Source",
)
STATE_COLUMN = COLUMNS.index("State")


def row_cells(row: MatrixRow) -> list[str]:
    """A row as text cells, in the order of COLUMNS; lists one item a line."""
    return [
        row.regulation,
        row.provision,
        row.obligation,
        row.summary,
        row.actor,
        row.deadline,
        "yes" if row.verified else "no",
        row.state.value,
        _lines(row.requirements),
        _lines(row.systems),
        _lines(row.work_packages),
        row.source,
    ]


def _lines(items: tuple[Item, ...]) -> str:
    return "\n".join(item.text() for item in items)
