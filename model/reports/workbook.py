"""report.xlsx: the package as sheets an analyst can check and annotate before the bestuurlijk overleg.

Sheets (names in model/lang/nl.py and en.py): summary, municipalities, balance, sites, exchange, settings, and
for a compare folder a comparison. The summary's first lines say whether the numbers are real or
illustrative. Text that starts like a formula (=, +, -, @) is stored as text.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from model.io.atomic import write_atomic
from model.lang import Percent, text
from model.reports.presentation import (
    MUNICIPALITY_SHOWN,
    Package,
    balance_frame,
    changed_cells,
    comparison_frame,
    comparison_note,
    cost_frame,
    cost_note,
    deal_sentences,
    delta_frame,
    imposed_frame,
    labelled,
    municipality_frame,
    percent_column,
    province_frame,
    run_frame,
    setting_frame,
    site_frame,
    stage_frame,
    status_frame,
    status_line,
    transfer_frame,
)
from model.results.diagnosis_words import (
    Words,
    closing_frame,
    explained,
    limit_frame,
    why_short_frame,
    why_short_note,
)
from model.results.explanation import BALANCE_COLUMNS, data_line, firmness_assumption
from model.results.result import Result

FORMULA_START = ("=", "+", "-", "@")
HEADER_FILL = PatternFill("solid", fgColor="1F3864")
HEADER_FONT = Font(bold=True, color="FFFFFF")
UNMET_FILL = PatternFill("solid", fgColor="FFC7CE")
UNMET_FONT = Font(bold=True, color="9C0006")
TITLE_FONT = Font(bold=True, size=16)
DATA_FONT = Font(bold=True, size=12)
HEADING_FONT = Font(bold=True, size=13)
CHANGED_FONT = Font(bold=True)
MAX_WIDTH = 70


def plain(value: object) -> object:
    """numpy scalars as Python values, NaN as an empty cell."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def put(ws: Worksheet, row: int, column: int, value: object) -> Cell:
    """Write one cell; text that Excel would read as a formula is kept as text."""
    cell = ws.cell(row=row, column=column, value=plain(value))
    if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def number_format(values: pd.Series) -> str | None:
    """Grouped whole numbers, or two decimals when any value has a fraction; None for text.

    Percentages (a stage's gap, coverage) as "30 %", with one decimal when one needs it."""
    numbers = pd.to_numeric(values, errors="coerce").dropna()
    if len(numbers) and values.dropna().map(lambda v: isinstance(v, Percent)).all():
        return "0 %" if ((numbers * 100).round(6) % 1 == 0).all() else "0.0 %"
    if values.dtype == bool or numbers.empty or len(numbers) < values.notna().sum():
        return None
    return "#,##0" if (numbers == numbers.round()).all() else "#,##0.00"


def write_table(ws: Worksheet, top: int, frame: pd.DataFrame, name: str, empty: str) -> int:
    """`frame` as an Excel table (filter buttons, banded rows) with its header at row `top`.

    An empty frame becomes the sentence `empty`. Returns the first free row after a blank one.
    """
    if frame.empty:
        put(ws, top, 1, empty)
        return top + 2
    for j, column in enumerate(frame.columns, start=1):
        cell = put(ws, top, j, str(column))
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        fmt = number_format(frame[column])
        for i, value in enumerate(frame[column], start=top + 1):
            cell = put(ws, i, j, value)
            if fmt:
                cell.number_format = fmt
    ref = f"A{top}:{get_column_letter(len(frame.columns))}{top + len(frame)}"
    table = Table(displayName=f"tbl_{name}", ref=ref, autoFilter=AutoFilter(ref=ref))
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    ws.add_table(table)
    return top + len(frame) + 2


def heading(ws: Worksheet, row: int, label: str) -> int:
    """A section heading; returns the row below it."""
    put(ws, row, 1, label).font = HEADING_FONT
    return row + 1


def fit_columns(ws: Worksheet, from_row: int = 1) -> None:
    """Column widths after the longest value (from `from_row` on); longer text wraps."""
    widths: dict[int, int] = {}
    for row in ws.iter_rows(min_row=from_row):
        for cell in row:
            if cell.value is None or (cell.font.sz or 0) >= HEADING_FONT.sz:
                continue
            length = len(str(cell.value)) if not isinstance(cell.value, float) else 10
            widths[cell.column] = max(widths.get(cell.column, 8), min(length + 2, MAX_WIDTH))
            if length > MAX_WIDTH:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = width


