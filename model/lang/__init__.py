"""Every word the tool shows a person: one file per language (nl.py first: the users read Dutch;
en.py), each with its LABELS and MESSAGES by key.

Look a label up with `text(lang, key, **values)`; a key missing in one language is a bug that the
tests catch (tests/lang/test_lang.py).

Messages (errors, warnings, check's violations, the CLI's own lines) are `Message`s: a key and its
values, rendered in the language of the run when shown. The run's language is a context variable
that the CLI sets from --lang (`use_language`); outside the CLI it is Dutch.

In a label, `{x:n}` shows a number as the language writes it (10.000 or 10,000; 0,5 or 0.5), a
date value is shown as the language writes dates (31-12-2026 or 2026-12-31), and a number with a
format (`{seconds:.1f}`) gets the language's decimal sign.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import math
import string
from collections.abc import Iterator
from contextlib import contextmanager

from model.lang import en, nl

LANGUAGES = ("nl", "en")

LABELS: dict[str, dict[str, str]] = {"nl": dict(nl.LABELS), "en": dict(en.LABELS)}
"""Labels per language: headers, sheet names, words of the reports (model/lang/nl.py, en.py)."""


MESSAGES: dict[str, tuple[str, str]] = {
    key: (nl.MESSAGES[key], en.MESSAGES[key]) for key in nl.MESSAGES
}
"""Messages by key: (Dutch, English). Both files have the same keys (tests/lang/test_lang.py)."""

for _key, _pair in MESSAGES.items():
    for _lang, _label in zip(LANGUAGES, _pair, strict=True):
        if _key in LABELS[_lang]:
            raise KeyError(f"{_key} is both a label and a message")
        LABELS[_lang][_key] = _label

_LANGUAGE: contextvars.ContextVar[str] = contextvars.ContextVar("uitruil_language", default="nl")
"""The language messages are shown in: the CLI's --lang; Dutch when nobody chose."""


def current_language() -> str:
    """The language of this run (the CLI's --lang), in which messages are shown."""
    return _LANGUAGE.get()


def set_language(lang: str) -> contextvars.Token:
    """Show messages in `lang` from now on; `reset_language(token)` undoes it."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    return _LANGUAGE.set(lang)


def reset_language(token: contextvars.Token) -> None:
    _LANGUAGE.reset(token)


@contextmanager
def use_language(lang: str) -> Iterator[None]:
    """Show messages in `lang` within the block."""
    token = set_language(lang)
    try:
        yield
    finally:
        reset_language(token)


def has_text(lang: str, key: str) -> bool:
    """Whether `lang` has a label `key` (for optional labels, such as the meaning of a setting)."""
    return key in LABELS[lang]


def text(lang: str, key: str, /, **values: object) -> str:
    """The label `key` in `lang`, with `values` filled in (messages among them in `lang` too)."""
    return _Formatter(lang).format(LABELS[lang][key], **values)


def date_text(lang: str, value: dt.date) -> str:
    """A date as the language writes it: 31-12-2026 (nl), 2026-12-31 (en)."""
    return value.strftime("%d-%m-%Y") if lang == "nl" else value.isoformat()


def _swap_decimal(lang: str, plain: str) -> str:
    """A number written with `,` groups and a `.` decimal sign, in the signs of `lang`."""
    sep, dec = LABELS[lang]["number.thousands"], LABELS[lang]["number.decimal"]
    return plain.replace(",", "\0").replace(".", dec).replace("\0", sep)


def shown_number(lang: str, value: object) -> str:
    """A number in a message, exact: whole numbers from 10,000 on grouped by thousands (1234,
    12,345), others as they are, with the language's decimal sign; not a number: as it is."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, int) or (value.is_integer() and abs(value) < 1e15):
        whole = int(value)
        return _swap_decimal(lang, f"{whole:,}" if abs(whole) >= 10_000 else str(whole))
    return _swap_decimal(lang, repr(value)) if math.isfinite(value) else str(value)


