"""Each stage writes exactly the columns quotetrack/schema.py declares, and kinds are named there."""
import numpy as np
import pandas as pd
import pytest

import quotetrack as qt
from quotetrack.schema import DRIFT_COLUMNS, GROUP_COLUMNS, KINDS, QUOTE_COLUMNS, REPORTED, is_reported

ARTICLES = pd.DataFrame({
    "doc_id": ["wire", "daily"], "outlet": ["Wire", "Daily"],
    "text": ["“We will rebuild every house,” Mayor Rita Olsen said. Olsen said the port would reopen in May.",
             "“We shall rebuild each house,” Olsen said."],
})


@pytest.fixture(scope="module", params=["articles", "no articles"])
def stages(request, nlp):
    articles = ARTICLES if request.param == "articles" else ARTICLES.iloc[:0]
    quotes = qt.extract_quotes(articles, nlp=nlp, reported=True)
    grouped = qt.group_variants(quotes)
    return quotes, grouped, qt.score_drift(grouped)


def test_each_stage_adds_the_columns_the_schema_declares(stages):
    quotes, grouped, scored = stages
    assert quotes.columns.tolist() == [*QUOTE_COLUMNS, "outlet"]
    assert grouped.columns.tolist() == [*quotes.columns, *GROUP_COLUMNS]
    assert scored.columns.tolist() == [*grouped.columns, *DRIFT_COLUMNS]


def test_kinds_are_the_schemas(stages):
    quotes, _, scored = stages
    assert quotes["kind"].cat.categories.tolist() == KINDS
    assert quotes["kind"].tolist() in ([], ["direct", REPORTED, "direct"])
    assert scored["reported"].tolist() == (scored["kind"] == REPORTED).tolist()


def test_is_reported_is_a_mask_of_the_reported_rows():
    frame = pd.DataFrame({"kind": pd.Categorical(["direct", REPORTED, "partial"], categories=KINDS)})
    assert is_reported(frame).tolist() == [False, True, False]
    assert is_reported(frame.iloc[:0]).tolist() == []
    no_kind = pd.DataFrame({"text": ["a", "b"]})
    assert isinstance(is_reported(no_kind), np.ndarray) and is_reported(no_kind).tolist() == [False, False]
