"""The realistic load: at least 500 distinct searches and a few hundred pages, asked with a Zipf-like
popularity (a few names and regions again and again, a long tail once), as a busy day's traffic is.

Pure functions over what `bench.probe pool` found in the database; paths only, the runner adds the
host.
"""

import random
import urllib.parse

from bench.queries import MULTI, PHRASES, WORDS

ISSUES = WORDS + MULTI + (
    "debat", "paslon", "kpu", "bawaslu", "tps", "logistik", "rekapitulasi", "sengketa", "politik uang",
    "netralitas", "golput", "quick count", "pendaftaran", "koalisi", "survei", "dinasti",
)  # fmt: skip
MONTHS = [(f"2024-{m:02}-01", f"2024-{m:02}-{28 if m == 2 else 30}") for m in range(1, 13)]
SEARCH_SHARE = 0.6  # of requests; the rest are browse, contest and article pages
ZIPF_S = 1.0


def _search(**params):
    return "/cari/?" + urllib.parse.urlencode({k: v for k, v in params.items() if v})


def _short(region_name):
    """ "Kabupaten Bogor" → "Bogor": how a reader types a region."""
    for prefix in ("Kabupaten ", "Kota ", "Provinsi "):
        if region_name.startswith(prefix):
            return region_name[len(prefix) :]
    return region_name


def _interleave(*lists):
    """Round-robin over the lists, each busiest first: rank 1 is the top name, the top region, ..."""
    out = []
    for i in range(max(map(len, lists), default=0)):
        out += [items[i] for items in lists if i < len(items)]
    return list(dict.fromkeys(out))


def searches(pool, seed=2024):
    """Distinct search paths, most popular first."""
    rng = random.Random(seed)
    people, regions = pool["people"], pool["regions"]
    issues = list(ISSUES)
    names = [_search(q=f'"{p["name"]}"') for p in people]
    places = [_search(q=_short(r["name"])) for r in regions]
    topics = [_search(q=q) for q in issues] + [_search(q=f'"{p}"') for p in PHRASES]
    in_region = [_search(q=rng.choice(issues), region=r["code"]) for r in regions[:120]]
    about_person = [
        _search(person=p["path"].strip("/").split("/")[-1], q=rng.choice(("", *issues))) for p in people[:60]
    ]
    in_month = [_search(q=q, **{"from": start, "to": end}) for q in issues[:8] for start, end in MONTHS]
    sorted_ = [_search(q=q, sort=rng.choice(("newest", "oldest"))) for q in issues[:20]]
    return _interleave(names, places, topics, in_region, about_person, in_month, sorted_)


def pages(pool):
    """Distinct browse, contest and article paths, most popular first."""
    home = ["/", "/pilkada/", "/wilayah/", "/tokoh/", "/tanggal/"]
    months = pool["months"]  # those that have articles: an empty month is a 404
    return _interleave(
        home,
        [r["path"] for r in pool["regions"]],
        [p["path"] for p in pool["people"]],
        pool["contests"],
        pool["articles"],
        months,
    )


def zipf_weights(count, s=ZIPF_S):
    return [1 / (rank**s) for rank in range(1, count + 1)]


def draw(search_paths, page_paths, count, seed):
    """`count` paths for one client: searches and pages in their shares, each by its popularity."""
    rng = random.Random(seed)
    n_search = round(count * SEARCH_SHARE)
    out = rng.choices(search_paths, weights=zipf_weights(len(search_paths)), k=n_search)
    out += rng.choices(page_paths, weights=zipf_weights(len(page_paths)), k=count - n_search)
    rng.shuffle(out)
    return out
