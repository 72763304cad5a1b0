"""Ad-hoc measurement of `archlex check` cold and warm against parsing with PyYAML's C loader.

Not the benchmark (bench_*.py is): a quick interleaved comparison used while making the
pipeline fast. Every step runs in its own child process so that each has its own peak RSS:

    python benchmarks/profile_fast.py benchmarks/.cache/10000 --repeat 3 \
        [--before 'PYTHONPATH=/tmp/before/src /path/to/python']

- parse: read and `yaml.load(text, Loader=yaml.CSafeLoader)` the manifest, every included file
  and the bundled eu library (the same files archlex reads);
- validate / check cold: `archlex validate|check --no-cache`;
- check warm: `archlex check` with a warm cache after one file of the model changed (a comment
  line appended, so its bytes differ; it is restored at the end).

Prints the median, min and max of each, the ratios of the medians to parse, the peak RSS and
the load average before and after.
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARSE = """
import sys, time, glob, yaml
from pathlib import Path
root = Path(sys.argv[1])
from archlex.load.libraries import library_manifest
files = sorted(root.rglob("*.yaml")) + sorted(library_manifest("eu").parent.rglob("*.yaml"))
start, cpu = time.perf_counter(), time.process_time()
for f in files:
    yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
print(time.perf_counter() - start, time.process_time() - cpu, len(files))
"""


def run(command: list[str], env: dict[str, str]) -> tuple[float, float, float, str]:
    """Wall and CPU seconds, peak RSS in MB and standard output of a child process."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode not in (0, 1):
            sys.exit(f"{command} failed ({process.returncode}):\n{err.read().decode()[-2000:]}")
        cpu = usage.ru_utime + usage.ru_stime
        return wall, cpu, usage.ru_maxrss / 1024, out.read().decode()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("model", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--before", help="a command prefix running the archlex to compare")
    parser.add_argument("--touch", default=None, help="the file to change for the warm run")
    options = parser.parse_args()
    model = options.model.resolve()
    python = sys.executable
    variants = {"after": [python]}
    if options.before:
        variants["before"] = shlex.split(options.before)
    touch = model / (options.touch or "AT/requirements-functional.yaml")
    original = touch.read_bytes()
    times: dict[str, list[float]] = {}
    cpus: dict[str, list[float]] = {}
    peaks: dict[str, float] = {}
    load = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory() as caches:
        try:
            for round_ in range(options.repeat):
                parsed = run([python, "-c", PARSE, str(model)], dict(os.environ))[3].split()
                times.setdefault("parse", []).append(float(parsed[0]))
                cpus.setdefault("parse", []).append(float(parsed[1]))
                for name, prefix in variants.items():
                    env = dict(os.environ)
                    command = prefix
                    if prefix[0].startswith("PYTHONPATH="):
                        env["PYTHONPATH"] = prefix[0].split("=", 1)[1]
                        command = prefix[1:]
                    env["ARCHLEX_CACHE_DIR"] = f"{caches}/{name}"
                    archlex = [*command, "-m", "archlex"]
                    for step in ("validate", "check"):
                        wall, cpu, peak, _ = run([*archlex, step, "--no-cache", str(model)], env)
                        times.setdefault(f"{name} {step} cold", []).append(wall)
                        cpus.setdefault(f"{name} {step} cold", []).append(cpu)
                        peaks[f"{name} {step} cold"] = peak
                    if round_ == 0:
                        run([*archlex, "check", str(model)], env)  # fill the cache
                    touch.write_bytes(original + f"# edit {round_}\n".encode())
                    wall, cpu, peak, _ = run([*archlex, "check", str(model)], env)
                    times.setdefault(f"{name} check warm", []).append(wall)
                    cpus.setdefault(f"{name} check warm", []).append(cpu)
                    peaks[f"{name} check warm"] = peak
                    touch.write_bytes(original)
        finally:
            touch.write_bytes(original)
    load.append(os.getloadavg()[0])
    parse = statistics.median(times["parse"])
    parse_cpu = statistics.median(cpus["parse"])
    print(f"{model.name}: load {load[0]:.1f}-{load[1]:.1f}, {options.repeat} rounds")
    for name, values in times.items():
        median = statistics.median(values)
        cpu = statistics.median(cpus[name])
        rss = peaks.get(name)
        print(
            f"  {name:22} {median:7.2f} s (min {min(values):.2f}, max {max(values):.2f})"
            f"  x{median / parse:5.2f} of parse"
            f"  cpu {cpu:6.2f} s x{cpu / parse_cpu:5.2f}"
            + (f"  peak RSS {rss:.0f} MB" if rss else "")
        )


if __name__ == "__main__":
    main()
