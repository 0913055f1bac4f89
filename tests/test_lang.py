"""The label tables: Dutch and English complete, the same placeholders, every key the code uses."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from model.diagnosis_words import CHANGES, REASONS
from model.lang import LABELS, LANGUAGES, has_text, percent, text
from model.settings import COMPONENTS, SITE_KINDS, STAGES, STATUSES

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [*sorted((ROOT / "model").glob("*.py")), ROOT / "solver_cli.py"]
FAMILIES = {
    "component": COMPONENTS,
    "transfer": COMPONENTS,
    "stage": STAGES,
    "site_status": STATUSES,
    "kind": SITE_KINDS,
    "status": ("optimal", "time_limit"),
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
    "why": REASONS,
    "why_item": REASONS,
    "reason": REASONS,
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


def test_every_key_written_in_the_code_exists():
    used = {
        key
        for source in SOURCES
        for key in re.findall(r'text\(\s*\w+,\s*"([\w.]+)"', source.read_text(encoding="utf-8"))
    }
    assert used, 'the pattern finds the text(lang, "key") calls'
    assert sorted(k for k in used if not has_text("nl", k)) == []


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
