"""The command line: `quotetrack diff A B` and `quotetrack extract FILE...`."""
from __future__ import annotations

import argparse
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
                                  "group_variants + score_drift) for text files or folders of them.")
    extract.add_argument("paths", nargs="+", help="text files, folders of .txt files, or -")
    extract.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    extract.add_argument("-o", "--output", help="file to write (default: standard output)")
    extract.set_defaults(run=_run_extract)
    return parser


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

    files = _expand(args.paths)
    texts = {_label(p): read_text(p) for p in files}
    quotes = extract_quotes(texts, progress=len(texts) > 20 and _terminal(sys.stderr))
    quotes = score_drift(group_variants(quotes))
    out = args.output or sys.stdout
    if args.format == "csv":
        quotes.to_csv(out, index=False)
    else:
        quotes.astype(object).where(quotes.notna(), None).to_json(out, orient="records", lines=True,
                                                                   force_ascii=False)
        if out is sys.stdout:
            sys.stdout.write("\n")
    return EXIT_SAME


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
