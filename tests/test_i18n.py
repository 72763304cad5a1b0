"""The message catalogs (complete, compiled) and the locale formats of every output language."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from archlex.i18n import N_, catalog_path, compile_catalog, translator
from archlex.i18n_catalogs import ROOT, extract, main, problems, translated_languages

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def template() -> Catalog:
    """Every string marked in the source and the templates, extracted now."""
    return extract()


@pytest.mark.parametrize("language", translated_languages())
def test_every_marked_string_has_a_translation(template: Catalog, language: str) -> None:
    found = problems(language, template)
    assert not found, "run `make i18n`, then translate in the .po:\n" + "\n".join(found)


def test_no_message_is_marked_inside_an_f_string() -> None:
    # Babel does not look into f-strings: a literal translated there is never extracted.
    inside = re.compile(r"\{\s*[\w.]*\b(?:gettext|ngettext|pgettext|_)\(\s*[\"']")
    f_string = re.compile(r"\bf[\"']")  # a dict display `{tr.gettext("Home"): ...}` is fine
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "src" / "archlex").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if inside.search(line) and f_string.search(line)
    ]
    assert not found, "move the call out of the f-string: " + ", ".join(found)


def test_extraction_finds_python_and_template_strings(template: Catalog) -> None:
    files = {f for message in template for f, _ in message.locations}
    assert any(f.startswith("templates/concept/") for f in files)
    assert any(f.startswith("src/archlex/") and f.endswith(".py") for f in files)


def test_a_missing_or_fuzzy_entry_is_named(template: Catalog, tmp_path: Path) -> None:
    copy = tmp_path / "archlex.po"
    text = catalog_path("lv").read_text(encoding="utf-8")
    text = text.replace('msgid "Purpose and scope"', 'msgid "Scope, gone"', 1)
    text = text.replace('msgid "Regulations in scope"', '#, fuzzy\nmsgid "Regulations in scope"')
    copy.write_text(text, encoding="utf-8")
    found = problems("lv", template, copy)
    assert "missing: 'Purpose and scope' in templates/concept/02-purpose.md.j2" in found
    assert "fuzzy: 'Regulations in scope' in templates/concept/02-purpose.md.j2" in found
    assert any(
        p.startswith("no longer in the source (run `make i18n`): 'Scope, gone'") for p in found
    )


def test_compile_writes_the_mo_that_the_po_gives(tmp_path: Path) -> None:
    assert main(["compile"]) == 0
    for language in translated_languages():
        compiled = catalog_path(language, ".mo").read_bytes()
        assert compiled == compile_catalog(catalog_path(language))
        assert compiled == compile_catalog(catalog_path(language))  # deterministic


def test_make_demo_and_make_test_compile_the_catalogs() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo: .*\bcatalogs\b", makefile, re.MULTILINE)
    assert re.search(r"^unit: .*\bcatalogs\b", makefile, re.MULTILINE)


def test_a_po_without_mo_is_compiled_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from archlex import i18n

    folder = tmp_path / "lv" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(catalog_path("lv"), folder / "archlex.po")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    catalog = i18n._catalog("lv")
    assert catalog.gettext("Regulations in scope") == "Piemērojamie regulējumi"
    assert not (folder / "archlex.mo").exists()


def test_latvian_amounts_numbers_and_dates() -> None:
    lv = translator("lv")
    assert lv.money(125_000_000, "EUR") == f"1{NBSP}250{NBSP}000,00{NBSP}EUR"
    assert lv.money(-5, "EUR") == f"-0,05{NBSP}EUR"
    assert lv.number(87.5, 1) == "87,5"
    assert lv.percent(87.5) == f"87,5{NBSP}%"
    assert lv.date(dt.date(2027, 1, 4)) == "2027. gada 4. janvāris"
    assert lv.table_date(dt.date(2027, 1, 4)) == "04.01.2027."


def test_english_formats_stay_as_they_were() -> None:
    en = translator("en")
    assert en.money(125_000_000, "EUR") == f"1{NBSP}250{NBSP}000.00{NBSP}EUR"
    assert en.number(1234.5, 1) == f"1{NBSP}234.5"
    assert en.table_date(dt.date(2027, 1, 4)) == "2027-01-04"
    assert en.date(dt.date(2027, 1, 4)) == "2027-01-04"


def test_latvian_plurals_follow_the_language() -> None:
    lv = translator("lv").catalog
    # No catalog entry: gettext's own English rule; the Latvian rule is in the header.
    assert lv.ngettext("one finding", "%d findings", 2) == "%d findings"
    assert "nplurals=3" in catalog_path("lv").read_text(encoding="utf-8")


def test_an_unknown_language_writes_english_with_its_own_formats() -> None:
    de = translator("de")
    assert de.gettext("Scope and regulatory basis") == "Scope and regulatory basis"
    assert de.money(125_000_000, "EUR") == f"1.250.000,00{NBSP}EUR"
    assert translator("xx").money(100, "EUR") == f"1.00{NBSP}EUR"


def test_the_translator_is_built_once_and_marking_changes_nothing() -> None:
    assert translator("lv") is translator("lv")
    assert N_("Roadmap") == "Roadmap"
    assert translator("en").gettext("Roadmap") == "Roadmap"
