"""The concept as PDF: LibreOffice (headless) opens the DOCX, fills its contents and lists of
figures and tables, and exports a tagged PDF with bookmarks.

LibreOffice runs with a profile of its own in a temporary folder (so it works as root in CI
and never touches a user's settings) and a small Basic macro does the work, because the plain
`--convert-to pdf` leaves the contents field empty. The lists are filled twice: filled, they
take more pages than empty and move what follows them, so the first fill's page numbers are
short by those pages. PDF bytes are not reproducible: LibreOffice
writes the creation time and a random document id into every file.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from archlex.errors import ArchlexError

TIMEOUT = 600  # seconds: a large concept takes LibreOffice about a minute on a slow machine
_HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Archlex"
 script:language="StarBasic">
"""
_CODE = """Sub ExportPdf(folder As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden"
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(folder + "/in.docx"), "_blank", 0, load())
  indexes = doc.getDocumentIndexes()
  For pass = 1 To 2
    For i = 0 To indexes.getCount() - 1
      indexes.getByIndex(i).update()
    Next i
  Next pass
  Dim options(1) As New com.sun.star.beans.PropertyValue
  options(0).Name = "UseTaggedPDF"
  options(0).Value = True
  options(1).Name = "ExportBookmarks"
  options(1).Value = True
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = "FilterName"
  store(0).Value = "writer_pdf_Export"
  store(1).Name = "FilterData"
  store(1).Value = options()
  doc.storeToURL(ConvertToURL(folder + "/out.pdf"), store())
  doc.close(True)
End Sub
"""


def soffice() -> str:
    """The LibreOffice program, or a clear error naming the package to install."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise ArchlexError(
            "the PDF needs LibreOffice, and no `soffice` is on the PATH",
            "install it (Debian: apt-get install libreoffice-writer-nogui), or render the "
            "concept without --format pdf",
        )
    return found


def docx_to_pdf(docx: Path, pdf: Path) -> None:
    """Write `pdf` from `docx` with LibreOffice; nothing is written when it fails."""
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="archlex-pdf-") as temporary:
        work = Path(temporary)
        profile = work / "profile"
        _run([program, *_options(profile), "--terminate_after_init"], "start")
        _install_macro(profile)
        shutil.copyfile(docx, work / "in.docx")
        macro = f'macro:///Standard.Archlex.ExportPdf("{work.as_posix()}")'
        _run([program, *_options(profile), macro], "convert")
        result = work / "out.pdf"
        if not result.is_file() or result.stat().st_size == 0:
            raise ArchlexError(
                f"LibreOffice wrote no PDF for {docx}",
                "open the DOCX in LibreOffice to see whether it reads it",
            )
        shutil.move(str(result), pdf)


def _options(profile: Path) -> list[str]:
    return [
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--invisible",
        "--norestore",
        "--nologo",
        "--nolockcheck",
    ]


def _run(command: list[str], step: str) -> None:
    try:
        subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise ArchlexError(
            f"LibreOffice did not {step} within {TIMEOUT} seconds",
            "run `soffice --headless --convert-to pdf` on the DOCX by hand to see why",
        ) from None


def _install_macro(profile: Path) -> None:
    """Put the export macro into the fresh profile's Standard library."""
    library = profile / "user" / "basic" / "Standard"
    if not (library / "script.xlb").is_file():
        raise ArchlexError(
            "LibreOffice did not create its profile",
            "check that `soffice --headless --terminate_after_init` runs on this machine",
        )
    module = _HEADER + escape(_CODE, {'"': "&quot;"}) + "</script:module>\n"
    (library / "Archlex.xba").write_text(module, encoding="utf-8")
    index = (library / "script.xlb").read_text(encoding="utf-8")
    element = '<library:element library:name="Archlex"/>'
    if element not in index:
        index = index.replace("</library:library>", f" {element}\n</library:library>")
    (library / "script.xlb").write_text(index, encoding="utf-8")
