"""The floor: read and parse every file of the given model folders with PyYAML's C loader.

Run as a child process by bench.py, so that its time and peak memory are measured the same way
as the archlex commands'. Each argument is a folder with an archlex.yaml (the model, then the
bundled library); the manifest and every file its `include` globs match are parsed, nothing else.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


def parse_folders(folders: list[Path]) -> int:
    """Parse the manifest and included files of each folder; the number of files parsed."""
    parsed = 0
    for folder in folders:
        manifest = folder / "archlex.yaml"
        data = yaml.load(manifest.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        files = {p for g in data.get("include") or [] for p in folder.glob(g) if p.is_file()}
        for path in sorted(files):
            yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
            parsed += 1
        parsed += 1
    return parsed


if __name__ == "__main__":
    print(parse_folders([Path(arg) for arg in sys.argv[1:]]))
