"""The command line: `quotetrack diff A B`, `quotetrack extract FILE...`, `quotetrack report FILE...`."""
from __future__ import annotations

import argparse
import io
import json
import os
import sys
from pathlib import Path

EXIT_SAME, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2


class InputError(Exception):
    """A file the command cannot read; the message names it."""


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return EXIT_TROUBLE
    try:
        return args.run(args)
    except InputError as exc:
        print(f"quotetrack: {exc}", file=sys.stderr)
        return EXIT_TROUBLE
    except BrokenPipeError:
        return EXIT_TROUBLE
    except Exception as exc:  # a one-line message, not a traceback, for trouble at the shell
        print(f"quotetrack: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_TROUBLE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quotetrack", description=(
        "Find the quotations in news articles, who said them, and how they drift."))
    commands = parser.add_subparsers(dest="command")

    diff = commands.add_parser("diff", help="compare the quotations of two versions of a story",
                               description="Pair each quotation of A with its variant in B and "
                               "show the word changes. Exit status: 0 same, 1 different, 2 trouble.")
    diff.add_argument("a", help="first version (a text file, or - for standard input)")
    diff.add_argument("b", help="second version (a text file, or - for standard input)")
    diff.add_argument("--format", choices=("text", "json", "csv"), default="text")
    colour = diff.add_mutually_exclusive_group()
    colour.add_argument("--color", dest="color", action="store_true", default=None,
                        help="colour the text output even when not on a terminal")
    colour.add_argument("--no-color", dest="color", action="store_false",
                        help="never colour the text output")
    diff.set_defaults(run=_run_diff)

    extract = commands.add_parser("extract", help="extract, group and score the quotes of articles",
                                  description="Write one row per quotation (extract_quotes + "
                                  "group_variants + score_drift) for text files, folders of them, or "
                                  "article tables (CSV, JSON lines, Parquet).")
    extract.add_argument("paths", nargs="+", help=PATHS_HELP)
    extract.add_argument("--format", choices=("csv", "jsonl", "parquet"),
                         help="default: by the suffix of -o (.csv, .jsonl, .parquet), else csv")
    extract.add_argument("-o", "--output", help="file to write (default: standard output)")
    _table_options(extract)
    extract.add_argument("--reported", action="store_true",
                         help="also one row per reported statement (`X said that ...`), kind reported")
    extract.set_defaults(run=_run_extract)

    report = commands.add_parser("report", help="write the quotations of articles as one HTML page",
                                 description="Write one self-contained HTML page for text files or "
                                 "folders of them: each utterance with its variants marked word by "
                                 "word, who is quoted where, and drift per source.")
    report.add_argument("paths", nargs="+", help=PATHS_HELP)
    _table_options(report)
    report.add_argument("-o", "--output", help="HTML file to write (default: standard output)")
    report.add_argument("--meta", metavar="CSV", help="a CSV naming each text file in a `file` column; "
                        "its other columns (outlet, published, ...) are carried onto that file's quotes")
    report.add_argument("--by", metavar="COLUMN", help="the column that names each source (default: "
                        "outlet when --meta has one, else the file)")
    report.add_argument("--title", default="Quotations and how they drift", help="the page's title")
    report.set_defaults(run=_run_report)
    return parser


PATHS_HELP = ("text files, folders of .txt files, -, or article tables (.csv, .jsonl, .ndjson, "
              ".parquet: one article per row)")


def _table_options(command) -> None:
    command.add_argument("--text-column", default="text", metavar="COLUMN",
                         help="the column of an article table holding the text (default: text)")
    command.add_argument("--id-column", default="doc_id", metavar="COLUMN",
                         help="the column of an article table naming each article (default: "
                         "doc_id; without one, the row number)")


