"""The DOCX archive: pictures added without python-docx's per-picture scans, and the file
written once, byte-stable.

python-docx finds an image already in the document by hashing every image part again, and
numbers a new picture by searching the whole document for ids: both once per picture, so a
concept of two hundred figures spent most of its time there. Here the images are found by their
hash in a dictionary and the pictures numbered by a counter (the same numbers: python-docx
gives the largest id in use plus one, and only pictures carry such ids). And python-docx stamps
the save time into every entry of the archive: the entries are written here with a fixed date,
in python-docx's own order and form, once (saving, then rewriting the archive compressed every
entry twice); pictures, compressed already, are stored as they are.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from docx.image.image import Image
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.shape import CT_Inline
from docx.shared import Length

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.opc.packuri import PackURI
    from docx.parts.image import ImagePart

_FIXED_DATE = (1980, 1, 1, 0, 0, 0)
# Compressed formats, stored as they are: deflating them again gains nothing and takes long.
_STORED = (".png", ".jpeg", ".jpg", ".gif")


class Pictures:
    """Adds pictures to a document's body, each image kept once."""

    def __init__(self, document: DocxDocument) -> None:
        self.part = document.part
        self.images = self.part.package.image_parts
        self.by_hash: dict[str, ImagePart] = {part.sha1: part for part in self.images}
        self.next_id = self.part.next_id  # the body's largest id plus one, looked up once

    def inline(self, path: Path, width: Length) -> CT_Inline:
        """A picture of the image at `path`, `width` wide, to be placed in a run."""
        image = Image.from_file(str(path))
        part = self.by_hash.get(image.sha1)
        if part is None:
            part = self.by_hash[image.sha1] = self.images._add_image_part(image)
        relation = self.part.relate_to(part, RT.IMAGE)
        wide, high = part.image.scaled_dimensions(width, None)
        inline = CT_Inline.new_pic_inline(self.next_id, relation, part.image.filename, wide, high)
        self.next_id += 1
        return inline


class _Entries:
    """Stands in for python-docx's zip writer: collects each entry, in order."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, bytes]] = []

    def write(self, uri: PackURI, blob: bytes) -> None:
        self.entries.append((uri.membername, blob))


def save(document: DocxDocument, target: Path) -> None:
    """Write the document to `target`: every entry python-docx would write, in its order,
    with a fixed date."""
    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    collected = _Entries()
    # OpcPackage.save's own steps (python-docx 1.1 and 1.2), into `collected`
    PackageWriter._write_content_types_stream(collected, package.parts)  # type: ignore[no-untyped-call]
    PackageWriter._write_pkg_rels(collected, package.rels)  # type: ignore[no-untyped-call]
    PackageWriter._write_parts(collected, package.parts)  # type: ignore[arg-type]
    with zipfile.ZipFile(target, "w") as archive:
        for name, blob in collected.entries:
            entry = zipfile.ZipInfo(name, date_time=_FIXED_DATE)
            stored = name.lower().endswith(_STORED)
            entry.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, blob)
