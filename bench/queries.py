"""The fixed query mix: the same 60 searches go to the search page, raw Whoosh, FTS5 and the naive baseline.

A query names regions, people and outlets as the corpus wrote them (region code, person name, outlet
name); the runner turns them into the site's slugs once the articles are imported.
"""

from dataclasses import dataclass, field

from bench import corpus

WORDS = (
    "pilkada", "gubernur", "bupati", "korupsi", "banjir", "kampanye", "polisi", "presiden", "ekonomi",
    "sekolah", "narkoba", "gempa", "investasi", "pelantikan", "pemilihan", "kesehatan", "walikota",
    "kebakaran", "petani", "mahasiswa",
)  # fmt: skip
PHRASES = (
    "wali kota", "wakil wali kota", "ketua kpu", "hak pilih", "tempat pemungutan suara",
    "daftar pemilih tetap", "revisi uu kpk", "netralitas aparatur sipil negara", "debat publik", "piala dunia",
)  # fmt: skip
MULTI = (
    "banjir jakarta",
    "harga beras naik",
    "kpk tangkap bupati",
    "persiapan logistik pemilihan",
    "timnas indonesia",
)


@dataclass(frozen=True)
class Query:
    kind: str  # word / phrase / filter / facet / sort / deep
    q: str = ""
    phrase: bool = False
    region: str = ""  # region code
    person: str = ""  # person name as written
    outlet: str = ""  # outlet name as written
    date_from: str = ""
    date_to: str = ""
    sort: str = ""  # "" (relevance), "newest", "oldest"
    page: int = 1
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def text(self):
        """The q parameter as a user types it (phrases in double quotes)."""
        return f'"{self.q}"' if self.phrase else self.q

    def label(self):
        parts = [self.kind, self.text or "-"]
        for name in ("region", "person", "outlet", "date_from", "date_to", "sort"):
            if getattr(self, name):
                parts.append(f"{name}={getattr(self, name)}")
        if self.page > 1:
            parts.append(f"page={self.page}")
        return " ".join(parts)


def busiest_regions(count):
    """The regions the corpus names most (highest weight), provinces and regencies/cities alike."""
    regions = corpus.load_regions()
    weights = corpus.region_weights(regions)
    ranked = sorted(zip(weights, range(len(regions)), regions, strict=True), key=lambda t: (-t[0], t[1]))
    return [r for _, _, r in ranked[:count]]


def query_mix(seed=2024):
    """At least 50 queries: words, phrases, multi-word, filters, facets-only, sorts and deep pages."""
    regions = busiest_regions(6)
    officials = corpus.invent_officials(corpus.load_regions(), seed)
    people = [officials[r.code][0].name for r in regions[:4]]
    outlets = ("Kompas.com", "Tempo.co", "Okezone.com")
    mix = [Query("word", w) for w in WORDS]
    mix += [Query("phrase", p, phrase=True) for p in PHRASES]
    mix += [Query("word", m) for m in MULTI]
    mix += [
        Query("filter", "pilkada", region=regions[0].code),
        Query("filter", "gubernur", region=regions[1].code),
        Query("filter", "kampanye", region=regions[2].code, sort="newest"),
        Query("filter", "wali kota", phrase=True, region=regions[3].code),
        Query("filter", "pilkada", person=people[0]),
        Query("filter", "", person=people[1]),
        Query("filter", "korupsi", outlet=outlets[0]),
        Query("filter", "banjir", outlet=outlets[1], date_from="2024-03-01", date_to="2024-06-30"),
        Query("filter", "pemilihan", date_from="2024-10-01", date_to="2024-11-30"),
        Query("filter", "presiden", date_from="2024-01-01", date_to="2024-01-31"),
        Query("filter", "", region=regions[4].code, date_from="2024-05-01", date_to="2024-05-31"),
        Query("filter", "hak pilih", phrase=True, region=regions[5].code, outlet=outlets[2]),
        Query("facet", "", region=regions[0].code),
        Query("facet", "", region=regions[1].code),
        Query("facet", "", outlet=outlets[0]),
        Query("facet", "", person=people[2]),
        Query("sort", "pilkada", sort="newest"),
        Query("sort", "bupati", sort="oldest"),
        Query("sort", "ketua kpu", phrase=True, sort="newest"),
        Query("sort", "", region=regions[2].code, sort="oldest"),
        Query("sort", "ekonomi", sort="newest", page=3),
        Query("deep", "pilkada", page=10),
        Query("deep", "pilkada", page=40),
        Query("deep", "gubernur", page=25),
        Query("deep", "wali kota", phrase=True, page=20),
        Query("deep", "", region=regions[0].code, page=15),
    ]
    return mix
