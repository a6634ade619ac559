"""`quotetrack diff` and `quotetrack extract`, run as a user runs them."""
import csv
import io
import json
import subprocess

import pytest

A = ("Mayor Rita Olsen visited the port on Monday.\n\n"
     "“We will rebuild every house that the water took from us,” she said.\n\n"
     "“The harbour will reopen in May,” Olsen told reporters.\n")
B = ("Rita Olsen, the mayor, spoke on Monday.\n\n"
     "“We shall rebuild each house the water took from us,” Olsen said.\n\n"
     "“Nobody will be left behind,” she added.\n")


@pytest.fixture
def files(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A, encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    return a, b


def test_diff_of_two_versions_exits_1_and_shows_the_word_changes(files, cli):
    a, b = files
    result = cli("diff", str(a), str(b))
    assert result.returncode == 1, result.stderr
    out = result.stdout
    assert "[-will-] {+shall+}" in out and "[-every-] {+each+}" in out
    assert "only in" in out and "The harbour will reopen in May," in out
    assert "Nobody will be left behind," in out
    assert out.strip().splitlines()[-1].startswith("1 matched (1 reworded")
    assert "\033[" not in out   # no colour when not on a terminal


def test_diff_of_the_same_quotations_laid_out_otherwise_exits_0(files, tmp_path, cli):
    a, _ = files
    relaid = tmp_path / "relaid.txt"     # other quote marks, spacing, case and paragraph breaks
    relaid.write_text(A.replace("“", '"').replace("”", '"').replace("\n\n", "\n\n\n").replace(" on ", "  on ")
                      .replace("every house", "every  house").replace("The harbour", "the harbour"),
                      encoding="utf-8")
    result = cli("diff", str(a), str(relaid))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"--- {a}", f"+++ {relaid}",
        "= We will rebuild every house that the water took from us,",
        "= the harbour will reopen in May,",   # as B writes it
        "2 matched (0 reworded, 0 with another speaker), 0 only in A, 0 only in B, mean drift 0.00"]


def test_diff_of_a_text_with_no_named_speaker_and_itself_exits_0(tmp_path, cli):
    same = tmp_path / "sign.txt"
    same.write_text("“We will win,” the sign said.\n\n“The harbour will reopen in May,” it read.\n",
                    encoding="utf-8")
    result = cli("diff", str(same), str(same))
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1] == ("2 matched (0 reworded, 0 with another speaker), "
                                              "0 only in A, 0 only in B, mean drift 0.00")


def test_diff_reads_standard_input(files, cli):
    a, _ = files
    result = cli("diff", "--no-color", str(a), "-", stdin=B)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == [f"--- {a}", "+++ stdin"]
    assert "+ only in stdin: Nobody will be left behind,  (Rita Olsen)" in lines


def test_diff_json_parses(files, cli):
    a, b = files
    result = cli("diff", "--format", "json", str(a), str(b))
    data = json.loads(result.stdout)
    assert data["summary"] == {"matched": 1, "reworded": 1, "speaker_changed": 0, "only_in_a": 1,
                               "only_in_b": 1, "paraphrased": 0, "mean_drift": data["summary"]["mean_drift"]}
    assert 0 < data["summary"]["mean_drift"] < 0.5
    assert [(q["status"], q["a_text"], q["b_text"]) for q in data["quotations"]] == [
        ("reworded", "We will rebuild every house that the water took from us,",
         "We shall rebuild each house the water took from us,"),
        ("only_in_a", "The harbour will reopen in May,", None),
        ("only_in_b", None, "Nobody will be left behind,")]


def test_diff_csv_parses(files, cli):
    a, b = files
    rows = list(csv.DictReader(io.StringIO(cli("diff", "--format", "csv", str(a), str(b)).stdout)))
    assert [r["status"] for r in rows] == ["reworded", "only_in_a", "only_in_b"]
    assert rows[0]["a_speaker"] == rows[0]["b_speaker"] == "Rita Olsen"


def test_diff_colours_only_when_asked_or_on_a_terminal(files, cli):
    a, b = files
    assert "\033[31m" in cli("diff", "--color", str(a), str(b)).stdout


@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    (b"", "empty"),
    (b"  \n\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "a binary file, not text"),
    (b"caf\xe9 au lait", "not UTF-8 text (byte 3)"),
])
def test_trouble_exits_2_with_one_line_naming_the_file(tmp_path, files, content, message, cli):
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    result = cli("diff", str(files[0]), str(bad))
    assert result.returncode == 2
    assert result.stderr == f"quotetrack: {bad}: {message}\n"


def test_a_directory_is_trouble(tmp_path, files, cli):
    result = cli("diff", str(files[0]), str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip() == f"quotetrack: {tmp_path}: is a directory"


def test_extract_writes_csv_and_jsonl(files, tmp_path, cli):
    a, b = files
    result = cli("extract", str(a), str(b))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    expected = [(str(a), "We will rebuild every house that the water took from us,", "Rita Olsen"),
                (str(a), "The harbour will reopen in May,", "Rita Olsen"),
                (str(b), "We shall rebuild each house the water took from us,", "Rita Olsen"),
                (str(b), "Nobody will be left behind,", "Rita Olsen")]
    assert [(r["doc_id"], r["text"], r["speaker"]) for r in rows] == expected
    assert rows[0]["cluster_id"] == rows[2]["cluster_id"] != rows[1]["cluster_id"]
    assert list(rows[0])[:9] == ["doc_id", "start", "end", "text", "kind", "speaker", "speaker_start",
                                 "speaker_end", "cue"]
    assert {"cluster_id", "canonical", "drift"} <= set(rows[0])
    out = tmp_path / "q.jsonl"
    assert cli("extract", "--format", "jsonl", "-o", str(out), str(tmp_path)).returncode == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["doc_id"], r["text"], r["speaker"]) for r in records] == expected


def test_extract_reported_adds_the_reported_statements(tmp_path, cli):
    article = tmp_path / "a.txt"
    article.write_text("Mayor Rita Olsen said the harbour would reopen in May.\n\n"
                       "“We will rebuild every house,” she said.\n", encoding="utf-8")
    plain = list(csv.DictReader(io.StringIO(cli("extract", str(article)).stdout)))
    result = cli("extract", "--reported", str(article))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["kind"] for r in plain] == ["direct"]
    assert [(r["kind"], r["text"], r["speaker"]) for r in rows] == [
        ("reported", "the harbour would reopen in May", "Rita Olsen"),
        ("direct", "We will rebuild every house,", "Rita Olsen")]


def test_console_script_is_installed():
    result = subprocess.run(["quotetrack", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "diff" in result.stdout


PARAPHRASING = ("Mayor Rita Olsen visited the port on Monday.\n\n"
                "Olsen said the city would rebuild every house that the water took.")


def test_diff_lists_a_quote_the_other_version_only_paraphrases(files, cli):
    a, _ = files
    b = a.parent / "paraphrase.txt"
    b.write_text(PARAPHRASING, encoding="utf-8")
    result = cli("diff", "--no-color", str(a), str(b))
    assert result.returncode == 1
    assert (f"≈ quoted in {a}, paraphrased in {b}: We will rebuild every house that the water took "
            "from us,  ≈  the city would rebuild every house that the water took  (Rita Olsen)") in result.stdout
    assert f"only in {a}: We will rebuild" not in result.stdout
