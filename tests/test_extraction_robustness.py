"""Extraction takes any text at all without raising."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.extraction import Gazetteer, UnreadableFile, decode, extract

GAZETTEER = Gazetteer(
    [("18", "Lampung", "provinsi", "18"), ("18.72", "Kota Metro", "kota", "18")],
    [("18.72", "Metro", "short_name")],
)
NEWSY = st.sampled_from(
    ["Ketua KPU Metro", ", ", " - ", "(", ")", "Pasangan", " dan ", "H.", "Dr.", "Selasa (9/7/2024)", "\n\n",
     "BACA JUGA:", "Foto:", "nomor urut 1", "METRO,", "Bupati", "Qomaru Zaman", "•", "WIB", "Pj.", "\r\n"]
)  # fmt: skip


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text())
def test_any_unicode_text_is_extracted_without_raising(text):
    extract(text, GAZETTEER)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(NEWSY, st.text(max_size=5)), max_size=60).map("".join))
def test_news_shaped_noise_is_extracted_without_raising(text):
    extract(text, GAZETTEER)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_decode_returns_text_or_a_clear_refusal(raw):
    try:
        text, encoding = decode(raw)
    except UnreadableFile as refused:
        assert refused.reason and refused.reason == refused.reason.lower()
    else:
        assert isinstance(text, str) and text.strip() and encoding


@pytest.mark.parametrize("size", [10_000, 200_000])
def test_huge_single_lines_are_handled(size):
    extract("Ketua KPU Metro, " + "a" * size, GAZETTEER)
