"""Read an instance from a folder or an .xlsx workbook and validate it: every problem of every file collected with its file, row and column, raised as one `InputError` (docs/instance-format.md)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from warnings import catch_warnings, simplefilter

import pandas as pd

from model.core.errors import InputError, Problem
from model.core.indicative import indicative_tasks
from model.core.instance import (
    Instance,
    build_instance,
    centroids,
    reason_message,
    whole_km,
)
from model.core.settings import Settings
from model.io.cells import cell_at, cell_text, is_blank, model_columns, read_table
from model.io.schema import (
    DEAL_INPUT,
    FILES,
    INDICATIVE_COLUMNS,
    MUNICIPALITY_INPUT,
    OPTIONAL_PARTS,
    PARTS,
    RATIO_LIMIT,
    SETTINGS_FILE,
    SITE_INPUT,
    Column,
    Grid,
    RawInstance,
    empty_table,
)
from model.io.sources import (
    csv_grid,
    not_a_file,
    sheet_settings,
    toml_settings,
    validated_settings,
    workbook_grids,
)
from model.io.writing import python_value
from model.lang import Listing, Message


def read_instance(path: Path) -> Instance:
    """Read, validate and normalise the instance folder or workbook at `path`."""
    return instance_from_raw(read_raw(path))


def instance_from_raw(raw: RawInstance) -> Instance:
    """Normalise a checked `RawInstance` into an `Instance`, with the warnings of suspicious input."""
    instance = build_instance(
        raw.settings,
        model_columns(raw.municipalities, MUNICIPALITY_INPUT),
        model_columns(raw.sites, SITE_INPUT),
        source=raw.source,
        warnings=raw.warnings,
        deal_rules=raw.deals[list(DEAL_INPUT)],
    )
    instance.warnings += _suspicious(instance, raw)
    return instance


def read_raw(path: Path) -> RawInstance:
    """Read and check an instance folder or workbook as written; all problems in one InputError."""
    path = Path(path)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    if path.is_dir():
        names = dict(FILES)
        given, setting_rows = toml_settings(path / SETTINGS_FILE, problems), {}
        grids = {
            part: csv_grid(path / names[part], problems, warnings, part in OPTIONAL_PARTS)
            for part in PARTS[1:]
        }
    elif path.is_file() and path.suffix.lower() == ".xlsx":
        names = {part: f"{path.name} [{part}]" for part in PARTS}
        with catch_warnings():
            simplefilter("ignore")  # openpyxl's asides: unsupported extensions, odd dates
            grids = workbook_grids(path, names, problems)
        given, setting_rows = sheet_settings(grids["settings"], problems)
    else:
        what = Message("read.not_an_instance")
        why = not_a_file(path)
        plain = why is None or why.key == "file.not_regular"
        message = what if plain else Message("read.because", why=why, what=what)
        raise InputError(Problem(str(path), message))
    return _checked(given, setting_rows, grids, names, path, problems, warnings)


def check_tables(
    given: dict[str, Any], tables: dict[str, pd.DataFrame], base: RawInstance
) -> RawInstance:
    """Check settings and tables changed in memory (a scenario) exactly as `read_raw` checks files.

    `tables` holds municipalities, sites and deals. Every cell goes through the same converter as
    a file's cells; `base` gives the file names, the source and the warnings of reading. Problems
    name the files of `base`.
    """
    grids = {part: _frame_grid(base.names[part], tables[part]) for part in PARTS[1:]}
    return _checked(given, {}, grids, base.names, base.source, [], list(base.warnings))


def _frame_grid(file: str, frame: pd.DataFrame) -> Grid:
    """A table back as the cells of a file: plain Python values, None for blanks."""
    rows = frame.itertuples(index=True, name=None)
    cells = [(int(row), [python_value(v) for v in values]) for row, *values in rows]
    return Grid(file, list(frame.columns), cells, False)


def _checked(
    given: dict[str, Any] | None,
    setting_rows: dict[str, int],
    grids: dict[str, Grid | None],
    names: dict[str, str],
    source: Path,
    problems: list[Problem],
    warnings: list[Problem],
) -> RawInstance:
    """Settings and typed tables from what was read, checked across rows and files."""
    settings = None
    if given is not None:
        settings = validated_settings(given, names["settings"], setting_rows, problems)
    m_grid, s_grid, d_grid = grids["municipalities"], grids["sites"], grids["deals"]
    municipalities = sites = None
    deals = empty_table(DEAL_INPUT)
    if m_grid is not None:
        municipalities = read_table(m_grid, _municipality_columns(m_grid, given), problems)
    if municipalities is not None:
        _check_municipalities(municipalities, names, given, settings, problems)
    if s_grid is not None:
        sites = read_table(s_grid, SITE_INPUT, problems)
    if sites is not None:
        _check_sites(sites, municipalities, names, problems)
    if d_grid is not None:
        deals = read_table(d_grid, DEAL_INPUT, problems)
    if deals is not None:
        _check_deals(deals, municipalities, names, settings, problems)
    tables = {"municipalities": municipalities, "sites": sites, "deals": deals}
    _check_notes(settings, tables, names, setting_rows, problems)
    if problems:
        rank = {name: i for i, name in enumerate(names.values())}
        raise InputError(sorted(problems, key=lambda p: (rank.get(p.file, -1), p.row or 0)))
    return RawInstance(given or {}, settings, municipalities, sites, source, names, warnings, deals)


def indicative_table(raw: RawInstance) -> pd.DataFrame:
    """The indicative distribution (model.md) from [forecast], whatever tasks the file gives."""
    forecast = raw.settings.forecast
    missing = [key for key in ("reception", "amv") if getattr(forecast, key) is None]
    if missing:
        raise InputError(
            [
                Problem(raw.names["settings"], Message("read.forecast_for_indicative", key=key))
                for key in missing
            ]
        )
    m = raw.municipalities
    table = pd.DataFrame({c: m[c] if c in m else None for c in INDICATIVE_COLUMNS})
    table["ses_woa"] = table["ses_woa"].astype(float).fillna(0.0)
    table["reception_task"], table["amv_task"] = indicative_tasks(
        list(table["code"]),
        [int(p) for p in table["population"]],
        list(table["ses_woa"]),
        forecast.reception,
        forecast.amv,
    )
    return table.reset_index(drop=True)


# ---- checks across rows and files ------------------------------------------------------------


def _municipality_columns(grid: Grid, given: dict[str, Any] | None) -> dict[str, Column]:
    """Columns of municipalities.csv: region required under region scope, tasks all-or-none."""
    columns = dict(MUNICIPALITY_INPUT)
    if _lookup(given, "rules.exchange_scope") == "region":
        note = Message("note.region_scope")
        columns["region"] = replace(columns["region"], required=True, note=note)
    header = [cell_text(cell).lower() for cell in grid.header]
    for name in ("reception_task", "amv_task"):
        if name in header and any(
            not is_blank(cell_at(c, header.index(name))) for _, c in grid.rows
        ):
            note = Message("note.tasks_all_or_none")
            columns[name] = replace(columns[name], required=True, note=note)
    return columns


def _check_municipalities(
    m: pd.DataFrame,
    names: dict[str, str],
    given: dict[str, Any] | None,
    settings: Settings | None,
    problems: list[Problem],
) -> None:
    """Unique codes, amv_task <= reception_task, lat and lon together, and a [forecast] for the
    tasks not given.

    `given` is None when the settings could not be read at all; then [forecast] is not checked.
    """
    file, settings_file = names["municipalities"], names["settings"]
    if m.empty:
        problems.append(Problem(file, Message("read.no_municipalities")))
    _unique(m, "code", file, problems)
    _ordered(m, file, "amv_task", "reception_task", problems)
    _paired(m, file, ("lat", "lon"), problems)
    reception, amv = (c in m and m[c].notna().any() for c in ("reception_task", "amv_task"))
    if amv and not reception:
        problems.append(Problem(file, Message("read.amv_without_reception"), column="amv_task"))
    for key, given_in_file in (("reception", reception), ("amv", amv)):
        if given is not None and not given_in_file and _lookup(given, f"forecast.{key}") is None:
            problems.append(
                Problem(settings_file, Message("read.forecast_missing", key=key, file=file))
            )
    forecast = settings.forecast if settings else None
    if forecast is None or forecast.amv is None:
        return
    pool = int(m["reception_task"].sum()) if reception and not amv else forecast.reception
    if pool is not None and forecast.amv > pool:
        problems.append(
            Problem(
                settings_file, Message("read.forecast_amv_too_large", amv=forecast.amv, pool=pool)
            )
        )


def _check_sites(
    s: pd.DataFrame,
    municipalities: pd.DataFrame | None,
    names: dict[str, str],
    problems: list[Problem],
) -> None:
    """Unique ids, known municipalities, min_places <= max_places, available_from < until."""
    file = names["sites"]
    _unique(s, "id", file, problems)
    _ordered(s, file, "min_places", "max_places", problems)
    _ordered(s, file, "available_from", "available_until", problems, strict=True)
    if municipalities is None or "code" not in municipalities or "municipality" not in s:
        return
    codes = set(municipalities["code"].dropna())
    for row, code in s["municipality"].items():
        if pd.notna(code) and code not in codes:
            problems.append(
                Problem(
                    file,
                    Message("read.unknown_municipality", code=code, file=names["municipalities"]),
                    row,
                    "municipality",
                )
            )


def _paired(
    frame: pd.DataFrame, file: str, columns: tuple[str, str], problems: list[Problem]
) -> None:
    """Complain on rows where one of two columns that go together is filled and the other blank.

    A cell already refused (a bad number) is not blamed a second time.
    """
    refused = {(p.row, p.column) for p in problems if p.file == file}
    first, second = (frame.get(c, pd.Series(None, frame.index)) for c in columns)
    for row, x, y in zip(frame.index, first, second, strict=True):
        blank = [c for c, v in zip(columns, (x, y), strict=True) if pd.isna(v)]
        if len(blank) == 1 and not any((row, c) in refused for c in columns):
            message = Message(
                "read.go_together", columns=Listing(columns, "word.and"), blank=blank[0]
            )
            problems.append(Problem(file, message, row, blank[0]))


def _check_deals(
    d: pd.DataFrame,
    municipalities: pd.DataFrame | None,
    names: dict[str, str],
    settings: Settings | None,
    problems: list[Problem],
) -> None:
    """Rows of deals.csv: two different known municipalities, each pair once (in either order),
    and `require` only for deals the rules allow, at most max_deals_per_municipality per
    municipality (docs/model.md, "Deals").

    `municipalities` or `settings` is None when unreadable; what depends on it is not checked.
    """
    if any(column not in d for column in DEAL_INPUT):
        return
    file, places = names["deals"], _places(municipalities)
    first: dict[tuple[str, str], int] = {}
    required: dict[str, list[int]] = {}
    for row, a, b, rule in d[list(DEAL_INPUT)].itertuples(name=None):
        if pd.isna(a) or pd.isna(b):
            continue
        found = _pair_problems(row, a, b, places, first, names)
        if not found and rule == "require" and places is not None and settings is not None:
            why = _not_allowed(a, b, places, settings, names["municipalities"])
            if why:
                message = Message("read.required_not_allowed", a=a, b=b, why=why)
                found = [Problem(file, message, row, "rule")]
            else:
                required.setdefault(a, []).append(row)
                required.setdefault(b, []).append(row)
        problems += found
    limit = settings.rules.max_deals_per_municipality if settings else 0
    for code, rows in required.items():
        if 0 < limit < len(rows):
            message = Message(
                "read.too_many_required",
                code=code,
                n=len(rows),
                rows=", ".join(map(str, rows)),
                limit=limit,
            )
            problems.append(Problem(file, message, rows[limit], "rule"))


def _check_notes(
    settings: Settings | None,
    tables: dict[str, pd.DataFrame | None],
    names: dict[str, str],
    setting_rows: dict[str, int],
    problems: list[Problem],
) -> None:
    """Every note of `[meta.notes]` is about a column that its table has (a typo would leave the
    note unseen beside the wrong column). Tables that could not be read are not checked."""
    for key in settings.meta.notes if settings else ():
        part, _, column = key.partition(".")
        table = tables[part]
        if table is None or column.lower() in (c.lower() for c in table.columns):
            continue
        close = difflib.get_close_matches(column, list(table.columns), n=1)
        hint = f": did you mean '{part}.{close[0]}'?" if close else ""
        message = f"setting 'meta.notes.{key}': {names[part]} has no column '{column}'{hint}"
        row = setting_rows.get(f"meta.notes.{key}")
        problems.append(Problem(names["settings"], message, row, "value" if row else None))


def _pair_problems(
    row: int,
    a: str,
    b: str,
    places: dict[str, _Place] | None,
    first: dict[tuple[str, str], int],
    names: dict[str, str],
) -> list[Problem]:
    """A row's a and b: known codes (when `places` is known), different, a pair not seen before
    (`first`: pair -> row, updated)."""
    file = names["deals"]
    unknown = [c for c, code in (("a", a), ("b", b)) if places is not None and code not in places]
    if unknown:
        return [
            Problem(
                file,
                Message(
                    "read.unknown_municipality",
                    code=a if c == "a" else b,
                    file=names["municipalities"],
                ),
                row,
                c,
            )
            for c in unknown
        ]
    if a == b:
        return [Problem(file, Message("read.deal_with_itself", code=a), row, "b")]
    pair = (min(a, b), max(a, b))
    if pair in first:
        message = Message("read.pair_twice", a=pair[0], b=pair[1], row=first[pair])
        return [Problem(file, message, row, "a")]
    first[pair] = row
    return []


@dataclass(frozen=True)
class _Place:
    """Where a municipality is, as far as deals are concerned."""

    province: Any
    region: Any
    lat: float
    lon: float


def _places(municipalities: pd.DataFrame | None) -> dict[str, _Place] | None:
    """Province, region and centroid (given, else shipped) by code; None when unreadable."""
    if municipalities is None or "code" not in municipalities or "province" not in municipalities:
        return None
    m = municipalities.dropna(subset=["code"]).drop_duplicates("code").set_index("code")
    where = centroids(m)
    regions = m.get("region", pd.Series(None, m.index))
    return {
        code: _Place(
            m.at[code, "province"], regions[code], where.at[code, "lat"], where.at[code, "lon"]
        )
        for code in m.index
    }


def _not_allowed(a: str, b: str, places: dict[str, _Place], settings: Settings, m_file: str) -> str:
    """Why the rules never let a and b deal, with the fix; "" when they may.

    Mirrors `Instance.may_deal` (forbidden pairs aside), in words.
    """
    rules, pa, pb = settings.rules, places[a], places[b]
    if rules.exchange_scope == "none":
        return Message("deal.scope_none")
    if pa.province != pb.province:
        return Message("deal.other_province", a=a, b=b, pa=pa.province, pb=pb.province)
    if rules.exchange_scope == "region" and pa.region != pb.region:
        return Message("deal.other_region", a=a, b=b, ra=pa.region, rb=pb.region)
    limit = rules.max_distance_km
    if limit <= 0:
        return ""
    km = whole_km(pa.lat, pa.lon, pb.lat, pb.lon)
    if km is None:
        unknown = Listing(
            [c for c in (a, b) if pd.isna(places[c].lat) or pd.isna(places[c].lon)], "word.and"
        )
        return Message("deal.distance_unknown", unknown=unknown, limit=limit, file=m_file)
    if km > limit:
        return Message("deal.too_far", km=km, limit=limit)
    return ""


def _unique(frame: pd.DataFrame, column: str, file: str, problems: list[Problem]) -> None:
    first: dict[Any, int] = {}
    for row, value in frame[column].dropna().items() if column in frame else ():
        if value in first:
            message = Message("read.duplicate", column=column, value=value, row=first[value])
            problems.append(Problem(file, message, row, column))
        first.setdefault(value, row)


def _ordered(
    frame: pd.DataFrame,
    file: str,
    low: str,
    high: str,
    problems: list[Problem],
    strict: bool = False,
) -> None:
    """Complain on rows where `low` exceeds `high` (or equals it, when strict)."""
    if low not in frame or high not in frame:
        return
    for row, a, b in zip(frame.index, frame[low], frame[high], strict=True):
        if pd.isna(a) or pd.isna(b):
            continue
        values = {"low": low, "high": high, "a": python_value(a), "b": python_value(b)}
        if strict and a >= b:
            problems.append(Problem(file, Message("read.not_after", **values), row, high))
        elif a > b:
            problems.append(Problem(file, Message("read.exceeds", **values), row, low))


def _lookup(tree: dict[str, Any] | None, key: str) -> Any:
    """The value at dotted `key` in a nested dict, or None."""
    for part in key.split("."):
        if not isinstance(tree, dict) or part not in tree:
            return None
        tree = tree[part]
    return tree


def _suspicious(instance: Instance, raw: RawInstance) -> list[Problem]:
    """Legal but suspicious input: sites that never open or do not count, odd tasks."""
    m_file, s_file = raw.names["municipalities"], raw.names["sites"]
    m_row = dict(zip(raw.municipalities["code"], raw.municipalities.index, strict=True))
    s_row = dict(zip(raw.sites["id"], raw.sites.index, strict=True))
    warnings = []
    for s in instance.sites.reset_index().itertuples(index=False):
        if not s.counted:
            reason = reason_message(
                s.reason,
                s.available_from,
                s.available_until,
                instance.settings.rules.min_duration_years,
                instance.settings.reference_date,
                s.status,
            )
            message = Message("warn.not_counted", id=s.id, reason=reason)
            warnings.append(Problem(s_file, message, s_row[s.id]))
        if not s.committed and s.lo > s.hi:
            rule = getattr(instance.settings.site_kinds, s.kind)
            message = Message(
                "warn.never_opens",
                id=s.id,
                kind=Message(f"kind.{s.kind}"),
                min=rule.min,
                max=rule.max,
                lo=int(s.min_places),
                hi=int(s.max_places),
            )
            warnings.append(Problem(s_file, message, s_row[s.id], "max_places"))
    warnings += _deal_warnings(instance, raw)
    m = instance.municipalities
    for code in m.index[m["reception_task"] == 0]:
        message = Message("warn.no_task", code=code)
        warnings.append(Problem(m_file, message, m_row[code], "reception_task"))
    if not instance.tasks_computed:
        ratio = (m["reception_task"] / m["population"])[m["reception_task"] > 0]
        typical = ratio.median()
        for code, r in ratio[
            (ratio > RATIO_LIMIT * typical) | (ratio < typical / RATIO_LIMIT)
        ].items():
            message = Message(
                "warn.odd_ratio",
                code=code,
                ratio=1000 * r,
                limit=RATIO_LIMIT,
                median=1000 * typical,
            )
            warnings.append(Problem(m_file, message, m_row[code], "reception_task"))
    return warnings


def _deal_warnings(instance: Instance, raw: RawInstance) -> list[Problem]:
    """A forbidden deal across provinces (it can never happen anyway), and, under a distance
    limit, municipalities without a known centroid (they cannot deal): once, not per row."""
    province = instance.municipalities["province"]
    warnings = [
        Problem(
            raw.names["deals"],
            Message("warn.forbid_across", a=a, b=b, pa=province[a], pb=province[b]),
            row,
            "rule",
        )
        for row, a, b, rule in raw.deals[list(DEAL_INPUT)].itertuples(name=None)
        if rule == "forbid" and province[a] != province[b]
    ]
    limit = instance.settings.rules.max_distance_km
    m = instance.municipalities
    unknown = list(m.index[m["lat"].isna() | m["lon"].isna()])
    if limit > 0 and unknown:
        listed = ", ".join(unknown[:5]) + (", ..." if len(unknown) > 5 else "")
        warnings.append(
            Problem(
                raw.names["municipalities"],
                Message(
                    "warn.no_centroid", n=len(unknown), total=len(m), listed=listed, limit=limit
                ),
            )
        )
    return warnings
