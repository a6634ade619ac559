"""Article tables in (qt.read_articles, the command line) and quote tables out."""
import json
import subprocess
import sys

import pandas as pd
import pytest

import quotetrack as qt
from quotetrack.tables import read_articles

ARTICLES = pd.DataFrame({
    "doc_id": ["wire", "daily"],
    "outlet": ["Wire Service", "The Daily"],
    "text": [("Mayor Rita Olsen visited the port.\n\n“We will rebuild every house that the water "
              "took from us,” she said."),
             "“We shall rebuild each house the water took from us,” Mayor Rita Olsen said."],
})


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "quotetrack", *args], capture_output=True,
                          text=True, timeout=120, cwd=cwd, check=False)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".ndjson", ".parquet"])
def test_read_articles_gives_the_frame_extract_quotes_takes(tmp_path, suffix, nlp):
    path = tmp_path / f"articles{suffix}"
    if suffix == ".csv":
        ARTICLES.to_csv(path, index=False)
    elif suffix == ".parquet":
        ARTICLES.to_parquet(path)
    else:
        ARTICLES.to_json(path, orient="records", lines=True, force_ascii=False)
    articles = read_articles(path)
    assert articles[["doc_id", "outlet", "text"]].astype(object).values.tolist() == \
        ARTICLES.astype(object).values.tolist()
    quotes = qt.extract_quotes(articles, nlp=nlp)
    assert quotes[["doc_id", "outlet", "speaker"]].astype(object).values.tolist() == [
        ["wire", "Wire Service", "Rita Olsen"], ["daily", "The Daily", "Rita Olsen"]]


def test_other_column_names_and_no_id_column(tmp_path):
    path = tmp_path / "a.csv"
    pd.DataFrame({"url": ["u1", "u2"], "body": ["One.", ""]}).to_csv(path, index=False)
    articles = read_articles(path, text_column="body", id_column="url")
    assert articles.to_dict("list") == {"doc_id": ["u1", "u2"], "text": ["One.", ""]}
    numbered = read_articles(path, text_column="body")
    assert numbered.to_dict("list") == {"doc_id": [0, 1], "url": ["u1", "u2"], "text": ["One.", ""]}


@pytest.mark.parametrize("table, options, message", [
    ({"doc_id": ["a"], "body": ["x"]}, {}, "no 'text' column (it has: doc_id, body)"),
    ({"doc_id": ["a", "b"], "text": ["x", None]}, {}, "row 2 (doc_id 'b'): the 'text' value is not text (missing)"),
    ({"doc_id": ["a", "b"], "text": ["x", 7]}, {}, "row 2 (doc_id 'b'): the 'text' value is not text (int '7')"),
    ({"doc_id": ["a"], "text": ["x"]}, {"id_column": "url"}, "no 'url' column (it has: doc_id, text)"),
    ({"body": ["a"], "text": ["x"]}, {"text_column": "body"}, "a column named 'text' besides the text column 'body'"),
])
def test_bad_tables_raise_value_error_naming_the_problem(tmp_path, table, options, message):
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(dict(zip(table, row))) for row in zip(*table.values())),
                    encoding="utf-8")
    with pytest.raises(ValueError) as error:
        read_articles(path, **options)
    assert str(error.value) == f"{path}: {message}"


def test_unreadable_tables_raise_value_error(tmp_path):
    broken = tmp_path / "a.parquet"
    broken.write_text("not parquet", encoding="utf-8")
    with pytest.raises(ValueError, match=f"^{broken}: not a readable parquet table"):
        read_articles(broken)
    with pytest.raises(ValueError, match="no such file"):
        read_articles(tmp_path / "missing.csv")
    with pytest.raises(ValueError, match=r"not a table \(the suffix must be one of .csv"):
        read_articles(tmp_path / "a.txt")


def test_extract_writes_parquet_that_keeps_the_dtypes(tmp_path, nlp):
    source = tmp_path / "articles.csv"
    ARTICLES.to_csv(source, index=False)
    out = tmp_path / "quotes.parquet"
    result = run("extract", str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr
    got = pd.read_parquet(out)
    expected = qt.score_drift(qt.group_variants(qt.extract_quotes(read_articles(source), nlp=nlp)))
    # text columns held as Python objects come back as pandas' own string dtype; all else as it was
    as_text = {c: got[c].dtype for c in expected.columns if expected[c].dtype == object}
    assert all(pd.api.types.is_string_dtype(t) for t in as_text.values())
    pd.testing.assert_frame_equal(got, expected.astype(as_text))
    assert got["speaker_start"].dtype == "Int64" and got["speaker_mismatch"].dtype == "boolean"
    assert got["kind"].dtype == "category" and got["drift"].dtype == "float64"


def test_a_table_and_a_text_file_together_and_jsonl_out(tmp_path):
    table, text = tmp_path / "articles.jsonl", tmp_path / "extra.txt"
    ARTICLES.to_json(table, orient="records", lines=True, force_ascii=False)
    text.write_text("“The harbour opens in May,” Mayor Rita Olsen said.", encoding="utf-8")
    out = tmp_path / "q.jsonl"
    result = run("extract", str(text), str(table), "-o", str(out))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["doc_id"], r["outlet"]) for r in rows] == [
        (str(text), None), ("wire", "Wire Service"), ("daily", "The Daily")]


def test_bad_tables_exit_2_with_one_line(tmp_path):
    table = tmp_path / "a.csv"
    pd.DataFrame({"doc_id": ["a"], "body": ["x"]}).to_csv(table, index=False)
    for command in ("extract", "report"):
        result = run(command, str(table))
        assert result.returncode == 2
        assert result.stderr == f"quotetrack: {table}: no 'text' column (it has: doc_id, body)\n"
    result = run("extract", str(tmp_path / "none.parquet"))
    assert (result.returncode, result.stderr) == (2, f"quotetrack: {tmp_path / 'none.parquet'}: no such file\n")


def test_parquet_needs_an_output_file_in_a_folder_that_exists(tmp_path):
    source = tmp_path / "articles.csv"
    ARTICLES.to_csv(source, index=False)
    result = run("extract", str(source), "--format", "parquet")
    assert (result.returncode, result.stderr) == (2, "quotetrack: Parquet output needs a file: -o quotes.parquet\n")
    out = tmp_path / "missing" / "q.parquet"
    result = run("extract", str(source), "-o", str(out))
    assert (result.returncode, result.stderr) == (
        2, f"quotetrack: {out}: cannot be written (no folder {out.parent})\n")


def test_rows_of_two_tables_without_ids_stay_two_articles(tmp_path):
    for name in ("a.csv", "b.csv"):
        pd.DataFrame({"text": ["“We will win the final,” Lee said."]}).to_csv(tmp_path / name, index=False)
    (tmp_path / "c.txt").write_text("“We will win the final,” Lee said.", encoding="utf-8")
    out = tmp_path / "q.parquet"
    result = run("extract", "a.csv", "b.csv", "c.txt", "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    quotes = pd.read_parquet(out)
    assert sorted(quotes["doc_id"]) == ["a.csv:0", "b.csv:0", "c.txt"]
    assert quotes["passage_sources"].tolist() == [3, 3, 3]


def test_one_doc_id_for_two_articles_exits_2(tmp_path):
    pd.DataFrame({"doc_id": [1, 1], "text": ["“A b c,” Lee said.", "“D e f,” Lee said."]}).to_csv(
        tmp_path / "d.csv", index=False)
    result = run("extract", str(tmp_path / "d.csv"))
    assert (result.returncode, result.stderr) == (
        2, "quotetrack: doc_id 1 names two articles: give each article its own id (--id-column)\n")
