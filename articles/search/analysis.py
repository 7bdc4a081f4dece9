"""Indonesian text analysis for the Whoosh index: the analyzers and the terms they make of a text.

No Django imports: everything here works on plain strings and is tested that way. The analyzers are
pickled into the index's table of contents on every commit, so they hold no heavy state: the
Sastrawi stemmer is a lazy module-level singleton behind an LRU cache, and the spelling variants
live in a module constant.
"""

from functools import lru_cache
from itertools import pairwise

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


def stemmer():
    """The one Sastrawi stemmer of the process, loaded with its dictionary of root words on first use."""
    global _stemmer
    if _stemmer is None:
        from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
        from Sastrawi.Stemmer.Stemmer import Stemmer
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        # The plain stemmer, not the factory's CachedStemmer: that one keeps every word it ever saw,
        # so a web worker highlighting article after article grew without bound. The LRU below
        # is the one cache, and it has a size.
        _stemmer = Stemmer(ArrayDictionary(StemmerFactory().get_words()))
    return _stemmer


@lru_cache(maxsize=200_000)
def stem(word):
    """The Sastrawi stem of one lower-case word (the word itself when Sastrawi returns nothing)."""
    return stemmer().stem(word) or word


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


class WordPairFilter(Filter):
    """Each two adjacent words as one token, "ketua kpu": a phrase's word pairs become terms, so the
    documents holding a two-word phrase are one posting list (Elasticsearch's index_phrases)."""

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__

    def __hash__(self):
        return hash(self.__class__)

    def __call__(self, tokens):
        previous = None
        for t in tokens:
            word = t.text
            if previous is not None:
                t.text = f"{previous} {word}"
                yield t
            previous = word


def pairs_field(name):
    """The index field that holds the word pairs of the phrase field `name`."""
    return f"{name}_pairs"


def word_pairs(words):
    """The pair terms WordPairFilter makes of a phrase's words."""
    return [f"{a} {b}" for a, b in pairwise(words)]


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
