"""Dutch throughout, English throughout with --lang en (issue 13, "Done when").

overijssel-2024 is solved once in each language (a short stage order, so that it is quick); every
output a person reads is scanned for words of the other language: report.md, the text of
report.html, every text cell of report.xlsx, the sentences of deals.csv, and what `validate`,
`solve` and `check` print (stdout and stderr).

What is not a word of either language, and so is taken out before the scan (the allow-list):

- Names from the instance, removed as whole strings: municipalities, sites, provinces, regions,
  the instance's own name ("Overijssel, cycle 1 (2024)" is the user's, not ours) and the user's
  own words about the data ([meta] source and notes, quoted as written).
- The contract: what a message quotes ('max_places', 'optimal'), what is code in report.md
  (fenced blocks: summary.json's settings; `backticks`), TOML tables ([forecast]), dotted or
  snake_case names and paths (rules.status_weight, summary.json, new_sites), and in the tables of
  report.xlsx and report.html a setting's key and the value beside it (instance.toml, as the user
  wrote it).
- Tokens with a digit (GM0193, OV-02, 2025), and single letters.
- Acronyms and units that both languages use: AMV, azc, COA, CBS, PDOK, HiGHS, km, s, €; and
  the Dutch terms the English texts keep on purpose: opgave, uitruil.

What is left is split into words (hyphens and apostrophes split: "amv-plekken" is "amv" and
"plekken"), and no word may be in the other language's list of frequent words. The lists below
hold no word that is also a word of the language being scanned (`test_the_word_lists_are_apart`):
Dutch has "in", "is", "over", "of", "met", "door", "hard", "open", "kind", "status", "test" ...
"""

from __future__ import annotations

import html.parser
import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from model.io.reading import read_raw
from model.io.writing import flatten_settings
from model.lang import use_language
from solver_cli import main

ROOT = Path(__file__).resolve().parent.parent
OVERIJSSEL = ROOT / "instances" / "overijssel-2024"
QUICK = ["--objective", "shortfall,unmet,fairness,firm,preference,new_sites,deals"]
ACRONYMS = {"amv", "azc", "coa", "cbs", "pdok", "highs", "km", "s"}
GLOSSARY = {"opgave", "opgaven", "uitruil"}
"""Dutch terms the English texts keep on purpose (docs/domain.md): the users say them so."""

ENGLISH = set(
    """
    a about above across after again against all also always among an and another any are
    around away back be because been before being below beside between both but by can cannot
    could did do does done down during each either else enough every everything few first for
    from further get gets give given gives got has have having her here him his how however
    if into it its itself just less like made make many may might more much must my near need
    needs neither never next no none nor not nothing now off often on once one only onto or
    other others our out own rather same second several shall she should since so some still
    such than that the their them themselves then there these they third this those though three
    through thus to together too two under until up upon us very what whatever when where
    whether which while who whom whose why will with within without would yet you your
    place places site sites deal deals housing holders holder task tasks unmet shortfall firm
    soft regular existing decided planned idea ideas available from until reception displaced
    persons ukrainian municipality municipalities province provincial provinces region regional
    obligation obligations exchange exchanged transfer transfers transferred units unit value
    values change changes weight weights rule rules setting settings objective objectives
    fairness largest preferred size new sites count counts counted counting reason reasons
    branch small scale municipal holders taken takes take taking houses provides
    performs voluntary volunteer volunteers volunteered nothing return returns
    error errors warning warnings violation violations expected found missing unknown empty
    row rows column columns sheet sheets table tables written write read reads solve solved
    solving solver run runs result results report reports comparison compare baseline agreement
    imposed cost costs total share shares coverage distance length deals yes
    optimal reached limit time seconds solution computed computation instance package
    reference date dates year years day days least fewer greater smaller larger
    whole number numbers text cell cells header dash control character characters
    name names named bold line lines thicker colour colored coloured point summary
    """.split()
)
"""Frequent English words and the English words of this project (none of them Dutch)."""

