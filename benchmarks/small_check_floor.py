"""What a cold `archlex check` of the peers' 2xN workload cannot go below in CPython: the
interpreter's start, and the start plus the loader's imports and the fast reader over every
file of the model (nothing validated, no rule run, no report), on one core; beside the check
itself and the check of `archlex init`'s model, interleaved round by round.

Issue 19 asks for 30x StrictDoc's JSON export at 2x1,000 items: StrictDoc takes about 3.1 to
3.9 s there (`peers_quick.py`), so the whole check would have to take 0.10 to 0.13 s. This
prints how much of that the floor already takes. Not part of `make bench`; StrictDoc is not
needed:

    python benchmarks/small_check_floor.py --size 1000 --rounds 9
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from child import run_child
from cold_cache import cold_env
from models import entities_for_requirements, prepare_model
from peers.run import ARCHLEX

# The floor's own script: the loader's imports, then the fast reader over every YAML file.
READING = """
import sys
from pathlib import Path
from archlex.load import fast_reader
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    fast_reader.read_fast(path.read_bytes())
"""


def main() -> int:
    """Time the floor and the checks interleaved; print each one's median."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=1000, help="N of the 2xN-item workload")
    parser.add_argument("--rounds", type=int, default=9, help="rounds, each step once a round")
    args = parser.parse_args()
    model = prepare_model(entities_for_requirements(args.size, 31), 1, 31).folder
    with tempfile.TemporaryDirectory(prefix="archlex-floor-") as scratch_name:
        scratch = Path(scratch_name)
        empty = scratch / "init"
        env = cold_env(scratch / "cold")
        run_child([*ARCHLEX, "init", str(empty)], env=env)
        steps = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "start, loader imports, fast reading (one core)": [
                sys.executable,
                "-c",
                READING,
                str(model),
            ],
            "archlex check --no-cache": [*ARCHLEX, "check", str(model), "--no-cache"],
            "archlex check --no-cache of `archlex init`'s model": [
                *ARCHLEX,
                "check",
                str(empty),
                "--no-cache",
            ],
        }
        for argv in steps.values():  # untimed: the validators and library kept, as the harness
            run_child(argv, env=env)
        seconds: dict[str, list[float]] = {name: [] for name in steps}
        for _ in range(args.rounds):
            for name, argv in steps.items():
                seconds[name].append(run_child(argv, env=env).seconds)
    print(f"2x{args.size:,} items ({model.name} entities), {args.rounds} rounds, medians:")
    for name, times in seconds.items():
        print(f"  {name:52s} {1000 * statistics.median(times):7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
