"""The concept's DOCX archive (render/concept/docx_package.py): an image placed twice is kept
once, every picture has an id of its own, and the file is byte-stable with its pictures stored
and its XML compressed."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from archlex.render.concept.docx_writer import markdown_to_docx

_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


def _png(path: Path, shade: int) -> None:
    """A 4 x 4 grey PNG, written without an imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + bytes([shade]) * 4 for _ in range(4))
    header = struct.pack(">IIBBBBB", 4, 4, 8, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _write(folder: Path, name: str) -> Path:
    _png(folder / "a.png", 40)
    _png(folder / "b.png", 200)
    text = "# Pictures\n\n![First](a.png)\n\n![Second](b.png)\n\n![First again](a.png)\n"
    target = folder / name
    markdown_to_docx(text, folder, target)
    return target


def test_an_image_placed_twice_is_kept_once_and_each_picture_has_its_own_id(
    tmp_path: Path,
) -> None:
    with zipfile.ZipFile(_write(tmp_path, "c.docx")) as archive:
        media = sorted(n for n in archive.namelist() if n.startswith("word/media/"))
        body = etree.fromstring(archive.read("word/document.xml"))
    assert media == ["word/media/image1.png", "word/media/image2.png"]
    pictures = body.iter(_DRAWING)
    assert [(p.get("id"), p.get("descr")) for p in pictures] == [
        ("1", "First"),
        ("2", "Second"),
        ("3", "First again"),
    ]


def test_the_archive_is_byte_stable_with_pictures_stored_and_xml_compressed(
    tmp_path: Path,
) -> None:
    first, second = _write(tmp_path, "1.docx"), _write(tmp_path, "2.docx")
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        entries = archive.infolist()
    assert entries[0].filename == "[Content_Types].xml"  # where python-docx puts it
    assert {e.date_time for e in entries} == {(1980, 1, 1, 0, 0, 0)}
    for entry in entries:
        picture = entry.filename.endswith((".png", ".jpeg"))  # and python-docx's thumbnail
        wanted = zipfile.ZIP_STORED if picture else zipfile.ZIP_DEFLATED
        assert entry.compress_type == wanted, entry.filename
