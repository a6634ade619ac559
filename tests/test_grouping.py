"""group_variants on hand-made quote frames."""
import inspect
from dataclasses import asdict

import numpy as np
import pandas as pd
import pytest

import quotetrack as qt

UNRELATED = [
    ("z1", "The harvest this autumn was the worst our village has seen in decades", "Ada Lind"),
    ("z2", "We are asking the government to send water trucks before the summer heat", "Ada Lind"),
    ("z3", "Our team played with courage and we deserved the win tonight", "Bo Kerr"),
]


def test_reworded_variants_are_one_utterance(frame, same):
    g = qt.group_variants(frame([
        ("a", "I can exchange my seat on the board for a seat at the table", "Mia Holt"),
        ("b", "I can trade my seat on the board for a seat at the table", "Mia Holt"),
        *UNRELATED]))
    assert same(g, 0, 1)
    assert g["cluster_id"].nunique() == 4


def test_translated_again_with_the_same_speaker(frame, same):
    g = qt.group_variants(frame([
        ("a", "One would be hurt by the word traitor if he really was a traitor", "Ivo Marek"),
        ("b", "One might feel hurt by the term traitor if they were indeed one", "Ivo Marek"),
        *UNRELATED]))
    assert same(g, 0, 1)


def test_truncated_variant_joins_the_full_quote(frame, same):
    g = qt.group_variants(frame([
        ("a", "Fate chose this road, the people chose this road, and we will walk it together to the end", "Lev Orlov"),
        ("b", "Fate chose this road, the people chose this road,", "Lev Orlov"),
        *UNRELATED]))
    assert same(g, 0, 1)


def test_pieces_split_by_the_attribution_join_the_whole(frame, same):
    g = qt.group_variants(frame([
        ("a", "If the bridge is safe, I will open it tomorrow. Then we can all go home.", "Eva Sand"),
        ("b", "If the bridge is safe, I will open it tomorrow,", "Eva Sand", "direct", 50),
        ("b", "Then we can all go home.", "Eva Sand", "direct", 50),
        *UNRELATED]))
    assert same(g, 0, 1) and same(g, 0, 2)


def test_continuation_pieces_with_no_variant_elsewhere_are_one_utterance(frame, same):
    g = qt.group_variants(frame([
        ("a", "in this difficult moment for our shared future.", "Tor Berg", "partial", 5),
        ("a", "It is vital that we act now and that everyone plays a part", "Tor Berg", "direct", None),
        *UNRELATED]))
    assert same(g, 0, 1)


def test_partial_quote_that_is_a_piece_of_a_full_quote(frame, same):
    g = qt.group_variants(frame([
        ("a", "We will never give up the northern valleys whatever they offer us", "Rui Costa"),
        ("b", "never give up the northern valleys", "Rui Costa", "partial"),
        *UNRELATED]))
    assert same(g, 0, 1)


def test_two_different_quotes_of_one_speaker_on_one_subject_stay_apart(frame, same):
    g = qt.group_variants(frame([
        ("a", "The new tax on fuel will hurt farmers more than anyone else in this country", "Ana Reis"),
        ("b", "The tax on fuel was a mistake and we will repeal it in our first week", "Ana Reis"),
        ("c", "The new tax on fuel will hurt the farmers more than anyone in the country", "Ana Reis"),
    ]))
    assert same(g, 0, 2)
    assert not same(g, 0, 1)


def test_same_words_under_two_speakers_are_one_utterance(frame, same):
    g = qt.group_variants(frame([
        ("a", "Nobody will sell these islands, that is the most important thing", "Kai Lund"),
        ("b", "Nobody will sell these islands. That is the most important thing.", "Ola Nyberg"),
        *UNRELATED]))
    assert same(g, 0, 1)


def test_one_word_partials_of_two_speakers_stay_apart(frame, same):
    g = qt.group_variants(frame([
        ("a", "traitor", "Sam Cole", "partial"),
        ("b", "One would be hurt by the word traitor if he was a traitor", "Ivo Marek"),
    ]))
    assert not same(g, 0, 1)


def test_weak_links_do_not_chain(frame, same):
    # Each quote is close to the next one only: a~b, b~c, c~d. A chain would glue a to d.
    g = qt.group_variants(frame([
        ("a", "the river flooded the lower town and the school had to close for a week", None),
        ("b", "the river flooded the lower town and the market had to close for the season", None),
        ("c", "the storm damaged the market and the harbour had to close for the season", None),
        ("d", "the storm damaged the market and the harbour boats stayed shut for the season", None),
    ]))
    assert not same(g, 0, 3)
    assert g["cluster_id"].nunique() == 2


