"""Reported (indirect) speech: extract_quotes(reported=True), one row per reported statement."""
import pandas as pd
import pytest

import quotetrack as qt
from quotetrack.scan import saying_sentences, sentence_spans


@pytest.fixture
def reported_of(quotes_of):
    """The reported rows of one text (text, speaker, cue, mention)."""
    def run(text):
        return [r for r in quotes_of(text, reported=True) if r["kind"] == "reported"]
    return run


def only(rows):
    assert len(rows) == 1, rows
    return rows[0]


# --- the patterns ---------------------------------------------------------------------------

def test_said_that_clause(reported_of):
    row = only(reported_of("Mayor Ana Lopez said on Monday that the bridge would reopen in May."))
    assert (row["text"], row["speaker"], row["mention"], row["cue"]) == (
        "the bridge would reopen in May", "Ana Lopez", "Ana Lopez", "said")


def test_said_clause_without_that(reported_of):
    row = only(reported_of("Finance Minister Karl Berg said taxes would not rise this year."))
    assert (row["text"], row["speaker"]) == ("taxes would not rise this year", "Karl Berg")


def test_clause_then_x_said(reported_of):
    row = only(reported_of("Engineer Laura Chen inspected the dam. The dam is safe for now, she said."))
    assert (row["text"], row["speaker"], row["mention"]) == ("The dam is safe for now", "Laura Chen", "she")


def test_clause_then_said_x(reported_of):
    row = only(reported_of("The harbour will reopen in the spring, said Rita Olsen."))
    assert (row["text"], row["speaker"], row["cue"]) == ("The harbour will reopen in the spring",
                                                          "Rita Olsen", "said")


def test_told_someone_that(reported_of):
    row = only(reported_of("Coach Dan Miles told reporters that the team had played its worst game."))
    assert (row["text"], row["speaker"], row["cue"]) == (
        "the team had played its worst game", "Dan Miles", "told reporters")


def test_according_to_before_and_after(reported_of):
    before = only(reported_of("According to the health ministry, ten people died in the floods."))
    after = only(reported_of("Ten people died in the floods, according to the health ministry."))
    for row in (before, after):
        assert (row["text"], row["cue"], row["mention"]) == (
            row["text"], "according to", "the health ministry")
    assert before["text"] == "ten people died in the floods"
    assert after["text"] == "Ten people died in the floods"


@pytest.mark.parametrize("verb", ["added", "claimed", "warned", "insisted", "denied", "announced",
                                  "stated", "wrote", "noted", "argued"])
def test_verbs_of_saying_with_that(reported_of, verb):
    row = only(reported_of(f"Senator Maria Ortiz {verb} that the budget left the schools without money."))
    assert (row["text"], row["speaker"], row["cue"]) == (
        "the budget left the schools without money", "Maria Ortiz", verb)


def test_adding_that(reported_of):
    rows = reported_of("Judge Ana Lima closed the hearing, adding that the verdict would come on Friday.")
    row = only(rows)
    assert (row["text"], row["speaker"], row["cue"]) == ("the verdict would come on Friday",
                                                          "Ana Lima", "adding")


def test_two_coordinated_that_clauses_are_two_statements(reported_of):
    rows = reported_of("Governor Paul Quinn said the roads were clear and that schools would open on time.")
    assert [(r["text"], r["speaker"]) for r in rows] == [
        ("the roads were clear", "Paul Quinn"), ("schools would open on time", "Paul Quinn")]


def test_one_clause_with_two_verbs_is_one_statement(reported_of):
    row = only(reported_of("Governor Paul Quinn said the roads were clear and would stay open all week."))
    assert row["text"] == "the roads were clear and would stay open all week"


def test_a_partial_quote_inside_reported_content(quotes_of):
    rows = quotes_of('Volodymyr Petrenko said he was not "offended" by the remarks and would run again.',
                     reported=True)
    reported = only([r for r in rows if r["kind"] == "reported"])
    partial = only([r for r in rows if r["kind"] == "partial"])
    assert reported["text"] == 'he was not "offended" by the remarks and would run again'
    assert partial["text"] == "offended"
    assert reported["speaker"] == partial["speaker"] == "Volodymyr Petrenko"


