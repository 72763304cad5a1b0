"""What laying a diagram out once for both languages would save: a measured prototype (#19).

    python benchmarks/joint_layout.py MODEL [--only N] [--check N] [--batch N]

For each of the model's diagrams (the first drawing of each, as `diagram_graphs` gives it, in
English and Latvian), Graphviz's CPU two ways, one diagram at a time, in one process:

- **apart** (what a build does today): per language `dot -Tsvg -Tplain`, and for the
  diagrams the concept prints `dot -Tpng` at the resolution `png_dpi` gives (a second layout).
- **joint**: every node, edge label, cluster label and title measured in each language by
  Graphviz itself (one `neato -n` run per language for the whole model: sizes only, no
  layout), one `dot -Tjson` layout per diagram with each node as large as its larger
  language and each label as wide and as tall, then per language the SVGs, and the printed
  PNGs, drawn from that layout by render-only `neato -n2` runs, `--batch` diagrams a run.

Checks (`joint_layout_checks.py`), on the first `--check` diagrams: each language's text
inside its node's box in the joint drawing (from the render's `-Tjson`: every text line's
extent within the node's outline; edge labels over no node), the same count with each
language drawn into the first language's own layout (the control), and whether a render of
all of them in one run is byte-identical to each rendered alone. Prints the CPU of each part
and the ratio joint / apart. Not part of `make test`; the numbers are in
benchmarks/RESULTS-site-scale.md.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import os
import resource
import subprocess
from collections.abc import Iterator
from pathlib import Path

from archlex.toolkit.dot import Cluster, Graph, Label, Node


def cpu_of_children() -> float:
    """The CPU seconds of every child process waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def graphviz(command: list[str], source: str) -> bytes:
    """Run Graphviz on `source`; its output (an error when it fails)."""
    done = subprocess.run(command, input=source.encode(), capture_output=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{command[:2]} failed: {done.stderr.decode()[:400]}")
    return done.stdout


def model_graphs(model: Path) -> dict[str, list[tuple[str, Graph, bool]]]:
    """Per language, every diagram: its name, its first drawing, whether a document prints it."""
    from archlex.api import check_model
    from archlex.localized import in_language
    from archlex.render.diagrams.product import diagram_graphs, diagram_kinds, printed
    from archlex.render.registry import RenderContext

    report = check_model(model, Path.cwd(), today=dt.date(2026, 1, 1))
    graphs = {}
    for code in ("en", "lv"):
        context = RenderContext(in_language(report, code), Path("unused"), {})
        named = diagram_kinds(context)
        graphs[code] = [(s, g, printed(s, named)) for s, g in diagram_graphs(context)]
        for _, graph, _ in graphs[code]:
            graph.cap()
    return graphs


def clusters_of(holder: Graph | Cluster) -> Iterator[Cluster]:
    """Every cluster, nested ones included, in order."""
    for cluster in holder.clusters:
        yield cluster
        yield from clusters_of(cluster)


def all_nodes(graph: Graph) -> list[Node]:
    """Every node, in clusters or not."""
    return [*graph.nodes, *(n for c in clusters_of(graph) for n in c.nodes)]


# What is measured: ("n", diagram, node id) for a node, ("e", diagram, number) for an edge's
# label, ("c", diagram, cluster name) for a cluster's, ("g", diagram, "") for the title.
Key = tuple[str, int, str]


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _label_node(name: str, label: Label, size: str) -> str:
    return (
        f'  {_quoted(name)} [label="{label.dot()}" shape="plaintext" margin="0" width="0" '
        f'height="0" fontsize={_quoted(size)} pos="0,0"];'
    )


def measure_source(diagrams: list[Graph]) -> tuple[str, list[Key]]:
    """One graph of every node and label of every diagram, unconnected and unplaced, for
    Graphviz to size (a node as its own attributes and label make it, a label as its text)."""
    lines = ['graph "sizes" {', '  node [fontname="DejaVu Sans"];']
    keys: list[Key] = []
    for number, graph in enumerate(diagrams):
        for node in all_nodes(graph):
            label = node.label
            text = f'label="{label.dot()}"' if isinstance(label, Label) else f"label=<{label.html}>"
            kept = " ".join(
                f"{k}={_quoted(v)}" for k, v in node.attrs.items() if k not in ("tooltip", "pos")
            )
            lines.append(f'  {_quoted(f"n{len(keys)}")} [{text} {kept} pos="0,0"];')
            keys.append(("n", number, node.id))
        graph_size = graph.attrs.get("fontsize", "14")
        for index, edge in enumerate(graph.edges):
            if edge.label is not None and edge.label.lines:
                size = edge.attrs.get("fontsize", "14")
                lines.append(_label_node(f"n{len(keys)}", edge.label, size))
                keys.append(("e", number, str(index)))
        for cluster in clusters_of(graph):
            if cluster.label.lines:
                size = cluster.attrs.get("fontsize", graph_size)
                lines.append(_label_node(f"n{len(keys)}", cluster.label, size))
                keys.append(("c", number, cluster.name))
        lines.append(_label_node(f"n{len(keys)}", graph.label, graph_size))
        keys.append(("g", number, ""))
    return "\n".join([*lines, "}"]) + "\n", keys


def sizes(diagrams: list[Graph]) -> dict[Key, tuple[float, float]]:
    """Width and height in inches of every node and label, as Graphviz measures them (one
    `neato -n` run: every object given its place, nothing laid out)."""
    source, keys = measure_source(diagrams)
    drawn = json.loads(graphviz(["neato", "-n", "-Tjson0"], source))
    found = {}
    for item in drawn.get("objects", []):
        number = int(item["name"][1:])
        found[keys[number]] = (float(item["width"]), float(item["height"]))
    return found


def widest(labels: list[Label], widths: list[float]) -> Label:
    """A label as wide as the widest of `labels` and with as many lines as the longest: the
    widest, with lines of one space added (they neither widen it nor show)."""
    chosen = labels[max(range(len(labels)), key=lambda n: widths[n])]
    lines = max(len(label.lines) for label in labels)
    return Label((*chosen.lines, *[" "] * (lines - len(chosen.lines))), chosen.left)


def layout_graph(
    number: int, versions: list[Graph], measured: list[dict[Key, tuple[float, float]]]
) -> Graph:
    """The graph laid out for every language: the first language's, each node as large as
    its largest version, each label as wide and tall as its widest and tallest."""
    graph = copy.deepcopy(versions[0])
    for node in all_nodes(graph):
        width = max(m[("n", number, node.id)][0] for m in measured)
        height = max(m[("n", number, node.id)][1] for m in measured)
        node.attrs = {**node.attrs, "width": f"{width:.4f}", "height": f"{height:.4f}"}
    for index, edge in enumerate(graph.edges):  # (views share one dict between edges)
        edge.attrs = {**edge.attrs, "id": f"e{index}"}  # to find it in the layout
        if edge.label is not None and edge.label.lines:
            labels = [v.edges[index].label for v in versions]
            widths = [m[("e", number, str(index))][0] for m in measured]
            edge.label = widest([lb for lb in labels if lb is not None], widths)
    others = [{c.name: c for c in clusters_of(v)} for v in versions]
    for cluster in clusters_of(graph):
        if cluster.label.lines:
            widths = [m[("c", number, cluster.name)][0] for m in measured]
            cluster.label = widest([o[cluster.name].label for o in others], widths)
    widths = [m[("g", number, "")][0] for m in measured]
    graph.label = widest([v.label for v in versions], widths)
    return graph


def pinned(version: Graph, laid: dict[str, object]) -> Graph:
    """A language's graph placed where the joint layout put everything, for `neato -n2`."""
    graph = copy.deepcopy(version)
    objects = {str(o["name"]): o for o in laid.get("objects", [])}  # type: ignore[attr-defined]
    graph.attrs = {**graph.attrs, "bb": str(laid["bb"])}
    for cluster in clusters_of(graph):
        cluster.attrs = {**cluster.attrs, "bb": str(objects[f"cluster_{cluster.name}"]["bb"])}
    for node in all_nodes(graph):
        placed = objects[node.id]
        sizes = {key: str(placed[key]) for key in ("pos", "width", "height")}
        node.attrs = {**node.attrs, **sizes, "fixedsize": "true"}
    edges = {str(e["id"]): e for e in laid.get("edges", [])}  # type: ignore[attr-defined]
    for index, edge in enumerate(graph.edges):
        placed = edges[f"e{index}"]
        where = {key: str(placed[key]) for key in ("pos", "lp") if key in placed}
        edge.attrs = {**edge.attrs, **where}
    return graph


def split_svgs(output: bytes) -> list[bytes]:
    """The SVGs of a batch, one per graph, as `neato` writes them one after another."""
    parts = output.split(b"<?xml")
    return [b"<?xml" + part for part in parts[1:]]


def split_pngs(output: bytes) -> list[bytes]:
    """The PNGs of a batch, each ending with its IEND chunk (and that chunk's CRC)."""
    found, start = [], 0
    while start < len(output):
        end = output.index(b"IEND", start) + 8
        found.append(output[start:end])
        start = end
    return found


def apart(
    versions: dict[str, list[tuple[str, Graph, bool]]], each: list[float]
) -> dict[str, float]:
    """Graphviz's CPU of drawing every diagram as a build does today, language by language
    (each diagram's, both languages, added to `each`)."""
    from archlex.render.diagrams.page import png_dpi

    before, png_cpu = cpu_of_children(), 0.0
    for diagrams in versions.values():
        for number, (_, graph, is_printed) in enumerate(diagrams):
            start_diagram = cpu_of_children()
            svg = graphviz(["dot", "-Tsvg", "-Tplain"], graph.source())
            if is_printed:
                start = cpu_of_children()
                dpi = png_dpi(svg.split(b"</svg>")[0].decode() + "</svg>")
                resolution = [] if dpi is None else [f"-Gdpi={dpi:g}"]
                graphviz(["dot", *resolution, "-Tpng"], graph.source())
                png_cpu += cpu_of_children() - start
            each[number] += cpu_of_children() - start_diagram
    total = cpu_of_children() - before
    return {"total": total, "png": png_cpu, "svg": total - png_cpu}


def batches(items: list[str], size: int) -> Iterator[list[str]]:
    """`items` in runs of at most `size`."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def render(
    sources: list[str], kind: str, size: int, each: list[float] | None = None
) -> list[bytes]:
    """Draw pinned graphs `size` a run (`svg`: the SVG and the `-Tplain` layout; `png`); with
    `each` (and `size` 1), each graph's CPU in turn."""
    found: list[bytes] = []
    for batch in batches(sources, size):
        start = cpu_of_children()
        if kind == "svg":
            found += split_svgs(graphviz(["neato", "-n2", "-Tsvg", "-Tplain"], "".join(batch)))
        else:
            found += split_pngs(graphviz(["neato", "-n2", "-Tpng"], "".join(batch)))
        if each is not None:
            each.append(cpu_of_children() - start)
    return found


def draw_language(
    diagrams: list[tuple[str, Graph, bool]], pins: list[Graph], size: int, each: list[float]
) -> tuple[float, float]:
    """Draw one language's pinned graphs: the SVGs, then the printed PNGs at the resolution
    the SVG says; the CPU of each (each diagram's added to `each` when `size` is 1)."""
    from archlex.render.diagrams.page import png_dpi

    svg_cpu: list[float] = []
    png_cpu: list[float] = []
    start = cpu_of_children()
    svgs = render([g.source() for g in pins], "svg", size, svg_cpu)
    svg_total = cpu_of_children() - start
    printed, which = [], []
    for number, ((_, _, is_printed), graph, svg) in enumerate(
        zip(diagrams, pins, svgs, strict=True)
    ):
        dpi = png_dpi(svg.split(b"</svg>")[0].decode() + "</svg>")
        if is_printed:
            drawn = copy.deepcopy(graph)
            drawn.attrs["dpi"] = f"{dpi or 96:g}"
            printed.append(drawn.source())
            which.append(number)
    start = cpu_of_children()
    pngs = render(printed, "png", size, png_cpu)
    png_total = cpu_of_children() - start
    if size == 1:
        for number, used in [*enumerate(svg_cpu), *zip(which, png_cpu, strict=True)]:
            each[number] += used
    assert len(pngs) == len(printed) and all(p.startswith(b"\x89PNG") for p in pngs)
    return svg_total, png_total


def joint(
    versions: dict[str, list[tuple[str, Graph, bool]]], size: int, each: list[float]
) -> tuple[dict[str, float], dict[str, list[Graph]]]:
    """Graphviz's CPU of drawing every diagram laid out once for both languages, by part (each
    diagram's added to `each` when `size` is 1); the pinned graphs of each language."""
    cpu: dict[str, float] = {}
    start = cpu_of_children()
    measured = [sizes([g for _, g, _ in diagrams]) for diagrams in versions.values()]
    cpu["measure"] = cpu_of_children() - start
    start, layouts = cpu_of_children(), []
    count = len(next(iter(versions.values())))
    for number in range(count):
        graphs = [diagrams[number][1] for diagrams in versions.values()]
        before = cpu_of_children()
        laid = graphviz(["dot", "-Tjson0"], layout_graph(number, graphs, measured).source())
        layouts.append(json.loads(laid))
        each[number] += cpu_of_children() - before
    cpu["layout"] = cpu_of_children() - start
    pins = {
        code: [pinned(g, laid) for (_, g, _), laid in zip(diagrams, layouts, strict=True)]
        for code, diagrams in versions.items()
    }
    cpu["svg"] = cpu["png"] = 0.0
    for code, diagrams in versions.items():
        svg_cpu, png_cpu = draw_language(diagrams, pins[code], size, each)
        cpu["svg"] += svg_cpu
        cpu["png"] += png_cpu
    cpu["total"] = sum(cpu.values())
    return cpu, pins


def mixed(
    versions: dict[str, list[tuple[str, Graph, bool]]],
    apart_each: list[float],
    joint_each: list[float],
    total: float,
    measure: float,
) -> None:
    """What laying out jointly only the diagrams of at least so much DOT would cost."""
    lengths = [len(g.source()) for _, g, _ in versions["en"]]
    for least in (10_000, 30_000, 100_000):
        big = [n for n, length in enumerate(lengths) if length >= least]
        cost = sum(apart_each) - sum(apart_each[n] for n in big)
        cost += sum(joint_each[n] for n in big) + (measure if big else 0.0)
        print(
            f"joint for the {len(big):3} diagrams of {least:7,} bytes or more: {cost / total:.2f}x"
        )


def main() -> None:
    """Measure both ways on a model and print the parts, the ratio and the checks."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--only", type=int, default=0, help="the first N diagrams (0: all)")
    parser.add_argument("--check", type=int, default=40, help="diagrams checked")
    parser.add_argument("--batch", type=int, default=40, help="diagrams a render-only run")
    args = parser.parse_args()
    versions = model_graphs(args.model)
    if args.only:
        versions = {code: diagrams[: args.only] for code, diagrams in versions.items()}
    count = len(versions["en"])
    printed = sum(p for _, _, p in versions["en"])
    print(f"{args.model}: {count} diagrams, {printed} printed, load {os.getloadavg()[0]:.1f}")
    apart_each, joint_each = [0.0] * count, [0.0] * count
    before = apart(versions, apart_each)
    print("apart  " + "  ".join(f"{k} {v:6.2f} s" for k, v in before.items()), flush=True)
    after, pins = joint(versions, args.batch, joint_each)
    print("joint  " + "  ".join(f"{k} {v:6.2f} s" for k, v in after.items()), flush=True)
    print(f"joint / apart: {after['total'] / before['total']:.2f}x  load {os.getloadavg()[0]:.1f}")
    if args.batch == 1:
        mixed(versions, apart_each, joint_each, before["total"], after["measure"])
    checked = min(args.check, count)
    if checked:
        check(versions, pins, checked)


def check(
    versions: dict[str, list[tuple[str, Graph, bool]]], pins: dict[str, list[Graph]], checked: int
) -> None:
    """Print the checks of the first `checked` diagrams: text outside its box (joint and the
    control), and whether one render run of them all gives each one's bytes alone."""
    from joint_layout_checks import misfits, naive_pins

    wrong = [m for g in pins.values() for p in g[:checked] for m in misfits(p.source())]
    naive = [m for source in naive_pins(versions, checked) for m in misfits(source)]
    print(f"text outside its box or labels over a node, first {checked} diagrams per language:")
    print(f"  joint layout {len(wrong)}; each language drawn into English's layout {len(naive)}")
    for line in wrong[:10]:
        print("   ", line)
    alone = [
        split_svgs(graphviz(["neato", "-n2", "-Tsvg", "-Tplain"], p.source()))[0]
        for p in pins["lv"][:checked]
    ]
    batched = render([p.source() for p in pins["lv"][:checked]], "svg", checked)  # one run
    same = sum(a == b for a, b in zip(alone, batched, strict=True))
    print(f"batched render = alone: {same} of {checked} SVGs byte-identical")


if __name__ == "__main__":
    main()
