"""Generate a synthetic multi-state archlex model of a given size, deterministically."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from random import Random

import synth_vocabulary as vocab
from synth_architecture import (
    make_flows,
    process_steps,
    render_data,
    render_organisations,
    render_processes,
    render_systems,
)
from synth_plan import State, flow_seq, minimum_budget, plan_counts, q
from synth_work import make_requirements, render_roadmap

MAX_ENTITIES_PER_FILE = 2000
GROUP_TITLES = {
    "eu": "data flows to EU systems and interoperability components",
    "national": "data flows between national systems",
}
FILE_KINDS = ("organisations", "data", "systems", "flows", "requirements", "processes", "roadmap")


def chunks(stem: str, entries: list[str]) -> Iterator[tuple[str, list[str]]]:
    """File names and entries, split so that no file holds more than the limit."""
    if len(entries) <= MAX_ENTITIES_PER_FILE:
        yield f"{stem}.yaml", entries
        return
    for k, start in enumerate(range(0, len(entries), MAX_ENTITIES_PER_FILE)):
        yield f"{stem}-{k + 1:02d}.yaml", entries[start : start + MAX_ENTITIES_PER_FILE]


def render_grouped(st: State, key: str, groups: dict[str, list[str]]) -> dict[str, str]:
    """Files of one kind split by group (`flows-eu.yaml`, ...), then by size."""
    files = {}
    for group, entries in groups.items():
        for name, part in chunks(f"{key}-{group}", entries):
            header = st.header(GROUP_TITLES.get(group, f"{group} {key}"))
            files[name] = header + f"\n{key}:\n" + "\n".join(part) + "\n"
    return files


def render_state(st: State) -> dict[str, str]:
    """Every file of one state's folder, by name; order matters for the random draws."""
    files = {"organisations.yaml": render_organisations(st), "data.yaml": render_data(st)}
    files["systems.yaml"] = render_systems(st)
    steps = process_steps(st)
    flows = make_flows(st, steps)
    by_target = {
        "eu": [f for f in flows if f.eu_target],
        "national": [f for f in flows if not f.eu_target],
    }
    flow_groups = {k: ["\n".join(f.yaml) for f in v] for k, v in by_target.items() if v}
    files |= render_grouped(st, "flows", flow_groups)
    files["processes.yaml"] = render_processes(st, steps, flows)
    requirements = make_requirements(st)
    req_groups: dict[str, list[str]] = {}
    for r in requirements:
        req_groups.setdefault(r.type, []).append(r.yaml)
    files |= render_grouped(st, "requirements", dict(sorted(req_groups.items())))
    files["roadmap.yaml"] = render_roadmap(st, requirements)
    return files


def render_manifest(entities: int, states: int, seed: int) -> str:
    """archlex.yaml: several states, both regulations, the six EU systems in scope."""
    out = [
        "# Synthetic benchmark model written by benchmarks/generate.py; do not edit.",
        f"# {entities} entities over {states} states, seed {seed}.",
        "archlex: 1",
        f"name: {q(f'Synthetic interoperability architecture of {states} states')}",
        "language: en",
        "uses: [eu]",
        "include:",
        *(f'  - "*/{kind}{"-*" if kind in ("flows", "requirements") else ""}.yaml"'
          for kind in FILE_KINDS),
        "scope:",
        '  regulations: ["2019/817", "2019/818"]',
        f"  systems: {flow_seq(vocab.EU_SYSTEMS_IN_SCOPE)}",
        "checks:",
        "  fail_on: error",
    ]  # fmt: skip
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class Summary:
    """What a generation run wrote."""

    entities: int
    files: int
    bytes: int


def budgets(entities: int, states: int) -> list[int]:
    """Each state's share of the entities; the first states take the remainder."""
    base, extra = divmod(entities, states)
    return [base + (1 if i < extra else 0) for i in range(states)]


def write_file(path: Path, text: str) -> int:
    """Write UTF-8 with LF line ends; return the bytes written."""
    data = text.encode("utf-8")
    path.write_bytes(data)
    return len(data)


def generate_model(out: Path, entities: int, states: int = 31, seed: int = 1) -> Summary:
    """Write a model of `entities` entities over `states` states into the empty folder `out`."""
    if not 1 <= states <= len(vocab.STATES):
        raise ValueError(f"--states must be between 1 and {len(vocab.STATES)}")
    if entities < minimum_budget() * states:
        raise ValueError(f"{states} states need at least {minimum_budget() * states} entities")
    if out.exists() and any(out.iterdir()):
        raise ValueError(f"{out} is not empty; give a new or empty folder")
    out.mkdir(parents=True, exist_ok=True)
    written = write_file(out / "archlex.yaml", render_manifest(entities, states, seed))
    files, total = 1, 0
    for (code, country), budget in zip(
        vocab.STATES[:states], budgets(entities, states), strict=True
    ):
        counts = plan_counts(budget)
        st = State(code, country, Random(f"{seed}:{code}"), counts, seed)
        (out / code).mkdir()
        for name, text in render_state(st).items():
            written += write_file(out / code / name, text)
            files += 1
        total += counts.total
    return Summary(total, files, written)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: generate a model and say what was written."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entities", type=int, required=True, help="entities in the model")
    parser.add_argument("--out", type=Path, required=True, help="new or empty folder")
    parser.add_argument("--states", type=int, default=len(vocab.STATES), help="number of states")
    parser.add_argument("--seed", type=int, default=1, help="random seed")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        summary = generate_model(args.out, args.entities, args.states, args.seed)
    except ValueError as error:
        print(f"generate.py: {error}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - started
    print(
        f"wrote {summary.entities} entities in {summary.files} files "
        f"({summary.bytes / 1e6:.1f} MB) to {args.out} in {seconds:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