def test_parenthetical_cue_inside_the_clause(reported_of):
    row = only(reported_of("The new plant, Karl Berg said, would employ four hundred people."))
    assert (row["text"], row["speaker"]) == (
        "The new plant, Karl Berg said, would employ four hundred people", "Karl Berg")


def test_an_organisation_speaks(reported_of):
    row = only(reported_of("The ministry said that two drones were shot down overnight."))
    assert (row["text"], row["speaker"], row["mention"]) == (
        "two drones were shot down overnight", "The ministry", "The ministry")
    row = only(reported_of("The Kremlin said that two drones were shot down overnight."))
    assert (row["speaker"], row["mention"]) == ("Kremlin", "The Kremlin")


def test_as_x_noted(reported_of):
    row = only(reported_of("As the newspaper noted, the deal surprised many analysts in the city."))
    assert (row["text"], row["mention"], row["cue"]) == (
        "the deal surprised many analysts in the city", "the newspaper", "noted")


def test_a_title_is_not_part_of_the_name(reported_of):
    row = only(reported_of("CLEVELAND — Former Attorney General Michael Mukasey told delegates that "
                           "the server should disqualify her."))
    assert (row["text"], row["speaker"], row["cue"]) == (
        "the server should disqualify her", "Michael Mukasey", "told delegates")


def test_a_promise_in_a_non_finite_clause(reported_of):
    row = only(reported_of("Mayor Ana Lopez vowed to rebuild every house the water took."))
    assert (row["text"], row["speaker"], row["cue"]) == (
        "to rebuild every house the water took", "Ana Lopez", "vowed")


# --- one resolution for quotes and reported statements ----------------------------------------

def test_pronouns_resolve_as_for_quotes(quotes_of):
    text = ("Prime Minister Lena Holm visited the port on Tuesday.\n\n"
            "She said the harbour would be dredged before winter.\n\n"
            "“We will not wait for the storms,” she said.")
    rows = quotes_of(text, reported=True)
    assert [(r["kind"], r["speaker"], r["mention"]) for r in rows] == [
        ("reported", "Lena Holm", "She"), ("direct", "Lena Holm", "she")]


def test_one_name_per_person_across_articles_and_kinds(nlp):
    frame = qt.extract_quotes({
        "a": "“The talks failed,” said President Oleksandr Kovalenko.",
        "b": "Kovalenko said the talks had failed because nobody listened.",
    }, nlp=nlp, reported=True)
    assert set(frame["speaker"]) == {"Oleksandr Kovalenko"}
    assert frame["kind"].tolist() == ["direct", "reported"]


def test_who_said_rests_on_the_relative_pronoun(reported_of):
    text = "Critics met Anna Berg, who said that the new law would hurt small farms."
    row = only(reported_of(text))
    assert (row["text"], row["speaker"], row["mention"]) == (
        "the new law would hurt small farms", "Anna Berg", "who")


# --- what is not reported speech ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Senator Maria Ortiz thinks that the budget leaves the schools without money.",
    "Senator Maria Ortiz believes the budget leaves the schools without money.",
    "Senator Maria Ortiz wants the budget to give the schools more money.",
    "Senator Maria Ortiz plans to vote against the budget next week.",
    "Senator Maria Ortiz hopes that the budget will give the schools more money.",
])
def test_beliefs_and_plans_are_not_reported_speech(reported_of, text):
    assert reported_of(text) == []


@pytest.mark.parametrize("text", [
    "A new poll shows that voters are tired of the long war.",
    "The survey suggests that most voters are tired of the long war.",
    "The data indicate that the economy grew faster than expected.",
    "A new analysis reveals that the river is rising faster than expected.",   # a noun in -s
    "A long analysis released by the agency reveals just how fast the river is rising in spring.",
])
def test_what_a_poll_or_data_shows_is_not_reported_speech(reported_of, text):
    assert reported_of(text) == []


def test_reported_speech_inside_a_quotation_is_the_quote(quotes_of):
    rows = quotes_of("“I told him that we would win the vote easily,” Karl Berg said.", reported=True)
    assert [(r["kind"], r["text"]) for r in rows] == [
        ("direct", "I told him that we would win the vote easily,")]


