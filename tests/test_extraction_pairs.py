"""Candidate pairs: tickets, their contest, ballot number and stage, and the roles they give."""

import pytest

from articles.extraction import Gazetteer, extract
from tests.gazetteer_data import REGIONS


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer(REGIONS)


def pairs(gazetteer, text):
    return [
        (p.contest, p.office, p.number, p.head, p.deputy, p.stage) for p in extract(text, gazetteer).pairs
    ]


def test_a_dashed_ticket_names_head_then_deputy_with_the_number_after_it(gazetteer):
    text = "SUBANG - KPU Subang mengundi nomor urut Pilbup Subang. Pasangan Agus Salim-Rina Marlina mendapat nomor urut 2."
    assert pairs(gazetteer, text) == [("32.13", "bupati", 2, "Agus Salim", "Rina Marlina", "calon")]


def test_each_number_goes_to_the_ticket_it_introduces(gazetteer):
    text = (
        "SUBANG - Hasil pengundian Pilbup Subang: nomor urut 1 diperoleh paslon Agus Salim-Rina Marlina, "
        "nomor urut 2 Dedi Kurnia-Wawan Setiawan serta nomor urut 3 Hendra Gunawan-Tuti Alawiyah."
    )
    numbers = {head: number for _, _, number, head, _, _ in pairs(gazetteer, text)}
    assert numbers == {"Agus Salim": 1, "Dedi Kurnia": 2, "Hendra Gunawan": 3}


def test_each_number_goes_to_the_ticket_it_follows(gazetteer):
    text = (
        "METRO - Dalam Pilwako Metro, pasangan Budi Santoso dan Ani Lestari mendapat nomor urut 1, "
        "sedangkan pasangan Joko Susilo - Rina Wati nomor urut dua."
    )
    numbers = {head: number for _, _, number, head, _, _ in pairs(gazetteer, text)}
    assert numbers == {"Budi Santoso": 1, "Joko Susilo": 2}


def test_a_numbered_list_without_the_words_nomor_urut_gives_no_ballot_number(gazetteer):
    text = (
        "SUBANG - Tiga pasangan calon bupati dan wakil bupati Subang mendaftar ke KPU Subang:\n"
        "1. Agus Salim dan Rina Marlina\n2. Dedi Kurnia dan Wawan Setiawan"
    )
    found = pairs(gazetteer, text)
    assert [(head, deputy, number) for _, _, number, head, deputy, _ in found] == [
        ("Agus Salim", "Rina Marlina", None),
        ("Dedi Kurnia", "Wawan Setiawan", None),
    ]


def test_the_office_and_place_of_the_sentence_decide_the_contest(gazetteer):
    text = (
        "SUKABUMI - Pasangan calon Wali Kota Sukabumi Ayep Zaki-Bobby Maulana hadir. "
        "Di Pilbup Sukabumi, pasangan Asep Japar-Andreas resmi mendaftar."
    )
    contests = {head: (contest, office) for contest, office, _, head, _, _ in pairs(gazetteer, text)}
    assert contests == {"Ayep Zaki": ("32.72", "wali kota"), "Asep Japar": ("32.02", "bupati")}


def test_a_governor_ticket_in_a_regency_story_runs_in_the_province(gazetteer):
    text = "SUBANG - Calon gubernur dan wakil gubernur, pasangan Ahmad Syaikhu-Ilham Habibie berkampanye di Subang."
    assert pairs(gazetteer, text)[0][:2] == ("32", "gubernur")


def test_a_ticket_with_no_place_anywhere_has_no_contest(gazetteer):
    text = "Pasangan Ahmad Syaikhu-Ilham Habibie mengikuti debat kandidat Pilkada."
    assert pairs(gazetteer, text)[0][:2] == (None, "")


def test_candidates_are_told_apart_as_head_and_deputy(gazetteer):
    text = "SUBANG - Pasangan calon Bupati Subang Agus Salim dan Rina Marlina mendapat nomor urut 1 di Pilbup Subang."
    roles = {p.name: p.role for p in extract(text, gazetteer).people}
    assert roles["Agus Salim"] == "calon Bupati Subang (nomor urut 1)"
    assert roles["Rina Marlina"] == "calon Wakil Bupati Subang (nomor urut 1)"


