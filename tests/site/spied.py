"""The Markdown and search objects of a site build in this process, kept for a test to look at
which of their fast ways they took."""

from __future__ import annotations

import pytest

from archlex.site import mkdocs_workers
from archlex.site.mkdocs_workers import WORKERS_VARIABLE
from archlex.site.page_markdown import PageMarkdown
from archlex.site.page_search import PageSearch


def spied(monkeypatch: pytest.MonkeyPatch) -> list[PageMarkdown | PageSearch]:
    """The Markdown and search of the next build, in this process, kept for a look."""
    made: list[PageMarkdown | PageSearch] = []

    class Markdown(PageMarkdown):
        def __init__(self, *args: object) -> None:
            super().__init__(*args)  # type: ignore[arg-type]
            made.append(self)

    class Search(PageSearch):
        def __init__(self, *args: object) -> None:
            super().__init__(*args)  # type: ignore[arg-type]
            made.append(self)

    monkeypatch.setattr(mkdocs_workers, "PageMarkdown", Markdown)
    monkeypatch.setattr(mkdocs_workers, "PageSearch", Search)
    monkeypatch.setenv(WORKERS_VARIABLE, "1")
    return made
