"""Score extraction and attribution with the speaker mention offsets included.

../shared/eval/evaluate.py writes only the speaker name to the predictions it scores, so a quote
attributed through a pronoun ("he said") can only be credited by name, and a gold file that gives
the source mention ("he") never matches a resolved name. This runs the same scorer with
speaker_start/speaker_end passed through, as ../shared/eval/score.py allows.

  python benchmarks/eval_with_mentions.py [CORPUS GOLD]
"""
import json
import pathlib
import sys
import tempfile

import quotetrack as qt

SHARED = pathlib.Path(__file__).resolve().parents[1].parent / "shared"


def main(argv):
    corpus = pathlib.Path(argv[0]) if argv else SHARED / "corpus" / "polnear-dev"
    gold = pathlib.Path(argv[1]) if len(argv) > 1 else SHARED / "corpus" / "polnear-dev.gold.jsonl"
    sys.path.insert(0, str(SHARED / "eval"))
    import score

    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))}
    quotes = qt.extract_quotes(texts)
    pred = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8")
    with pred:
        for row in quotes.itertuples(index=False):
            out = {"doc": row.doc_id, "start": row.start, "end": row.end, "text": row.text,
                   "speaker": None if qt_isna(row.speaker) else row.speaker}
            if not qt_isna(row.speaker_start):
                out["speaker_start"], out["speaker_end"] = int(row.speaker_start), int(row.speaker_end)
            pred.write(json.dumps(out, ensure_ascii=False) + "\n")
    print(f"{len(texts)} documents, {len(quotes)} quotes; predictions in {pred.name}", file=sys.stderr)
    return score.main([str(gold), pred.name])


def qt_isna(value) -> bool:
    import pandas as pd
    return value is None or bool(pd.isna(value))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