class _Formatter(string.Formatter):
    """str.format with the values shown in `lang`: messages rendered, dates and numbers as the
    language writes them (module docstring)."""

    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        render = getattr(value, "render", None)
        if callable(render):
            value = render(self.lang)
        if format_spec == "n":
            return shown_number(self.lang, value)
        if isinstance(value, dt.date) and not format_spec:
            return date_text(self.lang, value)
        formatted = format(value, format_spec)
        numeric = isinstance(value, int | float) and not isinstance(value, bool)
        return _swap_decimal(self.lang, formatted) if numeric and format_spec else formatted


class Message(str):
    """A text for a person kept as its key and values, to be shown in any language.

    It is a str too (the text in the language current when it was made), so code that treats a
    message as text keeps working; `render(lang)` and `str(problem)` show it in another language.
    """

    key: str
    values: dict[str, object]

    def __new__(cls, key: str, /, **values: object) -> Message:
        made = super().__new__(cls, text(current_language(), key, **values))
        made.key, made.values = key, values
        return made

    def render(self, lang: str) -> str:
        return text(lang, self.key, **self.values)

    def __str__(self) -> str:
        return self.render(current_language())

    def __format__(self, format_spec: str) -> str:
        return format(str(self), format_spec)

    def __reduce__(self):
        return _message, (self.key, self.values)


def _message(key: str, values: dict[str, object]) -> Message:
    return Message(key, **values)


class Listing:
    """Items in a message joined as the language joins them: "a, b and c", "a, b of c"; with no
    conjunction "a, b, c". Numbers among them are written as the language writes them."""

    def __init__(self, items: object, conjunction: str | None = "word.and"):
        self.items, self.conjunction = list(items), conjunction

    def render(self, lang: str) -> str:
        parts = [
            shown_number(lang, item) if isinstance(item, int | float) else rendered(item, lang)
            for item in self.items
        ]
        if len(parts) < 2 or self.conjunction is None:
            return ", ".join(parts)
        return ", ".join(parts[:-1]) + text(lang, self.conjunction) + parts[-1]

    def __str__(self) -> str:
        return self.render(current_language())


def rendered(value: object, lang: str | None = None) -> str:
    """A message (or plain text) in `lang`, default the language of the run."""
    render = getattr(value, "render", None)
    return render(lang or current_language()) if callable(render) else str(value)


def number(lang: str, value: float | None) -> str:
    """A number as the audience writes it: thousands grouped, at most two decimals; "–" if none."""
    if value is None or math.isnan(float(value)):
        return "–"
    rounded = round(float(value), 2)
    plain = f"{rounded:,.0f}" if rounded.is_integer() else f"{rounded:,.2f}".rstrip("0")
    return _swap_decimal(lang, plain)


def exact_number(lang: str, value: float) -> str:
    """A number to the precision summary.json has it (up to 10 significant digits), as the
    audience writes it: the final stage values agree with the file to the last digit."""
    return _swap_decimal(lang, format(float(value), ",.10g"))


class Percent(float):
    """A fraction shown as a percentage (a stage's gap): 0.3 is "30 %" in every report."""


def percent(lang: str, fraction: float | None) -> str:
    """A fraction as a percentage with one decimal at most: "30 %", "7,5 %" ("?" when unknown)."""
    if fraction is None or math.isnan(float(fraction)):
        return "?"
    return f"{number(lang, round(100 * float(fraction), 1))} %"


def chance(lang: str, probability: float | None) -> str:
    """A probability as a percentage; near 0 or 1 as "< 0,1 %" or "> 99,9 %", so that a small
    chance never reads as none, nor a large one as certain ("–" when unknown)."""
    if probability is None or math.isnan(float(probability)):
        return "–"
    if 0 < probability < 0.001:
        return f"< {percent(lang, 0.001)}"
    if 0.999 < probability < 1:
        return f"> {percent(lang, 0.999)}"
    return percent(lang, probability)
