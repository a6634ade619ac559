"""Quoted spans from quote marks alone: styles, apostrophes, nesting, broken input."""
import pytest

from quotetrack.quotemarks import find_quoted_spans, split_paragraphs


def spans(text):
    return [text[s.start:s.end] for s in find_quoted_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ("She said “we will win,” and left.", ["we will win,"]),
    ('She said "we will win," and left.', ["we will win,"]),
    ("She said ‘we will win,’ and left.", ["we will win,"]),
    ("She said 'we will win,' and left.", ["we will win,"]),
    ("''We will win,'' she said.", ["We will win,"]),
    ("``We will win,'' she said.", ["We will win,"]),
    ("Elle a dit «nous gagnerons» hier.", ["nous gagnerons"]),
    ("Sie sagte „wir gewinnen“ gestern.", ["wir gewinnen"]),
    ("He said ‹we win› today.", ["we win"]),
])
def test_every_quote_style(text, expected):
    assert spans(text) == expected


def test_apostrophes_are_not_quote_marks():
    text = "Russia's rock 'n' roll of the '90s and Ukraine’s ’80s don't count, the players' union said."
    assert spans(text) == []


def test_apostrophes_inside_a_single_quoted_span():
    assert spans("He called it 'the nation's rock 'n' roll' yesterday.") == ["the nation's rock 'n' roll"]


def test_quote_inside_a_quote_belongs_to_the_outer_one():
    text = "“One would object to the word ‘tyrant’ if he was one,” she said."
    assert spans(text) == ["One would object to the word ‘tyrant’ if he was one,"]


def test_nested_ascii_quotes_close_in_order():
    text = '"That was him saying, \'Don\'t leave it on the field.\'" she said.'
    assert spans(text) == ["That was him saying, 'Don't leave it on the field.'"]


def test_offsets_exclude_the_marks_and_surrounding_space():
    text = 'He said " spaced out " here.'
    (span,) = find_quoted_spans(text)
    assert (span.start, span.end) == (10, 20)
    assert text[span.start:span.end] == "spaced out"


def test_unclosed_mark_is_dropped_and_the_rest_of_the_paragraph_still_read():
    text = 'He said "unbalanced and then ‘inner one’ here.\nNext paragraph "fine" here.'
    assert spans(text) == ["inner one", "fine"]


def test_unclosed_mark_never_swallows_the_next_paragraph():
    text = 'A stray “ mark.\n\nShe said “hello” twice.'
    assert spans(text) == ["hello"]


def test_multi_paragraph_quotation_gives_one_span_per_paragraph():
    text = ('“We will build the road,” the mayor said. “It will take a year.\n\n'
            '“Then we will build the bridge.”\n\nAfter that, nothing.')
    found = find_quoted_spans(text)
    assert [text[s.start:s.end] for s in found] == [
        "We will build the road,", "It will take a year.", "Then we will build the bridge."]
    assert found[1].runs_on and found[1].close_at is None
    assert found[2].resumed


def test_quote_opened_at_the_very_end_of_the_text():
    assert spans('He said "') == []
    assert spans('Fine “ok” then “') == ["ok"]


def test_paragraphs_split_on_every_kind_of_line_break():
    text = "one\r\ntwo\rthree\u2028four\u2029five\n\n  \nsix"
    assert [text[p.start:p.end] for p in split_paragraphs(text)] == [
        "one", "two", "three", "four", "five", "six"]


def test_many_openers_stay_linear_and_balanced():
    text = "“" * 5000 + "x" + "”"
    found = find_quoted_spans(text)
    assert len(found) == 1 and text[found[0].start:found[0].end].endswith("x")
