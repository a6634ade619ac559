"""`qt.report` and `quotetrack report`: the page a fact-checker opens, read as they would read it."""
import html
import math
import pathlib
import re
import subprocess
import sys
from html.parser import HTMLParser

import pandas as pd
import pytest

import quotetrack as qt
from quotetrack import source_variants
from quotetrack.diff import word_diff

README = pathlib.Path(__file__).resolve().parents[1] / "README.md"
DATA = README.parent / "notebooks" / "data"
VOID = {"meta", "br", "col", "hr", "img", "input", "link", "wbr"}


class Page(HTMLParser):
    """Reads a page the way a strict reader would: every element closed, in order."""

    def __init__(self, page):
        super().__init__()
        self.stack, self.problems, self.tags, self.clusters = [], [], [], []
        self.feed(page)
        self.close()
        self.problems += [f"<{t}> never closed" for t in self.stack]

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        if "data-cluster" in attrs:
            self.clusters.append(attrs["data-cluster"])
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
        else:
            self.stack.pop()


def frame(rows):
    """A frame as group_variants leaves it, from (doc_id, outlet, text, kind, speaker, cluster, canonical)."""
    columns = ["doc_id", "outlet", "text", "kind", "speaker", "cluster_id", "canonical"]
    quotes = pd.DataFrame(rows, columns=columns)
    quotes["start"] = range(len(quotes))
    quotes["speaker"] = quotes["speaker"].astype("string")
    return quotes


CANON = "We will rebuild every house that the water took from us"
QUOTES = frame([
    ("a", "Wire", CANON, "direct", "Rita Olsen", 0, CANON),
    ("b", "Daily", "We shall rebuild each house the water took from us", "direct", "Rita Olsen", 0, CANON),
    ("c", "Herald", "We will rebuild every house", "direct", "Rita Olsen", 0, CANON),
    ("d", "Post", "We will rebuild every house that the water took from us", "direct", "Tom Berg", 0, CANON),
    ("a", "Wire", "The harbour will reopen in May", "direct", "Rita Olsen", 1, "The harbour will reopen in May"),
])


def section(page, cluster_id):
    match = re.search(rf"<section class='cluster' data-cluster='{cluster_id}'>(.*?)</section>", page, re.S)
    assert match, f"no section for cluster {cluster_id}"
    return match.group(1)


def variant_rows(html_section):
    return re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td class='wording'>(.*?)</td>"
                      r"<td class='num'>(.*?)</td><td>(.*?)</td></tr>", html_section)


def test_each_variant_is_marked_word_by_word_against_the_canonical():
    rows = variant_rows(section(qt.report(QUOTES), 0))
    assert [(r[0], r[1]) for r in rows] == [("Wire", "Rita Olsen"), ("Daily", "Rita Olsen"),
                                            ("Herald", "Rita Olsen"), ("Post", "<b class='who'>Tom Berg</b>")]
    wire, daily, herald, post = rows
    assert "<del" not in wire[2] and "<ins" not in wire[2] and wire[3] == "0.00" and wire[4] == ""
    assert re.search(r"<del[^>]*>will</del> <ins[^>]*>shall</ins>", daily[2])
    assert re.search(r"<del[^>]*>every</del> <ins[^>]*>each</ins>", daily[2])
    assert float(daily[3]) > 0.1 and daily[4] == ""
    assert re.search(r"<del[^>]*>that the water took from us</del>", herald[2])
    assert herald[4] == "<span class='mark cut'>cut</span>"
    assert "other speaker" in post[4] and "most sources: Rita Olsen" in post[4]


WHOLE = "If there is peace, I am ready. I can go."


def test_a_quote_split_around_its_attribution_reads_whole_and_is_not_cut():
    quotes = frame([
        ("a", "Wire", "If there is peace, I am ready.", "direct", "Ana Lima", 0, WHOLE),
        ("b", "Daily", "If there is peace, I am ready,", "direct", "Ana Lima", 0, WHOLE),
        ("b", "Daily", "I can go.", "direct", "Ana Lima", 0, WHOLE),
    ])
    quotes.loc[0, "text"] = "If there is peace, I am ready. I can go."
    variants = source_variants(quotes)
    daily = variants[variants["source"] == "Daily"].iloc[0]
    assert daily["text"] == "If there is peace, I am ready, I can go." and daily["pieces"] == 2
    assert daily["drift"] == 0 and not daily["truncated"]
    rows = variant_rows(section(qt.report(quotes), 0))
    assert [r[0] for r in rows] == ["Wire", "Daily"] and rows[1][3] == "0.00" and "cut" not in rows[1][4]


