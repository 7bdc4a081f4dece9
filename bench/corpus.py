"""Build N raw news .txt files from the real corpus: paragraphs recombined, regions and officials woven in.

Pure functions, no Django. Article i depends only on (seed, i) and the inputs, so a small corpus is a
prefix of a large one and two builds with the same arguments are byte-identical. Every file is written
under the output folder; inside the project that folder must be under bench/scratch/ (git-ignored).
"""

import csv
import gzip
import hashlib
import json
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
WORK_DIR = PROJECT_ROOT / "bench" / "scratch"
DEFAULT_SOURCE = PROJECT_ROOT.parent / "shared" / "data" / "news-corpus" / "articles.jsonl.gz"
REGIONS_CSV = PROJECT_ROOT / "data" / "wilayah" / "regions.csv"
ALIASES_CSV = PROJECT_ROOT / "data" / "wilayah" / "aliases.csv"
FILES_PER_FOLDER = 1000
MANIFEST = "manifest.jsonl"
STAMP = "corpus.json"

# Invented people: every official in the corpus is a combination of these, none is a real person.
FIRST_NAMES = (
    "Agus Ahmad Andi Arif Bambang Budi Dedi Dewi Eko Endang Fajar Fitri Gunawan Hadi Hendra Indra Irwan "
    "Joko Kartika Lestari Lukman Made Maya Muhammad Nurul Putu Rahmat Rina Rudi Sari Siti Sri Taufik "
    "Teguh Wahyu Wayan Yanti Yusuf Zainal Ratna Hasan Ilham Novi Dian Fadli Syahrul Ketut Yohanes Maria"
).split()
LAST_NAMES = (
    "Santoso Wijaya Saputra Hidayat Kurniawan Setiawan Pratama Nugroho Siregar Nasution Harahap Lubis "
    "Simanjuntak Sitompul Tanjung Rahman Hakim Syahputra Wibowo Susanto Gunadi Lumban Pangaribuan "
    "Sinaga Manurung Tambunan Panjaitan Purba Ginting Sembiring Tarigan Ritonga Daulay Batubara Harefa "
    "Mandagi Sumampouw Wenas Rumengan Latuconsina Pattimura Hamzah Mahmud Idris Basri Zulkarnain "
    "Maulana Firmansyah Permana Ramadhan Suryadi Sudirman Kusuma Hutapea Marpaung"
).split()
EDITORS = "Rina Agustina, Hendra Gunawan, Dedi Kurniawan, Fitri Lestari, Yusuf Hamzah, Sari Wulandari".split(
    ", "
)
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()
OUTLET_NAMES = {
    "okezone.com": "Okezone.com",
    "tempo.co": "Tempo.co",
    "sindonews.com": "SINDOnews.com",
    "kompas.com": "Kompas.com",
    "wowkeren.com": "Wowkeren.com",
    "tribunnews.com": "Tribunnews.com",
    "kapanlagi.com": "Kapanlagi.com",
    "fimela.com": "Fimela.com",
    "posmetro-medan.com": "Posmetro-Medan.com",
}
# Roles per region level: (role as printed before the region name, how the region is named).
ROLES = {
    "kota": (("Wali Kota", "short"), ("Wakil Wali Kota", "short"), ("Ketua KPU", "full"), ("Ketua Bawaslu", "full")),
    "kabupaten": (("Bupati", "short"), ("Wakil Bupati", "short"), ("Ketua KPU", "full"), ("Ketua Bawaslu", "full")),
    "provinsi": (("Gubernur", "short"), ("Wakil Gubernur", "short"), ("Ketua KPU", "full"), ("Ketua Bawaslu", "full")),
}  # fmt: skip
# Sentences that name an official in the "Role Region, Name," shape the extractor reads.
OFFICIAL_SENTENCES = (
    "{role}, {name}, mengatakan pihaknya terus memantau setiap tahapan Pilkada 2024 di {place}.",
    "Hal itu disampaikan {role}, {name}, saat ditemui di kantornya, {day} ({dmy}).",
    "Sementara itu, {role}, {name}, meminta warga {place} menggunakan hak pilihnya pada 27 November 2024.",
    "{role}, {name}, menegaskan netralitas aparatur sipil negara menjadi perhatian utama menjelang pilkada.",
    "Menurut {role}, {name}, persiapan logistik pemilihan di {place} sudah mencapai 90 persen.",
    "{role}, {name}, menyebut debat publik pasangan calon akan digelar dua kali di {place}.",
)
REGION_SENTENCES = (
    "Pilkada serentak di {region} akan digelar pada 27 November 2024.",
    "Sebanyak {count} tempat pemungutan suara (TPS) disiapkan di {region} untuk pemilihan kepala daerah.",
    "Warga {region} menyambut tahapan kampanye dengan antusias.",
    "Daftar pemilih tetap (DPT) {region} tercatat lebih dari {count} ribu orang.",
)
TITLE_PATTERNS = (
    "{short}: {title}",
    "Pilkada {short} 2024, {title}",
    "{title} di {short}",
)


