"""Find Indonesian provinces, kabupaten and kota in text, with the level the context gives them."""

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from . import vocabulary

LEVELS = ("provinsi", "kabupaten", "kota")

_PREFIX = re.compile(r"^(?:kabupaten administrasi|kota administrasi|kabupaten|kab\.?|kota|provinsi)\s+", re.I)
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")

# The word right before a name that fixes its level: "Pemkab Bogor", "Wali Kota Bogor", "Pilgub Jambi".
LEVEL_WORDS = {
    **vocabulary.level_words(),
    "kabupaten": "kabupaten", "kab": "kabupaten", "pemkab": "kabupaten", "sekdakab": "kabupaten",
    "kota": "kota", "pemkot": "kota", "pemko": "kota", "balaikota": "kota", "sekdakot": "kota",
    "provinsi": "provinsi", "prov": "provinsi", "pemprov": "provinsi", "sekdaprov": "provinsi",
}  # fmt: skip
# Media names that contain a place word: "Pos Metro", "Radar Bogor", "Metro TV".
_MEDIA_BEFORE = {"pos", "radar", "tribun", "harian", "koran", "warta", "kabar", "suara", "metro", "info"}
_MEDIA_AFTER = {"tv", "news", "post", "pos", "online", "fm", "today", "times", "ekspres", "express"}


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    level: str
    province_code: str

    @property
    def bare_name(self) -> str:
        """The name without its level prefix: "Metro" for Kota Metro."""
        return _PREFIX.sub("", self.name)


@dataclass
class Match:
    start: int  # character offsets in the searched text
    end: int
    surface: str
    codes: tuple[str, ...]  # every region the words can name
    level: str | None  # the level the neighbouring words give, if any
    context: str  # the lower-cased word just before the name
    token_start: int = 0
    token_end: int = 0

    def resolved(self, gazetteer: "Gazetteer") -> str | None:
        """The one code the words and their level leave, or None when still ambiguous."""
        if len(self.codes) == 1:
            return self.codes[0]
        if self.level:
            fitting = [c for c in self.codes if gazetteer.regions[c].level == self.level]
            if len(fitting) == 1:
                return fitting[0]
        return None


def tokens(text: str) -> list[re.Match]:
    return list(_TOKEN.finditer(text or ""))


def _key(words: Iterable[str]) -> str:
    return "".join(w.casefold() for w in words)


