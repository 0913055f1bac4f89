"""The label tables: Dutch and English complete, the same placeholders, every key the code uses;
messages rendered in the language of the run, with the same place in every language."""

from __future__ import annotations

import datetime as dt
import pickle
import re
import string
from pathlib import Path

import pytest
from click.testing import CliRunner

from model.core.errors import InputError, Problem
from model.core.instance import REASONS, reason_message
from model.core.settings import COMPONENTS, SITE_KINDS, STAGES, STATUSES
from model.io.sources import UNCOMPUTED
from model.lang import (
    LABELS,
    LANGUAGES,
    MESSAGES,
    Listing,
    Message,
    current_language,
    has_text,
    percent,
    text,
    use_language,
)
from model.results.diagnosis_words import CHANGES
from model.results.diagnosis_words import REASONS as SHORT_REASONS
from solver_cli import main

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [*sorted((ROOT / "model").rglob("*.py")), ROOT / "solver_cli.py"]
FAMILIES = {
    "component": COMPONENTS,
    "transfer": COMPONENTS,
    "stage": STAGES,
    "site_status": STATUSES,
    "kind": SITE_KINDS,
    "status": ("optimal", "time_limit", "not_solved"),
    "reason": SHORT_REASONS + REASONS,
    "scenario.remove_only": ("site", "lock"),
    "scenario.nothing_to_remove": ("site", "lock"),
    "scenario.incomplete": ("site", "lock"),
    "sheet": (
        "summary",
        "municipalities",
        "balance",
        "sites",
        "exchange",
        "settings",
        "comparison",
        "changes",
        "imposed",
        "why_short",
    ),
    "why": SHORT_REASONS,
    "why_item": SHORT_REASONS,
    "change": tuple(c for c in CHANGES if c != "room"),
    "change.room": ("housing", "ukraine"),
    "dependence": COMPONENTS,
}
"""Keys the code builds from a name (f"stage.{name}"), by prefix."""


def placeholders(label: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(label) if field}


def test_dutch_and_english_have_the_same_keys():
    assert set(LABELS) == set(LANGUAGES)
    assert set(LABELS["nl"]) == set(LABELS["en"])


@pytest.mark.parametrize("key", sorted(LABELS["nl"]))
def test_both_languages_take_the_same_values(key):
    assert placeholders(LABELS["nl"][key]) == placeholders(LABELS["en"][key])
    assert LABELS["nl"][key].strip() and LABELS["en"][key].strip()


KEY_CALLS = [
    r'text\(\s*\w+,\s*"([\w.]+)"',  # text(lang, "key", ...)
    r'Message\(\s*"([\w.]+)"',  # Message("key", ...)
    r'fail\(\s*"([\w.]+)"',  # check.py: self.fail("key", ...)
    r'"(?:expect|validate)\.[a-z_]+"',  # keys in tables: {"int": "expect.whole"}, _places_line
]
"""How the code names a key; the keys built from a name (f"stage.{name}") are FAMILIES."""


def keys_in_the_code() -> set[str]:
    found = {
        key.strip('"')
        for source in SOURCES
        for pattern in KEY_CALLS
        for key in re.findall(pattern, source.read_text(encoding="utf-8"), re.M)
    }
    return found | {UNCOMPUTED}


def test_every_key_written_in_the_code_exists():
    used = keys_in_the_code()
    assert {"report.title", "cli.error", "check.field", "expect.date_iso"} <= used
    assert sorted(k for k in used if not has_text("nl", k) and "." in k) == []


def test_every_message_is_used():
    """A message no code names is dead text (families aside)."""
    quoted = {
        key
        for source in SOURCES
        for key in re.findall(r'"([a-z_]+\.[a-z_.]+)"', source.read_text(encoding="utf-8"))
    }
    used = keys_in_the_code() | quoted
    used |= {f"{prefix}.{name}" for prefix, names in FAMILIES.items() for name in names}
    used |= {f"reason.{code}.short" for code in REASONS}
    assert sorted(set(MESSAGES) - used) == []


@pytest.mark.parametrize("prefix", sorted(FAMILIES))
def test_every_key_built_from_a_name_exists(prefix):
    for lang in LANGUAGES:
        assert [n for n in FAMILIES[prefix] if not has_text(lang, f"{prefix}.{n}")] == []


