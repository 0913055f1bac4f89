"""Every write that must never leave a half-written file: one file (`write_atomic`: a temporary
file beside it, then one rename), and a result folder (check a target before any work, lock it,
and replace a result in it).

A result is written into a temporary folder beside the target; a new target is that folder
renamed. In an earlier result only what uitruil writes is replaced (the files of WRITTEN and the
run folders of a comparison); a user's notes, an instance kept beside the result, every other file
stays. The swap is undone when it is interrupted (Ctrl-C), and a swap cut short by a crash is put
back by the next run. A lock file beside the target keeps two runs from writing it at once.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from model.core.errors import InputError, Problem, os_reason
from model.lang import Message

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
    import msvcrt

RESULT_MARKER = "summary.json"
"""The file every result folder holds."""
WRITTEN = frozenset(
    {
        "summary.json",
        "municipalities.csv",
        "sites.csv",
        "transfers.csv",
        "deals.csv",
        "report.md",
        "report.xlsx",
        "report.html",
        "fallback.csv",
        "scenario.toml",
        "compare.csv",
        "compare.md",
        "municipalities_delta.csv",
    }
)
"""Every file uitruil writes into a result or compare folder: the only files it ever replaces."""

_held: set[str] = set()
"""Targets this process has locked (a lock is taken once, however deeply `claimed` nests)."""


def is_result_folder(path: Path) -> bool:
    return (path / RESULT_MARKER).is_file()


def check_target(path: Path, marker: str = RESULT_MARKER) -> None:
    """Refuse, before any work, a target that cannot take a result.

    It must be a folder or not exist, not a dangling symbolic link; an existing folder must be
    empty or hold an earlier result (`marker`: summary.json, compare.csv for compare folders);
    and uitruil must be able to write where the result goes.
    """
    if path.is_symlink() and not path.exists():
        raise InputError(Problem(str(path), Message("target.dangling_link")))
    if path.exists() and not path.is_dir():
        raise InputError(Problem(str(path), Message("target.not_a_folder")))
    if path.is_dir() and any(path.iterdir()) and not (path / marker).is_file():
        raise InputError(Problem(str(path), Message("target.not_a_result", marker=marker)))
    existing = next(folder for folder in (path, *path.absolute().parents) if folder.exists())
    if not existing.is_dir():
        message = Message("target.under_a_file", existing=str(existing))
        raise InputError(Problem(str(path), message))
    for folder in {existing, path.absolute().parent} if path.exists() else {existing}:
        if folder.exists():
            _probe(path, folder)


def _probe(target: Path, folder: Path) -> None:
    """Create and remove a folder in `folder`, as writing the result will."""
    try:
        os.rmdir(tempfile.mkdtemp(prefix=".uitruil-probe.", dir=folder))
    except OSError as error:
        message = Message("target.unwritable", folder=str(folder), error=os_reason(error))
        raise InputError(Problem(str(target), message)) from None


@contextmanager
def claimed(target: Path, marker: str = RESULT_MARKER) -> Iterator[None]:
    """`target` checked (check_target) and locked against other uitruil runs until the end.

    Take it before solving, so that a target that cannot take the result is refused at once.
    """
    key = os.path.abspath(target)
    if key in _held:
        yield
        return
    check_target(target, marker)
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = target.parent / f".{target.name}.lock"
    handle = _lock(lock, target)
    _held.add(key)
    try:
        yield
    finally:
        _held.discard(key)
        try:
            lock.unlink(missing_ok=True)  # before the lock is released: see _lock
        except OSError:
            pass  # Windows cannot remove an open file; the lock file stays, harmless
        handle.close()


def _lock(lock: Path, target: Path):
    """An open lock file, locked; a lock held by another run is an InputError.

    A run that locked a lock file that was removed meanwhile tries again with the new one.
    """
    while True:
        handle = open(lock, "a")  # closed by `claimed`
        try:
            if fcntl:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            else:
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            handle.close()
            message = Message("target.locked", lock=str(lock))
            raise InputError(Problem(str(target), message)) from None
        try:
            same = os.path.samestat(os.fstat(handle.fileno()), os.stat(lock))
        except FileNotFoundError:
            same = False
        if same:
            return handle
        handle.close()


def replace_folder(
    target: Path,
    fill: Callable[[Path], None],
    marker: str = RESULT_MARKER,
    written: frozenset[str] = WRITTEN,
) -> None:
    """Write `fill(folder)` into a temporary folder and put its files in `target` as one step.

    An existing target must hold an earlier result (`marker`, check_target); only the files named
    in `written` (and run folders) are replaced in it. Folders get the user's umask. A failure to
    write (a full disk) is an InputError naming the target.
    """
    with claimed(target, marker):
        _recover(target)
        try:
            new = Path(tempfile.mkdtemp(prefix=f".{target.name}.new.", dir=target.parent))
            try:
                fill(new)
                new.chmod(0o777 & ~umask())
                if target.exists():
                    _swap(new, target, written)
                else:
                    new.rename(target)
            finally:
                shutil.rmtree(new, ignore_errors=True)
        except OSError as error:
            message = Message("file.unwritable", error=os_reason(error))
            raise InputError(Problem(str(target), message)) from None


def umask() -> int:
    """The user's umask: new files and folders get the modes it allows, as any program's do."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class _Renames:
    """The renames and new folders of a swap, in order, so that it can be undone."""

    def __init__(self) -> None:
        self.done: list[tuple[Path | None, Path]] = []

    def rename(self, source: Path, destination: Path) -> None:
        source.rename(destination)
        self.done.append((source, destination))

    def mkdir(self, folder: Path) -> None:
        folder.mkdir()
        self.done.append((None, folder))

    def undo(self) -> None:
        for source, destination in reversed(self.done):
            if source is None:
                destination.rmdir()
            else:
                destination.rename(source)


