"""pandera schemas of the client tables, built from :data:`kamlib.data.aliases.TABLES`.

One schema per table; they check what is left after the text -> type
conversion of :mod:`kamlib.data.parse`: dtypes, allowed ranges (scales 1-5,
attitude -2..+2, counts and potentials >= 0), allowed category values and
uniqueness of ``customers.customer_id``. Missing values are allowed here
because empty required cells are already reported by the loader with a
clearer message. Referential integrity (sales, contacts, ... refer to known
customers) and duplicate invoice lines are checked across tables in
:mod:`kamlib.data.validate`.

>>> sorted(schema_for("ratings").columns)
['criterion', 'customer_id', 'rated_by', 'rated_on', 'rating']
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from kamlib.data.aliases import TABLES, ColumnSpec

#: pandas dtype of each value kind after conversion
DTYPES = {
    "id": "str",
    "str": "str",
    "cat": "str",
    "date": "datetime64[ns]",
    "money": "float64",
    "float": "float64",
    "int": "Int64",
    "bool": "bool",
}

#: columns that must be unique per table
UNIQUE = {"customers": ("customer_id",)}

#: text columns kept as pandas categoricals (categories sorted like the texts): groups and
#: article numbers repeat on millions of sales lines, and a code per line is a fraction of
#: the text. Values, sorting and ``groupby(..., observed=True)`` results are those of the texts.
CATEGORY_COLUMNS = {"sales": ("article_id", "product_group")}


def dtype_of(table: str, col: ColumnSpec) -> str:
    """The pandas dtype of ``col`` in ``table`` after loading."""
    if col.name in CATEGORY_COLUMNS.get(table, ()):
        return "category"
    return DTYPES[col.kind]


def _checks(col: ColumnSpec) -> list:
    import pandera.pandas as pa

    checks = []
    if col.min is not None and col.max is not None:
        checks.append(pa.Check.in_range(col.min, col.max))
    elif col.min is not None:
        checks.append(pa.Check.ge(col.min))
    elif col.max is not None:
        checks.append(pa.Check.le(col.max))
    if col.allowed:
        checks.append(pa.Check.isin(list(col.allowed)))
    return checks


@cache
def schema_for(table: str):
    """The pandera ``DataFrameSchema`` of ``table`` (canonical columns)."""
    import pandera.pandas as pa

    spec = TABLES[table]
    columns = {
        c.name: pa.Column(
            dtype_of(table, c),
            _checks(c),
            nullable=c.kind != "bool",
            unique=c.name in UNIQUE.get(table, ()),
            required=False,
        )
        for c in spec.columns
    }
    return pa.DataFrameSchema(columns, name=table, strict=False)


def schema_failures(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Failure cases of ``frame`` against the table schema.

    Columns: ``column``, ``check`` (``range``, ``allowed``, ``unique``, ``dtype``
    or pandera's own name), ``index`` (frame index label or NA for
    column-level failures) and ``value``.
    """
    import pandera.pandas as pa

    try:
        schema_for(table).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        fc = exc.failure_cases
        check = fc["check"].astype(str)
        kind = pd.Series("other", index=fc.index)
        kind[check.str.startswith(("in_range", "greater_than", "less_than"))] = "range"
        kind[check.str.startswith("isin")] = "allowed"
        kind[check.str.contains("uniqueness")] = "unique"
        kind[check.str.startswith("dtype")] = "dtype"
        return pd.DataFrame(
            {
                "column": fc["column"].astype(str),
                "check": kind,
                "index": fc["index"],
                "value": fc["failure_case"],
            }
        ).reset_index(drop=True)
    return pd.DataFrame({"column": [], "check": [], "index": [], "value": []})
