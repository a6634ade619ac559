"""The cue rules one by one, in the order `CUE_RULES` tries them: each on a sentence as the model
parses it, and on the same sentence as a hand-built parse (words, heads, labels and tags given, as
spaCy's own tests build a Doc), so that a new model cannot hide a change of rule, nor a change of
rule hide behind the model."""
import ast
import pathlib
import tokenize

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from quotetrack import attribution
from quotetrack.attribution.context import ArticleContext
from quotetrack.attribution.cues import CUE_RULES, find_cue
from quotetrack.attribution.kinds import quote_kind
from quotetrack.quotemarks import find_quoted_spans, split_paragraphs

CASES = [
    # rule, text, which of its quotes, cue word, subject
    ("governing verb", "Hale branded him a “dictator” on Monday.", 0, "branded", "Hale"),
    ("according to, in the sentence", "The plan was a “turning point,” according to Hale.", 0, "according", "Hale"),
    ("cue after a comma", "It was “a mistake”, Hale said, and nobody in the room disagreed.", 0, "said", "Hale"),
    ("parenthetical", "Loyalty, he noted, has long been a “core tenet” of the party.", 0, "noted", "he"),
    ("cue leading in", "Hale said, “We will win the vote tomorrow.”", 0, "said", "Hale"),
    ("cue after", "“We will win the vote tomorrow,” Hale said.", 0, "said", "Hale"),
    ("verb it hangs from", "Hale tells voters that he “will fight for every job in the state.”", 0, "tells", "Hale"),
    ("cue before", "Hale said on Monday in a long speech to the party faithful in the capital: “We will win.”", 0,
     "said", "Hale"),
    ("according to", "According to Hale, “the vote is lost for good.”", 0, "According", "Hale"),
    ("sentence reporting it", "Hale said “we tried”, then, “we will try again next year.”", 1, "said", "Hale"),
    ("issued document", "Hale issued a statement, “We will not resign over this.”", 0, "issued", "Hale"),
    ("colon lead-in", "Ortiz has taken the stance: “We will never back down.”", 0, "taken", "Ortiz"),
    ("colon sentence", ("Hale, asked about the plan, shrugged “no” and then turned to the crowd: "
                        "“We will never back down.”"), 1, "turned", "Hale"),
    ("reported just before", "Lee said the plan had failed. “We warned them about it.”", 0, "said", "Lee"),
    ("signature", "“We will not go back.” ― Jane Doe", 0, "―", "Doe"),
    ("characterising verb", "She cited “security concerns” in her letter.", 0, "cited", "She"),
]