@dataclass(frozen=True)
class Region:
    code: str
    name: str  # official: "Kabupaten Bogor", "Kota Bekasi", "Jawa Barat"
    level: str  # provinsi / kabupaten / kota
    province: str
    aliases: tuple[str, ...] = ()

    @property
    def short(self):
        return re.sub(r"^(?:Kabupaten|Kota)(?: Administrasi)?\s+", "", self.name)


@dataclass(frozen=True)
class Official:
    name: str
    role: str  # "Wali Kota", "Ketua KPU"
    region: Region

    @property
    def title(self):
        """The role with its region as printed: "Wali Kota Bekasi", "Ketua KPU Kabupaten Bogor"."""
        for role, naming in ROLES[self.region.level]:
            if role == self.role:
                if naming == "short" or self.region.level != "provinsi":
                    place = self.region.short if naming == "short" else self.region.name
                else:
                    place = f"Provinsi {self.region.name}"
                return f"{self.role} {place}"
        raise ValueError(self.role)


@dataclass
class Source:
    title: str
    source: str
    paragraphs: list[str]


@dataclass
class Generated:
    """One article: the raw text and what was woven into it (the manifest line)."""

    path: str  # relative to the corpus folder
    text: str
    title: str
    published: str  # ISO date
    outlet: str
    region: str  # code of the focal region
    regions: list[str] = field(default_factory=list)  # codes named in the text
    people: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)


# A publisher's own dateline opening a paragraph ("TEMPO.CO, Jakarta - ", "BOGOR, KOMPAS.com - "): in a
# recombined article it would read as a second dateline, so it is cut.
_OLD_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.]{2,}(?: [A-Z]{2,})*|Tempo\.Co)(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?)?\s*[-–—]+\s*"
)


def load_source(path):
    """The real articles: title, publisher, paragraphs (blank-line separated in the corpus)."""
    items = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            paragraphs = [_OLD_DATELINE.sub("", " ".join(p.split())) for p in row["body"].split("\n\n")]
            paragraphs = [p for p in paragraphs if len(p) > 30]
            if paragraphs:
                items.append(Source(" ".join(row["title"].split()), row["source"], paragraphs))
    if not items:
        raise ValueError(f"{path}: no usable articles")
    return items