def test_reported_speech_is_listed_under_the_quote_it_paraphrases():
    reported = frame([
        ("b", "Daily", "she would rebuild the houses", "reported", "Rita Olsen", 0, CANON),
        ("e", "Gazette", "the port would open again", "reported", "Rita Olsen", 7, "the port would open again"),
    ]).assign(drift=pd.NA, reported=True)
    quotes = pd.concat([qt.score_drift(QUOTES).assign(reported=False), reported], ignore_index=True)
    page = qt.report(quotes)
    quoted = section(page, 0)
    assert "<li><b>Daily</b> (Rita Olsen): <q>she would rebuild the houses</q></li>" in quoted
    assert "she would rebuild" not in "".join(r[2] for r in variant_rows(quoted))
    only_reported = section(page, 7)
    assert "<table" not in only_reported and "<q>the port would open again</q>" in only_reported
    assert "5 sources, 5 quotations, 3 utterances, 2 reported statements." in page
    assert ">Gazette</th>" not in page      # the speaker table counts quotations, not paraphrases


def test_article_text_is_escaped_never_run():
    evil = "<script>alert('x')</script> & <img src=x onerror=alert(1)>"
    quotes = frame([
        ("a", "<b>Wire</b>", evil, "direct", "Rita <i>Olsen</i>", 0, evil),
        ("b", "Daily & Co", evil + " too", "direct", "Rita <i>Olsen</i>", 0, evil),
    ])
    page = qt.report(quotes, title="<script>t</script>")
    assert "<script" not in page and "<img" not in page and "<i>" not in page and "<b>Wire" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "Daily &amp; Co" in page and "Rita &lt;i&gt;Olsen&lt;/i&gt;" in page
    assert not Page(page).problems


def test_the_page_needs_nothing_from_elsewhere():
    page = qt.report(QUOTES)
    assert not re.search(r"<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import", page)
    assert page.count("<svg") == 1


def test_speakers_are_counted_per_source():
    page = qt.report(QUOTES)
    table = re.search(r"<table class='speakers'>(.*?)</table>", page, re.S).group(1)
    assert "<tr><th>speaker</th><th>Wire</th><th>Daily</th><th>Herald</th><th>Post</th><th>total</th></tr>" in table
    assert ("<tr><th>Rita Olsen</th><td class='num'>2</td><td class='num'>1</td><td class='num'>1</td>"
            "<td class='num'></td><td class='num'>4</td></tr>") in table


def test_the_chart_has_one_bar_per_source_as_long_as_its_mean_drift():
    page = qt.report(QUOTES)
    svg = re.search(r"<svg.*?</svg>", page, re.S).group(0)
    widths = dict(re.findall(r"<title>(\w+)</title>\w+</text><rect x='\d+' y='[\d.]+' width='([\d.]+)'", svg))
    means = qt.drift_summary(source_variants(QUOTES), by="source")["mean_drift"]
    assert set(widths) == {"Wire", "Daily", "Herald", "Post"}
    assert 0 < means["Daily"] < 1 and means["Wire"] == means["Herald"] == means["Post"] == 0
    axis_end = math.ceil(means["Daily"] * 10) / 10          # the axis ends at the next tenth
    assert float(widths["Daily"]) == pytest.approx(420 * means["Daily"] / axis_end, abs=0.1)
    assert float(widths["Wire"]) == float(widths["Herald"]) == float(widths["Post"]) == 0


def test_the_chart_counts_direct_quotations_other_sources_share():
    quotes = pd.concat([QUOTES, frame([
        ("e", "Gazette", "every house", "partial", "Rita Olsen", 0, CANON),
        ("f", "Courier", "Only here", "direct", "Rita Olsen", 9, "Only here")])], ignore_index=True)
    svg = re.search(r"<svg.*?</svg>", qt.report(quotes), re.S).group(0)
    for source in ("Gazette", "Courier"):
        assert re.search(rf"<title>{source}</title>{source}</text>"
                         r"<text [^>]*class='na'>no shared direct quotation</text>", svg)
    assert svg.count("<rect") == 4
    only_partial = qt.report(frame([("a", "Wire", "house", "partial", "Rita Olsen", 0, "house"),
                                    ("b", "Daily", "house", "partial", "Rita Olsen", 0, "house")]))
    assert "<svg" not in only_partial and "No direct quotation appears in more than one source" in only_partial


def test_largest_utterance_first_and_by_any_column():
    assert Page(qt.report(QUOTES)).clusters == ["0", "1"]
    page = qt.report(QUOTES, by="doc_id")
    assert "<th>a</th><th>b</th><th>c</th><th>d</th>" in page


def test_a_frame_without_clusters_gets_a_clear_error():
    with pytest.raises(ValueError, match=r"report \(run group_variants first\).*'cluster_id', 'canonical'"):
        qt.report(QUOTES.drop(columns=["cluster_id", "canonical"]))
    with pytest.raises(ValueError, match=r"report\(by=\.\.\.\).*'desk'"):
        qt.report(QUOTES, by="desk")


