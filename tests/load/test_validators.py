"""The model classes' validators kept between runs (archlex.load.validators): a run that takes
them from the cache folder never imports pydantic, and validates every file, good or broken,
exactly as a run that makes them from the pydantic twins."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import REPO

# Validates every file of the example and of its library, and each with one bad field, in a
# fresh interpreter (no class has a validator yet); prints what it got and what it built.
SCRIPT = """
import json, sys
from pathlib import Path
from pydantic_core import ValidationError
from archlex.load.by_kind import _as_is, _fields, validate_file
from archlex.load.validators import CompiledValidators, _built
from archlex.load.yaml_reader import parse_yaml
from archlex.model import ENTITY_KINDS, ModelFile

store = CompiledValidators(Path(sys.argv[1])) if sys.argv[1] != "-" else None
prepare = store.prepare if store else _as_is
got = []
for path in sorted(Path("model").rglob("*.yaml")):
    data = parse_yaml(path.read_bytes()).data
    kinds = {k: v for k, v in data.items() if k in ENTITY_KINDS}
    broken = {k: v for k, v in kinds.items()}
    for kind, items in kinds.items():
        if isinstance(items, list) and items:
            broken[kind] = [{**items[0], "no_such_field": 1}, *items[1:]]
    for each in (kinds, broken):
        try:
            got.append(repr(validate_file(each, prepare)))
        except ValidationError as error:
            got.append(json.dumps(error.errors(include_url=False), default=str))
if store:
    store.keep()
classes = [ModelFile, *(field.item_type for field in _fields().values())]
print(json.dumps({
    "got": got,
    "built": sorted(m.__name__ for m in classes if _built(m)),
    "pydantic": "pydantic" in sys.modules,
}))
"""


def _run(store: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, store],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_kept_validators_validate_as_built_ones_and_nothing_is_built(tmp_path: Path) -> None:
    first = _run(str(tmp_path))  # builds them, and keeps them
    assert {"ModelFile", "System", "Obligation", "Requirement"} <= set(first["built"])
    assert list((tmp_path / "validators").rglob("*"))
    assert first["pydantic"]  # the first run made them from the pydantic twins
    second = _run(str(tmp_path))  # takes them from the folder
    assert second["built"] == first["built"]
    assert not second["pydantic"]  # and never imports pydantic
    plain = _run("-")  # pydantic's own way, no folder
    assert second["got"] == first["got"] == plain["got"]
    assert sum(text.startswith("[{") for text in plain["got"]) > 20  # the broken files failed


# Runs the CLI with an audit hook that writes every file it opens below the cache folder to
# standard error at once (a check ends its process at once, without running `finally`).
AUDITED = """
import os, sys
folder = os.environ["ARCHLEX_CACHE_DIR"]
def hook(event, args):
    if event == "open" and isinstance(args[0], str) and args[0].startswith(folder):
        os.write(2, ("opened\\0" + os.path.relpath(args[0], folder) + "\\n").encode())
sys.addaudithook(hook)
sys.argv = ["archlex", *sys.argv[1:]]
from archlex.cli.main import main
main()
"""


def _audited(cache: Path, *args: str) -> tuple[str, list[str]]:
    """The report and the cache files a command opened."""
    env = {**os.environ, "ARCHLEX_CACHE_DIR": str(cache), "NO_COLOR": "1", "COLUMNS": "200"}
    done = subprocess.run(
        [sys.executable, "-c", AUDITED, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode in (0, 1), done.stderr
    lines = done.stderr.splitlines()
    return done.stdout, [line.split("\0", 1)[1] for line in lines if line.startswith("opened\0")]


def test_no_cache_uses_only_archlex_own_data(tmp_path: Path) -> None:
    # archlex's own data: the kept validators and the bundled library as loaded
    own = ("validators/", "libraries/")
    cache = tmp_path / "cache"
    cold, _ = _audited(cache, "check", "model", "--no-cache")
    assert sorted(p.name for p in cache.iterdir()) == ["libraries", "validators"]
    _audited(cache, "check", "model")  # fills the parse, report and last-check caches
    assert {p.name for p in cache.iterdir()} > {"validators", "reports", "checks"}
    for command in (["check", "model", "--no-cache"], ["validate", "model", "--no-cache"]):
        report, opened = _audited(cache, *command)
        assert {p.split("/")[0] for p in opened} == {"validators", "libraries"}, opened
        assert all(p.startswith(own) for p in opened), opened
    assert report and cold == _audited(tmp_path / "empty", "check", "model", "--no-cache")[0]