def _swap(new: Path, target: Path, written: frozenset[str]) -> None:
    """Move what uitruil wrote in `target` aside and the entries of `new` in; undone if cut short.

    Refused (nothing moved) when a new entry would replace something uitruil did not write.
    """
    clash = _clash(new, target, written)
    if clash:
        message = Message("target.clash", entry=str(clash.relative_to(target)))
        raise InputError(Problem(str(target), message))
    old = _old(target)
    renames = _Renames()
    emptied: list[Path] = []
    try:
        renames.mkdir(old)
        _swap_entries(new, target, old, renames, emptied, written)
    except BaseException:
        renames.undo()
        raise
    shutil.rmtree(old)
    for folder in emptied:
        if not any(folder.iterdir()):
            folder.rmdir()


def _swap_entries(
    new: Path | None,
    target: Path,
    old: Path,
    renames: _Renames,
    emptied: list[Path],
    written: frozenset[str],
) -> None:
    """Within one folder: uitruil's entries to `old`, then those of `new` (None: none) in.

    A run folder (a result folder inside a compare folder) is swapped file by file, so that what
    a user put into it stays; one that the new result no longer has is left with only those.
    """
    incoming = {entry.name: entry for entry in new.iterdir()} if new else {}
    for entry in sorted(target.iterdir()):
        if _run_folder(entry):
            renames.mkdir(old / entry.name)
            run = incoming.pop(entry.name, None)
            _swap_entries(run, entry, old / entry.name, renames, [], written)
            if new is None or not (new / entry.name).exists():
                emptied.append(entry)
        elif entry.name in written or entry.name in incoming:
            renames.rename(entry, old / entry.name)
    for name, entry in incoming.items():
        renames.rename(entry, target / name)


def _clash(new: Path, target: Path, written: frozenset[str]) -> Path | None:
    """A user's entry in `target` that an entry of `new` would replace, or None."""
    for entry in new.iterdir():
        here = target / entry.name
        if not (here.exists() or here.is_symlink()):
            continue
        if _run_folder(here) and entry.is_dir():
            found = _clash(entry, here, written)
            if found:
                return found
        elif entry.name not in written:
            return here
    return None


def _run_folder(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink() and is_result_folder(path)


def _old(target: Path) -> Path:
    return target.parent / f".{target.name}.old"


def _recover(target: Path) -> None:
    """Put back what a run cut short by a crash left aside, and remove its temporary folders.

    Called with the lock held: what is there is left by a run that no longer runs.
    """
    old = _old(target)
    if old.is_dir():
        if not target.exists():
            old.rename(target)
        else:
            _restore(old, target)
    for stale in target.parent.glob(f".{target.name}.new.*"):
        shutil.rmtree(stale, ignore_errors=True)


def _restore(old: Path, target: Path) -> None:
    """Move every entry of `old` back into `target`, over what a cut-short swap put there."""
    for entry in old.iterdir():
        here = target / entry.name
        if entry.is_dir() and here.is_dir():
            _restore(entry, here)
            continue
        if here.is_dir() and not here.is_symlink():
            shutil.rmtree(here)
        entry.replace(here)
    shutil.rmtree(old)


def write_atomic(path: Path, write: Callable[[Path], None]) -> Path:
    """`write(tmp)` into a temporary file beside `path`, then move it into place in one step."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        tmp.chmod(0o666 & ~umask())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path
