"""`archlex check --no-cache` of this checkout against a baseline's, in all five formats.

Not a benchmark: the check that a faster check writes the same reports, byte for byte, as an
earlier one (the standard output, the standard error and the exit code), on the example, every
test model (the hostile cases included) and any generated model given.

    python benchmarks/same_reports.py --baseline SRC [MODEL ...]

SRC is a baseline checkout's `src` with its `model/` beside it (the bundled library), e.g.
`git worktree add /tmp/base <commit>` then `--baseline /tmp/base/src`. Each side runs in its
own interpreter with its own private cache folder (archlex's own data only: `--no-cache`).
Prints how many outputs were compared and each that differs; exit code 1 if any does.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FORMATS = ("text", "json", "sarif", "junit", "github")
AS_OF = "2026-06-01"
Output = tuple[bytes, bytes, int]


def main() -> None:
    """Compare every report of both versions; exit code 1 if any differs."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", type=Path, required=True, help="a checkout's src")
    parser.add_argument("models", nargs="*", type=Path, help="more models (generated ones)")
    args = parser.parse_args()
    models = [REPO / "model", *_test_models(), *args.models]
    differ = 0
    with tempfile.TemporaryDirectory() as ours, tempfile.TemporaryDirectory() as theirs:
        for model in models:
            for form in FORMATS:
                new = _check(REPO / "src", Path(ours), model, form)
                old = _check(args.baseline, Path(theirs), model, form)
                if new != old:
                    differ += 1
                    print(f"differs: {model} --format {form}")
    print(f"{len(models) * len(FORMATS)} reports compared ({len(models)} models), {differ} differ")
    sys.exit(1 if differ else 0)


def _test_models() -> list[Path]:
    return sorted(p.parent for p in (REPO / "tests").rglob("archlex.yaml"))


def _check(src: Path, cache: Path, model: Path, form: str) -> Output:
    """One `check --no-cache` by the archlex in `src`, run from the repository's folder."""
    cache.chmod(0o700)
    env = dict(os.environ, PYTHONPATH=str(src), ARCHLEX_CACHE_DIR=str(cache))
    command = [sys.executable, "-m", "archlex", "check", str(model), "--no-cache"]
    done = subprocess.run(
        [*command, "--format", form, "--as-of", AS_OF],
        capture_output=True,
        env=env,
        cwd=REPO,
        check=False,
    )
    return done.stdout, done.stderr, done.returncode


if __name__ == "__main__":
    main()