def test_a_quoted_clause_is_a_quote_not_a_statement(quotes_of):
    rows = quotes_of('Karl Berg said that "we will win the vote easily and then we will govern."',
                     reported=True)
    assert [r["kind"] for r in rows] == ["direct"]


def test_nominal_forms_are_not_reported_speech(reported_of):
    assert reported_of("Karl Berg expressed his desire to meet the president before the summit.") == []
    assert reported_of("Karl Berg announced a special summit on the war for March.") == []


def test_no_statement_under_three_words(reported_of):
    assert reported_of("Karl Berg said it rained.") == []


def test_the_hearer_of_a_passive_is_not_the_speaker(reported_of):
    assert reported_of("Karl Berg was told that the meeting had been cancelled.") == []


def test_that_said_is_a_turn_of_phrase(reported_of):
    assert reported_of("That said, a loss in this state would end her campaign on a sour note.") == []
    row = only(reported_of("The union released an ad that says the mayor misled voters."))
    assert (row["text"], row["speaker"], row["mention"]) == ("the mayor misled voters", "The union", "that")


def test_reported_speech_inside_reported_speech_is_the_outer_reporters(reported_of):
    row = only(reported_of("Lee said voters believe the governor told them the plan was dead."))
    assert (row["text"], row["speaker"]) == ("voters believe the governor told them the plan was dead", "Lee")


def test_a_clause_cut_off_from_the_speaker_by_a_colon_is_the_writers(reported_of):
    row = only(reported_of("News coverage was merciless: the Ledger said the senator had lied to voters."))
    assert (row["text"], row["speaker"]) == ("the senator had lied to voters", "Ledger")


def test_a_gerund_clause_is_reported_content(reported_of):
    row = only(reported_of("Ana Lopez reported spending only $1 million on the race."))
    assert (row["text"], row["speaker"]) == ("spending only $1 million on the race", "Ana Lopez")
    row = only(reported_of("Manny Gomez said seeing so many police officers at the parade was a welcome sight."))
    assert row["text"] == "seeing so many police officers at the parade was a welcome sight"


def test_while_saying_shares_the_subject_of_its_clause(reported_of):
    row = only(reported_of("Karl Berg praised the plan, while saying that the budget was far too small."))
    assert (row["text"], row["speaker"]) == ("the budget was far too small", "Karl Berg")


def test_another_quotes_attribution_is_never_the_content(reported_of):
    rows = reported_of("Jeff Lane told a conference that he was ''very, very comfortable with the deal,'' "
                       "The Ledger reported.")
    assert [r["text"] for r in rows] == []


def test_the_attribution_itself_is_never_the_content(reported_of):
    assert reported_of('"The levees will hold," said Karl Berg, an engineer who heads the flood board.') == []


def test_a_reflexive_object_is_no_statement(reported_of):
    assert reported_of("Karl Berg ran for mayor in 2001 and declared himself an independent in 2007.") == []


def test_an_as_clause_with_its_own_object_is_a_time_not_a_cue(reported_of):
    rows = reported_of("Efforts to fund the dam failed on Tuesday, as lawmakers accused each other "
                       "of playing politics.")
    assert [r["text"] for r in rows] == ["each other of playing politics"]
    row = only(reported_of("As Ana Lopez told the local paper, tax relief is given in exchange for jobs."))
    assert (row["text"], row["speaker"]) == ("tax relief is given in exchange for jobs", "Ana Lopez")


def test_the_one_asked_is_not_the_asker(reported_of):
    rows = reported_of("Asked whether the town should pay for the repairs, Ana Lopez said that it should.")
    assert [r for r in rows if r["speaker"] == "Ana Lopez" and "repairs" in r["text"]] == []


@pytest.mark.parametrize("text, speakers", [
    ("The company was fined. It is safe to say that the plan failed badly.", []),
    ("The company was fined. It is worth noting that the plan failed badly.", []),
    ("Mayor Ana Lopez was quick to say that the plan failed badly.", ["Ana Lopez"]),
])
def test_it_is_safe_to_say_is_no_one_speaking(reported_of, text, speakers):
    assert [r["speaker"] for r in reported_of(text)] == speakers


