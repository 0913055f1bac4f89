"""report.xlsx: the sheets, the result's numbers, highlighting and text that looks like a formula."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from model.lang import text
from model.reports.presentation import Package, load_package
from model.reports.workbook import UNMET_FILL, write_workbook
from report_fixtures import FORMULA_NAME, compare_folder, meeting_result


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "report.xlsx"
    write_workbook(Package(meeting_result()), path, "nl")
    return load_workbook(path)


def rows(ws, header_row: int = 1) -> list[dict]:
    """A sheet's table as dicts keyed by its header (down to the first empty row)."""
    header = [c.value for c in ws[header_row]]
    out = []
    for row in ws.iter_rows(min_row=header_row + 1, values_only=True):
        if row[0] is None:
            break
        out.append(dict(zip(header, row, strict=False)))
    return out


def test_the_sheets_in_dutch(book):
    assert book.sheetnames == [
        "Samenvatting",
        "Gemeenten",
        "Balans",
        "Waarom tekort",
        "Locaties",
        "Uitruil",
        "Instellingen",
    ]


def test_why_short_names_each_short_municipality_with_its_reasons_and_closing_changes(book):
    """The meeting result explained (report_fixtures.meeting_result): Enschede, 400 short, has no
    site; a new regular azc of 400 places closes it. Then the dependence, every reason as a row
    and every change as a row."""
    ws = book["Waarom tekort"]
    (enschede,) = rows(ws)
    assert enschede["gemeente"] == "Enschede" and enschede["niet gedekt"] == 400
    assert text("nl", "why.no_site") in enschede["waarom"]
    assert enschede["wat het dicht"] == text(
        "nl", "change.new_site", name="Enschede", n="400", kind=text("nl", "kind.regular")
    )
    values = [c.value for row in ws.iter_rows() for c in row]
    assert text("nl", "dependence.regular", n="1.200", now="400") in values
    assert text("nl", "reason.no_site") in values and "mogelijkheid" in values


def test_every_sheet_is_frozen_and_every_table_has_its_filter_buttons(book):
    for ws in book:
        assert ws.freeze_panes is not None, ws.title
        assert ws.tables, ws.title
        for table in ws.tables.values():
            assert table.autoFilter is not None and table.autoFilter.ref == table.ref


def test_sites_are_named_with_their_municipality_name_and_cost(book):
    """Z1 opens with 1800 places at 30,000 euro; S1 (60 places) has no cost: blank, not 0."""
    by_id = {r["locatie"]: r for r in rows(book["Locaties"])}
    assert by_id["Z1"]["naam locatie"] == "azc Zwolle" and by_id["Z1"]["gemeente"] == "Zwolle"
    assert by_id["Z1"]["kosten per plek (€ per jaar)"] == 30000
    assert by_id["Z1"]["kosten (€ per jaar)"] == 54_000_000
    assert by_id["S1"]["kosten (€ per jaar)"] is None
    assert book["Locaties"].freeze_panes == "C2"


def test_costs_per_municipality_and_province(book):
    by_code = {r["code"]: r for r in rows(book["Gemeenten"])}
    assert by_code["GM0193"]["kosten hard (€ per jaar)"] == 54_000_000
    assert by_code["GM9999"]["kosten zacht (€ per jaar)"] is None
    assert by_code["GM9999"]["plekken zonder kosten"] == 60
    values = [c.value for row in book["Samenvatting"].iter_rows() for c in row]
    assert text("nl", "report.costs") in values and text("nl", "cost.missing", n="60") in values


def test_gaps_are_stored_as_numbers_shown_as_percentages(book):
    ws = book["Samenvatting"]
    (header,) = [c for row in ws.iter_rows() for c in row if c.value == "gat"]
    gaps = [ws.cell(row=r, column=header.column) for r in range(header.row + 1, header.row + 8)]
    assert all(c.value == 0 and c.number_format == "0 %" for c in gaps)


def test_summary_shows_the_provincial_test_firm_and_soft(book):
    ws = book["Samenvatting"]
    assert ws["A4"].value == text("nl", "report.test")
    (province,) = rows(ws, header_row=5)
    assert province["provincie"] == "P"
    assert (province["opgave"], province["plekken"]) == (2260, 1860)
    assert (province["hard"], province["zacht"]) == (1800, 60)
    assert (province["tekort opvang"], province["niet gedekt"]) == (400, 400)
    assert province["oordeel"] == text("nl", "report.test_short")
    values = [c.value for row in ws.iter_rows() for c in row]
    assert "weights.housing" in values and "rules.exchange_scope" in values
    assert text("nl", "stage.unmet") in values


def test_municipalities_carry_the_result_numbers_and_highlight_unmet(book):
    ws = book["Gemeenten"]
    by_code = {r["code"]: r for r in rows(ws)}
    for m in meeting_result().municipalities.itertuples():
        row = by_code[m.code]
        assert row["gemeente"] == m.name
        assert row["opgave regulier"] == m.regular_task
        assert row["na uitruil regulier"] == m.regular_obligation
        assert (row["plekken"], row["hard"]) == (m.places, m.firm_places)
        assert row["zacht"] == m.places - m.firm_places
        assert row["niet gedekt opvang"] == m.unmet_rec
    header = [c.value for c in ws[1]]
    enschede = 2 + list(by_code).index("GM0153")
    unmet = ws.cell(row=enschede, column=header.index("niet gedekt opvang") + 1)
    assert unmet.value == 400 and unmet.fill.fgColor.rgb.endswith(UNMET_FILL.fgColor.rgb[-6:])
    assert unmet.number_format == "#,##0"
    assert ws.tables and ws.freeze_panes == "C2"


def test_exchange_states_the_deal_in_sentences_then_the_transfers(book):
    ws = book["Uitruil"]
    (deal,) = rows(ws)
    assert deal["afspraak"] == (
        "Zwolle neemt 800 reguliere opvangplekken over van Enschede; "
        "Enschede huisvest 800 statushouders voor Zwolle"
    )
    assert set(ws.tables) == {"tbl_deals", "tbl_transfers"}


def test_text_that_looks_like_a_formula_stays_text(book):
    cells = [c for ws in book for row in ws.iter_rows() for c in row if c.value == FORMULA_NAME]
    assert cells, "the municipality name is in the workbook"
    assert all(c.data_type == "s" for c in cells)
    assert not [c for ws in book for row in ws.iter_rows() for c in row if c.data_type == "f"]


def test_english_sheet_names_come_from_the_language_table(tmp_path):
    path = tmp_path / "report.xlsx"
    write_workbook(Package(meeting_result()), path, "en")
    keys = ("summary", "municipalities", "balance", "why_short", "sites")
    names = [text("en", f"sheet.{k}") for k in keys]
    assert load_workbook(path).sheetnames[:5] == names


def test_compare_folder_puts_runs_side_by_side(tmp_path):
    package = load_package(compare_folder(tmp_path / "cmp"))
    assert [run.stem for run in package.runs] == ["baseline", "ruimer"]
    path = tmp_path / "report.xlsx"
    write_workbook(package, path, "nl")
    ws = load_workbook(path)["Vergelijking"]
    assert [c.value for c in ws[1]] == ["measure", "uitgangssituatie", "Ruimer"]
    assert [[c.value for c in row] for row in ws.iter_rows(min_row=2, max_row=3)] == [
        ["unmet", 400, 350],
        ["deals", 1, 2],
    ]
    assert ws["C2"].font.bold and not ws["B2"].font.bold
