"""The language switch of a site in several languages: links between the language roots, and
material's header switched on without the link tags that would fetch a sitemap."""

from __future__ import annotations

from archlex.api import load
from archlex.site.mkdocs_config import language_switch, mkdocs_config
from tests.conftest import EXAMPLE


def test_each_language_links_to_the_others_root() -> None:
    english = language_switch(["en", "lv"], root="en", own="en")
    latvian = language_switch(["en", "lv"], root="en", own="lv")
    assert [(e["name"], e["link"]) for e in english] == [("English", ""), ("Latviešu", "lv/")]
    assert [(e["name"], e["link"]) for e in latvian] == [("English", "../"), ("Latviešu", "")]
    # A Latvian site at the top: English in en/.
    assert [e["link"] for e in language_switch(["en", "lv"], root="lv", own="lv")] == ["en/", ""]
    assert language_switch(["lv"], root="lv", own="lv") == []


def test_the_switch_is_in_the_config_only_for_several_languages() -> None:
    model = load(EXAMPLE).model
    switch = language_switch(["en", "lv"], root="en", own="en")
    extra = mkdocs_config(model, {}, switch)["extra"]
    assert extra["alternate"] is True  # not a list: material would add <link rel=alternate>
    assert extra["archlex_languages"] == switch
    assert "alternate" not in mkdocs_config(model, {}, [])["extra"]