@pytest.mark.parametrize("text, speakers", [
    ("All told, up to five million people could be eligible for the program.", []),
    ("Nobody said the plan would fail this year.", [None]),
    ("All told the committee that they would vote for the plan.", ["All"]),
])
def test_all_told_and_nobody_name_no_one(reported_of, text, speakers):
    assert [r["speaker"] for r in reported_of(text)] == speakers


def test_time_will_tell_and_bare_numbers_say_nothing(reported_of):
    assert reported_of("Only time will tell if the new levees will hold.") == []
    assert reported_of("In the north, 60 pledged delegates and seven others were at stake.") == []


@pytest.mark.parametrize("text, speaker", [
    ("Critics rebuked the plan, including some who warned it could make matters worse.", "some"),
    ("Most voters were unmoved, but 18% who say they would stay home could decide it.", "18%"),
    ("He dismissed criticism from Karl Berg, a banker who has suggested the aides were paid too much.", "Karl Berg"),
])
def test_who_stands_for_the_people_it_follows(reported_of, text, speaker):
    row = only(reported_of(text))
    assert (row["speaker"], row["mention"]) == (speaker, "who")


def test_a_rule_that_says_is_no_one(reported_of):
    assert [r["speaker"] for r in reported_of("The rule that says the vote must be public was dropped.")] == [None]


def test_the_accused_belongs_to_the_accusation(reported_of):
    row = only(reported_of("Karl Berg accused the mayor of lying about the budget."))
    assert (row["text"], row["speaker"]) == ("the mayor of lying about the budget", "Karl Berg")


def test_those_surveyed_are_who_they_are(reported_of):
    row = only(reported_of("Again, those surveyed said the mayor was best able to handle the flood."))
    assert (row["speaker"], row["mention"]) == ("those surveyed", "those")


@pytest.mark.parametrize("text, content, speaker", [
    ("The new levy, said Dana Reyes, an economist at the institute, would cut rents for most families.",
     "The new levy, said Dana Reyes, an economist at the institute, would cut rents for most families",
     "Dana Reyes"),
    ("Part of the problem, say experts like Dana Reyes, is the cost of fuel.",
     "Part of the problem, say experts like Dana Reyes, is the cost of fuel", "experts"),
    ("The governor, a top aide said, is very confident about the vote.",
     "The governor, a top aide said, is very confident about the vote", "a top aide"),
])
def test_an_attribution_between_subject_and_predicate(reported_of, text, content, speaker):
    row = only(reported_of(text))
    assert (row["text"], row["mention"]) == (content, speaker)


@pytest.mark.parametrize("text, rows", [
    ("Dana Reyes, head of the fund, said in an interview that the trials, with witnesses, were needed.",
     [("the trials, with witnesses, were needed", "Dana Reyes")]),
    ("The mayor, who announced a new levy on Monday, plans to focus on rents.", []),
])
def test_an_attribution_between_commas_needs_no_clause_of_its_own(reported_of, text, rows):
    assert [(r["text"], r["speaker"]) for r in reported_of(text)] == rows


@pytest.mark.parametrize("text", [
    "Mayor Rita Olsen said the harbour would reopen in May, according to local radio.",
    "According to local radio, Mayor Rita Olsen said the harbour would reopen in May.",
])
def test_according_to_over_a_statement_is_one_row_the_sources(reported_of, text):
    row = only(reported_of(text))
    assert (row["text"], row["speaker"], row["cue"]) == (
        "Mayor Rita Olsen said the harbour would reopen in May", "local radio", "according to")


def test_according_to_an_unsigned_document_leaves_the_statement_to_its_speaker(reported_of):
    row = only(reported_of("Mayor Rita Olsen said the harbour would reopen in May, according to press reports."))
    assert (row["text"], row["speaker"], row["cue"]) == ("the harbour would reopen in May", "Rita Olsen", "said")


def test_according_to_after_a_relative_clause_vouches_for_the_detail_only(reported_of):
    row = only(reported_of("Rita Olsen said the repairs cost less than the new levy, which rose to "
                           "two million dollars, according to the town's accounts."))
    assert (row["speaker"], row["cue"]) == ("Rita Olsen", "said")
    assert row["text"].startswith("the repairs cost less than the new levy")


