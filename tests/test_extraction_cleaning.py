"""Cleaning a scraped news text: headline, dateline, credits, date line and a body without chrome."""

from datetime import date

import pytest

from articles.extraction.cleaning import clean, normalise

ARTICLE = """• Senin, 30 September 2024

Bupati Contoh Hadiri Rapat Pilkada di Kota Contoh

Bupati Contoh Hadiri Rapat Pilkada di Kota Contoh

Rabu, 12 Juni 2024 - 10.15 WIB
4821

Bupati Contoh saat rapat. Foto: Budi/contohnews.id

Kota Contoh, ContohNews.id - Bupati Contoh menghadiri rapat persiapan pilkada, Rabu (12/6/2024).

BACA JUGA:Harga Cabai Naik Lagi di Pasar Induk

Rapat dihadiri unsur Forkopimda.

SCROLL TO CONTINUE WITH CONTENT

Baca juga:
Teaser Tentang Hal Lain
|
Cek Berita dan Artikel yang lain di Google News

Acara ditutup dengan doa bersama. (abc)

Editor: Siti Aminah
Copyright © Contoh 2024"""


def test_the_headline_is_the_title_and_its_repeat_is_dropped():
    cleaned = clean(ARTICLE)
    assert cleaned.title == "Bupati Contoh Hadiri Rapat Pilkada di Kota Contoh"
    assert cleaned.title not in cleaned.body


def test_the_timed_date_line_wins_over_todays_date_in_site_chrome():
    cleaned = clean(ARTICLE)
    assert cleaned.published.date() == date(2024, 6, 12)
    assert cleaned.published_has_time


def test_dateline_place_and_outlet_are_separated():
    cleaned = clean(ARTICLE)
    assert cleaned.dateline == "Kota Contoh"
    assert cleaned.outlet == "ContohNews.id"
    assert cleaned.body.startswith("Bupati Contoh menghadiri")


def test_baca_juga_teasers_are_removed_from_the_body():
    body = clean(ARTICLE).body
    assert "Harga Cabai" not in body
    assert "Teaser Tentang" not in body
    assert "BACA JUGA" not in body


def test_counters_captions_and_page_furniture_are_removed():
    body = clean(ARTICLE).body
    for chrome in ("4821", "Foto:", "SCROLL TO CONTINUE", "Google News", "Copyright", "Editor"):
        assert chrome not in body


def test_credits_are_kept_as_metadata():
    credits = clean(ARTICLE).credits
    assert credits["editor"] == ["Siti Aminah"]
    assert credits["photo"] == ["Budi"]
    assert credits["byline"] == ["abc"]


def test_paragraphs_stay_separate():
    body = clean(ARTICLE).body
    assert "\n\nRapat dihadiri unsur Forkopimda.\n\n" in body
    assert body.endswith("Acara ditutup dengan doa bersama.")


def test_text_that_opens_with_a_dateline_has_no_title():
    cleaned = clean("SUBANG, JMI - Pj Bupati membuka rapat.\nRapat berjalan lancar.")
    assert cleaned.title == ""
    assert cleaned.dateline == "SUBANG"
    assert cleaned.outlet == "JMI"


def test_a_bracketed_outlet_after_the_place_is_the_outlet():
    cleaned = clean("Judul Berita Pilkada Hari Ini\n\nKota Bogor (ANTARA) - KPU Kota Bogor melantik PPK.")
    assert (cleaned.dateline, cleaned.outlet) == ("Kota Bogor", "ANTARA")


def test_a_hyphenated_pair_of_names_is_not_a_dateline():
    cleaned = clean("Budi-Ani Unggul di Tanjungpinang\nTANJUNGPINANG - Hasil pleno diumumkan hari ini.")
    assert cleaned.title == "Budi-Ani Unggul di Tanjungpinang"
    assert cleaned.dateline == "TANJUNGPINANG"


def test_decorative_unicode_banners_and_markdown_images_are_dropped():
    text = "Judul Berita Yang Cukup Panjang\n\U0001d4d1\U0001d4f8\U0001d4f7\n![gambar](https://x.test/a.jpg)\nMEDAN - Isi berita."
    body = clean(text).body
    assert body == "Isi berita."


def test_crlf_and_odd_spaces_are_normalised():
    assert normalise("a\r\nb\u00a0\u00a0c\u200b") == "a\nb c"


def test_anything_at_all_is_cleaned_without_raising():
    for text in ["", "\x00\x01\x02", "-" * 10000, "(" * 500, "\n\n\n", "A - B - C - D", "x" * 200000]:
        clean(text)


# A page as some scrapers store it: a teaser copy of the first paragraphs, page furniture, then the
# whole article. Every fact of the full text must survive, once.
FULL = [
    "Kota Contoh - KPU Kota Contoh menetapkan tiga pasangan calon wali kota dan wakil wali kota, Senin (23/9/2024).",
    "Pasangan Budi Santoso-Ani Lestari mendapat nomor urut 1, pasangan Joko Susilo-Rina Wati nomor urut 2.",
    "Adapun pasangan Hendra Gunawan-Tuti Alawiyah mendapat nomor urut 3 dan akan berkampanye mulai 25 September.",
    "Ketua KPU Kota Contoh, Ahmad Fauzi, meminta ketiga pasangan menjaga kampanye damai. (abc)",
]


def test_a_teaser_copy_before_the_full_text_loses_nothing_of_the_full_text():
    teaser = "Pasangan Budi Santoso-Ani Lestari mendapat nomor urut 1, pasangan..."
    text = "\n\n".join(
        ["Judul Berita Penetapan Tiga Pasangan Calon", FULL[0], teaser, "Berita Terkait", *FULL]
    )
    body = clean(text).body
    for paragraph in FULL[1:3]:
        assert body.count(paragraph) == 1, paragraph
    assert "Hendra Gunawan-Tuti Alawiyah" in body and "Ahmad Fauzi" in body
    assert teaser not in body


def test_a_body_stored_twice_is_kept_once():
    text = "\n\n".join(["Judul Berita Penetapan Tiga Pasangan Calon", *FULL, *FULL])
    body = clean(text).body
    for paragraph in FULL[1:3]:
        assert body.count(paragraph) == 1, paragraph
    assert "Ahmad Fauzi" in body


def test_a_headline_printed_twice_is_the_title_and_not_a_paragraph():
    title = "Judul Berita Penetapan Tiga Pasangan Calon"
    cleaned = clean("\n\n".join([title, title, *FULL]))
    assert cleaned.title == title
    assert title not in cleaned.body
    assert all(p.split(" - ")[-1][:40] in cleaned.body for p in FULL[1:])


@pytest.mark.parametrize("mark", ["(Red)", "(*)", "(**)", "(rls)", "(adv)", "(Red/Ant)"])
def test_a_closing_mark_of_the_desk_is_not_taken_for_a_name(mark):
    text = f"Judul Berita Ini Cukup Panjang\n\nMETRO - Paragraf pertama tentang debat.\n\nParagraf terakhir. {mark}\n"
    cleaned = clean(text)
    assert "byline" not in cleaned.credits
    assert cleaned.body.endswith("Paragraf terakhir.")
