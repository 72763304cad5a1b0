"""The synthetic models the benchmark measures, generated once and cached under `.cache/`."""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

import generate

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"


@dataclass(frozen=True)
class ModelInfo:
    """A generated model: its folder and what the generator says it wrote."""

    folder: Path
    entities: int
    files: int
    megabytes: float


def fingerprint(seed: int, states: int) -> str:
    """A hash of the generator's code and settings: a cached model is reused only if it matches."""
    digest = hashlib.sha256(f"{seed}:{states}".encode())
    for module in [HERE / "generate.py", *sorted(HERE.glob("synth_*.py"))]:
        digest.update(module.read_bytes())
    return digest.hexdigest()[:16]


def prepare_model(entities: int, seed: int = 1, states: int = 31) -> ModelInfo:
    """The cached model of this size, generated first when missing or stale."""
    folder = CACHE / str(entities)
    stamp = folder / ".fingerprint"
    summary_file = folder / ".summary.json"
    wanted = fingerprint(seed, states)
    if stamp.is_file() and stamp.read_text() == wanted and summary_file.is_file():
        return _info(folder, json.loads(summary_file.read_text()))
    CACHE.mkdir(exist_ok=True)
    (CACHE / ".gitignore").write_text("*\n")
    shutil.rmtree(folder, ignore_errors=True)
    scratch = CACHE / f"{entities}.partial"
    shutil.rmtree(scratch, ignore_errors=True)
    started = time.perf_counter()
    summary = generate.generate_model(scratch, entities, states, seed)
    print(f"  generated {summary.entities:,} entities, {summary.files} files, "
          f"{summary.bytes / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s")  # fmt: skip
    record = {"entities": summary.entities, "files": summary.files, "bytes": summary.bytes}
    (scratch / ".summary.json").write_text(json.dumps(record))
    (scratch / ".fingerprint").write_text(wanted)
    scratch.rename(folder)  # only a complete model ever sits under its final name
    return _info(folder, record)


def _info(folder: Path, record: dict[str, int]) -> ModelInfo:
    return ModelInfo(folder, record["entities"], record["files"], record["bytes"] / 1e6)


def included_files(manifest: Path) -> list[Path]:
    """The manifest and every file its `include` globs match, sorted and each once."""
    data = yaml.load(manifest.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    root = manifest.parent
    found = {p for pattern in data.get("include") or [] for p in root.glob(pattern) if p.is_file()}
    return [manifest, *sorted(found)]


def entities_for_requirements(requirements: int, states: int = 31) -> int:
    """The fewest entities (to the next hundred) whose generated model has at least this many
    requirements: the peers' "2xN items" workloads take N of them."""
    from synth_plan import plan_counts

    def count(entities: int) -> int:
        return sum(plan_counts(b).requirements for b in generate.budgets(entities, states))

    entities = max(100, requirements)
    while count(entities) < requirements:
        entities += 100
    return entities