def test_degrees_and_deputy_titles_between_two_names_still_join_a_ticket(gazetteer):
    text = "SUBANG - Pilbup Subang diikuti calon Bupati Agus Salim, S.E., M.M. dan calon Wakil Bupati Dr. Rina Marlina, M.T."
    assert pairs(gazetteer, text)[0][3:5] == ("Agus Salim", "Rina Marlina")


def test_stages_follow_what_the_text_reports(gazetteer):
    registered = (
        "SUBANG - Pasangan bakal calon Agus Salim-Rina Marlina mendaftar ke KPU Subang untuk Pilbup Subang."
    )
    assert pairs(gazetteer, registered)[0][5] == "bakal calon"
    won = (
        "SUBANG - KPU Subang menetapkan pasangan Agus Salim-Rina Marlina sebagai pasangan calon terpilih Pilbup Subang. "
        "Pasangan Dedi Kurnia-Wawan Setiawan menerima hasil itu."
    )
    stages = {head: stage for _, _, _, head, _, stage in pairs(gazetteer, won)}
    assert stages == {"Agus Salim": "terpilih", "Dedi Kurnia": "gugur"}


def test_nicknames_of_a_ticket_are_aliases_of_the_full_names_not_new_people(gazetteer):
    text = (
        "SUBANG - Pilbup Subang: Salim-Marlin nomor urut 1.\n\n"
        "Pasangan Agus Salim-Rina Marlina (Salim-Marlin) mendapat nomor urut 1 di Pilbup Subang."
    )
    result = extract(text, gazetteer)
    assert sorted(p.name for p in result.people) == ["Agus Salim", "Rina Marlina"]
    assert [(p.head, p.deputy, p.number) for p in result.pairs] == [("Agus Salim", "Rina Marlina", 1)]


def test_a_ballot_number_outside_one_to_ten_is_not_one(gazetteer):
    text = "SUBANG - Pasangan Agus Salim-Rina Marlina mendaftar dengan nomor urut 24 di Pilbup Subang."
    assert pairs(gazetteer, text)[0][2] is None


def test_an_acting_post_is_spelt_out_as_the_article_defines_it(gazetteer):
    text = (
        "BANDUNG - Gubernur mengukuhkan Penjabat Sementara (Pjs) Bupati Subang. "
        "Pjs Bupati Subang (Wahyu Hidayat) hadir."
    )
    roles = {p.name: p.role for p in extract(text, gazetteer).people}
    assert roles["Wahyu Hidayat"] == "Penjabat Sementara (Pjs) Bupati Subang"


def test_a_couple_in_other_news_is_not_a_candidate_pair(gazetteer):
    text = "JAKARTA - Pasangan selebritas Rina Marlina-Agus Salim menikah di Bali pada Sabtu."
    assert extract(text, gazetteer).pairs == []


def test_the_parties_behind_a_ticket_are_read_and_an_independent_ticket_says_so(gazetteer):
    text = (
        "SUBANG - Pilbup Subang diikuti pasangan Agus Salim-Rina Marlina yang diusung Golkar, PKB dan NasDem, "
        "serta pasangan Dedi Kurnia-Wawan Setiawan dari jalur perseorangan."
    )
    parties = {p.head: p.parties for p in extract(text, gazetteer).pairs}
    assert parties == {
        "Agus Salim": ["Partai Golkar", "PKB", "Partai NasDem"],
        "Dedi Kurnia": ["perseorangan"],
    }


def test_a_determination_not_yet_made_leaves_the_pairs_registered(gazetteer):
    text = (
        "SUBANG - KPU Subang belum menetapkan pasangan calon Pilbup Subang. Bakal calon yang mendaftar "
        "antara lain Agus Salim-Rina Marlina dan Dedi Kurnia-Wawan Setiawan."
    )
    assert {p.stage for p in extract(text, gazetteer).pairs} == {"bakal calon"}


def test_a_lone_word_after_a_candidacy_word_is_no_pair(gazetteer):
    text = "SUBANG - Pilbup Subang kali ini diramaikan calon Pendatang yang belum dikenal warga."
    assert extract(text, gazetteer).pairs == []
