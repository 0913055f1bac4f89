"""The one error type for problems a user can cause (bad files, bad arguments).

The CLI turns an `InputError` into exit status 2 with one line per problem; bugs stay tracebacks.
A problem's message is a `Message` (model/lang/__init__.py): it is shown, with its place, in the language
of the run.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass

from model.lang import Message, current_language, rendered, text

OS_REASONS = {
    errno.EACCES: "os.denied",
    errno.EPERM: "os.denied",
    errno.ENOSPC: "os.full",
    getattr(errno, "EDQUOT", errno.ENOSPC): "os.full",
    errno.EROFS: "os.read_only",
    errno.ENOENT: "file.not_found",
    errno.EISDIR: "file.is_folder",
    errno.ENOTDIR: "os.not_dir",
    errno.ENAMETOOLONG: "os.name_too_long",
}
"""Why the operating system refused, by error number, as a message key."""


def os_reason(error: OSError) -> str:
    """Why a file could not be read or written, in the language of the run where it is known
    (else as the operating system says it)."""
    key = OS_REASONS.get(error.errno)
    return Message(key) if key else str(error.strerror or error)


@dataclass(frozen=True)
class Problem:
    """One problem (or warning) in the input, located as the user sees it in Excel."""

    file: str
    message: str
    row: int | None = None
    column: str | None = None

    def render(self, lang: str) -> str:
        """ "file, row 3, column 'x': message" in `lang`."""
        where = self.file
        if self.row is not None:
            where += text(lang, "where.row", row=self.row)
        if self.column:
            where += text(lang, "where.column", column=self.column)
        return text(lang, "where.problem", where=where, message=rendered(self.message, lang))

    def __str__(self) -> str:
        return self.render(current_language())


class InputError(Exception):
    """Bad input: carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = [Problem(file="", message=problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems = list(problems)
        super().__init__(self.problems)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
