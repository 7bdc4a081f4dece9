"""The review queue's evidence: the sentence around the mention, the mention marked, all escaped."""

from articles.evidence import mention_sentence, needles_for

BODY = (
    "METRO — Rapat digelar Senin. Wakil Wali Kota Metro, Qomaru Zaman, menegaskan akan maju lagi "
    "<b>bersama</b> Wahdi. Bawaslu Kota Metro mengingatkan ASN agar netral.\nRed"
)


def test_the_sentence_around_the_mention_with_the_mention_marked():
    html = mention_sentence(BODY, ["Qomaru Zaman"])
    assert html == (
        "Wakil Wali Kota Metro, <mark>Qomaru Zaman</mark>, menegaskan akan maju lagi "
        "&lt;b&gt;bersama&lt;/b&gt; Wahdi."
    )


def test_an_organisation_is_found_whole_not_cut_mid_word():
    needles = needles_for("Bawaslu Kota Metro", "Bawaslu Kota Metro mengingatkan ASN agar netral" * 3)
    html = mention_sentence(BODY, needles)
    assert html == "<mark>Bawaslu Kota Metro</mark> mengingatkan ASN agar netral."


def test_words_are_matched_whole_and_in_any_case():
    assert mention_sentence("Kota Metropolitan. Ke METRO lagi.", ["metro"]) == "Ke <mark>METRO</mark> lagi."


def test_a_long_sentence_is_shortened_around_the_mention():
    body = "kata " * 200 + "Imran " + "lagi " * 200
    html = mention_sentence(body, ["Imran"])
    assert "<mark>Imran</mark>" in html and html.startswith("…") and html.endswith("…")
    assert len(html) < 400


def test_nothing_found_falls_back_to_the_escaped_evidence():
    assert mention_sentence(BODY, ["Tidak Ada"], fallback="<i>x</i>") == "&lt;i&gt;x&lt;/i&gt;"
