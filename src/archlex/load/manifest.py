"""Find the manifest, check its format version, and expand its `include` globs safely."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from archlex.errors import ArchlexError
from archlex.files import BAD_GLOB, OutputFolders, glob_files
from archlex.findings import Finding, Severity
from archlex.load.positions import SourceNode
from archlex.model.project import FORMAT_VERSION

MANIFEST_NAME = "archlex.yaml"
_GLOB = re.compile(r"[*?\[]")


def find_manifest(path: Path | None, cwd: Path) -> Path:
    """The manifest named by PATH (a folder or the file), else ./archlex.yaml or ./model/."""
    if path is None:
        for candidate in (cwd / MANIFEST_NAME, cwd / "model" / MANIFEST_NAME):
            if candidate.is_file():
                return candidate
        raise ArchlexError(
            f"no {MANIFEST_NAME} in {cwd} or {cwd / 'model'}",
            "pass the model folder (archlex validate path/to/model), "
            "or create a model with `archlex init DIR`",
        )
    if path.is_dir():
        path = path / MANIFEST_NAME
    if not path.is_file():
        raise ArchlexError(
            f"no model manifest at {path}",
            f"a model is a folder with an {MANIFEST_NAME}; check the path",
        )
    return path


def check_format_version(data: Any, source: SourceNode, file: str) -> None:
    """Refuse a manifest that is not one, or is of another format version (exit code 2)."""
    if not isinstance(data, dict) or "archlex" not in data:
        raise ArchlexError(
            f"{file}:{source.line}:{source.column}: not an archlex manifest: "
            "it has no `archlex:` format version",
            f"start the file with `archlex: {FORMAT_VERSION}`",
            file,
            source.line,
            source.column,
        )
    version = data["archlex"]
    if version != str(FORMAT_VERSION):
        node = source.child("archlex") or source
        raise ArchlexError(
            f"{file}:{node.line}:{node.column}: the manifest is format version {version}; "
            f"this archlex reads version {FORMAT_VERSION}",
            "upgrade archlex, or write the model in format version 1",
            file,
            node.line,
            node.column,
        )


@dataclass
class Includes:
    """The files a manifest's globs name, sorted and each once, and what was wrong."""

    files: list[Path]
    findings: list[Finding]
    globbed: list[str]  # the patterns globbed (not those refused before)


def expand_includes(
    patterns: list[Any], source: SourceNode | None, root: Path, manifest: Path, file: str
) -> Includes:
    """Expand `include` globs relative to `root`; nothing outside `root` is read, nor anything
    archlex wrote as output (an output folder may sit inside the model's folder)."""
    real_root = root.resolve()
    # Once: resolving is a noticeable part of a warm check. Real paths are compared as text
    # (normcase: as paths compare), a Path made and hashed for each of hundreds of files costs
    # more than the rest of the file's placing.
    real_manifest = os.path.normcase(manifest.resolve())
    outputs = OutputFolders(root)
    files: dict[str, Path] = {}  # real path -> path as matched: each file once
    findings: list[Finding] = []
    globbed: list[str] = []
    folders: dict[str, tuple[str, bool]] = {}  # each matched file's folder, placed
    for index, pattern in enumerate(patterns):
        node = source.child(index) if source is not None else None
        line, column = (node.line, node.column) if node else (1, 1)
        if not isinstance(pattern, str):
            continue  # the schema finding on `include` already says so
        if _leaves_root(pattern):
            findings.append(
                _outside(pattern, "points outside the model's folder", file, line, column)
            )
            continue
        globbed.append(pattern)
        try:
            matched = glob_files(root, pattern, outputs)
        except BAD_GLOB:
            findings.append(
                _unmatched(f"include `{pattern}` is not a file name or glob", file, line, column)
            )
            continue
        if not matched:
            findings.append(_unmatched(f"include `{pattern}` matches no file", file, line, column))
        elif not _GLOB.search(pattern) and os.path.normcase(matched[0].resolve()) == real_manifest:
            # A glob such as `*.yaml` matches the manifest too, and that is fine; naming it
            # is a mistake worth a word (it is read once, as the manifest).
            findings.append(
                _unmatched(
                    f"include `{pattern}` names the manifest, which is read once, as the "
                    "manifest, never as a model file",
                    file,
                    line,
                    column,
                )
            )
        for path in matched:
            real, inside = _placed(path, folders, real_root)
            if not inside:
                findings.append(
                    _outside(
                        path.relative_to(root).as_posix(),
                        "is a link to a file outside the model's folder",
                        file,
                        line,
                        column,
                    )
                )
            elif real != real_manifest:
                files.setdefault(real, path)
    return Includes(list(files.values()), findings, globbed)


def _placed(path: Path, folders: dict[str, tuple[str, bool]], root: Path) -> tuple[str, bool]:
    """`path.resolve()` (as `normcase` text) and whether it lies inside the resolved `root`,
    resolving and placing each folder once (a model has hundreds of files in a few folders): a
    file that is no link is its resolved folder's, and inside the root when its folder is."""
    if path.is_symlink():
        real = path.resolve()
        return os.path.normcase(real), real.is_relative_to(root)
    parent, name = os.path.split(path)
    placed = folders.get(parent)
    if placed is None:
        folder = Path(parent).resolve()
        placed = folders[parent] = (os.path.normcase(folder), folder.is_relative_to(root))
    return os.path.join(placed[0], os.path.normcase(name)), placed[1]  # noqa: PTH118 - text


def _unmatched(message: str, file: str, line: int, column: int) -> Finding:
    return Finding(
        "include-unmatched",
        Severity.WARNING,  # as declared; the rule registry has the last word (check.run)
        message,
        file,
        line,
        column,
        None,
        "fix the pattern, or delete it if the files are gone",
    )


def _leaves_root(pattern: str) -> bool:
    posix = PurePosixPath(pattern.replace("\\", "/"))
    return posix.is_absolute() or ".." in posix.parts or Path(pattern).is_absolute()


def _outside(what: str, why: str, file: str, line: int, column: int) -> Finding:
    return Finding(
        "include-outside",
        Severity.ERROR,  # as declared; the rule registry has the last word (check.run)
        f"include `{what}` {why}; archlex reads only files inside the model's folder",
        file,
        line,
        column,
        None,
        "move the file into the model's folder, or use a library (`uses`)",
    )