@pytest.mark.parametrize("text, speaker, mention", [
    ("The scandal forced Mayor Ana Jones to admit that the plan had failed.", "Ana Jones", "Ana Jones"),
    ("Mayor Ana Jones lost the vote. The result led her to concede that the plan had failed.",
     "Ana Jones", "her"),
])
def test_the_one_made_to_speak_is_the_speaker(reported_of, text, speaker, mention):
    row = only(reported_of(text))
    assert (row["text"], row["speaker"], row["mention"]) == ("the plan had failed", speaker, mention)


def test_the_one_who_promised_speaks_for_the_promise(reported_of):
    row = only(reported_of("Mayor Ana Jones promised Lee to announce that the plan had failed."))
    assert row["speaker"] == "Ana Jones"


def test_who_after_but_stands_for_the_person_before(reported_of):
    row = only(reported_of("Rep. Beto Ramos, a Clinton endorser whose district went for the senator, "
                           "but who suggested that the party must change."))
    assert (row["text"], row["speaker"], row["mention"]) == ("the party must change", "Beto Ramos", "who")


def test_a_contracted_has_is_not_the_subject(reported_of):
    row = only(reported_of("Mayor Ana Lopez spoke first. While she’s said she believes the plan is "
                           "sound, the mayor has not signed it."))
    assert (row["speaker"], row["mention"]) == ("Ana Lopez", "she")


@pytest.mark.parametrize("before, speaker", [
    ("Rep. David Jolly spoke on Monday.", "David Jolly"),
    ("The vote was close.", None),
])
def test_a_surname_tagged_as_another_word_is_the_person_the_article_names(reported_of, before, speaker):
    rows = reported_of(before + "\n\nJolly said he would be cautious in restructuring federal education spending.")
    assert [(r["text"], r["speaker"]) for r in rows] == [
        ("he would be cautious in restructuring federal education spending", speaker)]


def test_they_is_the_plural_subject_before_it(reported_of):
    row = only(reported_of("The farmers blocked the bill because they said the levy was a poison pill."))
    assert (row["speaker"], row["mention"]) == ("The farmers", "they")


def test_who_after_a_phrase_stands_for_the_person_it_describes(reported_of):
    rows = reported_of("It was not a convincing argument, said one Democrat familiar with the discussion, "
                       "who added that the White House seemed rattled by the questions.")
    row = [r for r in rows if r["cue"] == "added"][0]
    assert (row["speaker"], row["mention"]) == ("one Democrat", "who")

# --- the option, the rows ---------------------------------------------------------------------

TEXT = ("Mayor Rita Olsen visited the flooded port on Monday.\n\n"
        "She said the harbour would reopen in May, after the repairs.\n\n"
        "“We will rebuild every house that the water took from us,” she said.")


def test_reported_false_is_the_quotes_alone(nlp):
    default = qt.extract_quotes({"a": TEXT}, nlp=nlp)
    explicit = qt.extract_quotes({"a": TEXT}, nlp=nlp, reported=False)
    pd.testing.assert_frame_equal(default, explicit)
    assert "reported" not in set(default["kind"])
    with_reported = qt.extract_quotes({"a": TEXT}, nlp=nlp, reported=True)
    quotes = with_reported[with_reported["kind"] != "reported"].reset_index(drop=True)
    pd.testing.assert_frame_equal(quotes, default)


def test_rows_are_in_text_order_with_spans_in_the_text(nlp):
    frame = qt.extract_quotes({"a": TEXT}, nlp=nlp, reported=True)
    assert frame["start"].is_monotonic_increasing
    for row in frame.itertuples():
        assert TEXT[row.start:row.end] == row.text
    assert frame["kind"].tolist() == ["reported", "direct"]
    assert frame["text"].iloc[0] == "the harbour would reopen in May, after the repairs"


def test_the_parse_plan_reads_only_sentences_with_a_verb_of_saying():
    text = "The port was closed. Boats stayed in. Mr. Hale said the storm was the worst in years. It rained."
    spans = saying_sentences(text, 0, len(text))
    assert [text[a:b] for a, b in spans] == ["Mr. Hale said the storm was the worst in years."]
    assert len(sentence_spans("Gen. Ana Lima met U.S. officials in St. Louis. They talked.", 0, 58)) == 2
