"""When each stage of `archlex build` runs, and how many cores the build keeps busy meanwhile.

    python benchmarks/timeline.py MODEL [--one-language] [--src SRC] [--step SECONDS]

Runs one build (`--no-cache`, as profile_site.py does) in a child process, with the `src` of
this checkout or of `SRC` (a baseline, say `git archive 199f83f src | tar -x -C /tmp/base`);
the child prints each stage's start and end. This process samples, every `--step` seconds, the
CPU time of the child's whole process tree (the build, its forked workers and the Graphviz
runs: utime + stime + the children's reaped, from /proc), so a busy core of the build shows
however its work is split. It prints each stage with its start, end and the cores it used on
average, then one line a second of the cores in use, and the load average before and after.
The sampler is a process of its own, not a thread of the build, which forks.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
TICKS = os.sysconf("SC_CLK_TCK")

# The child: check the model, then build it, printing `<start|end> <seconds> <stage>` lines.
CHILD = """
import datetime as dt, sys, tempfile, time
from contextlib import contextmanager
from pathlib import Path
from archlex.api import check_model
from archlex.i18n import LANGUAGES
from archlex.progress import Progress
from archlex.site.build import build_site

class Marks(Progress):
    @contextmanager
    def _stage(self, description):
        print(f"start {time.monotonic():.3f} {description}", flush=True)
        try:
            yield lambda _done: None
        finally:
            print(f"end {time.monotonic():.3f} {description}", flush=True)
    def stage(self, description, total=None):
        return self._stage(description)

day = dt.date(2026, 1, 1)
marks = Marks()
print(f"start {time.monotonic():.3f} build", flush=True)
report = check_model(Path(sys.argv[1]), Path.cwd(), today=day)
others = () if sys.argv[2] == "one" else LANGUAGES
with tempfile.TemporaryDirectory() as out:
    build_site(report, Path(out) / "site", day, progress=marks, others=others)
    print(f"end {time.monotonic():.3f} build", flush=True)  # the site not yet deleted
"""


@dataclass
class Stage:
    """One stage as the build reported it."""

    name: str
    start: float
    end: float | None = None


@dataclass
class Run:
    """What one build's timeline holds: its stages and the tree's CPU at each sample."""

    stages: list[Stage] = field(default_factory=list)
    samples: list[tuple[float, float]] = field(default_factory=list)  # (monotonic, cpu s)


def tree_cpu(root: int) -> float:
    """CPU seconds of `root` and every live process below it (each with what it reaped)."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            text = (entry / "stat").read_text()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2 :].split()
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = sum(int(x) for x in fields[11:15]) / TICKS
    total, todo = 0.0, [root]
    children: dict[int, list[int]] = {}
    for pid, parent in parents.items():
        children.setdefault(parent, []).append(pid)
    while todo:
        pid = todo.pop()
        total += times.get(pid, 0.0)
        todo += children.get(pid, [])
    return total


def record(model: Path, src: Path, one_language: bool, step: float) -> Run:
    """Run one build and sample it until it ends."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, "-c", CHILD, str(model), "one" if one_language else "all"]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, env=env)
    assert child.stdout is not None
    os.set_blocking(child.stdout.fileno(), False)
    run, buffer, open_stages = Run(), "", {}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    while True:
        ended = child.poll() is not None
        if ended:  # reaped: its CPU, and what it reaped, are this process's children's now
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = sum(getattr(after, f) - getattr(before, f) for f in ("ru_utime", "ru_stime"))
        else:
            cpu = tree_cpu(child.pid)
        run.samples.append((time.monotonic(), cpu))
        buffer += _available(child.stdout.fileno())
        *lines, buffer = buffer.split("\n")
        for line in lines:
            kind, at, name = line.split(" ", 2)
            if kind == "start":
                open_stages[name] = Stage(name, float(at))
                run.stages.append(open_stages[name])
            elif name in open_stages:
                open_stages.pop(name).end = float(at)
        if ended:
            break
        time.sleep(step)
    if child.returncode:
        raise SystemExit(f"the build failed (exit code {child.returncode})")
    return run


def _available(descriptor: int) -> str:
    """What the child has printed since the last look (non-blocking)."""
    chunks = []
    while True:
        try:
            chunk = os.read(descriptor, 65536)
        except BlockingIOError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks).decode("utf-8")


def cores_between(run: Run, start: float, end: float) -> float:
    """The build's cores in use on average between two moments (from the samples around)."""
    before = [s for s in run.samples if s[0] <= start] or run.samples[:1]
    after = [s for s in run.samples if s[0] >= end] or run.samples[-1:]
    first, last = before[-1], after[0]
    return (last[1] - first[1]) / max(last[0] - first[0], 1e-9)


def report(run: Run) -> None:
    """Print the stages, then the cores in use second by second."""
    zero = run.stages[0].start
    for stage in run.stages:
        end = stage.end if stage.end is not None else run.samples[-1][0]
        cores = cores_between(run, stage.start, end)
        print(
            f"{stage.start - zero:7.2f} {end - zero:7.2f} {end - stage.start:7.2f} s"
            f"  {cores:4.2f} cores  {stage.name}"
        )
    print("second  cores")
    second = 0
    while zero + second < run.samples[-1][0]:
        cores = cores_between(run, zero + second, zero + second + 1)
        print(f"{second:5d}   {cores:4.2f} {'#' * round(cores * 20)}")
        second += 1
    total = run.samples[-1][1]
    built = run.stages[0].end or run.samples[-1][0]
    print(
        f"wall {built - zero:.1f} s to the site built ({run.samples[-1][0] - zero:.1f} s with "
        f"its deletion), CPU {total:.1f} s of the build's process tree"
    )


def main() -> None:
    """Record one build and print its timeline."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--one-language", action="store_true")
    parser.add_argument("--src", type=Path, default=HERE.parent / "src")
    parser.add_argument("--step", type=float, default=0.1)
    args = parser.parse_args()
    print(f"load average before: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    run = record(args.model.resolve(), args.src.resolve(), args.one_language, args.step)
    report(run)
    print(f"load average after: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")


if __name__ == "__main__":
    main()