def _run_diff(args) -> int:
    from .diff import diff

    if args.a == "-" and args.b == "-":
        raise InputError("only one of A and B can be standard input")
    text_a, text_b = read_text(args.a), read_text(args.b)
    result = diff(text_a, text_b, name_a=_label(args.a), name_b=_label(args.b))
    if args.format == "json":
        json.dump({"a": result.name_a, "b": result.name_b, "quotations": result.to_records(),
                   "summary": result.summary}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "csv":
        import pandas as pd
        pd.DataFrame(result.to_records(), columns=["status", "a_text", "b_text", "a_speaker",
                                                   "b_speaker", "drift", "diff"]).to_csv(sys.stdout, index=False)
    else:
        color = args.color if args.color is not None else _terminal(sys.stdout)
        print(result.to_text(color=color))
    return EXIT_SAME if result.same else EXIT_DIFFERENT


def _run_extract(args) -> int:

    from . import extract_quotes, group_variants, score_drift
    from .tables import output_format, write_quotes

    fmt = output_format(args.output, args.format)
    if fmt == "parquet" and not args.output:
        raise InputError("Parquet output needs a file: -o quotes.parquet")
    articles = _articles(args)
    if args.output and not Path(args.output).resolve().parent.is_dir():   # say so before the work
        raise InputError(f"{args.output}: cannot be written (no folder {Path(args.output).parent})")
    quotes = extract_quotes(articles, reported=args.reported,
                            progress=len(articles) > 20 and _terminal(sys.stderr))
    quotes = score_drift(group_variants(quotes))
    out = args.output or sys.stdout
    write_quotes(quotes, out, fmt)
    if fmt == "jsonl" and out is sys.stdout:
        sys.stdout.write("\n")
    return EXIT_SAME


def _articles(args, meta: str | None = None):
    """One articles frame (doc_id, text, other columns) from the text files, folders and tables
    named on the command line; `meta` (a CSV) adds columns to the text files."""
    import pandas as pd

    from .tables import is_table, read_articles

    frames, texts = [], {}
    several = len(args.paths) > 1
    for path in args.paths:
        if path != "-" and is_table(path):
            try:
                table = read_articles(path, text_column=args.text_column, id_column=args.id_column)
            except ValueError as exc:
                raise InputError(str(exc)) from None
            if several and table.attrs.get("numbered"):    # rows of two tables: "a.csv:3", "b.csv:3"
                table["doc_id"] = [f"{Path(path).name}:{d}" for d in table["doc_id"].tolist()]
            frames.append(table)
        else:
            texts.update((_label(p), read_text(p)) for p in _expand([path]))
    if texts:
        files = pd.DataFrame({"doc_id": list(texts), "text": list(texts.values())})
        frames.insert(0, _with_meta(files, meta) if meta else files)
    articles = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    twice = articles["doc_id"][articles["doc_id"].duplicated()].tolist()
    if twice:
        raise InputError(f"doc_id {twice[0]!r} names two articles: give each article its own id "
                         f"(--id-column)")
    return articles


def _run_report(args) -> int:
    from . import extract_quotes, group_variants, report
    from .schema import GROUP_COLUMNS, QUOTE_COLUMNS

    articles = _articles(args, args.meta)
    if args.output and not Path(args.output).resolve().parent.is_dir():   # say so before the work
        raise InputError(f"{args.output}: cannot be written (no folder {Path(args.output).parent})")
    columns = [*articles.columns.drop("text"), *QUOTE_COLUMNS[1:], *GROUP_COLUMNS]
    if args.by is not None and args.by not in columns:
        raise InputError(f"--by {args.by}: no such column; choose from {', '.join(dict.fromkeys(columns))}")
    quotes = extract_quotes(articles, reported=True, progress=len(articles) > 20 and _terminal(sys.stderr))
    page = report(group_variants(quotes), by=args.by, title=args.title)
    if not args.output:
        sys.stdout.write(page)
        return EXIT_SAME
    try:
        Path(args.output).write_text(page, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{args.output}: cannot be written ({exc.strerror or exc})") from None
    return EXIT_SAME


def _with_meta(articles, path: str):
    """The articles with the columns of a CSV that names each text file in a `file` column."""
    import pandas as pd

    try:
        meta = pd.read_csv(io.StringIO(read_text(path)), dtype=str)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise InputError(f"{path}: not a readable CSV ({str(exc).strip()})") from None
    if "file" not in meta.columns:
        raise InputError(f"{path}: no 'file' column (it has: {', '.join(meta.columns)})")
    clash = [c for c in ("doc_id", "text") if c in meta.columns]
    if clash:
        raise InputError(f"{path}: a column named {clash[0]!r} would replace the articles' own")
    meta["file"] = [Path(f).name for f in meta["file"]]
    twice = meta["file"][meta["file"].duplicated()].tolist()
    if twice:
        raise InputError(f"{path}: {twice[0]} is listed twice")
    rows = meta.set_index("file").reindex([Path(d).name for d in articles["doc_id"]])
    return pd.concat([articles, rows.reset_index(drop=True)], axis=1)


def _expand(paths: list[str]) -> list[str]:
    files = []
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            found = sorted(str(f) for f in p.glob("*.txt"))
            if not found:
                raise InputError(f"{path}: a folder with no .txt files")
            files.extend(found)
        else:
            files.append(path)
    return files


def read_text(path: str) -> str:
    """The file's text, or an InputError that names the file and says what is wrong."""
    if path == "-":
        data = sys.stdin.buffer.read()
        name = "standard input"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{path}: no such file")
        if p.is_dir():
            raise InputError(f"{path}: is a directory")
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
        name = path
    if b"\x00" in data:
        raise InputError(f"{name}: a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise InputError(f"{name}: empty")
    return text


def _label(path: str) -> str:
    return "stdin" if path == "-" else path


def _terminal(stream) -> bool:
    return hasattr(stream, "isatty") and stream.isatty() and os.environ.get("NO_COLOR") is None \
        and os.environ.get("TERM") != "dumb"


if __name__ == "__main__":
    sys.exit(main())
