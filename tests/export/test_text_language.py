"""The language of each exported text: the output language only where the model or archlex's
catalog gives the text in it."""

from __future__ import annotations

from archlex.export.text_language import LangText, TextLanguages, archlex_words, translated
from archlex.i18n import translator
from archlex.model.text import Text

LATVIAN_OUT = TextLanguages("lv", "en", frozenset({"eu.ETIAS"}))


def test_a_text_given_in_the_output_language_is_in_it() -> None:
    text = Text("Robežsardze", {"en": "Border guard", "lv": "Robežsardze"})
    assert LATVIAN_OUT.of(text, "org") == LangText("Robežsardze", "lv")


def test_a_text_without_the_output_language_is_in_the_one_it_falls_back_to() -> None:
    assert LATVIAN_OUT.of(Text("Guard", {"en": "Guard", "de": "Wache"})).language == "en"
    assert LATVIAN_OUT.of(Text("Wache", {"de": "Wache", "fr": "Garde"})).language == "de"


def test_a_plain_text_is_in_the_language_its_file_is_written_in() -> None:
    written_in_latvian = TextLanguages("en", "lv", frozenset({"eu.ETIAS"}))
    assert written_in_latvian.of(Text("Robežsardze"), "org").language == "lv"
    assert written_in_latvian.of(Text("Travel authorisation"), "eu.ETIAS").language == "en"
    assert written_in_latvian.of("Latvijas modelis").language == "lv"  # the manifest's name


def test_a_property_value_is_the_models_words_or_archlexs() -> None:
    assert LATVIAN_OUT.value("national", "org") == archlex_words("national")
    assert LATVIAN_OUT.value(Text("zona A"), "org").language == "en"  # written in English


def test_a_composed_text_is_in_the_output_language_only_where_every_part_is() -> None:
    latvian, english = LangText("Robežsardze", "lv"), LangText("Guard", "en")
    assert LATVIAN_OUT.composed("Process: Robežsardze", latvian, latvian).language == "lv"
    assert LATVIAN_OUT.composed("Process: Guard", english, latvian).language == "en"
    assert LATVIAN_OUT.composed("2019/817 Art 20").language == "lv"  # no words of a language


def test_a_catalog_message_is_in_the_language_the_catalog_gives() -> None:
    # Latvian spells `Process: {name}` as English does; it is still the catalog's Latvian.
    assert translated(translator("lv"), "Process: {name}").language == "lv"
    assert translated(translator("lv"), "Context") == LangText("Konteksts", "lv")
    assert translated(translator("de"), "Context") == LangText("Context", "en")
    assert translated(translator("en"), "Context") == LangText("Context", "en")