DUTCH = set(
    """
    de het een en dat niet op te zijn voor als er maar om ook aan bij uit nog wel geen naar
    dan kan worden wordt heeft hebben meer moet moeten tot na deze dit alle elke elk zo hoe
    wat wie waar hier daar nu ze hun hen zich zelf mag mogen gaat gaan staat staan ligt
    liggen telt tellen mee tussen zonder boven onder vanaf sinds binnen buiten tegen
    plekken plek gemeente gemeenten opgave opgaven afspraak afspraken locatie locaties
    regulier reguliere opvang opvangplekken opvangplek statushouders statushouder huisvest
    huisvesting neemt nemen biedt bieden doet terug vrijwillige tekort provinciale toets
    zacht zachte harde bestaand besloten gepland idee soort kleinschalig gemeentelijk
    peildatum beschikbaar jaar nodig rij rijen kolom kolommen verwacht gevonden ontbreekt
    onbekend onbekende fout waarschuwing waarschuwingen overtreding overtredingen regel
    regels bestanden werkmap blad bladen instelling instellingen waarde waarden getal
    getallen geheel datum tekst leeg lege cel cellen berekend berekening oplossing optimaal
    tijdslimiet bereikt gat doelstelling doelstellingen uitgeruild overgedragen eenheden
    afstand kosten totaal dekking kaart grens grenzen gehaald haalt gedekt gedekte waarvan
    akkoord opgelegde verschil uitgangssituatie vergelijking samenvatting oplosser volgorde
    toegepaste betekenis ja nee oekraïense ontheemden nieuwe voorkeursgrootte grootste deel
    geteld getelde getelde uitbreiden openen geschreven resultaat rapport berekeningen
    eindwaarden rekentijd tellen meetelt niets allebei beide welke zoals ander andere
    """.split()
)
"""Frequent Dutch words and the Dutch words of this project (none of them English)."""

BOTH = set(
    """
    in is over of met door hard open kind status test plan model data type per via top half
    had was die we me he ten at as even want last men man file files folder map euro extra
    basis blank stage stages order scenario scenario's week room red bar land hand arm warm
    net best most later van regio code id
    """.split()
)
"""Words of both languages, in neither list: they prove nothing."""


def test_the_word_lists_are_apart():
    assert not ENGLISH & DUTCH and not ENGLISH & BOTH and not DUTCH & BOTH


# ---- the outputs --------------------------------------------------------------------------------


