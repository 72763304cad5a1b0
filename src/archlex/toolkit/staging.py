"""Output folders that are replaced whole or not at all, and never lose a file archlex did
not write.

A run writes into a staging folder next to `out` (`.NAME.archlex-PID-XXXX`), then swaps it
into place with two renames; the old output is deleted last. A run that is killed leaves
`out` as it was (and at worst, between the two renames, the previous output under
`.NAME.old`, which the next run puts back); its staging folder is deleted by the next run.

`out` carries a marker file that lists every file archlex wrote there. Files in `out` that
the marker does not list (a README someone added, or a folder's own files written into with
`--force`) are carried into the new output as hard links, so they are never deleted; a
product that would overwrite one is refused instead. The model's own folder, and any folder
that contains it, is never an output folder, even with `--force`: replacing it would replace
the model. A folder inside the model's is fine: the loader skips output folders (they carry
the marker) and staging folders when it expands the manifest's includes.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from archlex.errors import ArchlexError
from archlex.files import OUTPUT_MARKER

MARKER = OUTPUT_MARKER
_MARKER_HEAD = "Written by {tool}; replaced on every run. The files it wrote:\n"
_STAGING = re.compile(r"\.(?P<name>.+)\.archlex-(?P<pid>\d+)-[^.]+$")


@contextlib.contextmanager
def staged_output(
    out: Path,
    model_root: Path | None,
    force: bool,
    tool: str,
    keep: Callable[[str], bool] | None = None,
) -> Iterator[Path]:
    """A staging folder to write the new output into; on success it replaces `out`.

    `keep(path)` says which files of the previous output (by path relative to `out`) stay,
    as when one product of several is rendered again. On any failure, including Ctrl+C,
    `out` is left as it was and the staging folder is deleted.
    """
    check_output_folder(out, model_root, force)
    out.parent.mkdir(parents=True, exist_ok=True)
    restore_interrupted(out)
    # Absolute: mkdocs reads a relative site folder as relative to its mkdocs.yml.
    prefix = f".{out.name}.archlex-{os.getpid()}-"
    staging = Path(tempfile.mkdtemp(prefix=prefix, dir=out.parent.resolve()))
    try:
        if out.is_dir() and keep is not None:
            for path in sorted(written_files(out)):
                if keep(path):
                    _link(out / path, staging / path)
        yield staging
        foreign = foreign_files(out) if out.is_dir() else []
        ours = sorted(
            p.relative_to(staging).as_posix()
            for p in staging.rglob("*")
            if p.is_file() or p.is_symlink()
        )
        for path in foreign:
            if path.endswith("/"):  # an empty folder of someone else's
                (staging / path).mkdir(parents=True, exist_ok=True)
                continue
            if (staging / path).exists() or (staging / path).is_symlink():
                raise ArchlexError(
                    f"{out / path} was not written by archlex, and the new output has a file "
                    "of that name",
                    "move or rename that file, or choose another --out folder",
                )
            _link(out / path, staging / path)
        _write_marker(staging, tool, ours)
        _readable(staging)
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def check_output_folder(out: Path, model_root: Path | None, force: bool) -> None:
    """Refuse an output folder that is a file, is or holds the model, or holds files archlex
    did not write (unless `force`). A folder inside the model's is fine (`./site` next to
    `archlex.yaml`): the loader never reads an output folder back as part of the model."""
    if out.exists() and not out.is_dir():
        raise ArchlexError(f"{out} is a file, not a folder", "choose another --out folder")
    if model_root is not None:
        target, root = out.resolve(), model_root.resolve()
        if root.is_relative_to(target):
            raise ArchlexError(
                f"{out} is the model's folder or holds it; archlex replaces its output folder "
                "as a whole and would replace the model",
                "choose an output folder outside the model, e.g. next to it",
            )
    if out.is_dir() and not force and not (out / MARKER).exists() and any(out.iterdir()):
        raise ArchlexError(
            f"{out} holds files that archlex did not write",
            "choose a new or empty --out folder, or pass --force to write there and keep them",
        )


def written_files(out: Path) -> set[str]:
    """The files the marker says archlex wrote; all files, for a marker without a list (an
    output of an archlex that did not write one)."""
    try:
        lines = (out / MARKER).read_text(encoding="utf-8").splitlines()
    except OSError:
        return set()
    if lines and lines[0].endswith(":"):
        return {line for line in lines[1:] if line}
    return {p for p in _files(out) if p != MARKER}


def foreign_files(out: Path) -> list[str]:
    """Files (and empty folders, with a trailing slash) in `out` that archlex did not write."""
    ours = written_files(out) | {MARKER}
    found = [p for p in _files(out) if p not in ours]
    empty = [
        p.relative_to(out).as_posix() + "/"
        for p in sorted(out.rglob("*"))
        if p.is_dir() and not p.is_symlink() and not any(p.iterdir())
    ]
    return sorted(found + empty)


def restore_interrupted(out: Path) -> None:
    """Undo what a killed run left: its previous output half-way through a swap, and its
    staging folders (those of processes that no longer run)."""
    old = out.with_name(f".{out.name}.old")
    if not out.exists() and (old / MARKER).is_file():
        old.rename(out)
    if not out.parent.is_dir():
        return
    for path in out.parent.iterdir():
        match = _STAGING.match(path.name)
        if match and match["name"] == out.name and not _running(int(match["pid"])):
            shutil.rmtree(path, ignore_errors=True)


def _files(folder: Path) -> list[str]:
    return sorted(
        p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() or p.is_symlink()
    )


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: running
        return True
    return True


def _link(source: Path, target: Path) -> None:
    """Put a file of the old output into the new one without copying or deleting it: a hard
    link (the same file), a copy where links are not possible, a link as a link."""
    if source.is_dir() and not source.is_symlink():
        target.mkdir(parents=True, exist_ok=True)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_symlink():
        target.symlink_to(source.readlink())
        return
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _write_marker(staging: Path, tool: str, files: list[str]) -> None:
    text = _MARKER_HEAD.format(tool=tool) + "".join(f"{p}\n" for p in files if p != MARKER)
    (staging / MARKER).write_text(text, encoding="utf-8")


def _readable(folder: Path) -> None:
    """mkdtemp makes folders private; the output is for readers."""
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)


def _swap(staging: Path, out: Path) -> None:
    """Replace `out` by `staging` with two renames; the old output is deleted last."""
    old = out.with_name(f".{out.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)
