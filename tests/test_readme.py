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


def test_the_article_table_example_runs_as_written(tmp_path):
    import os
    import subprocess
    import sys

    import pandas as pd

    section = README.read_text(encoding="utf-8").split("Both commands read article tables", 1)[1]
    script = re.search(r"```bash\n(.*?)```", section, re.DOTALL).group(1)
    root = str(README.parent)
    env = {**os.environ, "PATH": os.pathsep.join([os.path.dirname(sys.executable), os.environ["PATH"]]),
           "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
    result = subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    quotes = pd.read_parquet(tmp_path / "quotes.parquet")
    assert quotes[["doc_id", "outlet", "speaker", "cluster_id"]].astype(object).values.tolist() == [
        ["wire", "Wire Service", "Rita Olsen", 0], ["daily", "The Daily", "Rita Olsen", 0]]
    assert quotes["drift"].tolist()[0] == 0.0 < quotes["drift"].tolist()[1]
