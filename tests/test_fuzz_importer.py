"""The importer's text path fuzzed: bytes → decode → normalise → extract → title and hash, never a crash.

Complements tests/test_extraction_robustness.py (extraction on plain unicode) with what arrives as
files: mixed encodings, byte-order marks, control characters, enormous lines, and the whole
`import_file` on such files against the real database, which must answer with a status and a reason.

CI runs FUZZ_EXAMPLES (default 100) examples per test; `make fuzz` runs 10,000 per test.
"""

import codecs
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.extraction import Gazetteer, UnreadableFile, decode, extract
from articles.importer import FAILED, Importer, content_hash
from articles.models import Article
from articles.naming import fallback_title
from articles.reading import normalise

pytestmark = pytest.mark.slow  # bin/test leaves it out; bin/test --all and CI run it

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "100"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
GAZETTEER = Gazetteer(
    [
        ("18", "Lampung", "provinsi", "18"),
        ("18.72", "Kota Metro", "kota", "18"),
        ("32.13", "Subang", "kabupaten", "32"),
    ],
    [("18.72", "Metro", "short_name")],
)

NEWS = st.sampled_from(
    [
        "METRO, KOMPAS.com - ",
        "Wali Kota Metro Wahdi",
        "Ketua KPU Kabupaten Subang",
        "Pj. Bupati Subang, Dr. Drs. Imran, MA.Cd",
        "Selasa (19/3/2024)",
        "30/5/ 2024",
        "12.59 WIB",
        "BACA JUGA: ",
        "Editor: Ayu",
        "Foto: Arby/kupastuntas.co",
        "\n\n",
        "\n",
        "\r\n",
        "\r",
        '"',
        "“",
        "”",
        " – ",
        "•",
        "\u00a0",
        "\u200b",
        "\ufeff",
        "\u202e",
        "\x00",
        "\x1b[31m",
        "\x0c",
        "Pilkada 2024",
        "pasangan calon nomor urut 2",
    ]
)
CONTROL = st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Co"])
TEXTS = st.one_of(
    st.text(),
    st.text(CONTROL, max_size=200),
    st.lists(st.one_of(NEWS, st.text(max_size=8), st.text(CONTROL, max_size=3)), max_size=80).map("".join),
    # enormous lines: one word or one character repeated with no line break
    st.tuples(
        st.sampled_from(["a", "Metro ", "ä", "\u200b", "-", " ", "wali kota "]), st.integers(1_000, 60_000)
    ).map(lambda t: t[0] * t[1]),
)
ENCODINGS = [
    "utf-8",
    "utf-8-sig",
    "cp1252",
    "latin-1",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "ascii",
    "gbk",
]


@st.composite
def file_bytes(draw):
    """What a scraper may save: text in one or several encodings, spliced with raw bytes."""
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["text", "text", "bytes", "bom"]))
        if kind == "text":
            text, encoding = draw(TEXTS), draw(st.sampled_from(ENCODINGS))
            parts.append(text.encode(encoding, errors=draw(st.sampled_from(["replace", "ignore"]))))
        elif kind == "bom":
            parts.append(
                draw(
                    st.sampled_from(
                        [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]
                    )
                )
            )
        else:
            parts.append(draw(st.binary(max_size=300)))
    return b"".join(parts)


def read_like_the_importer(raw):
    """decode + normalise as Importer.read does; None when the file is refused (with a reason)."""
    try:
        text, encoding = decode(raw)
    except UnreadableFile as refused:
        assert refused.reason.strip(), "a refusal must say why"
        return None
    assert isinstance(text, str) and encoding
    codecs.lookup(encoding)  # the name is stored and used to show the raw text: it must be real
    return normalise(text)


@FUZZ
@given(raw=file_bytes())
def test_any_file_bytes_are_read_or_refused_with_a_reason(raw):
    text = read_like_the_importer(raw)
    if text is not None:
        assert "\r" not in text and not text.startswith("\ufeff")
        assert len(content_hash(text)) == 64


@FUZZ
@given(text=TEXTS)
def test_any_text_is_extracted_and_titled_without_raising(text):
    text = normalise(text)
    extraction = extract(text, GAZETTEER)
    title = extraction.title or fallback_title(extraction.body)
    assert isinstance(title, str)
    assert len(title[:500]) <= 500


@FUZZ
@given(raw=file_bytes())
def test_the_whole_text_path_takes_any_bytes(raw):
    text = read_like_the_importer(raw)
    if text is None:
        return
    extraction = extract(text, GAZETTEER)
    if extraction.body.strip():
        fallback_title(extraction.body)
    for mention in extraction.people:
        assert isinstance(mention.name, str)


@pytest.fixture
def importer(db):
    return Importer()


IMPORT_FUZZ = settings(FUZZ, max_examples=max(20, EXAMPLES // 10))


@IMPORT_FUZZ
@given(raw=file_bytes())
def test_import_file_answers_with_a_status_for_any_bytes(importer, tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("fuzz") / "berita.txt"
    path.write_bytes(raw)
    before = Article.objects.count()
    result = importer.import_file(path)
    assert result.status in ("created", "updated", "unchanged", FAILED)
    if result.status == FAILED:
        assert result.reason and Article.objects.count() == before
    elif result.status == "created":
        article = Article.objects.get(pk=result.article_id)
        assert bytes(article.raw) == raw  # kept byte for byte, whatever it was
        assert article.title.strip()
