"""Maintaining the message catalogs: extract the marked strings, update each language's `.po`,
compile `.mo`, and list what a catalog lacks. `python -m archlex.i18n_catalogs update|compile|check`
(the Makefile's `make i18n` and `make catalogs`)."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from archlex.i18n import LANGUAGES, SOURCE_LANGUAGE, catalog_path, compile_catalog

ROOT = Path(__file__).resolve().parents[2]
MAPPING = ROOT / "babel.cfg"
# Comments starting with this tag above a marked string reach the translator in the `.po`.
COMMENT_TAG = "Translators:"
# Babel's keywords, archlex's NP_(context, message), a marked pair for `tr.label`,
# NN_(singular, plural), a marked plural for `tr.ngettext`, and a rule's summary, which the
# concept writes (`@rule(id, severity, phase, summary, ...)`, `declare(module, id, ...)`).
KEYWORDS = {**DEFAULT_KEYWORDS, "NP_": ((1, "c"), 2), "NN_": (1, 2), "rule": (4,), "declare": (5,)}
_PLACEHOLDER = re.compile(r"%%|%\([a-z_]+\)[sd]|\{[a-z_]*\}")


def translated_languages() -> list[str]:
    """The languages with a catalog (all but the source language)."""
    return [language for language in LANGUAGES if language != SOURCE_LANGUAGE]


def extract(root: Path = ROOT) -> Catalog:
    """Every marked string of the Python code and the templates, as a template catalog."""
    with MAPPING.open(encoding="utf-8") as file:
        method_map, options_map = parse_mapping_cfg(file, str(MAPPING))  # type: ignore[no-untyped-call]
    template = Catalog(domain="archlex", project="archlex", fuzzy=False)
    found = extract_from_dir(
        root,
        method_map,
        options_map,
        keywords=KEYWORDS,
        comment_tags=(COMMENT_TAG,),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def update(language: str, template: Catalog) -> None:
    """Merge the extracted strings into a language's `.po`: new ones empty, changed ones fuzzy,
    gone ones dropped; sorted by msgid, with files but no line numbers, so merges stay quiet."""
    path = catalog_path(language)
    if path.is_file():
        with path.open("rb") as file:
            catalog = read_po(file, locale=language)
    else:
        catalog = Catalog(locale=language, domain="archlex", project="archlex", fuzzy=False)
    catalog.update(template, update_creation_date=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        write_po(
            file, catalog, width=100, sort_output=True, ignore_obsolete=True, include_lineno=False
        )


def compile_language(language: str) -> Path:
    """Write a language's `.mo` beside its `.po`."""
    target = catalog_path(language, ".mo")
    target.write_bytes(compile_catalog(catalog_path(language)))
    return target


def problems(language: str, template: Catalog, path: Path | None = None) -> list[str]:
    """What keeps a language's catalog from being complete: missing, empty, fuzzy or stale
    entries and translations whose placeholders differ from the msgid's."""
    with (path or catalog_path(language)).open("rb") as file:
        catalog = read_po(file, locale=language)
    found = []
    for message in _messages(template):
        entry = catalog.get(message.id, message.context)
        if entry is None:
            found.append(f"missing: {_label(message)}")
        elif entry.fuzzy:
            found.append(f"fuzzy: {_label(message)}")
        elif not all(_strings(entry)):
            found.append(f"not translated: {_label(message)}")
        elif any(_placeholders(s) != _placeholders(_ids(message)[0]) for s in _strings(entry)):
            found.append(f"placeholders differ: {_label(message)}")
    wanted = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in _messages(template)}
    for entry in _messages(catalog):
        if (_ids(entry)[0], entry.context) not in wanted:
            found.append(f"no longer in the source (run `make i18n`): {_label(entry)}")
    return found


def _messages(catalog: Catalog) -> Iterator[Message]:
    return (message for message in catalog if message.id)


def _ids(message: Message) -> tuple[str, ...]:
    return (message.id,) if isinstance(message.id, str) else tuple(message.id)


def _strings(message: Message) -> tuple[str, ...]:
    return (message.string,) if isinstance(message.string, str) else tuple(message.string or ())


def _placeholders(text: str) -> list[str]:
    return sorted(set(_PLACEHOLDER.findall(text)))


def _label(message: Message) -> str:
    where = ", ".join(sorted({f for f, _ in message.locations}))
    context = f" (context {message.context!r})" if message.context else ""
    return f"{_ids(message)[0]!r}{context}" + (f" in {where}" if where else "")


def main(argv: list[str]) -> int:
    """`update` (extract, merge, compile), `compile`, or `check` (exit 1 on any problem)."""
    command = argv[0] if argv else "check"
    languages = translated_languages()
    if command == "compile":
        for language in languages:
            print(compile_language(language).relative_to(ROOT))
        return 0
    template = extract()
    if command == "update":
        for language in languages:
            update(language, template)
            compile_language(language)
    found = [f"{lang}: {p}" for lang in languages for p in problems(lang, template)]
    print("\n".join(found) or f"catalogs complete: {', '.join(languages)}")
    return 1 if found and command == "check" else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