def cli(*args: object) -> tuple[str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


@pytest.fixture(scope="module", params=["nl", "en"])
def outputs(request, tmp_path_factory) -> tuple[str, dict[str, str], dict]:
    """Per language: every text a person reads, by where it comes from; and the settings."""
    lang = request.param
    out = tmp_path_factory.mktemp(f"purity-{lang}") / "result"
    with use_language("nl"):  # the CLI's default follows the current language: make it the real one
        lang_args = [] if lang == "nl" else ["--lang", "en"]
        texts = dict(
            zip(
                ("validate stdout", "validate stderr"),
                cli("validate", OVERIJSSEL, *lang_args),
                strict=True,
            )
        )
        solved = cli(
            "solve", OVERIJSSEL, "--out", out, "--report", "--time-limit", 30, *QUICK, *lang_args
        )
        texts |= dict(zip(("solve stdout", "solve stderr"), solved, strict=True))
        texts |= dict(
            zip(
                ("check stdout", "check stderr"),
                cli("check", OVERIJSSEL, out, *lang_args),
                strict=True,
            )
        )
    settings = dict(flatten_settings(read_raw(OVERIJSSEL).settings.as_dict()))
    texts["report.md"] = markdown_text((out / "report.md").read_text(encoding="utf-8"))
    texts["report.html"] = html_text((out / "report.html").read_text(encoding="utf-8"), settings)
    texts["report.xlsx"] = workbook_text(out / "report.xlsx", settings)
    texts["deals.csv"] = "\n".join(pd.read_csv(out / "deals.csv")["description"])
    return lang, texts, settings


def without_settings(cells: list[str], settings: dict) -> list[str]:
    """A table row without a setting's key and the value beside it (instance.toml's words)."""
    kept, skip = [], 0
    for cell in cells:
        if skip:
            skip -= 1
        elif cell.strip() in settings:
            skip = 1
        else:
            kept.append(cell)
    return kept


def markdown_text(text: str) -> str:
    return re.sub(r"```.*?```", " ", text, flags=re.S)


class _Page(html.parser.HTMLParser):
    """The text of a page: text nodes and alt texts; table rows cell by cell."""

    def __init__(self, settings: dict):
        super().__init__()
        self.settings, self.parts, self.row, self.cell = settings, [], None, None
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self.skipping += 1
        if tag == "tr":
            self.row = []
        if tag in ("td", "th") and self.row is not None:
            self.cell = []
        alt = dict(attrs).get("alt")
        if alt:
            self.parts.append(alt)

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self.skipping -= 1
        if tag in ("td", "th") and self.cell is not None:
            self.row.append("".join(self.cell))
            self.cell = None
        if tag == "tr" and self.row is not None:
            self.parts += without_settings(self.row, self.settings)
            self.row = None

    def handle_data(self, data):
        if self.skipping:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.row is None:
            self.parts.append(data)


def html_text(page: str, settings: dict) -> str:
    parser = _Page(settings)
    parser.feed(page)
    return "\n".join(parser.parts)


def workbook_text(path: Path, settings: dict) -> str:
    book = load_workbook(path)
    parts = list(book.sheetnames)
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells = [v for v in row if isinstance(v, str)]
            parts += without_settings(cells, settings)
    return "\n".join(parts)


# ---- the scan -------------------------------------------------------------------------------------


def instance_names() -> list[str]:
    """Every name the instance gives, longest first (so that a name inside another goes later)."""
    raw = read_raw(OVERIJSSEL)
    m, s = raw.municipalities, raw.sites
    meta = raw.settings.meta
    names = {
        raw.settings.name,
        meta.source,  # the user's own words about the data (instance.toml [meta])
        *meta.notes.values(),
        *m["name"],
        *m["province"],
        *m["region"].dropna(),
        *s["name"].dropna(),
    }
    return sorted((str(n) for n in names if str(n).strip()), key=len, reverse=True)


CODE = [
    r"(?<![\w])'[^'\n]*'(?![\w])",  # quoted: a column, a value, a setting
    r'"[^"\n]*"',
    r"`[^`\n]*`",
    r"\[[^\]\n]*\]",  # a TOML table: [forecast]
    r"\S*\w[_./@]\w\S*",  # rules.status_weight, summary.json, new_sites, /tmp/...
]


def words(text: str) -> list[str]:
    """The words of `text` that belong to a language: the allow-list taken out (module doc)."""
    for name in instance_names():
        text = text.replace(name, " ")
    for pattern in CODE:
        text = re.sub(pattern, " ", text)
    tokens = [t for t in re.findall(r"[\w'’-]+", text) if not re.search(r"\d", t)]
    found = [w.lower() for t in tokens for w in re.findall(r"[^\W\d_]+", t)]
    return [w for w in found if len(w) > 1 and w not in ACRONYMS | GLOSSARY]


def test_no_word_of_the_other_language(outputs):
    lang, texts, _ = outputs
    foreign = ENGLISH if lang == "nl" else DUTCH
    stray = {
        where: sorted({w for w in words(text) if w in foreign}) for where, text in texts.items()
    }
    assert {where: found for where, found in stray.items() if found} == {}


def test_every_output_was_read(outputs):
    """The scan saw real text in each output (an empty string passes any scan)."""
    lang, texts, _ = outputs
    own = DUTCH if lang == "nl" else ENGLISH
    for where in (
        "validate stdout",
        "solve stdout",
        "solve stderr",
        "check stdout",
        "report.md",
        "report.html",
        "report.xlsx",
        "deals.csv",
    ):
        assert set(words(texts[where])) & own, where


# ---- bad input, in both languages ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "old", "new", "where_nl", "where_en", "nl", "en"),
    [
        (
            "sites.csv",
            ",regular,existing,320,",
            ",hostel,existing,320,",
            "sites.csv, rij 2, kolom 'kind'",
            "sites.csv, row 2, column 'kind'",
            "verwacht een van regular, branch, small, amv, municipal, maar er staat 'hostel'",
            "expected one of regular, branch, small, amv, municipal, got 'hostel'",
        ),
        (
            "sites.csv",
            ",320,430,",
            ",320,veel,",
            "sites.csv, rij 2, kolom 'max_places'",
            "sites.csv, row 2, column 'max_places'",
            "verwacht een geheel getal van 0 tot en met 10.000.000, maar er staat 'veel'",
            "expected a whole number from 0 to 10,000,000, got 'veel'",
        ),
        (
            "instance.toml",
            'exchange_scope = "region"',
            'exchange_scope = "regio"',
            "instance.toml",
            "instance.toml",
            "instelling 'rules.exchange_scope': verwacht 'province', 'region' of 'none', maar er "
            "staat 'regio'",
            "setting 'rules.exchange_scope': expected 'province', 'region' or 'none', got 'regio'",
        ),
    ],
)
def test_bad_input_names_the_same_place_in_both_languages(
    tmp_path, file, old, new, where_nl, where_en, nl, en
):
    folder = tmp_path / "i"
    folder.mkdir()
    for part in OVERIJSSEL.iterdir():
        if part.is_file():
            (folder / part.name).write_bytes(part.read_bytes())
    text = (folder / file).read_text(encoding="utf-8")
    assert old in text
    (folder / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    with use_language("nl"):
        dutch = CliRunner().invoke(main, ["validate", str(folder)])
        english = CliRunner().invoke(main, ["validate", str(folder), "--lang", "en"])
    assert dutch.exit_code == english.exit_code == 2
    assert f"fout: {where_nl}: {nl}" in dutch.stderr.splitlines()
    assert f"error: {where_en}: {en}" in english.stderr.splitlines()