def test_canonical_is_the_wording_most_variants_share(frame):
    g = qt.group_variants(frame([
        ("a", "We will rebuild every house that the water took from us", "Lea Voss"),
        ("b", "We will rebuild every house that the water took from us", "Lea Voss"),
        ("c", "We shall rebuild each home the flood took from us", "Lea Voss"),
    ]))
    assert g["canonical"].nunique() == 1
    assert g["canonical"].iloc[0] == "We will rebuild every house that the water took from us"


def test_canonical_can_be_the_earliest(frame, same):
    df = frame([
        ("a", "We will rebuild every house that the water took from us", "Lea Voss"),
        ("b", "We will rebuild every house that the water took from us", "Lea Voss"),
        ("c", "We shall rebuild every house that the water took from us", "Lea Voss"),
    ])
    df["published"] = ["2024-05-02", "2024-05-03", "2024-05-01"]
    g = qt.group_variants(df, canonical="earliest")
    assert same(g, 0, 2)
    assert set(g["canonical"]) == {"We shall rebuild every house that the water took from us"}


def test_by_keeps_groups_apart(frame, same):
    df = frame([("a", "The dam will hold through the winter storms", "Ed Yates"),
                ("b", "The dam will hold through the winter storms", "Ed Yates")])
    df["story"] = ["s1", "s2"]
    assert not same(qt.group_variants(df, by="story"), 0, 1)
    assert same(qt.group_variants(df), 0, 1)


def test_result_does_not_depend_on_row_order(frame):
    df = frame([
        ("a", "I can exchange my seat on the board for a seat at the table", "Mia Holt"),
        ("b", "I can trade my seat on the board for a seat at the table", "Mia Holt"),
        ("c", "seat at the table", "Mia Holt", "partial"),
        *UNRELATED])
    forward = qt.group_variants(df)
    backward = qt.group_variants(df.iloc[::-1]).loc[forward.index]
    assert forward["cluster_id"].tolist() == backward["cluster_id"].tolist()
    assert forward["canonical"].tolist() == backward["canonical"].tolist()


def test_input_frame_is_not_mutated(frame):
    df = frame(UNRELATED)
    before = df.copy()
    qt.group_variants(df)
    pd.testing.assert_frame_equal(df, before)


def test_missing_columns_are_named():
    with pytest.raises(ValueError, match=r"lacks column\(s\) 'text'; it has: doc_id, words"):
        qt.group_variants(pd.DataFrame({"doc_id": [1], "words": ["x"]}))


def test_empty_frame_gets_the_new_columns(frame):
    g = qt.group_variants(frame([]))
    assert g.empty and {"cluster_id", "canonical"} <= set(g.columns)


def test_na_speakers_empty_texts_and_one_word_quotes_do_not_crash(same):
    df = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "text": ["", "yes", None, "yes"],
                       "speaker": [pd.NA, None, "X", pd.NA]})
    g = qt.group_variants(df)
    assert g["cluster_id"].dtype == np.int64 and len(g) == 4
    assert not same(g, 1, 3)       # one word, nobody known to have said it: no evidence


# --- What one utterance means: evidence, not one threshold -------------------------------------

def filler(n=1200):
    """A corpus of many stories where `people`, `told`, `see`, `look` and `lot` are common."""
    places = ["harbour", "valley", "bridge", "market", "school", "station", "factory", "farm"]
    return [(f"f{k}", f"A lot of people told me to look at the {places[k % 8]} {k} and see it", f"Filler {k % 40}")
            for k in range(n)]


def test_two_speakers_saying_the_same_short_phrase_stay_apart(frame):
    g = qt.group_variants(frame([
        ("a", "We'll see", "Ada Lind"),
        ("b", "We'll see.", "Bo Kerr"),
        ("c", "We'll see", None),
        *UNRELATED]))
    assert g["cluster_id"].iloc[:3].nunique() == 3