# Each sentence as the small English model parsed it: word, head, dependency label, tag.
PARSES = [
    ('Hale branded him a “dictator” on Monday.', """
        Hale      1 nsubj     NNP
        branded   1 ROOT      VBD
        him       1 dative    PRP
        a         5 det       DT
        “         5 punct     ``
        dictator  1 dobj      NN
        ”         5 punct     ''
        on        1 prep      IN
        Monday    7 pobj      NNP
        .         1 punct     .
    """),
    ('The plan was a “turning point,” according to Hale.', """
        The        1 det       DT
        plan       2 nsubj     NN
        was        2 ROOT      VBD
        a          6 det       DT
        “          6 punct     ``
        turning    6 compound  NN
        point      2 attr      NN
        ,          2 punct     ,
        ”          2 punct     ''
        according  2 prep      VBG
        to         9 prep      IN
        Hale      10 pobj      NNP
        .          2 punct     .
    """),
    ('It was “a mistake”, Hale said, and nobody in the room disagreed.', """
        It         1 nsubj     PRP
        was        1 ROOT      VBD
        “          1 punct     ``
        a          4 det       DT
        mistake    1 attr      NN
        ”          8 punct     ''
        ,          8 punct     ,
        Hale       8 nsubj     NNP
        said       1 parataxis VBD
        ,          8 punct     ,
        and        1 cc        CC
        nobody    15 nsubj     NN
        in        11 prep      IN
        the       14 det       DT
        room      12 pobj      NN
        disagreed  1 conj      VBD
        .         15 punct     .
    """),
    ('Loyalty, he noted, has long been a “core tenet” of the party.', """
        Loyalty  7 nsubj     NNP
        ,        3 punct     ,
        he       3 nsubj     PRP
        noted    7 parataxis VBD
        ,        3 punct     ,
        has      7 aux       VBZ
        long     7 advmod    RB
        been     7 ROOT      VBN
        a       11 det       DT
        “       11 punct     ``
        core    11 compound  JJ
        tenet    7 attr      NN
        ”       11 punct     ''
        of      11 prep      IN
        the     15 det       DT
        party   13 pobj      NN
        .        7 punct     .
    """),
    ('Hale said, “We will win the vote tomorrow.”', """
        Hale      1 nsubj     NNP
        said      1 ROOT      VBD
        ,         1 punct     ,
        “         1 punct     ``
        We        6 nsubj     PRP
        will      6 aux       MD
        win       1 ccomp     VB
        the       8 det       DT
        vote      6 dobj      NN
        tomorrow  6 npadvmod  NN
        .         1 punct     .
        ”         1 punct     ''
    """),
    ('“We will win the vote tomorrow,” Hale said.', """
        “        10 punct     ``
        We        3 nsubj     PRP
        will      3 aux       MD
        win      10 ccomp     VB
        the       5 det       DT
        vote      3 dobj      NN
        tomorrow  3 npadvmod  NN
        ,        10 punct     ,
        ”        10 punct     ''
        Hale     10 nsubj     NNP
        said     10 ROOT      VBD
        .        10 punct     .
    """),
    ('Hale tells voters that he “will fight for every job in the state.”', """
        Hale    1 nsubj     NNP
        tells   1 ROOT      VBZ
        voters  1 dobj      NNS
        that    7 mark      IN
        he      7 nsubj     PRP
        “       7 punct     ``
        will    7 aux       MD
        fight   1 ccomp     VB
        for     7 prep      IN
        every  10 det       DT
        job     8 pobj      NN
        in     10 prep      IN
        the    13 det       DT
        state  11 pobj      NN
        .       1 punct     .
        ”       1 punct     ''
    """),
    ('Hale said on Monday in a long speech to the party faithful in the capital: “We will win.”', """
        Hale      1 nsubj     NNP
        said      1 ROOT      VBD
        on        1 prep      IN
        Monday    2 pobj      NNP
        in        1 prep      IN
        a         7 det       DT
        long      7 amod      JJ
        speech    4 pobj      NN
        to        7 prep      IN
        the      10 det       DT
        party    11 compound  NN
        faithful  8 pobj      JJ
        in        7 prep      IN
        the      14 det       DT
        capital  12 pobj      NN
        :         1 punct     :
        “        19 punct     ``
        We       19 nsubj     PRP
        will     19 aux       MD
        win       1 ccomp     VB
        .         1 punct     .
        ”         1 punct     ''
    """),
    ('According to Hale, “the vote is lost for good.”', """
        According  8 prep      VBG
        to         0 prep      IN
        Hale       1 pobj      NNP
        ,          8 punct     ,
        “          8 punct     ``
        the        6 det       DT
        vote       8 nsubjpass NN
        is         8 auxpass   VBZ
        lost       8 ROOT      VBN
        for        8 prep      IN
        good       9 amod      JJ
        .          8 punct     .
        ”          8 punct     ''
    """),
    ('Hale said “we tried”, then, “we will try again next year.”', """
        Hale   1 nsubj     NNP
        said   1 ROOT      VBD
        “      1 punct     ``
        we     4 nsubj     PRP
        tried 12 parataxis VBD
        ”      4 punct     ''
        ,      4 punct     ,
        then   4 advmod    RB
        ,      4 punct     ,
        “     12 punct     ``
        we    12 nsubj     PRP
        will  12 aux       MD
        try    1 ccomp     VB
        again 12 advmod    RB
        next  15 amod      JJ
        year  12 npadvmod  NN
        .      1 punct     .
        ”      1 punct     ''
    """),
    ('Hale issued a statement, “We will not resign over this.”', """
        Hale       1 nsubj     NNP
        issued     1 ROOT      VBD
        a          3 det       DT
        statement  1 dobj      NN
        ,          1 punct     ,
        “          1 punct     ``
        We         9 nsubj     PRP
        will       9 aux       MD
        not        9 neg       RB
        resign     1 ccomp     VB
        over       9 prep      IN
        this      10 pobj      DT
        .          1 punct     .
        ”          1 punct     ''
    """),
    ('Ortiz has taken the stance: “We will never back down.”', """
        Ortiz   2 nsubj     NNP
        has     2 aux       VBZ
        taken   2 ROOT      VBN
        the     4 det       DT
        stance  2 dobj      NN
        :       2 punct     :
        “       2 punct     ``
        We     10 nsubj     PRP
        will   10 aux       MD
        never  10 neg       RB
        back    2 ccomp     VB
        down   10 prt       RP
        .       2 punct     .
        ”       2 punct     ''
    """),
    ('Hale, asked about the plan, shrugged “no” and then turned to the crowd: “We will never back down.”', """
        Hale      2 nsubj     NNP
        ,         0 punct     ,
        asked     2 ROOT      VBD
        about     2 prep      IN
        the       5 det       DT
        plan      3 pobj      NN
        ,         2 punct     ,
        shrugged  2 conj      VBD
        “         7 punct     ``
        no        7 dobj      UH
        ”         7 punct     ''
        and       7 cc        CC
        then     13 advmod    RB
        turned    7 conj      VBD
        to       13 prep      IN
        the      16 det       DT
        crowd    14 pobj      NN
        :        13 punct     :
        “        13 punct     ``
        We       22 nsubj     PRP
        will     22 aux       MD
        never    22 neg       RB
        back     13 ccomp     VB
        down     22 prt       RP
        .         2 punct     .
        ”         2 punct     ''
    """),
    ('Lee said the plan had failed. “We warned them about it.”', """
        Lee     1 nsubj     NNP
        said    1 ROOT      VBD
        the     3 det       DT
        plan    5 nsubj     NN
        had     5 aux       VBD
        failed  1 ccomp     VBN
        .       1 punct     .
        “       9 punct     ``
        We      9 nsubj     PRP
        warned  9 ROOT      VBD
        them    9 dobj      PRP
        about   9 prep      IN
        it     11 pobj      PRP
        .       9 punct     .
        ”       9 punct     ''
    """),
    ('“We will not go back.” ― Jane Doe', """
        “     4 punct     ``
        We    4 nsubj     PRP
        will  4 aux       MD
        not   4 neg       RB
        go    4 ROOT      VB
        back  4 advmod    RB
        .     4 punct     .
        ”     4 punct     ''
        ―     8 ROOT      VB
        Jane 10 compound  NNP
        Doe   8 dobj      NNP
    """),
    ('She cited “security concerns” in her letter.', """
        She       1 nsubj     PRP
        cited     1 ROOT      VBD
        “         1 punct     ``
        security  4 compound  NN
        concerns  1 dobj      NNS
        ”         4 punct     ''
        in        4 prep      IN
        her       8 poss      PRP$
        letter    6 pobj      NN
        .         1 punct     .
    """),
]


