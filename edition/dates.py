"""ISO 8601 dates at the precision a source gives: ``2023-07-20``, ``2023-07`` or ``2023``."""
from __future__ import annotations

import datetime as dt
import re

ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def problem(text: str) -> str | None:
    """Why ``text`` is not an ISO date that exists on the calendar, or None if it is one."""
    match = ISO.match(text)
    if not match:
        return f"'{text}' is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)"
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return f"'{text}' is not a calendar date"
    return None