def test_written_to_a_file_when_asked(tmp_path):
    out = tmp_path / "r.html"
    assert qt.report(QUOTES, out) == out.read_text(encoding="utf-8")


def test_an_ellipsis_written_either_way_is_no_change():
    assert word_diff("I am ready. … I can", "I am ready. ... I can") == [("=", "I am ready. ... I can")]


# The seed articles, as a reader meets them: from the command line.

@pytest.fixture(scope="module")
def seed_quotes():
    meta = pd.read_csv(DATA / "articles.csv")
    articles = meta.assign(doc_id=meta["file"], text=[(DATA / f).read_text(encoding="utf-8") for f in meta["file"]])
    return qt.group_variants(qt.extract_quotes(articles))


def test_the_seed_report_holds_every_cluster_and_stays_small(seed_quotes):
    page = qt.report(seed_quotes)
    reader = Page(page)
    assert not reader.problems
    assert sorted(map(int, reader.clusters)) == sorted(seed_quotes["cluster_id"].unique())
    for _, rows in seed_quotes[seed_quotes["passage_id"].notna()].groupby("passage_id"):
        wording = min(rows["canonical"], key=len)     # a row spanning passages joins their wordings
        assert f"<blockquote class='canonical'>{html.escape(wording)}</blockquote>" in page
    assert len(page.encode("utf-8")) < 100_000
    assert reader.tags.count("rect") == 5


def test_the_readme_report_command_writes_the_page(tmp_path):
    command = re.search(r"^\$ quotetrack (report .*)$", README.read_text(encoding="utf-8"), re.M).group(1).split()
    assert command[-2:] == ["-o", "report.html"]
    out = tmp_path / "report.html"
    result = subprocess.run([sys.executable, "-m", "quotetrack", *command[:-1], str(out)], cwd=README.parent,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stderr == ""
    page = out.read_text(encoding="utf-8")
    assert not Page(page).problems
    assert "<th>Outlet A</th><th>The Moscow Times</th><th>NDTV</th><th>Outlet D</th><th>Outlet E</th>" in page
    n = int(re.search(r"(\d+) utterances", page).group(1))
    assert page.count("<section class='cluster'") == n > 10


def test_articles_without_quotes_give_a_page_that_says_so(tmp_path, cli):
    article = tmp_path / "calm.txt"
    article.write_text("The mayor visited the port on Monday and spoke to nobody.\n", encoding="utf-8")
    result = cli("report", str(article))
    assert result.returncode == 0 and result.stderr == ""
    assert "<p class='lead'>No quotations found.</p>" in result.stdout and not Page(result.stdout).problems
    assert "<section" not in result.stdout


def test_the_readme_pictures_are_there_and_small():
    pictures = re.findall(r"!\[[^]]*\]\(([^)]+\.png)\)", README.read_text(encoding="utf-8"))
    assert set(pictures) >= {"docs/report.png", "docs/drift-per-outlet.png"}
    for picture in pictures:
        assert 0 < (README.parent / picture).stat().st_size < 150_000, picture


@pytest.mark.parametrize("args, message", [
    (["{empty}"], "{empty}: a folder with no .txt files"),
    (["{binary}"], "{binary}: a binary file, not text"),
    (["{data}", "--by", "desk"], "--by desk: no such column; choose from doc_id, start,"),
    (["{data}", "--meta", "{binary}"], "{binary}: a binary file, not text"),
    (["{data}", "--meta", "{nofile}"], "{nofile}: no 'file' column (it has: name, outlet)"),
    (["{data}", "-o", "{empty}/no/such/dir/r.html"], "{empty}/no/such/dir/r.html: cannot be written"),
])
def test_trouble_exits_2_with_one_line(tmp_path, args, message, cli):
    places = {"empty": tmp_path / "empty", "binary": tmp_path / "b.txt", "data": DATA,
              "nofile": tmp_path / "meta.csv"}
    places["empty"].mkdir()
    places["binary"].write_bytes(b"\x89PNG\x00\x00")
    places["nofile"].write_text("name,outlet\nx.txt,Wire\n", encoding="utf-8")
    result = cli("report", *[a.format(**places) for a in args])
    assert result.returncode == 2
    assert result.stderr.startswith("quotetrack: " + message.format(**places))
    assert len(result.stderr.strip().splitlines()) == 1


def test_variants_check_their_source_column_and_read_a_missing_text_as_empty():
    from quotetrack.variants import passage_variants
    with pytest.raises(ValueError, match=r"passage_variants\(by=\.\.\.\).*'desk'"):
        passage_variants(QUOTES, by="desk")
    quotes = QUOTES.copy()
    quotes.loc[4, "text"] = None
    variants = source_variants(quotes)
    assert variants.loc[variants["cluster_id"] == 1, "text"].tolist() == [""]