def test_a_common_short_phrase_of_one_speaker_in_two_articles_stays_apart(frame, same):
    g = qt.group_variants(frame([
        ("a", "We will look into it", "Ada Lind"),
        ("b", "We will look into it.", "Ada Lind"),
        ("c", "a ceasefire corridor for grain ships", "Ada Lind"),
        ("d", "a ceasefire corridor for the grain ships", "Ada Lind"),
        *filler()]))
    assert not same(g, 0, 1)       # `look` is everywhere in this corpus: no evidence
    assert same(g, 2, 3)           # rare words of the same speaker: one utterance


def test_one_speakers_distinctive_phrase_in_two_outlets_joins(frame, same):
    g = qt.group_variants(frame([
        ("a", "We will open a ceasefire corridor for grain ships next week", "Ines Vale"),
        ("b", "a ceasefire corridor for grain ships", "Ines Vale", "partial"),
        ("c", "We shall open a ceasefire corridor for the grain ships next week", "Ines Vale"),
        *UNRELATED]))
    assert same(g, 0, 1) and same(g, 0, 2)
    assert g["cluster_id"].nunique() == 4


def test_a_common_phrase_inside_long_quotes_joins_nothing(frame):
    g = qt.group_variants(frame([
        ("a", "A lot of people told me", None, "partial"),
        ("b", "A lot of people told me the bridge tolls were a scandal and I agreed with them", "Ada Lind"),
        ("c", "A lot of people told me the school meals had improved since the spring", "Bo Kerr"),
        *filler()]))
    assert g["cluster_id"].iloc[:3].nunique() == 3


def test_a_piece_joins_one_of_the_long_quotes_that_hold_it_and_does_not_glue_them(frame, same):
    g = qt.group_variants(frame([
        ("a", "the northern pipeline will never carry foreign gas", "Rui Costa", "partial"),
        ("b", "The northern pipeline will never carry foreign gas, and the southern one will be closed "
              "by May when the contracts with the old suppliers run out", "Rui Costa"),
        ("c", "Our miners deserve better than promises from people who have never been underground, "
              "and the northern pipeline will never carry foreign gas", "Rui Costa"),
        *UNRELATED]))
    assert not same(g, 1, 2)
    assert same(g, 0, 1) or same(g, 0, 2)


def test_split_pieces_join_without_merging_two_clusters(frame, same):
    # Article x splits one quote in three; its first and last pieces each have variants
    # elsewhere (articles y and z, two different utterances). The middle piece may join one of
    # them, but the join must never glue y's utterance to z's.
    g = qt.group_variants(frame([
        ("x", "The reservoir is full again after three dry summers,", "Eva Sand", "direct", 50),
        ("x", "and the farmers can plant in April.", "Eva Sand", "direct", 50),
        ("x", "The mill on the east bank will reopen in the autumn with forty new jobs.", "Eva Sand", "direct", 50),
        ("y", "The reservoir is full again after three dry summers", "Eva Sand"),
        ("z", "The mill on the east bank will reopen in the autumn with forty new jobs", "Eva Sand"),
        *UNRELATED]))
    assert same(g, 0, 3) and same(g, 2, 4)
    assert same(g, 0, 1)                      # the middle piece has no variant of its own
    assert not same(g, 0, 2)                  # the two utterances stay two


def test_long_near_identical_quote_under_two_speakers_joins_and_is_flagged(frame, same):
    g = qt.score_drift(qt.group_variants(frame([
        ("a", "The harbour will reopen in May and nobody who lost a boat will be left behind", "Rita Olsen"),
        ("b", "The harbour will reopen in May, and nobody who lost a boat will be left behind", "Rita Olsen"),
        ("c", "The harbour will reopen in May and no one who lost a boat will be left behind", "Tom Berg"),
        *UNRELATED])))
    assert same(g, 0, 1) and same(g, 0, 2)
    assert g["speaker_mismatch"].iloc[:3].tolist() == [False, False, True]


def test_a_short_quote_under_two_speakers_stays_apart(frame, same):
    g = qt.group_variants(frame([
        ("a", "an act of pure cowardice", "Rita Olsen", "partial"),
        ("b", "an act of pure cowardice", "Tom Berg", "partial"),
        ("c", "an act of pure cowardice", "Rita Olsen", "partial"),
        *UNRELATED]))
    assert same(g, 0, 2) and not same(g, 0, 1)


