"""The site in both languages: the switch in the header leads from a page to the same page in
Latvian and back, in a real browser, from the site built by `archlex build` (conftest.py)."""

from __future__ import annotations

from playwright.sync_api import Page

from tests.browser.conftest import Served, Watched

SYSTEM = "systems/RKIS.html"


def _switch(page: Page, language: str) -> None:
    """Open the header's language list (by keyboard focus, as its CSS shows it) and pick one."""
    page.locator(".md-header .md-select button").focus()
    link = page.locator(f'.md-select__list a[hreflang="{language}"]')
    link.wait_for(state="visible")
    with page.expect_navigation(wait_until="load"):
        link.click()


def test_the_switch_leads_to_the_latvian_page_and_back(
    example_site: Served, watched: Watched
) -> None:
    page = watched.page
    page.goto(example_site.at(SYSTEM), wait_until="load")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".md-select__link").all_inner_texts() == ["English", "Latviešu"]
    assert page.locator('.md-select__link[aria-current="page"]').inner_text() == "English"

    _switch(page, "lv")
    assert page.url == example_site.at("lv/" + SYSTEM)
    assert page.locator("html").get_attribute("lang") == "lv"
    assert "Pārzinis" in page.inner_text("article")  # the system's owner, in Latvian

    _switch(page, "en")
    assert page.url == example_site.at(SYSTEM)
    assert page.locator("html").get_attribute("lang") == "en"
    assert not watched.failed, watched.failed
    assert not watched.errors, watched.errors
