"""The output language: `--language` over the manifest's `language`, the same model in both."""

from __future__ import annotations

from pathlib import Path

from archlex.api import check_model, in_language
from archlex.outcome import Report
from archlex.render.output import render_products
from tests.conftest import EXAMPLE, MANIFEST, WriteModel, run_archlex


def test_language_option_writes_latvian_from_an_english_manifest(tmp_path: Path) -> None:
    assert "language: en" in (EXAMPLE / "archlex.yaml").read_text(encoding="utf-8")
    result = run_archlex("render", "concept", str(EXAMPLE), "--out", str(tmp_path), "-l", "lv")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "concept" / "concept.md").read_text(encoding="utf-8")
    assert "## 6. Arhitektūra" in text
    assert "## 3. Mērķis un tvērums" in text


def test_an_unknown_language_is_a_usage_error(tmp_path: Path) -> None:
    result = run_archlex("render", str(EXAMPLE), "--out", str(tmp_path), "--language", "de")
    assert result.returncode == 2
    assert "'de' is not one of 'en', 'lv'" in result.stderr
    assert not (tmp_path / "concept").exists()


def test_in_language_changes_only_the_language(example: Report) -> None:
    latvian = in_language(example, "lv")
    assert latvian.model.manifest.language == "lv"
    assert example.model.manifest.language == "en"  # the checked report is not changed
    assert latvian.model.manifest.name == example.model.manifest.name
    assert latvian.findings is example.findings
    assert in_language(example, None).model is example.model  # English: nothing to put in
    assert in_language(latvian, None) is latvian


SYSTEMS = """\
systems:
  - id: RKIS
    name: {en: Border register, lv: Robežu reģistrs}
    kind: national
  - id: VISA
    name: Visa register
    kind: national
"""


def test_a_text_per_language_is_shown_in_the_output_language(
    write_model: WriteModel, tmp_path: Path
) -> None:
    root = write_model({"systems.yaml": SYSTEMS})
    report = in_language(check_model(root, root), "lv")
    assert report.model.get("RKIS").name == "Robežu reģistrs"  # type: ignore[union-attr]
    assert check_model(root, root).model.get("RKIS").name == "Border register"  # type: ignore[union-attr]
    # The plain string and the catalog's untranslated titles are counted, not hidden.
    assert report.fallbacks["System"] >= 1
    assert report.fallbacks["Article"] > 100
    assert "System" not in in_language(check_model(root, root), "en").fallbacks
    text, _ = _concept(report, tmp_path / "out")
    assert "| Robežu reģistrs |" in text
    assert "Visa register" in text
    assert text.count("parādīti, kā rakstīti") == 1
    assert "sistēmas: " in text


def test_plain_strings_of_a_latvian_model_are_not_fallbacks(
    write_model: WriteModel,
) -> None:
    root = write_model({"systems.yaml": SYSTEMS})
    english_model = in_language(check_model(root, root), "lv").fallbacks["System"]
    root = write_model({"systems.yaml": SYSTEMS}, manifest=MANIFEST + "language: lv\n")
    report = in_language(check_model(root, root))
    assert report.output_language == "lv"
    # `Visa register` is taken as the model's Latvian; the library's English names still count.
    assert report.fallbacks["System"] == english_model - 1
    assert report.fallbacks["Article"] > 100  # the catalog's titles are English
    assert in_language(report) is report  # done once


def test_the_catalog_names_the_components_in_latvian(example: Report, tmp_path: Path) -> None:
    report = in_language(example, "lv")
    assert report.model.get("eu.ESP").name == "Eiropas meklēšanas portāls (ESP)"  # type: ignore[union-attr]
    assert report.model.get("eu.EES").name == "Ieceļošanas/izceļošanas sistēma (IIS)"  # type: ignore[union-attr]
    regulation = report.model.regulation("2019/817")
    assert regulation is not None and regulation.title.startswith("Eiropas Parlamenta un Padomes")
    assert example.model.get("eu.ESP").name == "European search portal (ESP)"  # type: ignore[union-attr]


def _concept(report: Report, out: Path) -> tuple[str, object]:
    render_products(report, out, ["concept"])
    return (out / "concept" / "concept.md").read_text(encoding="utf-8"), None