def new_sheet(wb: Workbook, lang: str, key: str, freeze: str) -> Worksheet:
    """A sheet named from the language table, with the panes frozen above and left of `freeze`."""
    ws = wb.create_sheet(text(lang, f"sheet.{key}"))
    ws.freeze_panes = freeze
    return ws


def summary_sheet(wb: Workbook, result: Result, lang: str) -> None:
    """Provincial test, firm versus soft, stage values, weights and rules."""
    ws = new_sheet(wb, lang, "summary", "A4")
    put(ws, 1, 1, text(lang, "report.title", name=result.summary["instance"])).font = TITLE_FONT
    put(ws, 2, 1, data_line(result.summary, lang)).font = DATA_FONT
    put(ws, 3, 1, status_line(result, lang))
    sections = [
        ("report.test", "test", province_frame(result, lang)),
        ("report.firm_soft", "firm_soft", status_frame(result, lang)),
        ("report.costs", "costs", cost_frame(result, lang)),
        ("report.stages", "stages", stage_frame(result, lang)),
        ("report.weights_rules", "rules", setting_frame(result, lang, ("weights", "rules"))),
    ]
    notes = {"costs": [cost_note(result, lang)], "test": firmness_notes(result, lang)}
    row = 4
    for label, name, frame in sections:
        row = write_table(ws, heading(ws, row, text(lang, label)), frame, name, "–")
        for note in notes.get(name, []):
            put(ws, row, 1, note)
            row += 2
    fit_columns(ws, from_row=4)


def municipality_sheet(wb: Workbook, result: Result, lang: str) -> None:
    """Per municipality: task and obligation per component, places firm and soft, unmet (highlighted)."""
    ws = new_sheet(wb, lang, "municipalities", "C2")
    m = municipality_frame(result)
    m["coverage"] = percent_column(m["coverage"])
    write_table(ws, 1, labelled(m, MUNICIPALITY_SHOWN, lang), "municipalities", "–")
    for column in ("unmet_rec", "unmet_amv"):
        j = MUNICIPALITY_SHOWN.index(column) + 1
        for i, value in enumerate(m[column], start=2):
            if value > 0:
                cell = ws.cell(row=i, column=j)
                cell.fill, cell.font = UNMET_FILL, UNMET_FONT
    fit_columns(ws)


def firmness_notes(result: Result, lang: str) -> list[str]:
    """Under the provincial test: what its chance assumes, when the result has one."""
    odds = result.summary.get("explanation", {}).get("probability")
    return [firmness_assumption(result.summary, lang)] if odds else []


def balances_sheet(wb: Workbook, result: Result, lang: str) -> None:
    """Per municipality its balance: task per component, what it hands over to whom and takes
    over from whom, net value, voluntary part, places firm and soft, unmet (highlighted), and
    the chance that it is covered."""
    ws = new_sheet(wb, lang, "balance", "C2")
    frame = balance_frame(result, lang)
    write_table(ws, 1, frame, "balance", "–")
    j = BALANCE_COLUMNS.index("unmet") + 1
    for i, value in enumerate(frame.iloc[:, j - 1], start=2):
        if value > 0:
            cell = ws.cell(row=i, column=j)
            cell.fill, cell.font = UNMET_FILL, UNMET_FONT
    fit_columns(ws)


def sites_sheet(wb: Workbook, result: Result, lang: str) -> None:
    """Every site by id and name: municipality, kind, status, firm or soft, counted (and why not),
    open, places, cost."""
    ws = new_sheet(wb, lang, "sites", "C2")
    write_table(ws, 1, site_frame(result, lang), "sites", text(lang, "report.no_sites"))
    fit_columns(ws)


