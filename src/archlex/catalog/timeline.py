"""The law on a given day: when catalogued events happen, from when obligations apply, and the
deadlines derived from events (`{after: eu.ESP.start, plus: P2Y}`), each with its derivation."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from archlex.catalog.provision import Provision

if TYPE_CHECKING:  # the catalog reads the models without importing them (docs/architecture.md)
    from archlex.model import Act, EventDate, Model, Obligation, Regulation

_PERIOD = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")
_ACT_NAMES = {
    "regulation": "Regulation (EU)",
    "directive": "Directive (EU)",
    "implementing-decision": "Implementing Decision (EU)",
    "implementing-regulation": "Implementing Regulation (EU)",
    "delegated-regulation": "Delegated Regulation (EU)",
}
_EVENT_WORDS = {"start": "starts operations", "applies": "applies", "in_force": "enters into force"}


@dataclass(frozen=True)
class EventOn:
    """A catalogued event: its day, and the act (and article) that sets it."""

    name: str
    date: dt.date
    set_by: str
    known_from: dt.date | None  # the first day the act setting it is law


@dataclass(frozen=True)
class Derived:
    """A date the law gives, or None when no act in force on the day sets it; and how."""

    date: dt.date | None
    derivation: str

    def __str__(self) -> str:
        return f"{self.date} ({self.derivation})" if self.derivation else str(self.date)


def add_period(day: dt.date, period: str) -> dt.date:
    """The day a period (P2Y, P6M, P1Y6M, P30D, P2W) after `day`; month ends are kept."""
    match = _PERIOD.match(period)
    if match is None:
        raise ValueError(f"not an ISO 8601 period: {period!r}")
    years, months, weeks, days = (int(group or 0) for group in match.groups())
    total = day.year * 12 + day.month - 1 + years * 12 + months
    year, month = divmod(total, 12)
    month += 1
    moved = dt.date(year, month, min(day.day, _days_in_month(year, month)))
    return moved + dt.timedelta(weeks=weeks, days=days)


def _days_in_month(year: int, month: int) -> int:
    """The month's length, as calendar.monthrange gives it (calendar, and with it locale, is
    not imported for this: a check adds a period to most deadlines)."""
    if month == 12:
        return 31
    return (dt.date(year, month + 1, 1) - dt.timedelta(days=1)).day


def period_words(period: str) -> str:
    """A period in words: P2Y -> 2 years, P1Y6M -> 1 year 6 months."""
    match = _PERIOD.match(period)
    if match is None:
        return period
    names = ("year", "month", "week", "day")
    parts = [
        f"{n} {name}{'s' * (int(n) != 1)}"
        for n, name in zip(match.groups(), names, strict=True)
        if n is not None
    ]
    return " ".join(parts)


def act_label(act: Act | Regulation) -> str:
    """How an act is named in a message: Implementing Decision (EU) 2026/1155."""
    kind = getattr(act, "kind", None)  # an Act has a kind; a Regulation has none
    if kind is not None and str(kind) in _ACT_NAMES:
        return f"{_ACT_NAMES[str(kind)]} {act.id}"
    if kind is None and "/" in act.id:
        return f"Regulation (EU) {act.id}"
    return getattr(act, "short_title", None) or act.id


class Timeline:
    """The catalog's events and dates as they stand on one day (None: every act counts)."""

    def __init__(self, model: Model, on: dt.date | None) -> None:
        self.model = model
        self.on = on
        self.events: dict[str, EventOn] = {}
        for act in sorted(model.acts, key=lambda a: a.id):
            self._add_act(act)
        for regulation in model.regulations:
            self._add(f"{regulation.id}.in_force", regulation.in_force, regulation, None)
            applies = regulation.applies_from or regulation.in_force
            self._add(f"{regulation.id}.applies", applies, regulation, None)

    def _add_act(self, act: Act) -> None:
        label = act_label(act)
        for start in act.starts:
            where = f"{label} {start.provision}" if start.provision else label
            if start.verified is not True:
                where += " (the date not yet verified in the act's text)"
            self.events.setdefault(
                f"{start.component}.start",
                EventOn(f"{start.component}.start", start.date, where, act.effective),
            )
        self._add(f"{act.id}.in_force", act.in_force, act, act.effective)
        self._add(f"{act.id}.applies", act.applies_from or act.in_force, act, act.effective)

    def _add(
        self, name: str, date: dt.date | None, act: Act | Regulation, known: dt.date | None
    ) -> None:
        if date is not None:
            self.events.setdefault(name, EventOn(name, date, act_label(act), known))

    def starts_under(self, provisions: list[Provision]) -> list[EventOn]:
        """The starts of operations that acts adopted under any of these provisions set."""
        found = []
        for act in self.model.acts:
            if any(p.traces(basis) for p in provisions for basis in act.legal_basis):
                found += [
                    event
                    for start in act.starts
                    if (event := self.event(f"{start.component}.start")) is not None
                ]
        return found

    def event(self, name: str) -> EventOn | None:
        """The event, when an act that is law on the day sets its date."""
        found = self.events.get(name)
        if found is None or (self.on and found.known_from and found.known_from > self.on):
            return None
        return found

    def resolve(self, rule: EventDate | dt.date) -> Derived:
        """The day a date rule gives, and how it was derived."""
        if isinstance(rule, dt.date):
            return Derived(rule, "")
        subject, _, kind = rule.after.rpartition(".")
        what = f"{subject} {_EVENT_WORDS.get(kind, kind)}"
        lead = f"{period_words(rule.plus)} after {what}" if rule.plus else what
        event = self.event(rule.after)
        if event is None:
            day = f" on {self.on}" if self.on else ""
            return Derived(None, f"{lead}; no act in force{day} sets that date")
        date = add_period(event.date, rule.plus) if rule.plus else event.date
        return Derived(date, f"{lead} on {event.date}, set by {event.set_by}")

    def deadline(self, obligation: Obligation) -> Derived | None:
        """The obligation's deadline on the day, derived where it rests on an event."""
        return None if obligation.deadline is None else self.resolve(obligation.deadline)

    def applies_from(self, obligation: Obligation) -> Derived | None:
        """From when the obligation applies: its own rule, else its article's; None: always."""
        if obligation.applies_from is not None:
            return self.resolve(obligation.applies_from)
        regulation = self.model.regulation(obligation.provision.regulation)
        article = regulation.article(obligation.provision.article) if regulation else None
        if article is None or article.applies_from is None:
            return None
        inserted = f", inserted by {article.inserted_by}" if article.inserted_by else ""
        return Derived(
            article.applies_from, f"Art {article.number} applies from that day{inserted}"
        )

    def is_upcoming(self, obligation: Obligation) -> bool:
        """Whether the obligation applies only after the day (or from a day not yet set)."""
        start = self.applies_from(obligation)
        if start is None or self.on is None:
            return start is not None and start.date is None
        return start.date is None or start.date > self.on
