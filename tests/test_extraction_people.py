"""People, their honorifics and roles, and later short mentions of them."""

import pytest

from articles.extraction import Gazetteer, extract
from tests.gazetteer_data import REGIONS


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer(REGIONS)


def people(gazetteer, text):
    return {p.name: p for p in extract(text, gazetteer).people}


def test_a_role_before_a_comma_belongs_to_the_name_after_it(gazetteer):
    found = people(gazetteer, "METRO - Ketua Bawaslu Metro, Badawi Idham, mengimbau warga.")
    person = found["Badawi Idham"]
    assert person.role == "Ketua Bawaslu Metro"
    assert person.organization == "Bawaslu Kota Metro"
    assert person.role_region == "18.72"


def test_honorifics_and_degrees_are_kept_apart_from_the_name(gazetteer):
    found = people(gazetteer, "SUBANG - Pj. Bupati Subang, Dr. Drs. Imran, MA.Cd membuka rapat.")
    assert found["Imran"].honorifics == ["Dr.", "Drs.", "MA.Cd"]
    assert found["Imran"].role == "Pj. Bupati Subang"
    assert found["Imran"].organization == "Pemerintah Kabupaten Subang"


def test_glued_abbreviations_are_read(gazetteer):
    found = people(gazetteer, "SUBANG - Pj.Bupati Subang, H.Ahmad Yani, S.E. hadir.")
    assert found["Ahmad Yani"].honorifics == ["H.", "S.E."]


def test_balinese_name_elements_and_initials_stay_in_the_name(gazetteer):
    text = "Kata Ketua KPU Badung I Nyoman Sudarma. Pasangan M. Rizal dan I Made Arta mendapat nomor urut 2."
    found = people(gazetteer, text)
    assert found["I Nyoman Sudarma"].role == "Ketua KPU Badung"
    assert found["M. Rizal"].role == "calon Bupati Badung (nomor urut 2)"
    assert "I Made Arta" in found


def test_later_short_mentions_become_aliases_not_new_people(gazetteer):
    text = 'METRO - Wakil Wali Kota Metro, Qomaru Zaman hadir. "Kami siap," kata Qomaru.'
    found = people(gazetteer, text)
    assert list(found) == ["Qomaru Zaman"]
    assert found["Qomaru Zaman"].aliases == ["Qomaru"]


def test_a_name_in_brackets_after_a_role_is_read_the_other_way_round(gazetteer):
    text = "Judul Berita Tentang Sekwan\n\nMETRO - Warga mengenal H Imam Sentosa sejak lama. H Imam Sentosa (Sekwan Kota Metro) hadir."
    found = people(gazetteer, text)
    assert found["Imam Sentosa"].honorifics == ["H"]
    assert found["Imam Sentosa"].role.startswith("Sekwan")


def test_candidates_are_told_apart_as_head_and_deputy_with_their_draw_number(gazetteer):
    text = "METRO - Pasangan Budi Santoso dan Ani Lestari mendapat nomor urut 1, sedangkan pasangan Joko Susilo - Rina Wati nomor urut 2 di Pilwako Metro."
    found = people(gazetteer, text)
    assert found["Budi Santoso"].role == "calon Wali Kota Metro (nomor urut 1)"
    assert found["Ani Lestari"].role == "calon Wakil Wali Kota Metro (nomor urut 1)"
    assert found["Rina Wati"].role == "calon Wakil Wali Kota Metro (nomor urut 2)"


def test_credited_reporters_and_photographers_are_not_people(gazetteer):
    text = "METRO - Ketua KPU Metro, Ahmad Fauzi hadir.\nFoto: Arby/contoh.id\nPewarta: Agus Hamdan"
    assert list(people(gazetteer, text)) == ["Ahmad Fauzi"]


def test_institutions_places_and_sentence_openers_are_not_people(gazetteer):
    text = (
        "METRO - Komisi Pemilihan Umum (KPU) Kota Metro menggelar rapat di Hotel Grand Metro. "
        "Dalam rapat itu, Kantor Camat Sukamaju menjadi tuan rumah. Sementara Anggota Panitia Pemilihan hadir."
    )
    assert people(gazetteer, text) == {}


def test_a_headline_verb_is_not_a_name(gazetteer):
    text = "Tiga Pjs Bupati Dilantik Gubernur\n\nSUBANG - Gubernur melantik tiga Pjs Bupati."
    assert people(gazetteer, text) == {}


def test_noble_name_elements_stay_in_the_name(gazetteer):
    text = "METRO - Ketua Bawaslu Metro, Lalu Ahmad Fauzi, hadir. Pasangan Teuku Rizal-Andi Nurul mendaftar ke KPU Metro."
    found = people(gazetteer, text)
    assert found["Lalu Ahmad Fauzi"].role == "Ketua Bawaslu Metro"
    assert "Teuku Rizal" in found and "Andi Nurul" in found


def test_a_military_or_police_rank_is_an_honorific_not_the_post(gazetteer):
    text = "METRO - Kapolres Metro AKBP Budi Hartono memimpin apel. Kasat Reskrim Polres Metro, AKP Ani Lestari, hadir."
    found = people(gazetteer, text)
    assert found["Budi Hartono"].role == "Kapolres Metro"
    assert found["Ani Lestari"].honorifics == ["AKP"]
    assert found["Ani Lestari"].role == "Kasat Reskrim Polres Metro"


def test_initials_inside_or_closing_a_name_belong_to_it(gazetteer):
    text = "METRO - Ketua KPU Metro Hendra JC Talla membuka rapat. Ketua Bawaslu Metro, Ahmad HAZ, hadir."
    found = people(gazetteer, text)
    assert "Hendra JC Talla" in found and "Ahmad HAZ" in found


def test_a_place_spelt_as_one_word_or_unknown_stays_in_the_role(gazetteer):
    found = people(gazetteer, "METRO - Ketua KPU Kotametro, Relis Yanti Panjaitan, membuka rapat.")
    assert found["Relis Yanti Panjaitan"].role == "Ketua KPU Kotametro"
    found = people(gazetteer, "METRO - Ketua KPU Metrro, Relis Yanti Panjaitan, membuka rapat.")
    assert found["Relis Yanti Panjaitan"].role == "Ketua KPU Metrro"


def test_everyone_listed_after_a_post_holds_it_and_is_no_candidate(gazetteer):
    text = (
        "METRO - KPU Metro menetapkan pasangan calon terpilih, didampingi Anggota KPU Metro yakni "
        "Budi Santoso, Ani Lestari dan Joko Susilo."
    )
    result = extract(text, gazetteer)
    assert {p.name: p.role for p in result.people} == {
        "Budi Santoso": "Anggota KPU Metro",
        "Ani Lestari": "Anggota KPU Metro",
        "Joko Susilo": "Anggota KPU Metro",
    }
    assert result.pairs == []


def test_headline_verbs_adverbs_and_countries_are_not_part_of_a_name(gazetteer):
    text = (
        "Budi Santoso Jenguk Warga Metro\n\nMETRO - Budi Santoso mengatakan warga sehat. "
        "Sebelumnya Ani Lestari menyampaikan hal serupa. Presiden Iran Hassan Rouhani disebut dalam "
        "pidato, kata Pengembangan Joko Susilo."
    )
    found = people(gazetteer, text)
    assert "Budi Santoso Jenguk" not in found and "Budi Santoso" in found
    assert "Sebelumnya Ani Lestari" not in found
    assert "Hassan Rouhani" in found and "Iran Hassan Rouhani" not in found
    assert not any(name.startswith("Pengembangan") for name in found)
