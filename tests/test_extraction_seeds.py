"""The five shipped seed articles give the values the archive promises."""

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from articles.extraction import Gazetteer, decode, extract

SEEDS = Path(__file__).resolve().parent.parent / "data" / "seed"


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.from_csv(SEEDS.parent / "wilayah")


@pytest.fixture(scope="module")
def seed(gazetteer):
    def read(number: str):
        path = next(SEEDS.glob(f"{number}_*.txt"))
        return extract(decode(path.read_bytes())[0], gazetteer)

    return read


def by_name(extraction):
    return {p.name: p for p in extraction.people}


def test_seed_000_title_date_outlet_and_dateline(seed):
    e = seed("000")
    assert e.title == "Qomaru: Bersama Walikota Wahdi, Kami Siap Maju Lagi di Pilkada Metro 2024"
    assert e.published == datetime(2024, 3, 19, 12, 59, tzinfo=timezone(timedelta(hours=7)))
    assert e.outlet == "Kupastuntas.co"
    assert (e.dateline, e.dateline_region) == ("Metro", "18.72")
    assert [r.code for r in e.regions] == ["18.72"]


def test_seed_000_people_and_roles_without_the_photographer(seed):
    people = by_name(seed("000"))
    assert set(people) == {"Qomaru Zaman", "Wahdi", "Sri Amanto"}
    assert people["Qomaru Zaman"].role == "Wakil Walikota Metro"
    assert "Qomaru" in people["Qomaru Zaman"].aliases
    assert people["Wahdi"].role.startswith("Walikota")
    assert people["Sri Amanto"].role.startswith("Kepala Dinas Sosial")
    assert "Arby" not in people


def test_seed_001_people_event_and_regions(seed):
    e = seed("001")
    people = by_name(e)
    assert {
        "Qomaru Zaman",
        "Hadi Tjahjanto",
        "Hartawan Jaya Guna",
        "Erfir Thabrani Indra",
        "Septiana Wati",
    } == set(people)
    assert "Menko Polhukam" in people["Hadi Tjahjanto"].role
    assert e.regions[0].code == "18.72"
    assert e.title == ""
    event = e.events[0]
    assert event.name == "Rapat Koordinasi Kesiapan Penyelenggaraan Pilkada 2024 wilayah Sumatera"
    assert (event.date, event.place, event.region) == (date(2024, 7, 9), "Medan", "12.71")
    assert {"Qomaru Zaman", "Hadi Tjahjanto"} <= set(event.participants)


def test_seed_002_repeated_title_once_and_the_sekwan(seed):
    e = seed("002")
    assert e.title == "Imam Senen, Birokrat yang Semakin Mencuat sebagai Kandidat Pilwako"
    assert e.title not in e.body
    assert (e.dateline, e.dateline_region, e.outlet) == ("LUBUKLINGGAU", "16.73", "PALPOS.ID")
    people = by_name(e)
    assert list(people) == ["Imam Senen"]
    assert people["Imam Senen"].honorifics == ["H"]
    assert "Sekwan" in people["Imam Senen"].role
    assert "BACA JUGA" not in e.body
    assert "Maryati" in e.credits["photo"]


def test_seed_003_officials_outlet_and_event(seed):
    e = seed("003")
    assert e.outlet == "halopaginews"
    people = by_name(e)
    assert people["Badawi Idham"].role == "Ketua Bawaslu Metro"
    assert people["Badawi Idham"].organization == "Bawaslu Kota Metro"
    assert people["Rosita"].role == "Kepala Kesbangpol Metro"
    assert people["Juni Kuswati"].role == "Staf Ahli III Wali Kota Metro"
    assert "Klik Gambar" not in e.body
    event = e.events[0]
    assert event.name == "Sosialisasi dan Orientasi Pemilu Aman, Tertib dan Damai"
    assert (event.date, event.region) == (date(2023, 11, 14), "18.72")


def test_seed_004_pj_bupati_and_reporter_credit(seed):
    e = seed("004")
    assert (e.outlet, e.dateline_region) == ("JMI", "32.13")
    people = by_name(e)
    assert list(people) == ["Imran"]
    assert people["Imran"].honorifics == ["Dr.", "Drs.", "MA.Cd"]
    assert people["Imran"].role == "Pj. Bupati Subang"
    assert e.credits["reporter"] == ["Agus Hamdan"]
    assert [r.code for r in e.regions] == ["32.13"]
    assert "KPU Kabupaten Subang" in {o.name for o in e.organizations}
    event = e.events[0]
    assert event.name.startswith("Rapat Koordinasi Bersama Forkopimda dalam rangka Persiapan Pelaksanaan")
    assert event.date == date(2024, 5, 30)


def test_seed_bodies_keep_one_paragraph_per_line(seed):
    e = seed("004")
    assert e.body.count("\n\n") >= 10
    assert "0 komentar" not in e.body and "Pewarta" not in e.body