def test_far_apart_dates_count_against_a_loose_match(frame, same):
    df = frame([
        ("a", "We will rebuild the old harbour wall before the winter storms arrive", "Lea Voss"),
        ("b", "The wall of the harbour gets rebuilt before winter, I promise you that", "Lea Voss"),
        *UNRELATED])
    df["published"] = ["2024-01-10", "2024-01-11", "2024-01-01", "2024-01-01", "2024-01-01"]
    assert same(qt.group_variants(df), 0, 1)
    df["published"] = ["2024-01-10", "2024-09-11", "2024-01-01", "2024-01-01", "2024-01-01"]
    assert not same(qt.group_variants(df), 0, 1)


def test_a_misattributed_copy_with_reordered_words_still_joins(frame, same):
    g = qt.group_variants(frame([
        ("a", "The harbour will reopen in May and nobody who lost a boat will be left behind", "Rita Olsen"),
        ("b", "The harbour will reopen in May and nobody who lost a boat will be left behind", "Rita Olsen"),
        ("c", "The harbour will reopen in May and nobody will be left behind who lost a boat", "Tom Berg"),
        *UNRELATED]))
    assert same(g, 0, 2)


# --- One story: renderings of one passage by the same speaker need less word evidence -------------

def talks_filler(n=1500):
    """A year of news in which one quote in ten speaks of `sides` reaching `agreement`: words
    common enough that sharing them is no evidence across stories."""
    places = ["harbour", "valley", "bridge", "market", "school", "station", "factory", "farm"]
    return [(f"f{k}", f"The sides reached an agreement on the {places[k % 8]} {k} after talks" if k % 10 == 0
             else f"We opened the {places[k % 8]} {k} for everyone this week", f"Filler {k % 40}")
            for k in range(n)]


STORY = [   # two articles of one story: two quotes they share, then two renderings of a third
    ("s1", "We will keep the humanitarian corridor open through the whole winter", "Ivan Petrov"),
    ("s2", "We will keep the humanitarian corridor open through the whole winter", "Ivan Petrov"),
    ("s1", "Our delegation stays in Geneva until the prisoners come home", "Ivan Petrov"),
    ("s2", "Our delegation stays in Geneva until the prisoners come home", "Ivan Petrov"),
]
FIRST, SECOND = "The sides have not reached agreement yet", "So far no agreement has been reached by the sides"


def test_two_translations_of_one_passage_in_one_story_join(frame, same):
    g = qt.group_variants(frame([*STORY, ("s1", FIRST, "Ivan Petrov"), ("s2", SECOND, "Ivan Petrov"),
                                 *talks_filler()]))
    assert same(g, 4, 5)


def test_the_same_two_wordings_by_two_speakers_or_in_two_stories_stay_apart(frame, same):
    two_speakers = qt.group_variants(frame([*STORY, ("s1", FIRST, "Ivan Petrov"), ("s2", SECOND, "Olga Sokol"),
                                            *talks_filler()]))
    assert not same(two_speakers, 4, 5)
    two_stories = qt.group_variants(frame([("t1", FIRST, "Ivan Petrov"), ("t2", SECOND, "Ivan Petrov"),
                                           *talks_filler()]))
    assert not same(two_stories, 0, 1)
    by_story = qt.group_variants(frame([("t1", FIRST, "Ivan Petrov"), ("t2", SECOND, "Ivan Petrov"),
                                        *talks_filler()]).assign(story="one"), by="story")
    assert same(by_story, 0, 1)


def test_the_defaults_are_named_once():
    from quotetrack.grouping.evidence import Rules
    signature = inspect.signature(qt.group_variants).parameters
    for rule, value in asdict(Rules()).items():
        assert signature[rule].default == value, rule


def test_finished_clusters_scores_wordings_with_the_threads_it_is_given(monkeypatch):
    # a Dask task runs with one thread: rapidfuzz must not take every core inside it
    from rapidfuzz import process

    from quotetrack.grouping import finished_clusters

    calls = []
    scored = process.cpdist

    def spy(*args, **kwargs):
        calls.append(kwargs.get("workers"))
        return scored(*args, **kwargs)

    monkeypatch.setattr(process, "cpdist", spy)
    frame = pd.DataFrame({"doc_id": ["a", "b", "c"], "speaker": ["Tor Berg"] * 3, "cluster_id": [0, 0, 0],
                          "text": ["We will rebuild the old pier by May.", "We will rebuild the pier by May.",
                                   "We shall rebuild the old pier by May."]})
    out, counts = finished_clusters(frame, workers=1)
    assert calls and set(calls) == {1}
    assert counts.tolist() == [1] and out["passage_id"].tolist() == [0, 0, 0]
