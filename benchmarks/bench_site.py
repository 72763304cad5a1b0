"""How long a change to the model takes to reach the site: `archlex build` after one edit (the
cache warm) and `archlex serve` from saving a file to serving the new site, each beside a full
`archlex build --no-cache` of the same edited model measured in the same round.

Each round renames one entity in a copy of the model (a new name every round), then times the
incremental build and the full build and compares their sites byte for byte; with `--serve`,
`archlex serve` runs beside them and each round also times the edit until its search index
holds the new name. Targets (issue #19): `serve` shows an edit of one file of the example in
under 2 s. Writes RESULTS-site.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import filecmp
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SERVE_TARGET = 2.0  # seconds from saving the file to the new site being served
AS_OF = "2026-01-01"
# The first `name:` of the file, plain or double-quoted: the edit appends a marker to it.
_NAME = re.compile(r'^(\s*(?:-\s+)?name:\s*)("?)(.*?)("?)\s*$', re.MULTILINE)


def _archlex() -> list[str]:
    script = Path(sys.executable).parent / "archlex"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "archlex"]


def rename(file: Path, marker: str) -> None:
    """Give the first named entity of `file` a new name ending in `marker`."""
    text = file.read_text(encoding="utf-8")
    found = _NAME.search(text)
    if found is None:
        raise SystemExit(f"{file} has no `name:` to edit")
    head, quote, value, end = found.groups()
    value = re.sub(r" edit-\d+$", "", value)
    line = f"{head}{quote}{value} {marker}{end}"
    file.write_text(text[: found.start()] + line + text[found.end() :], encoding="utf-8")


def _build(model: Path, out: Path, env: dict[str, str], cached: bool) -> float:
    command = [*_archlex(), "build", str(model), "--out", str(out), "--as-of", AS_OF]
    start = time.perf_counter()
    done = subprocess.run(
        [*command, *([] if cached else ["--no-cache"])],
        env=env,
        capture_output=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr.decode()[-2000:]}")
    return elapsed


def same_tree(left: Path, right: Path) -> bool:
    """Whether two folders hold the same files with the same bytes."""
    names = sorted(p.relative_to(left) for p in left.rglob("*") if p.is_file())
    others = sorted(p.relative_to(right) for p in right.rglob("*") if p.is_file())
    return names == others and all(filecmp.cmp(left / n, right / n, shallow=False) for n in names)


class Server:
    """`archlex serve` on a free port, and how long an edit takes to be served."""

    def __init__(self, model: Path, out: Path, env: dict[str, str]) -> None:
        command = [*_archlex(), "serve", str(model), "--port", "0", "--out", str(out)]
        self.process = subprocess.Popen(
            command, env={**env, "NO_COLOR": "1"}, stdout=subprocess.PIPE, text=True
        )
        assert self.process.stdout is not None
        self.address = ""
        for line in self.process.stdout:
            if found := re.search(r"Serving on (http://127\.0\.0\.1:\d+/)", line):
                self.address = found.group(1)
                break
        if not self.address:
            raise SystemExit("archlex serve stopped before serving")
        self.completed: list[float] = []  # when each background build ended (perf_counter)
        threading.Thread(target=self._follow, daemon=True).start()

    def _follow(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("Site complete"):
                self.completed.append(time.perf_counter())

    def served_after(self, edit: float, marker: str, timeout: float = 600.0) -> float:
        """Seconds from `edit` (a perf_counter time) until the served search index has `marker`."""
        while time.perf_counter() - edit < timeout:
            url = self.address + "search/search_index.json"
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    if marker.encode() in response.read():
                        return time.perf_counter() - edit
            except OSError:
                pass  # the site folder is being swapped: ask again
            time.sleep(0.05)
        raise SystemExit(f"serve did not show {marker} within {timeout:.0f} s")

    def complete_after(self, edit: float, timeout: float = 1800.0) -> float:
        """Seconds from `edit` until the full build serve runs behind the edit has ended (so
        that it does not compete with the builds timed next)."""
        while time.perf_counter() - edit < timeout:
            if done := [t for t in self.completed if t > edit]:
                return done[0] - edit
            time.sleep(0.1)
        raise SystemExit(f"serve did not complete the site within {timeout:.0f} s")

    def stop(self) -> None:
        """Stop the server and wait for it."""
        self.process.terminate()
        self.process.wait(timeout=60)


def measure(model: Path, edit: str, repeat: int, serve: bool, work: Path) -> dict[str, list[float]]:
    """Seconds per case and round; `identical` holds 1.0 for a round whose sites matched."""
    copy = work / "model"
    shutil.copytree(model, copy)
    env = {**os.environ, "ARCHLEX_CACHE_DIR": str(work / "cache")}
    _build(copy, work / "incremental", env, cached=True)  # fills the cache
    server = Server(copy, work / "served", env) if serve else None
    times: dict[str, list[float]] = {"incremental": [], "full": [], "identical": []}
    if server:
        times["serve"], times["serve, whole site"] = [], []
    try:
        for number in range(1, repeat + 1):
            marker = f"edit-{number}"
            rename(copy / edit, marker)
            saved = time.perf_counter()
            if server:
                times["serve"].append(server.served_after(saved, marker))
                times["serve, whole site"].append(server.complete_after(saved))
            times["incremental"].append(_build(copy, work / "incremental", env, cached=True))
            times["full"].append(_build(copy, work / "full", env, cached=False))
            same = same_tree(work / "incremental", work / "full")
            times["identical"].append(1.0 if same else 0.0)
    finally:
        if server:
            server.stop()
    return times


def report(
    times: dict[str, list[float]], args: argparse.Namespace, load: tuple[float, float]
) -> str:
    """RESULTS-site.md: medians, and each case's median ratio to the full build of its round."""
    full = times["full"]
    lines = [
        "# Benchmark: from an edit to the site",
        "",
        f"- Date: {dt.date.today().isoformat()}; {os.cpu_count()} cores, "
        f"{platform.system()} {platform.release()}; Python {platform.python_version()}",
        f"- Command: `python benchmarks/bench_site.py --model {args.model} --edit {args.edit} "
        f"--repeat {args.repeat}{' --serve' if args.serve else ''}`",
        f"- 1-minute load average at the start and the end: {load[0]:.2f} and {load[1]:.2f} "
        "(2 cores: above 2, other work competed for the CPU)",
        "- Each round renames one entity of the file, then: `serve` (edit saved until the "
        "served search index has the new name), `serve, whole site` (until the full build "
        "serve runs behind the edit has ended), `archlex build` with the cache warm "
        "(incremental), and `archlex build --no-cache` (full); ratios are to the full build of "
        "the same round",
        f"- Incremental and full sites byte-identical in {int(sum(times['identical']))} of "
        f"{len(full)} rounds",
        f"- Target (issue #19): `serve` shows an edit of one file of the example in under "
        f"{SERVE_TARGET:g} s",
        "",
        "| case | median s | min-max s | / full build |",
        "|---|---:|---:|---:|",
    ]
    for case in ("serve", "serve, whole site", "incremental", "full"):
        if case in times:
            walls = times[case]
            ratio = statistics.median(w / f for w, f in zip(walls, full, strict=True))
            lines.append(
                f"| {case} | {statistics.median(walls):.2f} | {min(walls):.2f}-{max(walls):.2f} "
                f"| {ratio:.2f} |"
            )
    return "\n".join(lines) + "\n"


def main() -> None:
    """Measure and write the results."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=REPO / "model")
    parser.add_argument(
        "--edit", default="systems/border.yaml", help="file renamed in, in the model"
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--serve", action="store_true", help="also time `archlex serve`")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "RESULTS-site.md")
    args = parser.parse_args()
    start_load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="archlex-bench-site-") as work:
        times = measure(args.model.resolve(), args.edit, args.repeat, args.serve, Path(work))
    text = report(times, args, (start_load, os.getloadavg()[0]))
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