def exchange_sheet(wb: Workbook, result: Result, lang: str) -> None:
    """Each deal in a sentence, then the transfers it is made of."""
    ws = new_sheet(wb, lang, "exchange", "A2")
    row = write_table(ws, 1, deal_sentences(result, lang), "deals", text(lang, "report.no_deals"))
    row = heading(ws, row, text(lang, "report.transfers"))
    write_table(ws, row, transfer_frame(result, lang), "transfers", text(lang, "report.no_deals"))
    fit_columns(ws)


def why_short_sheet(wb: Workbook, result: Result, lang: str) -> None:
    """Per short municipality why and what would close it, how much rests on each component,
    then every priced limit and every closing change as rows; no sheet when there is nothing
    to say (no unmet places and not explained)."""
    note = why_short_note(result, lang)
    if note is None and not explained(result):
        return
    ws = new_sheet(wb, lang, "why_short", "B2")
    row = 1
    if note:
        put(ws, row, 1, note)
        row += 2
    row = write_table(ws, row, why_short_frame(result, lang), "why_short", "–")
    dependence = Words(result, lang).dependence()
    if dependence:
        row = heading(ws, row, text(lang, "dependence.title"))
        for line in dependence:
            put(ws, row, 1, line)
            row += 1
        row += 1
    for name, frame in (
        ("limits", limit_frame(result, lang)),
        ("closing", closing_frame(result, lang)),
    ):
        if len(frame):
            row = write_table(ws, row, frame, name, "–")
    fit_columns(ws)


def settings_sheet(wb: Workbook, result: Result, lang: str) -> None:
    """All settings (instance.toml keys) and how the result was computed."""
    ws = new_sheet(wb, lang, "settings", "A2")
    row = write_table(ws, 1, setting_frame(result, lang), "settings", "–")
    row = heading(ws, row, text(lang, "report.run"))
    write_table(ws, row, run_frame(result, lang), "run", "–")
    fit_columns(ws)


def comparison_sheets(wb: Workbook, package: Package, lang: str) -> None:
    """Baseline and scenarios side by side (compare.csv, columns titled with the scenarios' names;
    what differs from the baseline in bold); the municipalities that change per scenario; the
    places imposed without agreement per municipality and run."""
    frame = comparison_frame(package, lang)
    if frame is None:
        return
    ws = new_sheet(wb, lang, "comparison", "B2")
    write_table(ws, 1, frame, "comparison", "–")
    changed = changed_cells(frame).to_numpy()
    for i, j in zip(*changed.nonzero(), strict=True):
        ws.cell(row=i + 2, column=j + 1).font = CHANGED_FONT
    put(ws, len(frame) + 3, 1, comparison_note(package, lang))
    fit_columns(ws)
    ws = new_sheet(wb, lang, "changes", "C2")
    write_table(ws, 1, delta_frame(package, lang), "changes", text(lang, "compare.no_changes"))
    fit_columns(ws)
    ws = new_sheet(wb, lang, "imposed", "B2")
    empty = text(lang, "compare.nothing_imposed")
    write_table(ws, 1, imposed_frame(package.runs, lang), "imposed", empty)
    fit_columns(ws)


def workbook(package: Package, lang: str) -> Workbook:
    """The whole workbook for a package, in `lang`."""
    wb = Workbook()
    wb.remove(wb.active)
    result = package.result
    summary_sheet(wb, result, lang)
    comparison_sheets(wb, package, lang)
    for sheet in (
        municipality_sheet,
        balances_sheet,
        why_short_sheet,
        sites_sheet,
        exchange_sheet,
        settings_sheet,
    ):
        sheet(wb, result, lang)
    return wb


ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""The date every part of the workbook carries, so that the same package gives the same bytes."""
STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def save_stable(book: Workbook, target: Path) -> None:
    """Save without the moment of saving: fixed zip dates and document dates (reproducible)."""
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(target, "w") as out:
        for part in source.infolist():
            data = source.read(part.filename)
            if part.filename == "docProps/core.xml":
                data = STAMP.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", data)
            fixed = zipfile.ZipInfo(part.filename, ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(fixed, data)


def write_workbook(package: Package, path: Path, lang: str) -> Path:
    """Write report.xlsx atomically (a temporary file, then one rename), the same bytes for the
    same package."""
    book = workbook(package, lang)
    return write_atomic(path, lambda tmp: save_stable(book, tmp))
