"""Article tables in (CSV, JSON lines, Parquet) and quote tables out, chosen by the file's suffix.

A researcher's articles usually come as a table (`doc_id, outlet, published, url, text`); this
reads one into the articles frame that `extract_quotes` takes, and writes a quote frame back in
the same formats, keeping its dtypes where the format can (Parquet keeps them all).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .schema import is_none

FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
TABLE_SUFFIXES = frozenset(FORMATS)


def is_table(path: str | Path) -> bool:
    """A path whose suffix names a table format (.csv, .jsonl, .ndjson, .parquet)."""
    return Path(path).suffix.lower() in TABLE_SUFFIXES


def read_articles(path: str | Path, *, text_column: str = "text",
                  id_column: str = "doc_id") -> pd.DataFrame:
    """The articles frame (`doc_id`, `text` and every other column) of a CSV, JSON lines
    (.jsonl/.ndjson) or Parquet file, by its suffix.

    Without an `id_column` in the table, doc_id is the row number (from 0). A CSV cell left empty
    is an empty article (no quotes). Raises ValueError naming the file and the problem: an
    unknown suffix, an unreadable file, no text column (naming the columns it has), or a value
    in it that is not text (naming the row, counted from 1, and its doc_id)."""
    path = Path(path)
    table = _read(path, text_column)
    if text_column not in table.columns:
        raise ValueError(f"{path}: no {text_column!r} column (it has: "
                         f"{', '.join(map(str, table.columns)) or 'no columns'})")
    if id_column not in table.columns and id_column != "doc_id":
        raise ValueError(f"{path}: no {id_column!r} column (it has: {', '.join(map(str, table.columns))})")
    for name, role in ((text_column, "text"), (id_column, "doc_id")):
        if role != name and role in table.columns:
            raise ValueError(f"{path}: a column named {role!r} besides the {role} column {name!r}")
    table = table.rename(columns={text_column: "text", id_column: "doc_id"})
    numbered = "doc_id" not in table.columns
    if numbered:
        table.insert(0, "doc_id", range(len(table)))
    texts = table["text"].tolist()
    for row, (doc_id, text) in enumerate(zip(table["doc_id"].tolist(), texts), start=1):
        if not isinstance(text, str):
            what = "missing" if is_none(text) else f"{type(text).__name__} {str(text)[:40]!r}"
            raise ValueError(f"{path}: row {row} (doc_id {doc_id!r}): the {text_column!r} value "  # noqa: TRY004
                             f"is not text ({what})")     # a bad table, as for the other problems
    table["text"] = pd.Series(texts, index=table.index, dtype=object)
    table = table.reset_index(drop=True)
    table.attrs["numbered"] = numbered     # doc_ids are row numbers: the command line prefixes them
    return table


def _read(path: Path, text_column: str) -> pd.DataFrame:
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise ValueError(f"{path}: not a table (the suffix must be one of "
                         f"{', '.join(sorted(TABLE_SUFFIXES))})")
    if not path.is_file():
        raise ValueError(f"{path}: {'is a directory' if path.is_dir() else 'no such file'}")
    try:
        if kind == "csv":
            table = pd.read_csv(path, dtype={text_column: object}, encoding="utf-8-sig")
            if text_column in table.columns:     # an empty cell is an empty article, not NaN
                table[text_column] = table[text_column].astype(object).where(table[text_column].notna(), "")
            return table
        if kind == "jsonl":
            return pd.read_json(path, lines=True, dtype=False, encoding="utf-8")
        return pd.read_parquet(path)
    except (ValueError, OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ValueError(f"{path}: not a readable {kind} table ({message})") from None
    except ImportError:
        raise ValueError(f"{path}: reading Parquet needs pyarrow (pip install pyarrow)") from None



def output_format(path: str | None, chosen: str | None) -> str:
    """The format to write: the one asked for, else the output's suffix, else CSV."""
    if chosen:
        return chosen
    return FORMATS.get(Path(path).suffix.lower(), "csv") if path else "csv"


def write_quotes(frame: pd.DataFrame, out, fmt: str) -> None:
    """Write a quote frame to `out` (a path or a text stream) as csv, jsonl or parquet.

    Parquet keeps every dtype (nullable Int64, booleans, categories, NA drift); JSON lines writes
    NA as null."""
    frame = frame.copy()
    frame.attrs = {}        # extraction errors stay in Python; they are not table metadata
    if fmt == "parquet":
        frame.to_parquet(out, index=False)
    elif fmt == "csv":
        frame.to_csv(out, index=False)
    else:
        frame.astype(object).where(frame.notna(), None).to_json(out, orient="records", lines=True,
                                                                 force_ascii=False)
