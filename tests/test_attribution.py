"""Who said it: cues before, after and inside quotes, pronouns, descriptions, continuations."""


def test_cue_after_the_quote(quotes_of, one):
    rows = quotes_of("Mayor Ana Lopez opened the bridge on Monday.\n\n"
                     "“The bridge will carry ten thousand cars a day,” Lopez said.")
    row = one(rows, "The bridge will carry ten thousand cars a day,")
    assert (row["speaker"], row["mention"], row["cue"], row["kind"]) == ("Ana Lopez", "Lopez", "said", "direct")


def test_inverted_cue_said_name(quotes_of, one):
    rows = quotes_of('"Nobody expected the flood to come so fast," said Peter Hansen, a farmer.')
    assert one(rows, "Nobody expected the flood to come so fast,")["speaker"] == "Peter Hansen"


def test_cue_with_a_title_and_an_object(quotes_of, one):
    rows = quotes_of('"We will not raise taxes this year," Finance Minister Karl Berg told reporters.')
    row = one(rows, "We will not raise taxes this year,")
    assert row["speaker"] == "Karl Berg"
    assert row["cue"] == "told reporters"


def test_cue_before_the_quote_with_a_colon(quotes_of, one):
    rows = quotes_of("Senator Maria Ortiz said: “The budget is a disgrace and we will vote against it.”")
    assert one(rows, "The budget is a disgrace and we will vote against it.")["speaker"] == "Maria Ortiz"


def test_cue_before_the_quote_with_saying(quotes_of, one):
    rows = quotes_of("Coach Dan Miles criticised the referee, saying, “He made three bad calls in the last minute.”")
    assert one(rows, "He made three bad calls in the last minute.")["speaker"] == "Dan Miles"


def test_quote_split_by_its_attribution(quotes_of, one):
    text = "Engineer Laura Chen inspected the dam.\n\n“The dam is safe,” she said. “But the road is not.”"
    rows = quotes_of(text)
    first, second = one(rows, "The dam is safe,"), one(rows, "But the road is not.")
    assert first["speaker"] == second["speaker"] == "Laura Chen"
    assert first["mention"] == second["mention"] == "she"


def test_quote_in_the_middle_of_its_attribution(quotes_of, one):
    rows = quotes_of("Tom Reyes runs the shelter.\n\n“We are full,” he said, “and we turn people away every night.”")
    assert one(rows, "We are full,")["speaker"] == "Tom Reyes"
    assert one(rows, "and we turn people away every night.")["speaker"] == "Tom Reyes"


def test_according_to(quotes_of, one):
    rows = quotes_of('The plan is "dead on arrival," according to Helen Park, who leads the opposition.')
    row = one(rows, "dead on arrival,")
    assert row["speaker"] == "Helen Park"
    assert row["cue"] == "according to"


def test_partial_quote_inside_reported_speech(quotes_of, one):
    rows = quotes_of("Governor Sam Weller branded the protesters a “mob” on Tuesday.")
    row = one(rows, "mob")
    assert (row["kind"], row["speaker"]) == ("partial", "Sam Weller")


def test_partial_quote_in_a_relative_clause(quotes_of, one):
    rows = quotes_of("The council praised the two mayors — whom spokesman Ivan Petrov called two "
                     "“remarkable” leaders — on Friday.")
    assert one(rows, "remarkable")["speaker"] == "Ivan Petrov"


def test_pronoun_resolves_to_the_most_recent_subject(quotes_of, one):
    text = ("Prime Minister Olga Berg met the union leaders on Monday.\n\n"
            "“We have reached a fair deal,” she told a press conference in the capital.")
    row = one(quotes_of(text), "We have reached a fair deal,")
    assert (row["speaker"], row["mention"]) == ("Olga Berg", "she")


def test_description_resolves_through_the_title(quotes_of, one):
    text = ("Health Minister Karin Voss and Mayor Leo Brandt visited the hospital.\n\n"
            "“We need more nurses,” the minister said.")
    row = one(quotes_of(text), "We need more nurses,")
    assert row["speaker"] == "Karin Voss"
    assert row["mention"] == "the minister"


def test_continuation_paragraph_carries_the_speaker(quotes_of, one):
    text = ("“The harvest is the worst in twenty years,” farmer Jonas Weber said.\n\n"
            "“Nobody here remembers anything like it.”")
    rows = quotes_of(text)
    row = one(rows, "Nobody here remembers anything like it.")
    assert row["speaker"] == "Jonas Weber"
    assert row["mention"] is None and row["cue"] is None


def test_multi_paragraph_quotation_keeps_its_speaker(quotes_of):
    text = ("Director Nina Hale said: “We will open three new schools next year.\n\n"
            "“And we will hire two hundred teachers.”")
    rows = quotes_of(text)
    assert [r["speaker"] for r in rows] == ["Nina Hale", "Nina Hale"]


def test_quote_with_no_attribution_has_no_speaker(quotes_of, one):
    rows = quotes_of("The river rose overnight.\n\n“Everything is under water now and the roads are closed.”")
    row = one(rows, "Everything is under water now and the roads are closed.")
    assert row["speaker"] is None and row["mention"] is None and row["cue"] is None


def test_scare_quotes_and_titles_are_other_with_no_speaker(quotes_of):
    rows = quotes_of("The “experts” were wrong again, and the film “Gone With The Wind” was shown.")
    assert [(r["text"], r["kind"], r["speaker"]) for r in rows] == [
        ("experts", "other", None), ("Gone With The Wind", "other", None)]


def test_quoted_section_title_is_a_heading(quotes_of):
    rows = quotes_of("‘A Long Winter’\n\nThe snow came early this year.")
    assert [(r["text"], r["kind"], r["speaker"]) for r in rows] == [("A Long Winter", "heading", None)]


def test_quote_inside_a_quote_is_part_of_the_outer_row(quotes_of):
    rows = quotes_of("“Nobody should call this a ‘crisis’ yet,” Anna Roth said.")
    assert [r["text"] for r in rows] == ["Nobody should call this a ‘crisis’ yet,"]
    assert rows[0]["speaker"] == "Anna Roth"


def test_wire_style_quotes(quotes_of):
    rows = quotes_of("''The vote is a warning to every incumbent,'' said Mr. Paul Grant, a pollster.")
    assert [(r["text"], r["speaker"]) for r in rows] == [("The vote is a warning to every incumbent,", "Paul Grant")]


def test_signature_after_a_dash(quotes_of):
    rows = quotes_of("“Nothing changes unless people vote.” ― Rosa Delgado")
    assert rows[0]["speaker"] == "Rosa Delgado"


def test_fullest_name_in_the_article(quotes_of, one):
    text = "Volker Stein, the club's owner, was furious.\n\n“This is a scandal,” Stein said."
    assert one(quotes_of(text), "This is a scandal,")["speaker"] == "Volker Stein"


def test_a_title_marks_a_person_whatever_the_entity_label(quotes_of, one):
    # The small model labels "Lima" a place; "Judge" says it is a person.
    rows = quotes_of("Judge Ana Lima spoke on Friday.\n\n“The appeal is rejected,” she said.")
    assert one(rows, "The appeal is rejected,")["speaker"] == "Ana Lima"