def test_the_note_on_untranslated_texts_names_every_kind_in_words() -> None:
    # The note counts model parts by class name (archlex.model.localize.untranslated): a class
    # missing from KINDS showed as `DataEntity: 24` or `Node: 16` on the Latvian home page.
    from typing import get_type_hints

    from archlex.model import Manifest
    from archlex.model.record import Record
    from archlex.model.text import Text
    from archlex.model.twins import ANNOTATION_NAMES
    from archlex.render.language_note import KINDS

    def texts(hint: object) -> bool:
        return hint is Text or any(texts(arg) for arg in getattr(hint, "__args__", ()))

    pending, holding = list(Record.__subclasses__()), set()
    while pending:
        cls = pending.pop()
        pending += cls.__subclasses__()
        hints = get_type_hints(cls, localns=ANNOTATION_NAMES)
        if cls.__module__.startswith("archlex.model") and any(map(texts, hints.values())):
            holding.add(cls.__name__)
    assert {"Manifest", "System", "DataEntity", "Node", "View"} <= holding  # read right
    assert Manifest.__name__ in KINDS
    # Bases, and the manifest's file form: never a part of a loaded model themselves.
    assert holding - set(KINDS) - {"Entity", "Dated", "ManifestFile"} == set()


def test_the_model_name_without_its_latvian_is_counted(write_model: WriteModel) -> None:
    # The manifest's name was never counted: the Latvian pages showed it in English, unnoted.
    root = write_model({"systems.yaml": SYSTEMS})
    assert in_language(check_model(root, root), "lv").fallbacks["Manifest"] == 1
    named = MANIFEST.replace("name: Test model", "name: {en: Test model, lv: Testa modelis}")
    root = write_model({"systems.yaml": SYSTEMS}, manifest=named)
    report = in_language(check_model(root, root), "lv")
    assert "Manifest" not in report.fallbacks
    assert report.model.manifest.name == "Testa modelis"
    # A plain name in a Latvian model is its Latvian name.
    root = write_model({"systems.yaml": SYSTEMS}, manifest=MANIFEST + "language: lv\n")
    assert "Manifest" not in in_language(check_model(root, root)).fallbacks


def test_the_note_names_the_model_name_first(write_model: WriteModel, tmp_path: Path) -> None:
    root = write_model({"systems.yaml": SYSTEMS})
    text, _ = _concept(in_language(check_model(root, root), "lv"), tmp_path / "out")
    assert "(parasti angliski): modeļa nosaukums: 1, " in text
    assert text.count("modeļa nosaukums") == 1


def test_the_concept_s_own_texts_are_given_per_language_and_counted_where_not(
    write_model: WriteModel, tmp_path: Path
) -> None:
    # The Latvian concept's title page, document control and glossary were English whatever
    # the author wrote: `document`'s texts were plain text only, and never counted.
    document = """\
document:
  title: {en: Interoperability concept, lv: Sadarbspējas koncepcija}
  classification: For official use
  history:
    - version: "0.1"
      date: 2026-03-02
      author: IeM IC
      summary: {en: First outline, lv: Pirmais uzmetums}
  glossary:
    - {term: {en: Yellow link, lv: Dzeltenā saite}, definition: {en: To verify, lv: Jāpārbauda}}
"""
    root = write_model({"systems.yaml": SYSTEMS}, manifest=MANIFEST + document)
    report = in_language(check_model(root, root), "lv")
    text, _ = _concept(report, tmp_path / "out")
    assert "Sadarbspējas koncepcija" in text and "Interoperability concept" not in text
    assert "Pirmais uzmetums" in text and "Dzeltenā saite" in text and "Jāpārbauda" in text
    assert "For official use" in text  # as written, and counted
    assert report.fallbacks["Document"] == 1
    assert {"Change", "GlossaryEntry"}.isdisjoint(report.fallbacks)
    assert "dokumenta rekvizīti: 1" in text
    english = in_language(check_model(root, root), "en")
    text, _ = _concept(english, tmp_path / "en")
    assert "Interoperability concept" in text and "Yellow link" in text