VOCAB = English().vocab      # English word shapes ("Hale" is title case, lower "hale"), no model


def hand_built(text: str, rows: str):
    """A Doc with the parse written out, no model involved."""
    words, heads, deps, tags = zip(*(row.split() for row in rows.strip().splitlines()))
    spaces, at = [], 0
    for word in words:
        at = text.index(word, at) + len(word)
        spaces.append(text[at:at + 1] == " ")
    doc = Doc(VOCAB, words=list(words), spaces=spaces, heads=[int(h) for h in heads], deps=list(deps),
              tags=list(tags))
    assert doc.text == text
    return doc


def cue_of(doc, nth: int):
    """The cue found for the nth quote of a one-paragraph text."""
    text = doc.text
    paragraphs = split_paragraphs(text)
    quotes = find_quoted_spans(text, paragraphs)
    ctx = ArticleContext.build(text, paragraphs, {0: doc}, quotes)
    q = quotes[nth]
    inside = list(doc.char_span(q.start, q.end, alignment_mode="expand"))
    return find_cue(ctx, doc, q, inside, quote_kind(text, paragraphs[0], q, inside))


def test_the_rules_are_tried_in_this_order():
    assert [rule.name for rule in CUE_RULES] == [case[0] for case in CASES]


@pytest.mark.parametrize("rule, text, nth, verb, subject", CASES, ids=[case[0] for case in CASES])
def test_each_rule_on_the_models_parse(nlp, rule, text, nth, verb, subject):
    cue = cue_of(nlp(text), nth)
    assert (cue.rule, cue.verb.text, cue.subject.text) == (rule, verb, subject)


@pytest.mark.parametrize("rule, text, nth, verb, subject", CASES, ids=[case[0] for case in CASES])
def test_each_rule_on_a_hand_built_parse(rule, text, nth, verb, subject):
    rows = dict(PARSES)[text]
    cue = cue_of(hand_built(text, rows), nth)
    assert (cue.rule, cue.verb.text, cue.subject.text) == (rule, verb, subject)


def test_dependency_labels_and_tags_are_spelled_only_in_grammar(nlp):
    """Every label and tag the attribution reads is a name from grammar.py, so that one edit there
    changes it everywhere."""
    labels = set(nlp.get_pipe("parser").labels) | {t for t in nlp.get_pipe("tagger").labels if t.isalpha()}
    spelled = []
    for path in sorted(pathlib.Path(attribution.__file__).parent.glob("*.py")):
        if path.name == "grammar.py":
            continue
        with path.open(encoding="utf-8") as source:
            for tok in tokenize.generate_tokens(source.readline):
                if tok.type == tokenize.STRING and tok.string[:1] in "'\"" and ast.literal_eval(tok.string) in labels:
                    spelled.append(f"{path.name}:{tok.start[0]} {tok.string}")
    assert spelled == []
