"""Articles with candidate pairs, stored through the real importer from Extractions written here
(independent of what the extraction rules find in a text)."""

from datetime import datetime
from pathlib import Path

from articles.extraction import Extraction, PairMention, PersonMention
from articles.importer import Document, Importer
from articles.reading import Parsed

HEAD, DEPUTY = "Yusran Effendi", "Ratna Kurniasih"
# more pairs for the "constant queries" tests: names differ in letters (matching ignores digits)
MORE = [(f"Kepala {word}", f"Wakil {word}") for word in ("Tiga", "Empat", "Lima", "Enam", "Tujuh")]
RIVAL_HEAD, RIVAL_DEPUTY = "Hendra Gunawan Putra", "Maya Sari Dewanti"


def pair(head=HEAD, deputy=DEPUTY, contest="18.72", office="wali kota", **fields):
    return PairMention(contest=contest, office=office, head=head, deputy=deputy, **fields)


def people(*names):
    return [PersonMention(name=name) for name in names]


def store(name, pairs, day="2024-09-23", names=None, title=None, body=None, mentions=None):
    """Import one article named `name` whose extraction found `pairs` and the people `names` (by
    default the pairs' names; `mentions`, PersonMentions, instead); returns the FileResult."""
    names = names if names is not None else [n for p in pairs for n in (p.head, p.deputy) if n]
    title = title or f"Paslon Pilkada {name}"
    body = body or f"Berita tentang {', '.join(names)}."
    extraction = Extraction(
        title=title,
        published=datetime.fromisoformat(day),
        body=body,
        people=mentions if mentions is not None else people(*dict.fromkeys(names)),
        pairs=pairs,
    )
    text = f"{title}\n\n{body}"
    parsed = Parsed(Path(name), text.encode(), "utf-8", text, extraction)
    return Importer().store(parsed, Document(Path(name), "uji", name))
