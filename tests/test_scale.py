"""Several processes, streaming, and a pipeline that breaks on one article."""
import pandas as pd

import quotetrack as qt

ARTICLES = {
    f"d{i}": f"Mayor Rita Olsen{i} visited the port on Monday.\n\n“We will rebuild house {i},” she said."
    for i in range(12)
}


def test_several_processes_give_the_same_rows(nlp):
    one = qt.extract_quotes(ARTICLES, nlp=nlp)
    two = qt.extract_quotes(ARTICLES, nlp=nlp, n_process=2)
    pd.testing.assert_frame_equal(one, two)
    assert len(one) == 12


def test_iter_quotes_streams_a_generator_in_batches(nlp):
    texts = (text for text in ARTICLES.values())
    frames = list(qt.iter_quotes(texts, batch_size=5, nlp=nlp))
    assert [len(f) for f in frames] == [5, 5, 2]
    assert pd.concat(frames)["doc_id"].tolist() == list(range(12))


def test_iter_quotes_takes_csv_chunks(nlp, tmp_path):
    path = tmp_path / "articles.csv"
    pd.DataFrame({"doc_id": list(ARTICLES), "text": list(ARTICLES.values())}).to_csv(path, index=False)
    frames = list(qt.iter_quotes(pd.read_csv(path, chunksize=4), nlp=nlp))
    assert [len(f) for f in frames] == [4, 4, 4]
    assert pd.concat(frames)["doc_id"].tolist() == list(ARTICLES)


def test_iter_quotes_keeps_one_name_per_person_across_batches(nlp):
    texts = ["“The talks failed,” said President Oleksandr Kovalenko.",
             "“We want peace,” Kovalenkoo told reporters."]
    frames = list(qt.iter_quotes(texts, batch_size=1, nlp=nlp))
    assert [f["speaker"].iloc[0] for f in frames] == ["Oleksandr Kovalenko"] * 2


def test_batch_size_counts_articles_in_extract_quotes_too(nlp, monkeypatch):
    import quotetrack.parsing as parsing
    sizes, real = [], parsing._parse_chunk

    def counted(chunk, nlp):
        sizes.append(len(chunk))
        return real(chunk, nlp)

    monkeypatch.setattr(parsing, "_parse_chunk", counted)
    articles = {**dict(list(ARTICLES.items())[:3]), "none": "No quotes.", "empty": ""}
    frame = qt.extract_quotes(articles, nlp=nlp, batch_size=2)
    assert sizes == [2, 2, 1]
    pd.testing.assert_frame_equal(frame, qt.extract_quotes(articles, nlp=nlp))
