"""An imported text goes into the model's text in the file's language only: a ReqIF file
exported in Latvian and edited in a requirements tool changes the Latvian texts and keeps the
English ones; a text the export showed only as the model's fallback changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from archlex.api import validate_model
from archlex.export.reqif import reqif_xml
from archlex.imports.texts import merged_text
from archlex.localized import in_language
from archlex.model.text import Text
from tests.imports.conftest import model_files, run_import

MODEL = """\
archlex: 1
name: Two languages
uses: [eu]
include: [requirements.yaml]
"""
REQUIREMENTS = """\
requirements:
  - id: REQ-1
    title: {en: Record every border crossing, lv: Reģistrēt katru robežšķērsošanu}
    text: Every crossing is recorded in the EES.
    type: functional
    satisfies: ["2019/817 Art 6"]
  - id: REQ-2
    title: Check the ETIAS
    type: functional
    satisfies: ["2019/817 Art 6"]
"""


@pytest.fixture
def model(tmp_path: Path) -> Path:
    root = tmp_path / "model"
    root.mkdir()
    (root / "archlex.yaml").write_text(MODEL, encoding="utf-8")
    (root / "requirements.yaml").write_text(REQUIREMENTS, encoding="utf-8")
    return root


def exported(root: Path, language: str, tmp_path: Path) -> Path:
    """The model's ReqIF export in `language`, as `archlex export reqif -l LANGUAGE` writes it."""
    path = tmp_path / f"{language}.reqif"
    report = in_language(validate_model(root, root), language)
    path.write_text(reqif_xml(report.model), encoding="utf-8")
    return path


def edited(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.mark.parametrize("language", ["en", "lv"])
def test_an_export_in_either_language_comes_back_unchanged(
    model: Path, tmp_path: Path, language: str
) -> None:
    # In Latvian, REQ-2's title and REQ-1's text fall back to English: they change nothing.
    before = model_files(model)
    _, plan, edits = run_import("reqif", exported(model, language, tmp_path), model)
    assert plan.language == language and len(plan.updates) == 2
    assert edits == []
    assert model_files(model) == before


def test_a_latvian_edit_changes_the_latvian_text_and_keeps_the_english(
    model: Path, tmp_path: Path
) -> None:
    reqif = edited(
        exported(model, "lv", tmp_path),
        "Reģistrēt katru robežšķērsošanu",
        "Reģistrēt katru robežas šķērsošanu",
    )
    _, _, edits = run_import("reqif", reqif, model, write=True)
    assert [e.file for e in edits] == ["requirements.yaml"]
    changed = [
        (a, b)
        for a, b in zip(edits[0].before.splitlines(), edits[0].after.splitlines(), strict=True)
        if a != b
    ]
    assert changed == [
        (
            "    title: {en: Record every border crossing, lv: Reģistrēt katru robežšķērsošanu}",
            "    title: {en: Record every border crossing, lv: Reģistrēt katru robežas šķērsošanu}",
        )
    ]
    title = validate_model(model, model).model.get("REQ-1").title  # type: ignore[union-attr]
    assert title == "Record every border crossing"
    assert title.in_language("lv") == "Reģistrēt katru robežas šķērsošanu"


def test_a_latvian_text_for_an_english_one_adds_the_latvian(model: Path, tmp_path: Path) -> None:
    reqif = edited(exported(model, "lv", tmp_path), '"Check the ETIAS"', '"Pārbaudīt ETIAS"')
    run_import("reqif", reqif, model, write=True)
    title = validate_model(model, model).model.get("REQ-2").title  # type: ignore[union-attr]
    assert (str(title), title.translations) == (
        "Check the ETIAS",
        {"en": "Check the ETIAS", "lv": "Pārbaudīt ETIAS"},
    )


def test_an_english_edit_keeps_the_latvian(model: Path, tmp_path: Path) -> None:
    reqif = edited(
        exported(model, "en", tmp_path), "Record every border crossing", "Record crossings"
    )
    run_import("reqif", reqif, model, write=True)
    title = validate_model(model, model).model.get("REQ-1").title  # type: ignore[union-attr]
    assert title.translations == {"en": "Record crossings", "lv": "Reģistrēt katru robežšķērsošanu"}


def test_a_file_that_says_no_language_is_in_the_models() -> None:
    plain = Text("Check the ETIAS")
    assert merged_text(plain, "Check ETIAS", "en", "en") == "Check ETIAS"
    both = Text("A", {"en": "A", "lv": "B"})
    assert merged_text(both, "B", "lv", "en") == {"en": "A", "lv": "B"}
    assert merged_text(both, "A2", "en", "en") == {"en": "A2", "lv": "B"}
    only_english = Text("A", {"en": "A"})
    assert merged_text(only_english, "A", "lv", "en") == {"en": "A"}  # the fallback shown
    assert merged_text(only_english, "B", "lv", "en") == {"en": "A", "lv": "B"}
    assert merged_text(Text("A"), "B", "lv", "en") == {"en": "A", "lv": "B"}
    assert merged_text(Text("B"), "B", "lv", "lv") == "B"
