"""Located problems in the edition's data: one line each, naming file, row and problem."""
from __future__ import annotations

from pathlib import Path

from . import paths


def located(path: Path, row: int | str | None, problem: str) -> str:
    """``data/timeline.csv:14: date '2023-13-45' is not a calendar date``."""
    where = paths.relative(path)
    return f"{where}:{row}: {problem}" if row is not None else f"{where}: {problem}"


class DataError(ValueError):
    """Bad input: carries every problem found, each already located."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems
