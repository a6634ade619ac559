"""The notebooks run from a copy of notebooks/ alone, as from a fresh clone, and show their pictures."""
import pathlib
import shutil

import pytest

NOTEBOOKS = pathlib.Path(__file__).resolve().parents[1] / "notebooks"
CHART_CALLS = ("plt.show()", ".plot", "imshow(")


def run_copy(name, tmp_path):
    """Execute notebooks/<name> in a copy of notebooks/ that has no `shared` folder above it."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    copy = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, copy, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "*.html"))
    assert not [p for p in copy.parents if (p / "shared").exists()], "a shared/ folder above the copy"
    nb = nbformat.read(copy / name, as_version=4)
    for cell in nb.cells:
        cell.pop("outputs", None)     # only outputs of this run count
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(copy)}}).execute()
    return nb, copy


def outputs(nb):
    return [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]


def check_pictures(nb):
    errors = [o for o in outputs(nb) if o.get("output_type") == "error"
              or (o.get("output_type") == "stream" and o.get("name") == "stderr" and "Traceback" in o["text"])]
    assert not errors
    charts = [cell for cell in nb.cells if cell.cell_type == "code" and any(c in cell.source for c in CHART_CALLS)]
    assert charts, "the notebook draws no chart"
    for cell in charts:
        assert any("image/png" in o.get("data", {}) for o in cell.outputs), f"no picture from:\n{cell.source}"


def test_committed_notebooks_show_their_pictures_and_look_nowhere_else():
    nbformat = pytest.importorskip("nbformat")
    paths = sorted(NOTEBOOKS.glob("*.ipynb"))
    assert [p.name for p in paths] == ["quickstart.ipynb", "tracking-a-quote.ipynb"]
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert "shared" not in text and "/work/" not in text, path.name
        check_pictures(nbformat.reads(text, as_version=4))     # stored outputs read on a code host


def test_quickstart_runs_from_a_copy_of_notebooks(tmp_path):
    nb, copy = run_copy("quickstart.ipynb", tmp_path)
    check_pictures(nb)
    html = [o["data"]["text/html"] for o in outputs(nb) if "text/html" in o.get("data", {})]
    assert any("<del" in h and "<ins" in h for h in html), "the diff renders as HTML"
    page = (copy / "report.html").read_text(encoding="utf-8")
    assert "<svg" in page and "<script" not in page


def test_tracking_a_quote_runs_from_a_copy_of_notebooks(tmp_path):
    nb, _ = run_copy("tracking-a-quote.ipynb", tmp_path)
    check_pictures(nb)
    verdicts = next(o["data"]["text/plain"] for o in outputs(nb)
                    if "verdict" in o.get("data", {}).get("text/plain", ""))
    assert "whole" in verdicts and "reworded" in verdicts
    html = [o["data"]["text/html"] for o in outputs(nb) if "text/html" in o.get("data", {})]
    assert any("<del" in h and "<ins" in h and "outlet" in h for h in html), "the word highlights render"
