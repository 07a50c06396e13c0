"""The edition's tables, as ``data/datapackage.json`` describes them.

The descriptor is the one statement of each table's columns, types, allowed values and keys:
frictionless validates the tables against it, the data dictionary page is rendered from it, and
the edition's own rules (``edition.rules``) read their lists of allowed values from it.
"""
from __future__ import annotations

import csv
import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path

from . import paths
from .problems import located

LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Row:
    """One data row; ``number`` counts the header as row 1, so it is the line in the file."""

    number: int
    values: dict[str, str]

    def __getitem__(self, field: str) -> str:
        return self.values.get(field) or ""

    def keys(self, field: str) -> list[str]:
        """A ``;``-separated list of bibliography keys, as a list."""
        return [key.strip() for key in self[field].split(LIST_SEPARATOR) if key.strip()]


@paths.per_root
def descriptor() -> dict:
    return json.loads(paths.DESCRIPTOR.read_text(encoding="utf-8"))


def resource(name: str) -> dict:
    return next(r for r in descriptor()["resources"] if r["name"] == name)


def path(name: str) -> Path:
    return paths.DESCRIPTOR.parent / resource(name)["path"]


def column(resource_name: str, field_name: str) -> dict:
    return next(f for f in resource(resource_name)["schema"]["fields"] if f["name"] == field_name)


def allowed(resource_name: str, field_name: str) -> list[str]:
    """The values a field may take (its ``enum`` constraint)."""
    return column(resource_name, field_name)["constraints"]["enum"]


def rows(name: str) -> list[Row]:
    with path(name).open(newline="", encoding="utf-8") as handle:
        return [Row(number, record) for number, record in enumerate(csv.DictReader(handle), start=2)]


@dataclass
class Validation:
    """What frictionless found: located problem lines, and which rows or whole tables they spoil,
    so that the edition's own rules can leave those alone and report each mistake once."""

    problems: list[str] = dataclasses.field(default_factory=list)
    bad_rows: dict[str, set[int]] = dataclasses.field(default_factory=dict)
    bad_tables: set[str] = dataclasses.field(default_factory=set)

    def usable(self, table: str) -> list[Row]:
        """The rows of ``table`` that passed the schema (none, if the table as a whole failed)."""
        if table in self.bad_tables:
            return []
        return [row for row in rows(table) if row.number not in self.bad_rows.get(table, set())]


def validate() -> Validation:
    """Check every table against the descriptor with frictionless."""
    from frictionless import Package  # slow to import; only `make check` and the tests need it

    result = Validation()
    for task in Package(str(paths.DESCRIPTOR)).validate().tasks:
        table = paths.DESCRIPTOR.parent / task.place
        for error in task.errors:
            message = _describe(task.name, error)
            if message is None:
                continue
            number = getattr(error, "row_number", None)
            if number is None:
                result.bad_tables.add(task.name)
                number = 1 if "header" in message else None
            else:
                result.bad_rows.setdefault(task.name, set()).add(number)
            result.problems.append(located(table, number, message))
    return result


def _describe(resource_name: str, error) -> str | None:
    """Frictionless's error, said the way a person editing the CSV needs it; None for an error
    that only repeats another one (a missing cell is also a broken "required" constraint)."""
    kind = error.type
    name = getattr(error, "field_name", None)
    cell = getattr(error, "cell", None)
    if kind == "constraint-error":
        constraints = column(resource_name, name).get("constraints", {})
        if cell in (None, "None"):
            return None  # reported as a missing cell
        if "enum" in constraints and cell not in constraints["enum"]:
            return f"{name} '{cell}' is not one of {', '.join(constraints['enum'])}"
        if "pattern" in constraints and cell:
            return f"{name} '{cell}' does not have the required form ({_form(resource_name, name)})"
        if constraints.get("required") and not cell:
            return f"{name} is empty, but every row needs one"
    if kind == "unique-error":
        return f"{name} '{cell}' is already used by an earlier row; it must be unique"
    if kind == "primary-key":
        keys = resource(resource_name)["schema"]["primaryKey"]
        return None if len(keys) == 1 else f"the key ({', '.join(keys)}) repeats an earlier row"
    if kind == "foreign-key":
        target = f"{error.reference_name}.{', '.join(error.reference_field_names)}"
        return f"{', '.join(error.field_names)} '{', '.join(error.field_cells)}' is not in {target}"
    if kind == "missing-cell":
        return f"{name} is missing: the row has too few values"
    if kind == "extra-cell":
        return f"extra value '{cell}': the row has more values than the header has columns"
    if kind == "type-error":
        return f"{name} '{cell}' is not a valid {column(resource_name, name)['type']}"
    if kind in ("incorrect-label", "missing-label", "extra-label", "duplicate-label", "blank-label"):
        label = getattr(error, "label", "") or ""
        return f"header: column {error.field_number} is '{label}', expected '{name}'"
    if kind in ("scheme-error", "source-error", "encoding-error", "format-error"):
        return f"cannot read the table: {error.note}"
    return f"{error.title.lower()}: {error.note}"


def _form(resource_name: str, field_name: str) -> str:
    """A reader's description of a pattern-constrained field."""
    if field_name in ("date", "end_date", "from", "to"):
        return "YYYY-MM-DD, YYYY-MM or YYYY"
    if field_name in ("sources", "counter_sources"):
        return "bibliography keys separated by ';'"
    if field_name in ("paragraph", "first_paragraph"):
        return "p01 … p19"
    if field_name in ("country", "nationality"):
        return "a two-letter ISO 3166-1 code"
    if field_name == "id":
        return "lower-case words joined by hyphens"
    return column(resource_name, field_name)["constraints"]["pattern"]