def load_regions(regions_csv=REGIONS_CSV, aliases_csv=ALIASES_CSV):
    """The gazetteer: every province, regency and city, with the aliases people write."""
    aliases = {}
    if aliases_csv and Path(aliases_csv).exists():
        with open(aliases_csv, encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["kind"] in ("short_name", "abbreviation", "variant"):
                    aliases.setdefault(row["code"], []).append(row["alias"])
    with open(regions_csv, encoding="utf-8") as handle:
        return [
            Region(r["code"], r["name"], r["level"], r["province_name"], tuple(aliases.get(r["code"], ())))
            for r in csv.DictReader(handle)
        ]


def invent_officials(regions, seed=2024):
    """Four invented officials per region (head, deputy, KPU and Bawaslu chairs), unique names."""
    rng = random.Random(f"officials-{seed}")
    pairs = [f"{a} {b}" for a in FIRST_NAMES for b in LAST_NAMES]
    rng.shuffle(pairs)
    needed = sum(len(ROLES[r.level]) for r in regions)
    if needed > len(pairs):  # three-word names when the two-word combinations run out
        pairs += [f"{p} {rng.choice(LAST_NAMES)}" for p in pairs[: needed - len(pairs)]]
    names = iter(pairs)
    return {r.code: [Official(next(names), role, r) for role, _ in ROLES[r.level]] for r in regions}


def region_weights(regions):
    """A long tail: a few regions are in the news far more often, as in real coverage."""
    return [1.0 / (1 + (i % 97)) ** 0.8 for i in range(len(regions))]


def _dmy(day):
    return f"{day.day}/{day.month}/{day.year}"


def _date_line(day, rng):
    return (
        f"{DAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year} - "
        f"{rng.randrange(6, 23):02d}.{rng.randrange(60):02d} WIB"
    )


_ORDERS = {}


def _order(count, seed):
    """A fixed shuffle of the sources: the corpus file is sorted by date and publisher, and any
    prefix of the benchmark corpus (N = 5,000) should still mix every publisher and topic."""
    if (count, seed) not in _ORDERS:
        order = list(range(count))
        random.Random(f"order-{seed}").shuffle(order)
        _ORDERS[(count, seed)] = order
    return _ORDERS[(count, seed)]


def generate(i, sources, regions, officials, weights, seed=2024, start=date(2024, 1, 2), days=330):
    """Article number i (pure: the same arguments always give the same text)."""
    rng = random.Random(seed * 1_000_003 + i)
    base = sources[_order(len(sources), seed)[i % len(sources)]]
    paragraphs = list(base.paragraphs[:8])
    if i >= len(sources):  # amplified: mix in paragraphs of two other articles, reorder the tail
        for other in rng.sample(sources, 2):
            paragraphs.insert(rng.randrange(1, len(paragraphs) + 1), rng.choice(other.paragraphs))
        tail = paragraphs[1:]
        rng.shuffle(tail)
        paragraphs = [paragraphs[0], *tail[:7]]

    region = rng.choices(regions, weights)[0]
    province = next((r for r in regions if r.code == region.code[:2]), region)
    people = rng.sample(officials[region.code], rng.choice((1, 2, 2, 3)))
    if province is not region and rng.random() < 0.3:
        people.append(rng.choice(officials[province.code]))
    day = start + timedelta(days=rng.randrange(days))
    place_name = rng.choice((region.name, region.name, *region.aliases)) if region.aliases else region.name

    woven = []
    for person in people:
        template = rng.choice(OFFICIAL_SENTENCES)
        woven.append(
            template.format(
                role=person.title,
                name=person.name,
                place=person.region.short,
                day=DAYS[day.weekday()],
                dmy=_dmy(day),
            )
        )
    woven.append(rng.choice(REGION_SENTENCES).format(region=place_name, count=rng.randrange(120, 3000)))
    for sentence in woven:
        paragraphs.insert(rng.randrange(1, len(paragraphs) + 1), sentence)

    outlet = OUTLET_NAMES.get(base.source, base.source)
    dateline = region.short.upper() if region.level != "provinsi" else region.name.upper()
    title = (
        base.title
        if i < len(sources)
        else rng.choice(TITLE_PATTERNS).format(short=region.short, title=base.title)
    )
    lines = [title, "", _date_line(day, rng), "", f"{dateline}, {outlet} - {paragraphs[0]}"]
    for p in paragraphs[1:]:
        lines += ["", p]
    lines += ["", f"Editor : {rng.choice(EDITORS)}", ""]
    folder = f"{i // FILES_PER_FOLDER:03d}"
    return Generated(
        path=f"{folder}/pilkada-{i:06d}.txt",
        text="\n".join(lines),
        title=title,
        published=day.isoformat(),
        outlet=outlet,
        region=region.code,
        regions=sorted({region.code, *(p.region.code for p in people)}),
        people=[p.name for p in people],
        roles=[p.title for p in people],
    )


def read_article(text):
    """(title, body) of a generated file: the baselines index the same words as the importer reads."""
    lines = text.split("\n")
    title = lines[0]
    body = "\n".join(lines[4:])
    body = body.rsplit("\nEditor :", 1)[0]
    return title, body.strip()


def check_out_dir(out_dir):
    """Refuse to write into the project anywhere but bench/scratch/ (git-ignored)."""
    out = Path(out_dir).resolve()
    if out.is_relative_to(PROJECT_ROOT) and not out.is_relative_to(WORK_DIR.resolve()):
        raise ValueError(f"{out}: corpus files go under {WORK_DIR}, never elsewhere in the project")
    return out


def source_fingerprint(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()[:16]


def build_corpus(
    source, out_dir, n, seed=2024, regions_csv=REGIONS_CSV, aliases_csv=ALIASES_CSV, progress=None
):
    """Write n files under out_dir/articles/ and a manifest; reuse a previous identical build."""
    out = check_out_dir(out_dir)
    stamp = {"articles": n, "seed": seed, "source": source_fingerprint(source), "version": 2}
    stamp_path = out / STAMP
    if stamp_path.exists() and json.loads(stamp_path.read_text()) == stamp:
        return out
    if stamp_path.exists():
        stamp_path.unlink()
    sources = load_source(source)
    regions = load_regions(regions_csv, aliases_csv)
    officials = invent_officials(regions, seed)
    weights = region_weights(regions)
    articles = out / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    for old in articles.rglob("*.txt"):  # a previous, different build
        old.unlink()
    with open(out / MANIFEST, "w", encoding="utf-8") as manifest:
        for i in range(n):
            item = generate(i, sources, regions, officials, weights, seed)
            target = articles / item.path
            target.parent.mkdir(exist_ok=True)
            target.write_text(item.text, encoding="utf-8")
            meta = {k: v for k, v in item.__dict__.items() if k != "text"}
            manifest.write(json.dumps(meta, ensure_ascii=False) + "\n")
            if progress:
                progress(i + 1)
    stamp_path.write_text(json.dumps(stamp))
    return out


def read_manifest(corpus_dir):
    with open(Path(corpus_dir) / MANIFEST, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]
