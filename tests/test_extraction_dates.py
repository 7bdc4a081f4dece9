"""Indonesian dates: publication lines and event dates in running text."""

import re
from datetime import date, timedelta

import pytest

from articles.extraction.dates import event_dates, lead_date, parse_date_line, zone_name


def test_a_publication_line_gives_date_time_and_wib_offset():
    moment, has_time = parse_date_line("Selasa, 19 Maret 2024 - 12.59 WIB")
    assert (moment.year, moment.month, moment.day, moment.hour, moment.minute) == (2024, 3, 19, 12, 59)
    assert moment.utcoffset() == timedelta(hours=7)
    assert has_time


def test_month_abbreviations_and_wita_are_understood():
    moment, _ = parse_date_line("Kamis, 5 Des 2024 09:30 WITA")
    assert moment.date() == date(2024, 12, 5)
    assert moment.utcoffset() == timedelta(hours=8)


def test_wit_is_nine_hours_ahead():
    moment, _ = parse_date_line("Senin, 7 Okt 2024 10.00 WIT")
    assert moment.utcoffset() == timedelta(hours=9)


def test_a_date_without_time_has_no_time_flag():
    moment, has_time = parse_date_line("Rabu, 4 Sep 2024")
    assert moment.date() == date(2024, 9, 4)
    assert not has_time


def test_numeric_dates_in_brackets_are_event_dates():
    text = "Rapat digelar Selasa (9/7/2024) dan Kamis, 30/5/ 2024 serta Minggu, (22/09/2024)."
    assert event_dates(text) == [date(2024, 5, 30), date(2024, 7, 9), date(2024, 9, 22)]


def test_a_missing_year_comes_from_the_article_and_the_weekday():
    text = "Pleno berlangsung pada Selasa (5/11). Pemungutan suara 27 November 2024."
    assert date(2024, 11, 5) in event_dates(text)


def test_a_range_shares_the_year_written_at_its_end():
    assert event_dates("Kampanye 25 September hingga 23 November 2024.") == [
        date(2024, 9, 25),
        date(2024, 11, 23),
    ]


def test_day_ranges_give_both_days():
    assert event_dates("Rekapitulasi pada 3-4 Desember 2024.") == [date(2024, 12, 3), date(2024, 12, 4)]


def test_decree_numbers_and_fractions_are_not_dates():
    text = "Sesuai Putusan Nomor 12/3/2024 dan perolehan 2/3 suara sah tahun 2024."
    assert event_dates(text) == []


def test_day_only_mentions_are_not_dates():
    assert event_dates("Kampanye mulai tanggal 25 dan berakhir di tanggal 24 tahun 2024.") == []


def test_the_lead_dates_an_undated_article_by_the_day_it_reports():
    body = (
        "Kota Contoh - Pilkada Kota Contoh pada 27 November 2024 makin dekat. KPU menggelar rapat, "
        "Selasa (9/7/2024), bersama partai.\n\nRapat berikutnya pada Kamis (11/7/2024)."
    )
    assert lead_date(body) == date(2024, 7, 9)


def test_a_lead_without_a_weekday_still_gives_its_first_date():
    assert lead_date("Pendaftaran dibuka 27 Agustus 2024 hingga 29 Agustus 2024.") == date(2024, 8, 27)


def test_a_lead_without_a_date_gives_none():
    assert lead_date("KPU menggelar rapat pleno terbuka.\n\nRapat dihadiri partai.") is None


@pytest.mark.parametrize(
    ("line", "zone"),
    [("Senin, 2 Sep 2024 14:20 WITA", "WITA"), ("2 Sep 2024 09.00 WIT", "WIT"), ("2 Sep 2024 10:15", "WIB")],
)
def test_a_printed_time_keeps_its_zone(line, zone):
    moment, has_time = parse_date_line(line)
    assert has_time and zone_name(moment) == zone
    assert (moment.hour, moment.minute) == tuple(int(x) for x in re.findall(r"(\d\d)[.:](\d\d)", line)[0])