def test_sheet_names_are_valid_and_distinct():
    for lang in LANGUAGES:
        names = [text(lang, f"sheet.{k}") for k in FAMILIES["sheet"]]
        assert len(set(names)) == len(names)
        assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)


def test_a_gap_is_a_percentage_with_the_languages_decimal_sign():
    assert percent("nl", 0.3) == "30 %" and percent("en", 0.3) == "30 %"
    assert percent("nl", 0.0754) == "7,5 %" and percent("en", 0.0754) == "7.5 %"
    assert percent("nl", 0) == "0 %" and percent("nl", None) == "?"


# ---- messages: kept as a key and values, shown in the language of the run ------------------------


def test_a_message_is_shown_in_the_language_of_the_run():
    with use_language("en"):
        message = Message("read.column_twice")
        assert message == "column appears twice"
        with use_language("nl"):
            assert str(message) == "kolom staat er twee keer"
            assert f"{message}" == "kolom staat er twee keer"
        assert message.render("nl") == "kolom staat er twee keer"
    assert current_language() == "nl"


def test_a_problem_names_the_same_place_in_both_languages():
    problem = Problem("sites.csv", Message("read.column_twice"), 3, "kind")
    assert problem.render("nl") == "sites.csv, rij 3, kolom 'kind': kolom staat er twee keer"
    assert problem.render("en") == "sites.csv, row 3, column 'kind': column appears twice"
    error = InputError([problem, Problem("x.toml", "plain text stays as it is")])
    with use_language("en"):
        assert str(error).splitlines() == [
            problem.render("en"),
            "x.toml: plain text stays as it is",
        ]


def test_numbers_and_dates_as_each_language_writes_them():
    date = dt.date(2026, 12, 31)
    assert Message("expect.date_range", low=date, high=date).render("nl") == (
        "een datum van 31-12-2026 tot en met 31-12-2026"
    )
    assert "2026-12-31" in Message("expect.date_range", low=date, high=date).render("en")
    le = Message("expect.le", le=10_000_000)
    assert (le.render("nl"), le.render("en")) == ("hoogstens 10.000.000", "at most 10,000,000")
    assert Message("expect.le", le=1500).render("en") == "at most 1500"
    assert Message("expect.le", le=0.5).render("nl") == "hoogstens 0,5"
    listing = Listing(["'a'", "'b'", "'c'"], "word.or")
    assert (listing.render("nl"), listing.render("en")) == ("'a', 'b' of 'c'", "'a', 'b' or 'c'")


def test_a_message_inside_a_message_follows_the_outer_language():
    outer = Message("settings.problem", key="weights.amv", message=Message("settings.missing"))
    assert outer.render("nl") == "instelling 'weights.amv': verplichte instelling ontbreekt"
    assert outer.render("en") == "setting 'weights.amv': required setting is missing"


def test_a_message_survives_pickling_between_processes():
    """compare --jobs sends problems from its worker processes back to the parent."""
    message = Message("read.duplicate", column="id", value="S1", row=2)
    again = pickle.loads(pickle.dumps(InputError(Problem("sites.csv", message, 4, "id"))))
    assert again.problems[0].render("en") == Problem("sites.csv", message, 4, "id").render("en")


@pytest.mark.parametrize("code", REASONS)
def test_a_reason_code_in_words_with_and_without_its_dates(code):
    reference, until, start = dt.date(2025, 7, 1), dt.date(2026, 12, 31), dt.date(2026, 3, 1)
    full = reason_message(code, start, until, 5, reference, "idea")
    short = reason_message(code, None, None, None, None, "idea")
    for lang in LANGUAGES:
        assert full.render(lang) and short.render(lang)
    if code == "ends_too_soon":
        assert full.render("nl").startswith(
            "beschikbaar tot 31-12-2026, minder dan 5 jaar na de peildatum 01-07-2025"
        )


@pytest.mark.parametrize(
    "args",
    [
        ["validate"],
        ["indicative"],
        ["convert"],
        ["check"],
        ["fallback"],
        ["solve"],
        ["report"],
        ["compare"],
        ["sweep"],
    ],
)
def test_every_command_takes_lang(args):
    result = CliRunner().invoke(main, [*args, "--help"])
    assert result.exit_code == 0 and "--lang [nl|en]" in result.output


def test_every_message_has_text_in_both_languages():
    for key, pair in MESSAGES.items():
        assert len(pair) == len(LANGUAGES) and all(label.strip() for label in pair), key