class Gazetteer:
    """An index over official names and aliases; build it once and share it."""

    def __init__(self, regions: Iterable, aliases: Iterable = ()):
        self.regions: dict[str, Region] = {}
        for row in regions:
            code, name, level, province = _fields(row, ("code", "name", "level", "province_code"))
            if code and name and level in LEVELS:
                self.regions[code] = Region(code, name, level, province or code.split(".")[0])
        self._index: dict[str, list[str]] = {}
        self._exact_case: dict[str, str] = {}  # short capitals like "NTB" match only as written
        self._first_words: set[str] = set()  # lets the matcher skip most words at once
        self.max_tokens = 1
        for region in self.regions.values():
            self._add(region.bare_name, region.code)
            self._add(region.name, region.code)
        for region in self.regions.values():
            # News drops "Pulau"/"Kepulauan" from island regencies: "Bawaslu Morotai".
            island = re.match(r"^(?:pulau|kepulauan)\s+(\w{5,})$", region.bare_name, re.IGNORECASE)
            if island and region.level != "provinsi" and _key([island.group(1)]) not in self._index:
                self._add(island.group(1), region.code)
        for row in aliases:
            code, alias, kind = _fields(row, ("code", "alias", "kind"))
            if code in self.regions and alias and kind != "former_code" and not alias[:1].isdigit():
                self._add(_PREFIX.sub("", alias), code)

    def _add(self, name: str, code: str) -> None:
        words = [m.group(0) for m in tokens(name)]
        if not words:
            return
        key = _key(words)
        self._first_words.add(words[0].casefold())
        codes = self._index.setdefault(key, [])
        if code not in codes:
            codes.append(code)
        if len(name) <= 5 and name.isupper():
            self._exact_case[key] = name.replace(" ", "")
        self.max_tokens = max(self.max_tokens, len(words))

    @classmethod
    def from_csv(cls, folder: str | Path) -> "Gazetteer":
        """Read regions.csv and aliases.csv (the wilayah data format) from a folder."""
        folder = Path(folder)
        with open(folder / "regions.csv", encoding="utf-8", newline="") as f:
            regions = list(csv.DictReader(f))
        aliases = []
        if (folder / "aliases.csv").exists():
            with open(folder / "aliases.csv", encoding="utf-8", newline="") as f:
                aliases = list(csv.DictReader(f))
        return cls(regions, aliases)

    def get(self, code: str | None) -> Region | None:
        return self.regions.get(code or "")

    def lookup(self, name: str) -> list[str]:
        """Codes an exact name (with or without "Kota"/"Kabupaten"/"Provinsi") can mean."""
        level = None
        prefix = _PREFIX.match((name or "").strip())
        if prefix:
            level = LEVEL_WORDS.get(prefix.group(0).strip().rstrip(".").split()[0].casefold())
        words = [m.group(0) for m in tokens(_PREFIX.sub("", (name or "").strip()))]
        codes = self._index.get(_key(words), []) if words else []
        if level:
            codes = [c for c in codes if self.regions[c].level == level] or codes
        return list(codes)

    def is_place(self, words: str) -> bool:
        return bool(self.find(words))

    def find(self, text: str, tokens_: list[re.Match] | None = None) -> list[Match]:
        """Every capitalised region name in the text, longest first, with the level its context gives."""
        toks = tokens_ if tokens_ is not None else tokens(text)
        found: list[Match] = []
        i = 0
        while i < len(toks):
            first = toks[i].group(0)
            if not first[:1].isupper() or first.casefold() not in self._first_words:
                i += 1
                continue
            hit = None
            for n in range(min(self.max_tokens, len(toks) - i), 0, -1):
                words = [t.group(0) for t in toks[i : i + n]]
                if not words[-1][:1].isupper() and not words[-1].isdigit():
                    continue
                if _gap(text, toks[i : i + n]):
                    continue
                key = _key(words)
                codes = self._index.get(key)
                if not codes:
                    continue
                exact = self._exact_case.get(key)
                if exact and "".join(words) != exact:
                    continue
                hit = (n, codes)
                break
            if not hit:
                i += 1
                continue
            n, codes = hit
            before = toks[i - 1].group(0).casefold() if i else ""
            after = toks[i + n].group(0).casefold() if i + n < len(toks) else ""
            if before in _MEDIA_BEFORE and toks[i - 1].group(0)[:1].isupper() and len(codes) == 1:
                i += n
                continue
            if after in _MEDIA_AFTER and i + n < len(toks) and toks[i + n].group(0)[:1].isupper():
                i += n
                continue
            level = self._level_before(text, toks, i)
            start, end = toks[i].start(), toks[i + n - 1].end()
            found.append(Match(start, end, text[start:end], tuple(codes), level, before, i, i + n))
            i += n
        return found

    def _level_before(self, text: str, toks: list[re.Match], i: int) -> str | None:
        if i == 0:
            return None
        candidates = [i - 1]
        # Look past a bracketed abbreviation: "Pemilihan Bupati (Pilbup) Badung".
        if ")" in text[toks[i - 1].end() : toks[i].start()] and i >= 2:
            candidates = [i - 1, i - 2]
        elif i >= 2 and "(" in text[toks[i - 2].end() : toks[i - 1].start()]:
            candidates = [i - 2]
        for j in candidates:
            word = toks[j].group(0).casefold()
            between = text[toks[j].end() : toks[i].start()]
            if word in LEVEL_WORDS and len(between) <= 12 and "\n" not in between:
                return LEVEL_WORDS[word]
        return None


def _gap(text: str, toks: list[re.Match]) -> bool:
    """Words of one name are joined by spaces or hyphens only, never by punctuation or a line break."""
    for a, b in zip(toks, toks[1:], strict=False):
        between = text[a.end() : b.start()]
        if between.strip(" -") or "\n" in between or len(between) > 2:
            return True
    return False


def _fields(row, names: tuple[str, ...]) -> tuple:
    if isinstance(row, Mapping):
        return tuple((row.get(n) or "").strip() for n in names)
    values = [str(v).strip() if v is not None else "" for v in row]
    if (
        names[1] == "alias"
        and len(values) >= 4
        and values[3] not in ("", None)
        and not values[2][:1].isdigit()
    ):
        # Rows in the aliases.csv column order: code, official_name, alias, kind, ...
        return values[0], values[2], values[3]
    return tuple(values[i] if i < len(values) else "" for i in range(len(names)))
