"""One way from the data package to pandas: a table of ``data/datapackage.json`` as a DataFrame."""
from __future__ import annotations

import pandas as pd

from .. import datapackage

# The schema's types that are not text, as pandas should hold them.
DTYPES = {"integer": "int64", "number": "float64"}


def frame(name: str) -> pd.DataFrame:
    """The rows of the resource ``name``, with its columns in the schema's order and types."""
    fields = datapackage.resource(name)["schema"]["fields"]
    table = pd.DataFrame([row.values for row in datapackage.rows(name)], columns=[field["name"] for field in fields])
    return table.astype({field["name"]: DTYPES[field["type"]] for field in fields if field["type"] in DTYPES})
