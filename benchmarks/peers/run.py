"""The peers section: Doorstop and StrictDoc on the same traceability workload as archlex.

Each peer is installed from PyPI, at a pinned version, into its own venv under
benchmarks/.peers/<tool>/venv; its commands run as child processes like archlex's.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import machine
from child import ChildRun, run_child
from cold_cache import cold_env, honest
from models import ModelInfo, entities_for_requirements, prepare_model
from peers.doorstop_tree import COUNT_SCRIPT, write_doorstop
from peers.strictdoc_docs import count_export, write_strictdoc
from peers.warm import warm_section
from peers.workload import Workload, load_workload, square
from stats import Series, ratio, spread, times

HERE = Path(__file__).resolve().parent.parent
PEERS = HERE / ".peers"
PINNED = {"doorstop": "3.2", "strictdoc": "0.30.4"}
ARCHLEX = [sys.executable, "-m", "archlex"]
GOALS = {"doorstop": 300.0, "strictdoc": 30.0}  # issue #19; at 2x1,000 items Doorstop's is 50x


def goals(size: int | None) -> dict[str, float]:
    """Peer ÷ archlex goals for a workload of 2x`size` items (None: the model's own)."""
    return GOALS | {"doorstop": 50.0} if size is not None and size <= 1000 else GOALS


def venv_bin(tool: str) -> Path:
    """The bin folder of the tool's venv."""
    return PEERS / tool / "venv" / "bin"


def install(tool: str) -> str:
    """Create the tool's venv and install its pinned version, unless it is there already."""
    bin_folder = venv_bin(tool)
    wanted = f"{tool}=={PINNED[tool]}"
    if (bin_folder / "python").exists():
        check = subprocess.run(
            [str(bin_folder / "python"), "-m", "pip", "show", tool],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if f"Version: {PINNED[tool]}" in check.stdout:
            return wanted
    print(f"  installing {wanted} into {bin_folder.parent}", flush=True)
    PEERS.mkdir(exist_ok=True)
    (PEERS / ".gitignore").write_text("*\n")
    subprocess.run([sys.executable, "-m", "venv", str(bin_folder.parent)], check=True)
    subprocess.run(
        [str(bin_folder / "python"), "-m", "pip", "install", "--quiet", wanted], check=True
    )
    return wanted


@dataclass(frozen=True)
class PeerStep:
    """One timed command of the comparison."""

    tool: str
    name: str
    command: Callable[[Path], tuple[list[str], Path]]  # scratch folder -> argv, cwd


VALIDATION = ("check (cold)", "validate (child-link check on)", "export --formats json")


def steps(model: Path, doorstop_root: Path, sdoc: Path) -> list[PeerStep]:
    """The commands, in the order each round runs them."""
    ds, sd = venv_bin("doorstop"), venv_bin("strictdoc")
    return [
        PeerStep("archlex", "check (cold)",
                 lambda s: ([*ARCHLEX, "check", str(model), "--no-cache"], s)),
        PeerStep("archlex", "render matrix",
                 lambda s: ([*ARCHLEX, "render", "matrix", str(model), "--out", str(s / "o"),
                             "--no-cache"], s)),
        PeerStep("archlex", "build (site)",
                 lambda s: ([*ARCHLEX, "build", str(model), "--out", str(s / "o"), "--no-cache",
                             "--as-of", "2026-01-01"], s)),
        PeerStep("doorstop", "validate (child-link check on)",
                 lambda s: ([str(ds / "doorstop")], doorstop_root)),
        PeerStep("doorstop", "publish all (HTML)",
                 lambda s: ([str(ds / "doorstop"), "publish", "all", str(s / "o")], doorstop_root)),
        PeerStep("strictdoc", "export --formats json",
                 lambda s: ([str(sd / "strictdoc"), "export", "--formats", "json",
                             "--output-dir", str(s / "o"), str(sdoc)], s)),
        PeerStep("strictdoc", "export --formats html",
                 lambda s: ([str(sd / "strictdoc"), "export", "--formats", "html",
                             "--output-dir", str(s / "o"), str(sdoc)], s)),
    ]  # fmt: skip


def _ok(step: PeerStep, run: ChildRun) -> str | None:
    """Why a run's figure cannot stand, or None."""
    if run.timed_out:
        return f"> timeout ({run.seconds:.0f} s)"
    allowed = (0, 1) if step.name.startswith("check") else (0,)
    if run.returncode not in allowed:
        tail = " / ".join(run.stderr_tail.strip().splitlines()[-3:])
        return f"exited {run.returncode}: {tail}"
    return None


def peers_section(args: argparse.Namespace, provenance: Callable[[], list[str]]) -> str:
    """Install the peers; time start-up, then every workload's steps; verify and report."""
    installed = [install(tool) for tool in PINNED]
    lines = [
        "## Peers: Doorstop and StrictDoc on the same traceability workload",
        "",
        *provenance(),
        f"- Peers: {', '.join(installed)}, each in its own venv under `benchmarks/.peers/`",
        "- archlex's steps run with `--no-cache` (no model data from any cache) and a cache "
        "folder of their own holding only archlex's own data: the kept validators of archlex's "
        "model classes and the bundled library as read (filled by one untimed run, as "
        "bytecode is compiled beforehand; checked after the rounds to hold nothing else); "
        "`check` uses a second core where the model pays for it: it forks one helper process "
        'that reads files and runs rules beside it (docs/performance.md, "Two cores"; its '
        "CPU time is counted with the check's); `build` draws diagrams and renders pages in "
        "parallel",
        "- Wall time from start to exit; CPU time is user + system of the child (from wait4, "
        "with any workers it waited for): on a loaded machine wall time grows with the "
        "competition for the CPU, CPU time much less",
        "- archlex runs on the whole model (every entity and rule), the peers on the workload's "
        "items only; Doorstop: a LAW document and a child REQ document linking to it, in a git "
        "repository; StrictDoc: two .sdoc documents with a grammar whose REQUIREMENT has a "
        "Parent relation",
        f"- {args.peer_repeat} round(s), steps interleaved in the order below, each command a "
        f"child process with a fresh output folder; timeout {args.timeout:.0f} s per command",
        "",
        *_startup(args),
    ]
    for size in [int(s.replace("_", "")) for s in args.peer_sizes.split(",") if s.strip()]:
        model = prepare_model(entities_for_requirements(size, args.states), args.seed, args.states)
        workload = square(load_workload(model.folder), size)
        title = f"2x{size:,} items (N provisions + N requirements), validation only"
        lines += _workload(args, title, model, workload, VALIDATION, goals(size))
    if args.peer_size:
        model = prepare_model(args.peer_size, args.seed, args.states)
        title = f"the {model.entities:,}-entity model's own workload, every step"
        lines += _workload(args, title, model, load_workload(model.folder), None, goals(None))
    return "\n".join(lines) + "\n"


def _workload(
    args: argparse.Namespace,
    title: str,
    model: ModelInfo,
    workload: Workload,
    only: tuple[str, ...] | None,
    goal_of: dict[str, float],
) -> list[str]:
    """Time one workload's steps (`only` these, else all) and report them."""
    print(f"  peers: {title}", flush=True)
    before = machine.load_average()
    series: dict[tuple[str, str], Series] = {}
    checks: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="archlex-peers-") as scratch_name:
        scratch = Path(scratch_name)
        doorstop_root, sdoc = scratch / "doorstop", scratch / "strictdoc"
        write_doorstop(workload, doorstop_root)
        write_strictdoc(workload, sdoc)
        plan = [s for s in steps(model.folder, doorstop_root, sdoc) if not only or s.name in only]
        cold = scratch / "archlex-cache"  # archlex's own data only (cold_cache)
        _prime(model.folder, cold, args.timeout)
        for _round in range(args.peer_repeat):
            for step in plan:
                found = series.setdefault((step.tool, step.name), Series())
                if not found.failure:
                    checks.update(_time(args, step, found, scratch, doorstop_root, cold))
        wrote = honest(cold)
        for (tool, _name), found in series.items():
            if wrote and tool == "archlex":
                found.failure = wrote
        strictdoc = venv_bin("strictdoc") / "strictdoc"
        warm = warm_section(args, model.folder, workload, scratch, ARCHLEX, strictdoc)
    load = (before, machine.load_average())
    return [*_report(title, goal_of, model.entities, workload, series, checks, load), *warm]


def _prime(model: Path, cold: Path, timeout: float) -> None:
    """One untimed `archlex check --no-cache`: it keeps the model classes' validators in `cold`."""
    run_child([*ARCHLEX, "check", str(model), "--no-cache"], env=cold_env(cold), timeout=timeout)


def _time(
    args: argparse.Namespace,
    step: PeerStep,
    found: Series,
    scratch: Path,
    doorstop_root: Path,
    cold: Path,
) -> dict[str, str]:
    """Run one step once into a fresh folder, add its time, and verify what it loaded;
    archlex's steps (all `--no-cache`) with the cold runs' cache folder `cold`."""
    work = scratch / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    argv, cwd = step.command(work)
    print(f"    {step.tool} {step.name} ...", flush=True)
    env = cold_env(cold) if step.tool == "archlex" else None
    run = run_child(argv, cwd=cwd, env=env, timeout=args.timeout)
    failure = _ok(step, run)
    if failure:
        found.failure = failure
        found.timed_out_after = run.seconds if run.timed_out else None
    else:
        found.add(run.seconds, run.peak_rss_mb, run.cpu_seconds)
    print(
        f"      {run.seconds:.1f} s, CPU {run.cpu_seconds:.1f} s, {run.peak_rss_mb:.0f} MB "
        f"{failure or ''}",
        flush=True,
    )
    return _verify(step, work, doorstop_root)


def _startup(args: argparse.Namespace) -> list[str]:
    """Each tool's fixed cost, apart: the time of its smallest command, interleaved."""
    ds, sd = venv_bin("doorstop"), venv_bin("strictdoc")
    with tempfile.TemporaryDirectory(prefix="archlex-startup-") as scratch_name:
        empty = Path(scratch_name) / "model"
        subprocess.run([*ARCHLEX, "init", str(empty)], capture_output=True, check=True)
        commands = {
            "python -c pass (the interpreter)": [sys.executable, "-c", "pass"],
            "archlex --version": [*ARCHLEX, "--version"],
            "archlex check --no-cache on `archlex init`'s model": [
                *ARCHLEX, "check", str(empty), "--no-cache",
            ],
            "doorstop --help": [str(ds / "doorstop"), "--help"],
            "strictdoc --help": [str(sd / "strictdoc"), "--help"],
        }  # fmt: skip
        found: dict[str, Series] = {name: Series() for name in commands}
        env = cold_env(Path(scratch_name) / "archlex-cache")  # archlex's own data (cold_cache)
        _prime(empty, Path(scratch_name) / "archlex-cache", args.timeout)
        for _round in range(max(3, args.peer_repeat)):
            for name, argv in commands.items():
                run = run_child(argv, cwd=Path(scratch_name), env=env, timeout=args.timeout)
                if run.returncode in (0, 1):
                    found[name].add(run.seconds, run.peak_rss_mb, run.cpu_seconds)
    lines = [
        "### Start-up (each tool's smallest command, apart from the workloads below)",
        "",
        "| command | runs | wall seconds, median (min-max) | CPU seconds, median (min-max) |",
        "|---|---:|---:|---:|",
    ]
    for name, series in found.items():
        lines.append(
            f"| {name} | {len(series.seconds)} | {spread(series.seconds)} | {spread(series.cpu)} |"
        )
    return [*lines, ""]


def _verify(step: PeerStep, work: Path, doorstop_root: Path) -> dict[str, str]:
    """What each peer itself says it loaded: items per document and links that resolve."""
    if step.tool == "doorstop" and step.name.startswith("validate"):
        try:
            counted = subprocess.run(
                [str(venv_bin("doorstop") / "python"), "-c", COUNT_SCRIPT],
                cwd=doorstop_root, capture_output=True, text=True, check=False, timeout=1200,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            return {"doorstop": "counting with Doorstop's API took over 1200 s; not verified"}
        return {"doorstop": counted.stdout.strip() or counted.stderr.strip()[-300:]}
    if step.tool == "doorstop" and step.name.startswith("publish"):
        pages = sorted(str(p.relative_to(work / "o")) for p in (work / "o").rglob("*.html"))
        return {"doorstop publish": f"HTML files: {', '.join(pages) or 'none'}"}
    if step.tool == "strictdoc" and "json" in step.name:
        index = work / "o" / "json" / "index.json"
        if index.is_file():
            return {"strictdoc": json.dumps(count_export(index))}
        return {"strictdoc": "no JSON export written"}
    if step.tool == "strictdoc" and "html" in step.name:
        count = len(list((work / "o" / "html").rglob("*.html")))
        return {"strictdoc html": f"{count} HTML files"}
    return {}


def _report(
    title: str,
    goal_of: dict[str, float],
    entities: int,
    workload: Workload,
    series: dict[tuple[str, str], Series],
    checks: dict[str, str],
    load: tuple[float, float],
) -> list[str]:
    lines = [
        f"### {title}",
        "",
        f"- 1-minute load average {load[0]:.1f} before, {load[1]:.1f} after (2 cores: above 2, "
        "other work competed for the CPU)",
        f"- archlex: the {entities:,}-entity generated model; the peers: its "
        f"{len(workload.requirements):,} requirements and {len(workload.provisions):,} "
        "provisions (cited ones, every article and counted paragraph of the bundled "
        f"regulations, padding to N where asked), {workload.links:,} links, "
        f"{len(workload.requirements) + len(workload.provisions):,} items in all",
        "",
        "| tool | step | runs | wall seconds, median (min-max) | CPU seconds, median (min-max) "
        "| peak RSS MB |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for (tool, name), found in series.items():
        if found.failure and not found.seconds:
            lines.append(f"| {tool} | {name} | 0 | {found.failure} | n/a | n/a |")
            continue
        rss = f"{found.peak_rss:.0f}" if found.peak_rss is not None else "n/a"
        lines.append(
            f"| {tool} | {name} | {len(found.seconds)} | {spread(found.seconds)} "
            f"| {spread(found.cpu)} | {rss} |"
        )
    lines += ["", *_ratios(series, goal_of), ""]
    lines.append("What each peer reported loading (from the peer itself):")
    lines += ["", *[f"- {name}: `{text}`" for name, text in sorted(checks.items())], ""]
    return lines


def _series(series: dict[tuple[str, str], Series], tool: str, prefix: str) -> Series | None:
    return next((s for (t, n), s in series.items() if t == tool and n.startswith(prefix)), None)


LIKE_FOR_LIKE = [
    ("validation", "check", [("doorstop", "validate"), ("strictdoc", "export --formats json")]),
    ("HTML export", "build", [("doorstop", "publish"), ("strictdoc", "export --formats html")]),
    ("HTML export", "render matrix",
     [("doorstop", "publish"), ("strictdoc", "export --formats html")]),
]  # fmt: skip


def _ratios(series: dict[tuple[str, str], Series], goal_of: dict[str, float]) -> list[str]:
    """Peer time ÷ archlex time on the like-for-like pairs, against the issue's goals."""
    lines = [
        "| kind | archlex step | peer step | peer ÷ archlex (wall, medians) | CPU: peer ÷ archlex "
        "| goal (wall) | |",
        "|---|---|---|---:|---:|---:|---|",
    ]
    for kind, ours, theirs in LIKE_FOR_LIKE:
        mine = _series(series, "archlex", ours)
        for tool, step in theirs:
            peer = _series(series, tool, step)
            if mine is None and peer is None:
                continue  # a pair this workload does not run
            goal = goal_of[tool]
            base = mine.median if mine else None
            if peer is not None and peer.timed_out_after is not None and not peer.seconds:
                value = ratio(peer.timed_out_after, base)
                shown = "n/a" if value is None else f"> {value:.1f}x"
                met = "met (lower bound)" if value is not None and value >= goal else "unknown"
                lines.append(
                    f"| {kind} | {ours} | {tool} {step} | {shown} | n/a | {goal:.0f}x | {met} |"
                )
                continue
            value = ratio(peer.median if peer else None, base)
            cpu = ratio(peer.cpu_median if peer else None, mine.cpu_median if mine else None)
            met = "n/a" if value is None else ("met" if value >= goal else "NOT met")
            lines.append(
                f"| {kind} | {ours} | {tool} {step} | {times(value)} | {times(cpu)} "
                f"| {goal:.0f}x | {met} |"
            )
    return lines
