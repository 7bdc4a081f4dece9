"""Indonesian text analysis for the Whoosh index, and the snippet highlighter that uses it.

No Django imports: everything here works on plain strings and is tested that way. The analyzers are
pickled into the index's table of contents on every commit, so they hold no heavy state: the
Sastrawi stemmer is a lazy module-level singleton behind an LRU cache, and the spelling variants
live in a module constant.
"""

import html
import re
from functools import lru_cache

from whoosh.analysis import CharsetFilter, Filter, LowercaseFilter, RegexTokenizer, StopFilter
from whoosh.support.charset import accent_map

from articles.extraction import vocabulary

# Function words that carry no meaning on their own in Indonesian news prose. Deliberately short:
# nouns that look common ("kota", "wali", "calon") are what people search for.
ID_STOPWORDS = frozenset(
    """
    ada adalah agar akan akhirnya aku anda antara apa apabila atas atau bagai bagaimana bagi bahkan
    bahwa banyak baru begitu belum bila bisa boleh bukan dalam dan dapat dari daripada demikian dengan
    di dia dirinya ia ini itu jadi jika juga justru kala kalau kami kamu karena ke kemudian kepada
    kita lagi lah lain maka mana masih melalui memang menjadi mereka meski meskipun nya oleh pada
    padahal para pernah pula pun saat saja sambil sampai sang sangat saya se sebagai sebelum sebuah
    sedang sehingga sejak sekitar selain selama seluruh semua sementara seorang serta setelah
    seperti sini situ suatu sudah supaya tak tanpa telah tentang tersebut tetapi tidak tapi untuk
    walau yaitu yakni yang
    """.split()
)

# Forms Indonesian news mixes for the same thing, mapped to one canonical token sequence. Applied on
# both the index and the query side, so "walikota" finds "Wali Kota" and the other way round; the
# forms themselves are the extraction's vocabulary, so search and the importer agree on them.
VARIANTS = {**vocabulary.variants(), "kab": ("kabupaten",)}

WORD_PATTERN = r"\w+"

_stemmer = None


@lru_cache(maxsize=200_000)
def stem(word):
    """The Sastrawi stem of one lower-case word (the word itself when Sastrawi returns nothing)."""
    global _stemmer
    if _stemmer is None:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        _stemmer = StemmerFactory().create_stemmer()
    return _stemmer.stem(word) or word


class SastrawiStemFilter(Filter):
    """Stems each token with PySastrawi. Holds no state, so it pickles to a few bytes."""

    is_morph = True

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__

    def __hash__(self):
        return hash(self.__class__)

    def __call__(self, tokens):
        for t in tokens:
            # Sastrawi only knows letters; numbers and mixed tokens ("covid19") pass unchanged.
            if not t.stopped and t.text.isalpha():
                t.text = stem(t.text)
            yield t


class VariantFilter(Filter):
    """Rewrites spelling variants ("walikota", "Pj", "pilwako") to their canonical words."""

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__

    def __hash__(self):
        return hash(self.__class__)

    def __call__(self, tokens):
        shift = 0
        for t in tokens:
            words = VARIANTS.get(t.text)
            if not words:
                if t.positions:
                    t.pos += shift
                yield t
                continue
            # Every replacement word keeps the original's character span, so highlighting marks the
            # word as written; positions advance so phrase queries line up on both sides.
            base = t.pos + shift if t.positions else 0
            for i, word in enumerate(words):
                t.text = word
                if t.positions:
                    t.pos = base + i
                yield t
            shift += len(words) - 1


def indonesian_analyzer():
    """Stemmed analysis for ranking: words, lower case, no accents, variants, stopwords, stems."""
    return (
        RegexTokenizer(WORD_PATTERN)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | VariantFilter()
        | StopFilter(stoplist=ID_STOPWORDS, minsize=2)
        | SastrawiStemFilter()
    )


def exact_analyzer():
    """Unstemmed analysis for "quoted phrases", names, prefixes and spelling: no stopwords removed."""
    return RegexTokenizer(WORD_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map) | VariantFilter()


