"""A small Graphviz DOT writer and the `dot` call: model text only ever as quoted, escaped text.

Every value written to DOT is a double-quoted string, so Graphviz never reads one as an
HTML-like label; the one exception is the legend's `Table` of archlex's own texts. Model
text reaches a diagram only through `text_label`, which makes backslashes (`\\N`, `\\G`,
`\\n`), quotes and entities (`&lt;`) literal. Nodes are named by their model ids and emitted
in the order the views sort them, so the same model gives the same bytes.
"""

from __future__ import annotations

import functools
import html
import re
import shutil
import subprocess
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from archlex.errors import ArchlexError
from archlex.toolkit.drawings import (
    cached_drawing,
    cached_image,
    drawing_key,
    keep_drawing,
    keep_image,
)

FONT = "DejaVu Sans"  # has the Latvian (and other European) diacritics
MAX_NODES = 400
MAX_EDGES = 1200
DOT_TIMEOUT = 60  # seconds for one diagram, and one more per `TIMEOUT_BYTES` of its DOT
TIMEOUT_BYTES = 1000  # a 10k model's technical view (260 KB) takes minutes on a loaded machine
WRAP = 24

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Label:
    """Lines of text already escaped for DOT, centred or left-aligned; made by `text_label`."""

    lines: tuple[str, ...] = ()
    left: bool = False
    # A diagram's title without the model's name (a page about the diagram shows the model's
    # name already); never written to DOT. Empty for every other label.
    heading: str = ""

    def dot(self) -> str:
        """The label as the body of a DOT string: `\\n` between centred lines, `\\l` after
        left-aligned ones."""
        if self.left:
            return "".join(f"{line}\\l" for line in self.lines)
        return "\\n".join(self.lines)


@dataclass(frozen=True)
class Table:
    """An HTML-like table label built by `table_label` from archlex's own texts only (legend
    entries), never from model text; every text in it is escaped."""

    html: str


def table_label(
    rows: list[tuple[str, str, str, str]], across: int = 1, double: frozenset[str] = frozenset()
) -> Table:
    """A table of entries `(sample, colour, meaning, fill)`, `across` of them side by side: the
    sample is a text in `colour`, or, when `fill` is given, a box filled with it and framed in
    `colour` (twice for the samples in `double`); the meaning is wrapped beside it."""
    cells = [
        f'{_sample_cell(sample, colour, fill, sample in double)}<TD ALIGN="LEFT" BALIGN="LEFT">'
        f"{_table_text(meaning)}</TD>"
        for sample, colour, meaning, fill in rows
    ]
    lines = ["".join(cells[i : i + across]) for i in range(0, len(cells), across)]
    body = "".join(f"<TR>{line}</TR>" for line in lines)
    return Table(f'<TABLE BORDER="0" CELLSPACING="2" CELLPADDING="2">{body}</TABLE>')


def _sample_cell(sample: str, colour: str, fill: str, double: bool = False) -> str:
    text = f'<FONT COLOR="{html.escape(colour)}">{html.escape(sample)}</FONT>'
    if not fill:
        return f'<TD ALIGN="LEFT">{text}</TD>'
    frame = f'BGCOLOR="{html.escape(fill)}" COLOR="{html.escape(colour)}" BORDER="1"'
    if double:  # a frame around the framed box, as Graphviz draws `peripheries=2`
        outer = f'COLOR="{html.escape(colour)}" BORDER="1" CELLBORDER="1" CELLSPACING="2"'
        inner = f"<TD {frame}>{html.escape(sample)}</TD>"
        return f'<TD CELLPADDING="0"><TABLE {outer} CELLPADDING="2"><TR>{inner}</TR></TABLE></TD>'
    return f"<TD {frame}>{html.escape(sample)}</TD>"


def _table_text(value: str, width: int = 30) -> str:
    lines = textwrap.wrap(" ".join(value.split()), width=width, break_on_hyphens=False)
    return "<BR/>".join(html.escape(line) for line in lines)


@functools.lru_cache(maxsize=1 << 16)  # a model's names recur in many views; a Label is frozen
def text_label(text: str, width: int = WRAP, left: bool = False) -> Label:
    """Model text as a DOT label: whitespace collapsed, wrapped at `width`, shown literally."""
    words = " ".join(_CONTROL.sub(" ", text).split())
    lines = textwrap.wrap(words, width=width, break_on_hyphens=False)
    return Label(tuple(_escape_line(line) for line in lines), left)


def join_lines(*labels: Label) -> Label:
    """Labels one under another, aligned as the first."""
    lines = tuple(line for label in labels for line in label.lines)
    return Label(lines, labels[0].left if labels else False)


def _escape_line(line: str) -> str:
    # Backslashes first: Graphviz reads `\N` as the node name and `\n` as a line break.
    # `&` as `&amp;`: Graphviz decodes entities in every label, so `&lt;` would show as `<`.
    return line.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")


