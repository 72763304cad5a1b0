"""A model's files read before they are loaded, and turned into data by the fast reader on two
cores: this process and a forked helper (archlex.forked) take files in turn, the helper sending
back each file's data (marshal: the fast reader's data is only dicts, lists, text and None),
while the loader validates and places the files strictly in their order, as a load on one core
does. The data of a file is the fast reader's whichever process read it, so the model, the
positions and the findings are the same; only the time differs.

Used for the files of a model that are read from their text: every file without a parse
cache (`check --no-cache`), and with one, the files it does not hold (a first check, a CI job
starting with an empty cache folder, a checkout of another branch); the files it holds are
replayed from it and never read by the fast reader.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from archlex.forked import Shared, share
from archlex.load import fast_reader

# Below this many bytes of YAML a helper costs more than it saves (its fork and exit take a
# few milliseconds; the fast reader reads about 20 MB a second).
WORTH_BYTES = 256 * 1024
_REFUSED = b""  # the helper's answer for a file the fast reader refuses (marshal never gives it)


class ReadAhead:
    """The bytes of a load's files, read first, and each file's fast-reader data on demand."""

    def __init__(self, paths: Sequence[Path], read: Callable[[Path], bytes]) -> None:
        self.raws: list[bytes | OSError] = []
        for path in paths:
            try:
                self.raws.append(read(path))
            except OSError as error:
                self.raws.append(error)
        self.keys: dict[int, str] = {}  # the parse cache's key of each file, when there is one
        self._ready: dict[int, bytes | dict[str, Any] | None] = {}
        self._wanted: list[int] = []  # the files shared with the helper, by queue order
        self._in_queue: set[int] = set()
        self._shared: Shared | None = None

    def share(self, wanted: Sequence[int]) -> None:
        """Share the reading of these files (their indices, in load order) with a helper when
        it pays; the other files are read here if ever asked for."""
        self._wanted = [i for i in wanted if isinstance(self.raws[i], bytes)]
        self._in_queue = set(self._wanted)
        size = sum(len(self.raw(i)) for i in self._wanted)
        self._shared = share(len(self._wanted), self._answer, pays=size >= WORTH_BYTES)

    def raw(self, index: int) -> bytes:
        """The file's bytes, as read ahead (or the error reading them gave)."""
        raw = self.raws[index]
        if isinstance(raw, OSError):
            raise raw
        return raw

    def data(self, index: int) -> dict[str, Any] | None:
        """The fast reader's data of the file (None: it leaves the file to the reference)."""
        shared = self._shared if index in self._in_queue else None
        ready = self._ready
        while shared is not None and index not in ready:
            self._receive(shared, wait=False)
            if index in ready:
                break
            item = shared.take()
            if item is not None:
                taken = self._wanted[item]
                ready[taken] = self._read(taken)
            elif shared.helper_done:
                break  # the helper took the file and never answered it: read it here
            else:
                self._receive(shared, wait=True)
        found = ready.pop(index) if index in ready else self._read(index)
        if isinstance(found, bytes):
            return None if found == _REFUSED else _loaded(found)
        return found

    def close(self) -> None:
        """Stop the helper (when the load ends early) and reap it."""
        if self._shared is not None:
            self._shared.close()

    def _read(self, index: int) -> dict[str, Any] | None:
        raw = self.raws[index]
        return fast_reader.read_fast(raw) if isinstance(raw, bytes) else None

    def _receive(self, shared: Shared, wait: bool) -> None:
        for item, answer in shared.answers(wait):
            self._ready[self._wanted[item]] = answer

    def _answer(self, item: int) -> bytes | None:
        """The helper's answer for a file: its data, encoded; None to leave the file to the
        loader (data marshal cannot encode, which the fast reader never gives)."""
        data = self._read(self._wanted[item])
        if data is None:
            return _REFUSED
        try:
            return marshal.dumps(data)
        except ValueError:
            return None


def _loaded(answer: bytes) -> dict[str, Any] | None:
    data = marshal.loads(answer)
    return data if isinstance(data, dict) else None
