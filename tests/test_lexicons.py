"""The lexicons of constants.py: each word listed once, so that editing one entry edits it."""
import ast
import inspect

import pytest

from quotetrack import constants


def _word_lists():
    """(name, words) of every lexicon written as a string of words split on whitespace."""
    for node in ast.parse(inspect.getsource(constants)).body:
        if not isinstance(node, ast.Assign):
            continue
        for inner in ast.walk(node.value):
            if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute) \
                    and inner.func.attr == "split" and isinstance(inner.func.value, ast.Constant):
                yield node.targets[0].id, inner.func.value.value.split()


LEXICONS = dict(_word_lists())


def test_the_lexicons_are_found():
    assert {"REPORTING_VERBS", "WEAK_REPORTING_VERBS", "PERSON_ROLES", "DOCUMENT_NOUNS"} <= set(LEXICONS)


@pytest.mark.parametrize("name", sorted(LEXICONS))
def test_a_lexicon_lists_each_word_once(name):
    words = LEXICONS[name]
    assert sorted({w for w in words if words.count(w) > 1}) == []
