"""The README's quickstart runs exactly as written."""
import pathlib
import re

README = pathlib.Path(__file__).resolve().parents[1] / "README.md"


def test_quickstart_runs_as_written(capsys):
    text = README.read_text(encoding="utf-8")
    section = text.split("## Quickstart", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    namespace: dict = {}
    exec(compile(code, "README quickstart", "exec"), namespace)
    quotes = namespace["quotes"]
    out = capsys.readouterr().out
    assert "Wire Service" in out and "mean_drift" in out
    assert set(quotes["speaker"]) == {"Rita Olsen"}
    variants = quotes[quotes["text"].str.contains("rebuild")]
    assert variants["cluster_id"].nunique() == 1
    assert variants["drift"].min() == 0.0 < variants["drift"].max()


def test_the_reported_speech_example_runs_as_written(capsys):
    section = README.read_text(encoding="utf-8").split("### Reported speech", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    namespace: dict = {"qt": __import__("quotetrack")}
    exec(compile(code, "README reported speech", "exec"), namespace)
    quotes = namespace["quotes"]
    assert quotes["kind"].astype(str).tolist() == ["reported", "direct"]
    assert quotes["text"].iloc[0] == "the city would rebuild every house the flood destroyed"
    assert quotes["cluster_id"].nunique() == 1
