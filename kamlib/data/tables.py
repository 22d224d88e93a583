"""Which tables a client folder may hold and how their files are found.

The one declaration of the tables is :data:`kamlib.data.aliases.TABLES`
(columns, required or optional) in load order :data:`TABLE_NAMES`; this
module derives the required/optional split from it and holds the one rule
for finding a table's file, used by the loader and by the render pre-check:

- the file's base name is the table name in any case (``Sales.CSV``),
- the ending is one of :data:`EXTENSIONS` (any case),
- Excel lock files (``~$sales.xlsx``) and hidden files are ignored,
- two files for the same table (``sales.csv`` and ``sales.xlsx``) are an error.

It imports nothing but :mod:`kamlib.data.aliases`, so every part of the kit
can use it without loading pandas readers.
"""

from __future__ import annotations

from pathlib import Path

from kamlib.data.aliases import TABLE_ORDER, TABLES

#: every table, in the order it is loaded and reported
TABLE_NAMES: tuple[str, ...] = TABLE_ORDER
#: tables every client folder must have
REQUIRED_TABLES: tuple[str, ...] = tuple(t for t in TABLE_ORDER if TABLES[t].required)
#: tables a module may need; absent = module skipped
OPTIONAL_TABLES: tuple[str, ...] = tuple(t for t in TABLE_ORDER if not TABLES[t].required)
#: file name endings accepted per table (lower case)
EXTENSIONS = (".csv", ".xlsx", ".xls", ".xlsm")


class SeveralTableFiles(ValueError):
    """More than one file holds the same table; ``files`` lists them."""

    def __init__(self, table: str, files: list[Path]):
        self.table = table
        self.files = files
        super().__init__(f"several files for table {table}: {', '.join(f.name for f in files)}")


def table_files(client_dir: Path) -> dict[str, list[Path]]:
    """Table name -> candidate files in ``client_dir`` (usually zero or one each)."""
    found: dict[str, list[Path]] = {t: [] for t in TABLE_NAMES}
    for path in sorted(Path(client_dir).iterdir()):
        if not path.is_file() or path.name.startswith(("~$", ".")):
            continue
        stem, ext = path.stem.lower(), path.suffix.lower()
        if stem in found and ext in EXTENSIONS:
            found[stem].append(path)
    return found


def find_table_file(client_dir: Path | str, table: str) -> Path | None:
    """The file holding ``table`` in ``client_dir`` by the data layer's rules, or None.

    Raises :class:`SeveralTableFiles` when two files hold the table and
    ``KeyError`` for a name that is not a table. The file is not read here: a
    file that resolves outside the client folder is found but refused by the
    loader (:func:`kamlib.data.load_client`).
    """
    if table not in TABLES:
        raise KeyError(f"unknown table {table!r}; tables: {', '.join(TABLE_NAMES)}")
    files = table_files(Path(client_dir))[table]
    if len(files) > 1:
        raise SeveralTableFiles(table, files)
    return files[0] if files else None


def outside_client(path: Path, client_dir: Path) -> bool:
    """True when ``path`` resolves (symlinks, ``..``) to a place outside ``client_dir``."""
    try:
        target = Path(path).resolve(strict=False)
        root = Path(client_dir).resolve(strict=False)
    except (OSError, RuntimeError):  # symlink loop
        return True
    return not target.is_relative_to(root)
