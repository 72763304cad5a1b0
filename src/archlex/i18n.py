"""Every output's language: gettext message catalogs (Babel), CLDR number, money and date formats.

Code never reads a global language: a product asks `translator(language)` for a `Translator` and
calls `tr.gettext`, `tr.ngettext`, `tr.pgettext` and the formatters on it. English is the source
language (the msgids); each other language is `locale/<lang>/LC_MESSAGES/archlex.po`, compiled to
`.mo` by `make catalogs` (part of `make demo` and `make test`) and compiled in memory from the
`.po` when the `.mo` is missing or older, so a fresh checkout or a wheel without `.mo` files still
speaks Latvian. See docs/i18n.md.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

DOMAIN = "archlex"
LOCALE_DIR = Path(__file__).parent / "locale"
SOURCE_LANGUAGE = "en"
# The languages archlex ships a catalog for; other two-letter codes get English text and the
# locale's CLDR formats.
LANGUAGES = ("en", "lv")
# How a date is written in running text and in a table cell, per language (CLDR patterns). English
# keeps ISO 8601 everywhere (as archlex always wrote it); Latvian uses the form of Latvian
# official documents, `2027. gada 4. janvāris` in text and `04.01.2027.` in tables.
_DATE_PATTERNS = {
    "en": ("y-MM-dd", "y-MM-dd"),
    "lv": ("y. 'gada' d. MMMM", "dd.MM.y."),
}
# The EU's style guides set thousands apart by a no-break space in every language; CLDR's English
# would use a comma, which reads as the decimal sign in most languages of the Union.
_GROUP_OVERRIDE = {"en": "\u00a0"}


def N_(message: str) -> str:  # noqa: N802 (the gettext convention Babel extracts)
    """Mark a string for extraction where it is defined; translate it later with `tr.gettext`."""
    return message


def NN_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 (as N_)
    """Mark a singular and plural pair for extraction; translate it later with `tr.ngettext`."""
    return (singular, plural)


def NP_(context: str, message: str) -> tuple[str, str]:  # noqa: N802 (as N_)
    """Mark a string with a context for extraction; translate it later with `tr.pgettext`."""
    return (context, message)


@dataclass(frozen=True)
class Translator:
    """The texts and formats of one output language."""

    language: str
    catalog: gettext.NullTranslations

    def gettext(self, message: str) -> str:
        """The message in this language (the English msgid when untranslated)."""
        return self.catalog.gettext(message)

    _ = gettext

    def translates(self, message: str) -> bool:
        """Whether the catalog gives `message` in this language (a translation may be spelt as
        the msgid: Latvian `Process: {name}`); English, the source language, always does."""
        if self.language == SOURCE_LANGUAGE:
            return True
        # GNUTranslations' table of the compiled catalog, which holds translated messages only.
        table: dict[object, str] = getattr(self.catalog, "_catalog", {})
        return message in table

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The singular or plural form for `count`, by the language's plural rules."""
        return self.catalog.ngettext(singular, plural, count)

    def pgettext(self, context: str, message: str) -> str:
        """The message in a context, for a word that translates differently elsewhere."""
        return self.catalog.pgettext(context, message)

    def label(self, labels: dict[str, tuple[str, str]], value: object) -> str:
        """The label of a value (an enum member, a known key) from a mapping of `NP_` pairs;
        a value without a label is written as it is."""
        pair = labels.get(str(value))
        return self.pgettext(*pair) if pair else str(value)

    def number(self, value: float | Decimal | int, digits: int = 0) -> str:
        """A number with the locale's decimal sign and grouping, to `digits` decimals."""
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return self._grouped(format_decimal(value, pattern, locale=self._locale))

    def share(self, value: float) -> str:
        """A percentage share as given: `75`, `33.33` (en), `33,33` (lv); no sign."""
        return self._grouped(format_decimal(value, "#,##0.##", locale=self._locale))

    def money(self, cents: int, currency: str) -> str:
        """`1 250 000,00 EUR` (lv), `1 250 000.00 EUR` (en): an amount and its ISO code, with
        no-break spaces only (a table cell never breaks an amount, nor puts its code on a line
        of its own)."""
        amount = Decimal(cents) / 100
        grouped = self._grouped(format_decimal(amount, "#,##0.00", locale=self._locale))
        return grouped.replace(" ", "\u00a0") + "\u00a0" + currency

    def percent(self, value: float, digits: int = 1) -> str:
        """`87.5 %` (en), `87,5 %` (lv): a share already in percent, with a no-break space."""
        return f"{self.number(value, digits)}\u00a0%"

    def date(self, day: dt.date) -> str:
        """A date in running text: `2027-01-04`, `2027. gada 4. janvāris`."""
        return format_date(day, self._patterns[0], locale=self._locale)

    def table_date(self, day: dt.date) -> str:
        """A date in a table cell: `2027-01-04`, `04.01.2027.`."""
        return format_date(day, self._patterns[1], locale=self._locale)

    @property
    def _locale(self) -> Locale:
        return _locale(self.language)

    @property
    def _patterns(self) -> tuple[str, str]:
        return _DATE_PATTERNS.get(self.language, _DATE_PATTERNS[SOURCE_LANGUAGE])

    def _grouped(self, text: str) -> str:
        group = _GROUP_OVERRIDE.get(self.language)
        if group is None:
            return text
        return text.replace(self._locale.number_symbols["latn"]["group"], group)


@functools.cache
def translator(language: str) -> Translator:
    """The translator of one language; built once, immutable, shared by every output."""
    return Translator(language, _catalog(language))


@functools.cache
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language)
    except (ValueError, UnknownLocaleError):
        return Locale.parse(SOURCE_LANGUAGE)


def catalog_path(language: str, suffix: str = ".po") -> Path:
    """Where the message catalog of a language is (`.po` source or compiled `.mo`)."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


def _catalog(language: str) -> gettext.NullTranslations:
    source, compiled = catalog_path(language), catalog_path(language, ".mo")
    if not source.is_file():
        return gettext.NullTranslations()
    if compiled.is_file() and compiled.stat().st_mtime >= source.stat().st_mtime:
        with compiled.open("rb") as file:
            return gettext.GNUTranslations(file)
    return gettext.GNUTranslations(io.BytesIO(compile_catalog(source)))


def compile_catalog(source: Path) -> bytes:
    """The `.mo` bytes of a `.po` file, fuzzy entries left out (as `pybabel compile` does)."""
    with source.open("rb") as file:
        catalog = read_po(file)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()