# A graph's ids and attribute values recur in each of its lines and each time its source is
# written (a view is written two to four times: sorted by size, drawn, tried again).
@functools.lru_cache(maxsize=1 << 16)
def _quoted(value: str) -> str:
    """A DOT string; `value` is an escaped label, or a constant or id that needs no escaping."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _quoted_label(label: Label) -> str:
    return f'"{label.dot()}"'  # escaped by text_label already


def _attributes(label: Label | Table | None, attrs: dict[str, str]) -> str:
    listed = _listed(tuple(attrs.items())) if attrs else ""
    if isinstance(label, Table):
        head = f"label=<{label.html}>"
    elif label is not None:
        head = f"label={_quoted_label(label)}"
    else:
        return f" [{listed}]" if listed else ""
    return f" [{head} {listed}]" if listed else f" [{head}]"


# Most nodes and edges of a view have the attributes of a few others (a style, a colour).
@functools.lru_cache(maxsize=1 << 14)
def _listed(items: tuple[tuple[str, str], ...]) -> str:
    """Attributes as DOT, `key="value"` apart by spaces."""
    return " ".join(f"{key}={_quoted(value)}" for key, value in items)


@dataclass(frozen=True)
class Cut:
    """What `Graph.cap` left out: of `kind` ("boxes" or "lines"), `shown` of `total`."""

    kind: str
    shown: int
    total: int


@dataclass
class Node:
    """A node named by its model id."""

    id: str
    label: Label | Table
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class Edge:
    """An edge between two node ids."""

    tail: str
    head: str
    label: Label | None = None
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class Cluster:
    """A box around nodes and nested clusters; `name` is ours (never model text)."""

    name: str
    label: Label
    attrs: dict[str, str] = field(default_factory=dict)
    nodes: list[Node] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)
    same_rank: list[list[str]] = field(default_factory=list)  # node ids kept side by side

    def node_ids(self) -> list[str]:
        """The ids of every node inside, nested clusters included, in order."""
        ids = [n.id for n in self.nodes]
        for cluster in self.clusters:
            ids += cluster.node_ids()
        return ids

    def keep(self, kept: set[str]) -> bool:
        """Drop the nodes not kept; whether anything is left."""
        self.nodes = [n for n in self.nodes if n.id in kept]
        self.clusters = [c for c in self.clusters if c.keep(kept)]
        self.same_rank = [[i for i in ids if i in kept] for ids in self.same_rank]
        return bool(self.nodes or self.clusters)

    def lines(self, indent: str) -> list[str]:
        """The subgraph in DOT."""
        out = [f"{indent}subgraph {_quoted('cluster_' + self.name)} {{"]
        out += [f"{indent}  label={_quoted_label(self.label)};"]
        out += [f"{indent}  {key}={_quoted(value)};" for key, value in self.attrs.items()]
        for cluster in self.clusters:
            out += cluster.lines(indent + "  ")
        out += [f"{indent}  {_quoted(n.id)}{_attributes(n.label, n.attrs)};" for n in self.nodes]
        for ids in self.same_rank:
            members = " ".join(f"{_quoted(i)};" for i in ids)
            out.append(f'{indent}  {{rank="same"; {members}}}')
        return [*out, f"{indent}}}"]


@dataclass
class Graph:
    """A directed graph: attributes, clusters, free nodes and edges, emitted in order."""

    name: str
    label: Label
    attrs: dict[str, str] = field(default_factory=dict)
    clusters: list[Cluster] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    same_rank: list[list[str]] = field(default_factory=list)  # free node ids kept in one rank

    def node_ids(self) -> list[str]:
        """Every node id, in the order they are emitted."""
        ids = [n.id for n in self.nodes]
        for cluster in self.clusters:
            ids += cluster.node_ids()
        return ids

    def cap(self, limit: int = MAX_NODES, edge_limit: int = MAX_EDGES) -> list[Cut]:
        """Keep the first `limit` nodes and `edge_limit` edges; what was left out (the caller
        says so under the title, in the diagram's language: `note`)."""
        cuts = []
        ids = self.node_ids()
        if len(ids) > limit:
            kept = set(ids[:limit])
            self.nodes = [n for n in self.nodes if n.id in kept]
            self.clusters = [c for c in self.clusters if c.keep(kept)]
            self.edges = [e for e in self.edges if e.tail in kept and e.head in kept]
            cuts.append(Cut("boxes", limit, len(ids)))
        if len(self.edges) > edge_limit:
            cuts.append(Cut("lines", edge_limit, len(self.edges)))
            self.edges = self.edges[:edge_limit]
        return cuts

    def note(self, text: str) -> None:
        """A line of archlex's own text under the title."""
        note = text_label(text, width=100, left=self.label.left)
        self.label = join_lines(self.label, note)

    def source(self) -> str:
        """The graph in DOT."""
        out = [f"digraph {_quoted(self.name)} {{"]
        out += [f"  label={_quoted_label(self.label)};"]
        out += [f"  {key}={_quoted(value)};" for key, value in self.attrs.items()]
        out += [f"  node [fontname={_quoted(FONT)}];", f"  edge [fontname={_quoted(FONT)}];"]
        for cluster in self.clusters:
            out += cluster.lines("  ")
        out += [f"  {_quoted(n.id)}{_attributes(n.label, n.attrs)};" for n in self.nodes]
        for ids in self.same_rank:
            out.append(f'  {{rank="same"; {" ".join(f"{_quoted(i)};" for i in ids)}}}')
        out += [
            f"  {_quoted(e.tail)} -> {_quoted(e.head)}{_attributes(e.label, e.attrs)};"
            for e in self.edges
        ]
        return "\n".join([*out, "}"]) + "\n"


# Graphviz's `dot` has layout bugs ("trouble in init_rank") that some cluster structures
# trigger; these settings are tried in turn, the last one ignoring clusters altogether.
FALLBACK_SETTINGS: tuple[tuple[str, ...], ...] = ((), ("-Gnewrank=true",), ("-Gclusterrank=none",))


def run_dot(source: str, svg: Path, png: Path | None = None) -> str:
    """Lay out once with Graphviz `dot`, write the SVG and (unless `png` is None) the PNG, and
    return the layout as `-Tplain` text (for measuring it)."""
    dot = _dot_command()
    key = drawing_key(dot, source)
    cached = cached_drawing(key, svg, png)
    if cached is not None:
        return cached
    raster = [] if png is None else ["-Tpng", "-o", str(png)]
    result = _first_drawn(svg.name, [dot], ["-Tsvg", "-o", str(svg), *raster, "-Tplain"], source)
    plain = result.stdout.decode("utf-8", errors="replace")
    keep_drawing(key, svg, png, plain)
    return plain


def run_png(source: str, png: Path, dpi: float | None = None) -> None:
    """Draw only the PNG of `source`, at `dpi` pixels to the drawing's inch (None: Graphviz's
    own 96): the layout is the one `run_dot` draws, as `-Gdpi` changes no position."""
    dot = _dot_command()
    key = drawing_key(dot, source)
    part = "png" if dpi is None else f"{dpi:g}dpi.png"  # the PNG `run_dot` keeps, or this one
    if cached_image(key, part, png):
        return
    resolution = [] if dpi is None else [f"-Gdpi={dpi:g}"]
    _first_drawn(png.name, [dot, *resolution], ["-Tpng", "-o", str(png)], source)
    keep_image(key, part, png)


def _first_drawn(
    name: str, program: list[str], formats: list[str], source: str
) -> subprocess.CompletedProcess[bytes]:
    """Run `dot` with each of the fallback settings in turn until one draws; its result."""
    detail: list[str] = []
    for settings in FALLBACK_SETTINGS:
        result = run_dot_command(name, [*program, *settings, *formats], source)
        if result.returncode == 0:
            return result
        detail = result.stderr.decode("utf-8", errors="replace").strip().splitlines()[:3]
    raise ArchlexError(
        f"Graphviz could not draw {name} (exit code {result.returncode}): " + " ".join(detail),
        "report this with the model that causes it",
    )


def dot_svg(source: str, name: str) -> str:
    """Lay out with Graphviz `dot` and return the SVG text (`name` is for messages)."""
    return _first_drawn(name, [_dot_command()], ["-Tsvg"], source).stdout.decode("utf-8")


def _dot_command() -> str:
    dot = shutil.which("dot")
    if dot is None:
        raise ArchlexError(
            "cannot draw the diagrams: Graphviz `dot` is not installed",
            "install Graphviz (Debian and Ubuntu: apt install graphviz) and render again",
        )
    return dot


def dot_timeout(source: bytes) -> float:
    """How long Graphviz may take to draw this DOT source, in seconds: larger graphs longer."""
    return DOT_TIMEOUT + len(source) // TIMEOUT_BYTES


def run_dot_command(
    name: str, command: list[str], source: str
) -> subprocess.CompletedProcess[bytes]:
    """Run Graphviz on DOT source; a timeout or a missing program is an ArchlexError."""
    data = source.encode("utf-8", errors="replace")
    timeout = dot_timeout(data)
    try:
        return subprocess.run(
            command, input=data, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise ArchlexError(
            f"Graphviz took longer than {timeout} s to draw {name}",
            "the diagram is too large or too dense; split the model's flows into processes",
        ) from error
    except OSError as error:
        raise ArchlexError(f"cannot run Graphviz `dot`: {error.strerror}") from error
