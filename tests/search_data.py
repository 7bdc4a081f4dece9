"""A small corpus for the search tests, built with the ORM: Lampung, Jawa Barat and Sumatera Selatan."""

from datetime import date, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from articles.models import (
    Article,
    Organization,
    OrganizationTag,
    Outlet,
    Person,
    PersonTag,
    Region,
    RegionTag,
)

WIB = ZoneInfo("Asia/Jakarta")


def _article(n, title, body, outlet=None, published_on=None, published_at=None):
    outlet_obj = None
    if outlet:
        outlet_obj, _ = Outlet.objects.get_or_create(
            slug=outlet.lower().replace(" ", "-"), defaults={"name": outlet}
        )
    return Article.objects.create(
        title=title,
        body=body,
        raw=f"{title}\n\n{body}".encode(),
        content_hash=f"5ea4c{n:059x}",  # apart from make_article's hashes
        source_file=f"search-{n:03}.txt",
        source="cari",
        source_path=f"search-{n:03}.txt",
        outlet=outlet_obj,
        published_on=published_on,
        published_at=published_at,
    )


def _tag(article, code, status="suggested"):
    RegionTag.objects.create(article=article, region=Region.objects.get(code=code), status=status)


def build_corpus():
    """Six articles; returns them by name plus the people and organisation."""
    qomaru = Person.objects.create(name="Qomaru Zaman", slug="qomaru-zaman")
    imran = Person.objects.create(name="Imran", slug="imran")
    bawaslu = Organization.objects.create(
        name="Bawaslu Kota Metro", slug="bawaslu-kota-metro", acronym="Bawaslu"
    )

    metro_run = _article(
        1,
        "Qomaru: Bersama Walikota Wahdi, Kami Siap Maju Lagi di Pilkada Metro 2024",
        "Wakil Walikota Metro, Qomaru Zaman, menegaskan akan kembali mencalonkan diri sebagai kepala "
        "daerah bersama Wahdi.\n\nIa menyampaikannya di kantor Dinas Sosial Kota Metro. <script>alert('x')"
        "</script> Sikap ASN tetap netral.",
        outlet="Kupas Tuntas",
        published_on=date(2024, 3, 19),
        published_at=datetime(2024, 3, 19, 12, 59, tzinfo=WIB),
    )
    metro_meeting = _article(
        2,
        "Rapat Koordinasi Kesiapan Penyelenggaraan Pilkada Wilayah Sumatera",
        "Wakil Wali Kota Metro Qomaru Zaman mengikuti rapat koordinasi di Medan. Menko Polhukam meminta "
        "Bawaslu dan KPU bertindak netral selama tahapan pemilihan.",
        outlet="Pemkot Metro",
        published_on=date(2024, 7, 9),
    )
    subang = _article(
        3,
        "Pj Bupati Subang Pimpin Rakor Persiapan Pilkada",
        "Pj. Bupati Subang, Dr. Imran, menghadiri rapat koordinasi persiapan Pemilukada di Kab. Subang, "
        "Jawa Barat, bersama Forkopimda.",
        outlet="JMI",
        published_on=date(2024, 5, 30),
    )
    lubuklinggau = _article(
        4,
        "Imam Senen, Birokrat yang Semakin Mencuat sebagai Kandidat Pilwako",
        "Pemilihan walikota dan wakil walikota Lubuklinggau digelar 27 November 2024. Imam Senen masih "
        "fokus sebagai aparatur sipil negara.",
        outlet="Palpos",
        published_on=date(2024, 3, 1),
    )
    # Half past midnight in Jakarta is still the previous day in UTC: the TZ trap.
    lampung = _article(
        5,
        "Netralitas ASN Diawasi Ketat Menjelang Pemungutan Suara",
        "Bawaslu Provinsi Lampung mengingatkan seluruh ASN agar menjaga netralitas.",
        outlet="Kupas Tuntas",
        published_on=date(2024, 11, 1),
        published_at=datetime(2024, 11, 1, 0, 30, tzinfo=WIB),
    )
    rejected = _article(
        6,
        "Kunjungan Kerja ke Kabupaten Subang",
        "Rombongan dari Kota Metro berkunjung ke Subang untuk studi banding pelayanan publik.",
        published_on=date(2024, 8, 2),
    )

    _tag(metro_run, "18.72")
    _tag(metro_meeting, "18.72", status="confirmed")
    _tag(subang, "32.13")
    _tag(lubuklinggau, "16.73")
    _tag(lampung, "18")
    _tag(rejected, "18.72", status="rejected")
    _tag(rejected, "32.13")
    PersonTag.objects.create(article=metro_run, person=qomaru)
    PersonTag.objects.create(article=metro_meeting, person=qomaru, status="confirmed")
    PersonTag.objects.create(article=subang, person=imran)
    PersonTag.objects.create(article=rejected, person=qomaru, status="rejected")
    OrganizationTag.objects.create(article=metro_meeting, organization=bawaslu)

    return SimpleNamespace(
        metro_run=metro_run,
        metro_meeting=metro_meeting,
        subang=subang,
        lubuklinggau=lubuklinggau,
        lampung=lampung,
        rejected=rejected,
        qomaru=qomaru,
        imran=imran,
        bawaslu=bawaslu,
    )
