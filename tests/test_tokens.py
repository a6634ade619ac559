"""Lemmas from the tagger's tag alone (quotetrack.tokens), on hand-built Docs: no model."""
import pytest
import spacy
from spacy.tokens import Doc

from quotetrack.tokens import lemma

VOCAB = spacy.blank("en").vocab


def tagged(*pairs):
    words, tags = zip(*pairs)
    return Doc(VOCAB, words=list(words), tags=list(tags))


@pytest.mark.parametrize("word, tag, expected", [
    ("Jones", "NNP", "jones"), ("Reynolds", "NNP", "reynolds"), ("Democrats", "NNPS", "democrats"),
    ("news", "NN", "news"), ("analysis", "NN", "analysis"), ("status", "NN", "status"),
    ("news", "NNS", "news"), ("series", "NNS", "series"),
    ("ministers", "NNS", "minister"), ("authorities", "NNS", "authority"), ("spokesmen", "NNS", "spokesman"),
    ("people", "NNS", "person"), ("said", "VBD", "say"), ("says", "VBZ", "say"), ("telling", "VBG", "tell"),
    ("statement", "NN", "statement"),
])
def test_lemma_by_tag(word, tag, expected):
    assert lemma(tagged((word, tag))[0]) == expected
