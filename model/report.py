"""Result folders (shared/spec/cli.md): summary.json, the CSV tables and report.md, written atomically.

A result folder is written into a fresh temporary folder beside the target and then moved into
place as a whole, so that a reader never sees half a result and a failed run leaves the previous
result untouched. A folder that is not a result folder (no summary.json) is never replaced.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from model.errors import InputError, Problem
from model.lang import percent, text
from model.result import Result

TABLES = ("municipalities", "sites", "transfers", "deals")


def is_result_folder(path: Path) -> bool:
    return (path / "summary.json").is_file()


def check_target(path: Path, marker: str = "summary.json") -> None:
    """Refuse to replace anything that is not an earlier result (the user's files stay safe).

    `marker` is the file an earlier result of this kind holds (compare folders: compare.csv).
    """
    if path.exists() and not path.is_dir():
        raise InputError(Problem(str(path), "exists and is not a folder; choose another --out"))
    if path.is_dir() and any(path.iterdir()) and not (path / marker).is_file():
        raise InputError(
            Problem(
                str(path),
                f"is not empty and holds no earlier result (no {marker}); choose another --out",
            )
        )


def replace_folder(target: Path, fill, marker: str = "summary.json") -> None:
    """Create a folder with `fill(tmp)` and move it to `target` as a whole (see check_target)."""
    check_target(target, marker)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        fill(tmp)
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
            old.rmdir()
            target.rename(old)
            tmp.rename(target)
            shutil.rmtree(old)
        else:
            tmp.rename(target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def write_tables(result: Result, folder: Path) -> None:
    (folder / "summary.json").write_text(
        json.dumps(result.summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    for name in TABLES:
        frame = getattr(result, name)
        flags = frame.select_dtypes(bool).columns  # cli.md: counted, open as true/false
        frame = frame.assign(**{c: frame[c].map({True: "true", False: "false"}) for c in flags})
        frame.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")
    (folder / "report.md").write_text(markdown(result), encoding="utf-8")


def write_result(result: Result, target: Path, extra=None) -> None:
    """Write a result folder atomically; `extra(folder)` may add files (xlsx, html) before the move."""

    def fill(folder: Path) -> None:
        write_tables(result, folder)
        if extra:
            extra(folder)

    replace_folder(target, fill)


def read_result(folder: Path) -> Result:
    """Read a result folder back (for check, compare, fallback and reports)."""
    if not is_result_folder(folder):
        raise InputError(Problem(str(folder), "is not a result folder (summary.json is missing)"))
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    tables = {}
    for name in TABLES:
        path = folder / f"{name}.csv"
        if not path.is_file():
            raise InputError(Problem(str(path), "is missing from the result folder"))
        tables[name] = pd.read_csv(
            path,
            dtype={
                "code": str,
                "id": str,
                "from": str,
                "to": str,
                "a": str,
                "b": str,
                "municipality": str,
                "region": str,
                "name": str,
                "reason": str,
            },
            keep_default_na=False,
            na_values=[""],
        )
    for column in ("region", "reason"):
        for frame in tables.values():
            if column in frame.columns:
                frame[column] = frame[column].fillna("")
    return Result(summary=summary, **tables)


def markdown_table(frame: pd.DataFrame) -> str:
    header = "| " + " | ".join(str(c) for c in frame.columns) + " |"
    rule = "|" + "---|" * len(frame.columns)
    rows = ["| " + " | ".join(str(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([header, rule, *rows])


def package_lines(result: Result) -> list[str]:
    """The provincial test, the stage values and the deals, as markdown lines."""
    lang = result.lang
    s = result.summary
    lines = ["", f"## {text(lang, 'report.test')}", ""]
    for province, p in s["provinces"].items():
        lines.append("- " + text(lang, "report.test_line", province=province, **p))
        ok = p["short_rec"] == 0 and p["short_amv"] == 0
        lines.append("  " + text(lang, "report.test_ok" if ok else "report.test_short"))
    lines += ["", f"## {text(lang, 'report.stages')}", ""]
    stage_rows = pd.DataFrame(
        [
            {
                text(lang, "report.stage"): text(lang, f"stage.{name}"),
                text(lang, "report.value"): value,
                text(lang, "col.status"): text(lang, f"status.{s['stages'][name]['status']}"),
                text(lang, "report.gap"): percent(lang, s["stages"][name]["gap"]),
            }
            for name, value in s["objectives"].items()
        ]
    )
    lines.append(markdown_table(stage_rows))
    if s["status"] != "optimal":
        lines += ["", text(lang, "report.not_proven")]
    lines += ["", f"## {text(lang, 'report.deals')}", ""]
    if result.deals.empty:
        lines.append(text(lang, "report.no_deals"))
    lines += [f"- {d}" for d in result.deals["description"]]
    return lines


def markdown(result: Result) -> str:
    """report.md: the package in prose and tables, for a person."""
    lang = result.lang
    s = result.summary
    lines = [f"# {text(lang, 'report.title', name=s['instance'])}", ""]
    lines.append(
        text(
            lang,
            "report.status",
            status=text(lang, f"status.{s['status']}"),
            seconds=s["solver"]["seconds"],
            version=s["solver"]["version"],
        )
    )
    lines += package_lines(result)
    lines += ["", f"## {text(lang, 'report.municipalities')}", ""]
    m = result.municipalities
    lines.append(
        markdown_table(
            pd.DataFrame(
                {
                    text(lang, "col.name"): m["name"],
                    text(lang, "col.task"): m["regular_task"] + m["amv_task"],
                    text(lang, "col.obligation"): m["regular_obligation"] + m["amv_obligation"],
                    text(lang, "col.places"): m["places"],
                    text(lang, "col.firm"): m["firm_places"],
                    text(lang, "col.unmet"): m["unmet_rec"] + m["unmet_amv"],
                    text(lang, "col.value_change"): m["value_change"],
                }
            )
        )
    )
    sites = result.sites
    new = sites[(sites["open"].astype(str) == "True") & (sites["status"].isin(["planned", "idea"]))]
    lines += ["", f"## {text(lang, 'report.sites')}", ""]
    lines.append(
        markdown_table(new[["id", "municipality", "kind", "status", "places", "over_preference"]])
        if len(new)
        else text(lang, "report.no_sites")
    )
    excluded = sites[sites["counted"].astype(str) != "True"]
    if len(excluded):
        lines += ["", f"## {text(lang, 'report.not_counted')}", ""]
        lines.append(markdown_table(excluded[["id", "municipality", "status", "reason"]]))
    lines += ["", f"## {text(lang, 'report.settings')}", "", "```json"]
    lines += [
        json.dumps({"weights": s["weights"], "rules": s["rules"]}, indent=2, ensure_ascii=False),
        "```",
        "",
    ]
    return "\n".join(lines)