_ANALYZER = None


def _shared_analyzer():
    global _ANALYZER
    if _ANALYZER is None:
        _ANALYZER = indonesian_analyzer()
    return _ANALYZER


def analyze(text):
    """The index terms of a text, as the stemmed field sees them."""
    return [t.text for t in _shared_analyzer()(text)]


def fold(text):
    """Lower case without accents, as the unstemmed field sees a word."""
    return text.lower().translate(accent_map)


# Highlighting ----------------------------------------------------------------------------------------


@lru_cache(maxsize=100_000)
def word_terms(word):
    """The index terms of one folded word (several for a variant, none for a stopword)."""
    return tuple(analyze(word))


_WORD = re.compile(WORD_PATTERN)


def _matches(text, terms, prefixes):
    """Character spans of the words in `text` that match a stemmed term or start with a prefix.

    Word by word with a cache instead of the analyzer over the whole text: every filter of the
    analyzer works on one word at a time, so the terms are the same, at a fraction of the cost."""
    spans = []
    for match in _WORD.finditer(text):
        original = fold(match.group())
        hit = next((t for t in word_terms(original) if t in terms), None)
        if hit is None and prefixes and original.startswith(prefixes):
            hit = original
        if hit:
            spans.append((match.start(), match.end(), hit))
    return spans


def snippet(text, words=(), prefixes=(), terms=(), length=240):
    """An HTML-safe extract of `text` around the query words, each match wrapped in <mark>.

    Everything from the text is escaped first; only the <mark> tags are ours. Words are compared after
    stemming, so "pencalonan" marks "mencalonkan"; prefixes are compared unstemmed; `terms` are
    already-stemmed index terms (as a parsed Whoosh query holds them).
    """
    text = text or ""
    terms = set(terms) | {term for word in words for term in analyze(word)}
    prefixes = tuple(fold(p) for p in prefixes if p)
    matches = _matches(text, terms, prefixes) if (terms or prefixes) else []

    if not matches:
        start, end = 0, min(len(text), length)
    else:
        # The window that shows the most different matched terms, starting a little before its first.
        best, best_score = 0, -1
        for i, (s, _e, _t) in enumerate(matches):
            seen = {t for ms, _me, t in matches[i:] if ms < s + length}
            if len(seen) > best_score:
                best, best_score = i, len(seen)
        start = max(0, matches[best][0] - length // 6)
        end = min(len(text), start + length)
    start, end = _snap(text, start, end)
    result = re.sub(r"\s+", " ", _marked(text, matches, start, end)).strip()
    return ("… " if start > 0 else "") + result + (" …" if end < len(text) else "")


def mark(text, query):
    """The whole of `text`, escaped, with the words a ParsedQuery looks for in <mark>: the article
    page's highlighting, by the same rule as the search snippets (stems and spelling variants match,
    excluded words never do)."""
    text = text or ""
    terms = {term for word in query.words for term in analyze(word)}
    prefixes = tuple(fold(p) for p in query.prefixes if p)
    matches = _matches(text, terms, prefixes) if (terms or prefixes) else []
    return _marked(text, matches, 0, len(text))


def _marked(text, matches, start, end):
    """text[start:end] escaped, with the matched spans inside it wrapped in <mark>."""
    out, cursor = [], start
    for s, e, _t in matches:
        if s < start or e > end:
            continue
        out.append(html.escape(text[cursor:s]))
        out.append("<mark>" + html.escape(text[s:e]) + "</mark>")
        cursor = e
    out.append(html.escape(text[cursor:end]))
    return "".join(out)


def _snap(text, start, end):
    """Move the window's edges to word boundaries so no word is cut in half."""
    if start > 0:
        space = text.find(" ", start)
        if 0 <= space < start + 30:
            start = space + 1
    if end < len(text):
        space = text.rfind(" ", start, end)
        if space > start:
            end = space
    return start, end
