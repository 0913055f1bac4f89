"""Family 2 of issue 10: files that cannot be read give one line naming the real cause, exit 2."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

import pytest

from builders import (
    MUNICIPALITIES,
    SETTINGS,
    SITES,
    TOY,
    english,  # noqa: F401 (autouse: the messages these tests read are English)
    errors,
    run,
    unprivileged,
    write,
    write_folder,
)
from model.core.errors import InputError
from model.io.reading import read_raw
from model.io.writing import write_instance


def only_error(result) -> str:
    [line] = errors(result)
    return line


def test_a_file_the_user_may_not_read():
    with tempfile.TemporaryDirectory() as folder:
        instance = write_folder(Path(folder) / "i")
        Path(folder).chmod(0o755)
        instance.chmod(0o755)
        read_raw(instance)  # every module this needs is imported while it may be
        (instance / "sites.csv").chmod(0)
        with unprivileged():
            with pytest.raises(InputError) as caught:
                read_raw(instance)
    [problem] = caught.value.problems
    assert str(problem) == "sites.csv: cannot be read: Permission denied"


def test_a_folder_or_a_symlink_loop_where_a_file_should_be(tmp_path):
    folder = write_folder(tmp_path / "i")
    (folder / "sites.csv").unlink()
    (folder / "sites.csv").mkdir()
    (folder / "instance.toml").unlink()
    (folder / "instance.toml").symlink_to(folder / "instance.toml")
    lines = errors(run("validate", folder))
    assert lines == [
        "error: instance.toml: is a symbolic link that leads nowhere (or to itself)",
        "error: sites.csv: is a folder, not a file",
    ]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32"])
def test_a_csv_in_a_wide_encoding(tmp_path, encoding):
    """Excel's "Unicode text" is UTF-16: one line about the encoding, not six missing columns."""
    folder = write_folder(tmp_path / "i")
    (folder / "municipalities.csv").write_bytes(MUNICIPALITIES.encode(encoding))
    line = only_error(run("validate", folder))
    assert line.startswith("error: municipalities.csv: is saved as UTF-")
    assert "save it as 'CSV UTF-8'" in line


def test_an_unterminated_quote_names_its_row(tmp_path):
    sites = SITES.replace("S2,GM0002,,", 'S2,GM0002,"Kamp Zuid,')
    line = only_error(run("validate", write_folder(tmp_path / "i", sites=sites)))
    assert line.startswith('error: sites.csv, row 3: a quote (") opens a cell that is never closed')


def test_a_stray_quote_inside_a_cell_is_read_as_excel_reads_it(tmp_path):
    sites = SITES.replace("S1,GM0001,Azc,", 'S1,GM0001,"Azc" Zuid,')
    raw = read_raw(write_folder(tmp_path / "i", sites=sites))
    assert raw.sites.loc[2, "name"] == "Azc Zuid"


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16"])
def test_a_toml_file_in_another_encoding(tmp_path, encoding):
    text = SETTINGS.replace('"Test"', '"Fryslân"')
    folder = write_folder(tmp_path / "i")
    (folder / "instance.toml").write_bytes(text.encode(encoding))
    line = only_error(run("validate", folder))
    assert line.startswith("error: instance.toml: ") and "save it as UTF-8" in line


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16"])
def test_a_scenario_file_in_another_encoding(tmp_path, encoding):
    path = tmp_path / "s.toml"
    path.write_bytes('name = "Súdwest"\n'.encode(encoding))
    line = only_error(run("solve", TOY, "--scenario", path, "--out", tmp_path / "out"))
    assert line.startswith("error: s.toml: ") and "save it as UTF-8" in line
    assert not (tmp_path / "out").exists()


def test_a_scenario_that_is_a_folder(tmp_path):
    (tmp_path / "s.toml").mkdir()
    line = only_error(run("solve", TOY, "--scenario", tmp_path / "s.toml"))
    assert "s.toml: scenario file cannot be read: is a folder, not a file" in line


def test_a_sheet_or_file_without_a_header_row(tmp_path):
    """The first row holds data: one line saying so, not "column '0' appears twice"."""
    headless = "".join(MUNICIPALITIES.splitlines(keepends=True)[1:])
    line = only_error(run("validate", write_folder(tmp_path / "i", municipalities=headless)))
    assert line.startswith(
        "error: municipalities.csv, row 1: the first row holds no known column name: "
        "expected a header row (code, name, province, population, ...)"
    )


def workbook(tmp_path: Path) -> Path:
    path = tmp_path / "toy.xlsx"
    write_instance(read_raw(TOY), path)
    return path


def rewritten(path: Path, change) -> Path:
    """The workbook with each member's bytes passed through `change(name, data)`."""
    out = path.with_name("damaged.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item, change(item.filename, source.read(item)))
    return out


def test_a_workbook_with_corrupt_deflate_data(tmp_path):
    data = bytearray(workbook(tmp_path).read_bytes())
    start = data.index(b"xl/worksheets/sheet1.xml") + 40  # inside the compressed sheet
    data[start : start + 64] = bytes(64)
    (tmp_path / "damaged.xlsx").write_bytes(bytes(data))
    line = only_error(run("validate", tmp_path / "damaged.xlsx"))
    assert line.startswith("error: damaged.xlsx: cannot be read as a workbook: ")


def test_a_workbook_with_malformed_sheet_xml(tmp_path):
    path = rewritten(
        workbook(tmp_path),
        lambda name, data: data.replace(b"</sheetData>", b"") if "sheet2" in name else data,
    )
    line = only_error(run("validate", path))
    assert line.startswith("error: damaged.xlsx [sites], row ")
    assert ": cannot be read: mismatched tag" in line


def test_nan_in_a_workbook_cell(tmp_path):
    """A number cell holding NaN is no number."""
    path = rewritten(
        workbook(tmp_path),
        lambda name, data: (
            data.replace(b"<v>22000</v>", b"<v>NaN</v>", 1) if "sheet1" in name else data
        ),
    )
    line = only_error(run("validate", path))
    assert line == (
        "error: damaged.xlsx [municipalities], row 2: cannot be read: "
        "a number cell holds 'NaN', which is no number"
    )


def test_not_a_workbook_at_all(tmp_path):
    path = write(tmp_path, "plan.xlsx", "code,name\n")
    line = only_error(run("validate", path))
    assert line.startswith("error: plan.xlsx: cannot be read as a workbook: ")


def test_an_instance_path_that_is_a_symlink_loop(tmp_path):
    loop = tmp_path / "loop.xlsx"
    loop.symlink_to(loop)
    line = only_error(run("validate", loop))
    assert "is a symbolic link that leads nowhere" in line
