"""The simple inline step (archlex.site.page_inline): the HTML Python-Markdown writes, for the
texts it takes and for those it leaves to Python-Markdown's own inline step."""

from __future__ import annotations

from typing import Any

import markdown  # type: ignore[import-untyped]

from archlex.site.page_inline import FastInline

SIMPLE = [
    "- **Text:** The system shall *send* searches.\n- **Owner:** [AT.x](../o/AT-x.md)\n",
    "**[AT.PROC-01](../p/AT-PROC-01.md): Registration (of) 2019/817 Art 9(1)**\n",
    "# AT.REQ-0005: Query [the ESP](e.md#top)\n\n## Obligations\n\n*None.*\n",
    "| A | B |\n| --- | --- |\n| [x](x.md), [y](y.md) | *z* |\n",
    "[![Context: the EU side](../d/context.svg)](../d/context.md)\n",
    "x*y*z and **a** **b**, 'quoted' \"text\" (brackets) 50% + 2 = 3 #tag @home\n",
    "- one\n    - nested **two**\n\ntext\nover lines\n",
    "<div>\nraw *a* & b\n</div>\n\n**after**",  # a raw block's place is left as it is
    "![Coverage of the obligations](../charts/c.svg) and ![b](b.png)\n",
    "# Version 0\\.1 \\[draft\\]\n\n\\`x\\` **a\\*b** *\\_c* [l\\(1\\)](x.md) \\\\ \\#\n",
]
OTHER = [
    "a & b",
    "a <b>c</b>",
    "`code`",
    "line  \nbreak",
    "[ref] and [ref][r]\n\n[r]: x.md",
    "_under_ score",
    "a * b",
    "**a*",
    "***both***",
    "*a **b** c*",
    "[a](b*c)",
    "[a](<b c>)",
    '[a](b "title")',
    "\\q is no escape",
    "![a *b*](i.png)",
    "a line ending in a backslash \\\nnext",
    "\\*a*",
]


def _pair() -> tuple[Any, Any, FastInline]:
    extensions = ["toc", "tables", "admonition"]
    fast = markdown.Markdown(extensions=extensions, extension_configs={"toc": {"permalink": True}})
    inline = FastInline(fast.treeprocessors["inline"])
    fast.treeprocessors.register(inline, "inline", 20)
    own = markdown.Markdown(extensions=extensions, extension_configs={"toc": {"permalink": True}})
    return fast, own, inline


def test_simple_texts_are_made_as_python_markdown_makes_them() -> None:
    fast, own, inline = _pair()
    for text in SIMPLE:
        assert fast.reset().convert(text) == own.reset().convert(text), text
        assert inline.used, text
        assert fast.toc_tokens == own.toc_tokens


def test_other_texts_are_left_to_python_markdown() -> None:
    fast, own, inline = _pair()
    for text in OTHER:
        assert fast.reset().convert(text) == own.reset().convert(text), text
        assert not inline.used, text
