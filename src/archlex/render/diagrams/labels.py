"""Every text the diagrams write that is archlex's own (not the model's): titles, edge wording,
legend entries, marked for translation (docs/i18n.md) and read in the language of the diagrams
being drawn.

The views build their labels deep in many small functions; rather than hand a translator down
each of them, `diagram_graphs` and `render_diagrams` run `in_diagram_language` (inside
`speaking(context.language)`), and `text`, `tr` and `Texts` read that language (a context
variable: two threads drawing two languages do not mix; outside `speaking`, English).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from archlex.i18n import N_, NN_, SOURCE_LANGUAGE, Translator, translator
from archlex.toolkit.dot import Graph

_LANGUAGE: ContextVar[str] = ContextVar("diagram_language", default=SOURCE_LANGUAGE)
K = TypeVar("K", bound=Hashable)
P = ParamSpec("P")
R = TypeVar("R")


class _InLanguage(Protocol):
    @property
    def language(self) -> str: ...


C = TypeVar("C", bound=_InLanguage)


@contextmanager
def speaking(language: str) -> Iterator[Translator]:
    """Build the diagrams in `language` for the duration of the block."""
    token = _LANGUAGE.set(language)
    try:
        yield translator(language)
    finally:
        _LANGUAGE.reset(token)


def in_diagram_language(
    function: Callable[Concatenate[C, P], R],
) -> Callable[Concatenate[C, P], R]:
    """Run a function of a render context (`context.language`) `speaking` that language: every
    diagram it builds, in it or in what it calls, is in the output's language."""

    @functools.wraps(function)
    def wrapper(context: C, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with speaking(context.language):
            return function(context, *args, **kwargs)

    return wrapper


def tr() -> Translator:
    """The translator of the diagrams being drawn."""
    return translator(_LANGUAGE.get())


class Texts(Mapping[K, str]):
    """A mapping of marked strings (`N_`) that gives each in the diagrams' language."""

    def __init__(self, marked: Mapping[K, str]) -> None:
        self._marked = dict(marked)

    def __getitem__(self, key: K) -> str:
        message = self._marked[key]
        return tr().gettext(message) if message else message

    def __iter__(self) -> Iterator[K]:
        return iter(self._marked)

    def __len__(self) -> int:
        return len(self._marked)


TEXT: dict[str, str | tuple[str, str]] = {
    # view titles; {name} is the model's name and state
    "title.context": N_("Context: organisations and the EU side"),
    "title.focus": N_("Context of {system}"),
    "title.sequence": N_("Sequence: {process}"),
    "title.process": N_("Process: {process}"),
    "title.data": N_("Data categories: who sends and receives them, and how long they are kept"),
    "cluster.data": N_("Data categories"),
    "data.retention": N_("kept: {retention}"),
    "data.unstated": N_("retention not stated"),
    "data.flows": NN_("carried by {count} flow", "carried by {count} flows"),
    "data.flow": N_("carried by 1 flow"),
    "title.technical": N_("Technical view: zones, interfaces and connections"),
    # under the title of a diagram cut to Graphviz's limits (toolkit.dot.Graph.cap)
    "cap.boxes": N_(
        "Showing {shown} of {total} boxes (the limit); the rest and their lines are left out"
        " of this diagram."
    ),
    "cap.lines": N_(
        "Showing {shown} of {total} lines (the limit); the rest are left out of this diagram."
    ),
    # sequence view messages
    "sequence.data": N_("data: {data}"),
    "sequence.basis": N_("legal basis: {basis}"),
    "sequence.no-basis": N_("none cited"),
    # clusters
    "cluster.organisations": N_("National organisations (their systems rolled up)"),
    "cluster.eu": N_("EU side"),
    "cluster.components": N_("Interoperability components"),
    "cluster.central": N_("EU central systems"),
    "cluster.external": N_("External systems"),
    "cluster.legend": N_("Legend"),
    "cluster.zones": N_("National network and security zones"),
    "cluster.interfaces": N_("National uniform interfaces (national side of the border)"),
    "zone.named": N_("Zone: {zone}"),
    "zone.none": N_("No zone given"),
    "sync.unstated": N_("trigger unstated"),
    "legend.zone": N_("network or security zone: the systems in it by id"),
    # landscape edges
    "edge.flows": NN_("{count} flow", "{count} flows"),
    "edge.flow": N_("1 flow"),
    "edge.back": N_("{count} back"),
    "edge.mainly": N_("mainly {data}"),
    "organisation.systems": NN_("{count} system", "{count} systems"),
    "organisation.system": N_("1 system"),
    "organisation.unowned": N_("No owner given"),
    # legend entries
    "legend.org": N_("organisation: its national systems rolled up"),
    "legend.focus": N_("the system this view is about: double border"),
    "legend.merged": N_(
        "all flows between two boxes, one line: arrowheads show the direction(s); "
        "the label gives the number and the main data"
    ),
    "legend.flow": N_("one flow: its id and name"),
    "legend.message": N_("a message of a step, numbered in order: name, data, legal basis"),
    "legend.special": N_("carries special-category data (biometrics): red, thick, [SPECIAL]"),
    "legend.personal": N_("carries personal data: orange"),
    "legend.other": N_("carries other data only: grey, dashed"),
    "kind.national": N_("national system"),
    "kind.national-interface": N_("national uniform interface"),
    "kind.interoperability-component": N_("interoperability component"),
    "kind.eu-central": N_("EU central system"),
    "kind.external": N_("external system"),
    "status.existing": N_("existing: solid line"),
    "status.planned": N_("planned: dashed line, marked (planned)"),
    "status.changing": N_("changing: thick line, marked (changing)"),
    "status.retiring": N_("retiring: dotted line, marked (retiring)"),
}


def text(key: str, **values: object) -> str:
    """The text for `key` in the diagrams' language, with its placeholders filled (a plural
    by its `count`)."""
    message = TEXT[key]
    if isinstance(message, tuple):
        count = values["count"]
        assert isinstance(count, int), key
        return tr().ngettext(*message, count).format(**values)
    return tr().gettext(message).format(**values)


def capped(graph: Graph) -> None:
    """Cut the graph to Graphviz's limits (`Graph.cap`), saying so under its title in the
    diagrams' language."""
    for cut in graph.cap():
        graph.note(text(f"cap.{cut.kind}", shown=cut.shown, total=cut.total))
