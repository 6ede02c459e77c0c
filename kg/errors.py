"""Errors kg reports to users, each a single line."""


class KgError(Exception):
    """Base class: the message is printed as one line and the CLI exits with ``exit_code``."""

    exit_code = 1


class InputError(KgError):
    """A bad input record: ``FILE:LINE: reason``.

    >>> str(InputError("papers.jsonl", 3, "invalid JSON"))
    'papers.jsonl:3: invalid JSON'
    """

    exit_code = 3

    def __init__(self, path, line: int | None, reason: str):
        self.path, self.line, self.reason = str(path), line, reason
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}")


class UsageError(KgError):
    """The command line or a parameter is wrong."""

    exit_code = 2
