"""Between the model's file names (`flows/a.yaml`, `[eu]/roles.yaml`) and editors' URIs."""

from __future__ import annotations

import functools
from pathlib import Path

from pygls.uris import from_fs_path, to_fs_path

from archlex.load.libraries import library_manifest


def path_of(root: Path, display: str) -> Path:
    """The file a finding's name means: under the model's folder or a bundled library's."""
    if display.startswith("["):
        name, _, rest = display[1:].partition("]/")
        manifest = library_manifest(name)
        if manifest is not None:
            return manifest.parent / rest
    return root / display


@functools.lru_cache(maxsize=65536)
def uri_of(root: Path, display: str) -> str:
    """The URI of a model file given by its name in the model (remembered: every check asks
    again for the same few hundred files)."""
    return from_fs_path(str(path_of(root, display).resolve())) or ""


def path_of_uri(uri: str) -> Path | None:
    """The resolved file a `file:` URI names, or None for other schemes."""
    path = to_fs_path(uri)
    return Path(path).resolve() if path else None


class Columns:
    """Columns as the client counts them: UTF-16 code units unless it chose UTF-8 or UTF-32."""

    def __init__(self, encoding: str = "utf-16") -> None:
        self.encoding = encoding

    def units(self, text: str) -> int:
        """How many of the client's units a text takes."""
        if self.encoding == "utf-8":
            return len(text.encode("utf-8"))
        if self.encoding == "utf-32":
            return len(text)
        return len(text.encode("utf-16-le")) // 2

    def to_client(self, line: str, column: int) -> int:
        """The client's character offset of a 0-based code-point column of `line`."""
        return self.units(line[:column])

    def from_client(self, line: str, character: int) -> int:
        """The 0-based code-point column of `line` at the client's character offset."""
        units = 0
        for index, char in enumerate(line):
            if units >= character:
                return index
            units += self.units(char)
        return len(line)


UTF16 = Columns()
