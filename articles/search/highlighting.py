"""The highlighter: escaped text with <mark> around the words a query looks for, as the index matches them."""

import html
import re
from functools import lru_cache

from articles.search.analysis import VARIANTS, WORD_PATTERN, analyze, fold


@lru_cache(maxsize=100_000)
def word_terms(word):
    """The index terms of one folded word (several for a variant, none for a stopword)."""
    return tuple(analyze(word))


_WORD = re.compile(WORD_PATTERN)


def _matches(text, terms, prefixes):
    """Character spans of the words in `text` that match a stemmed term or start with a prefix.

    Word by word instead of the analyzer over the whole text: every filter of the analyzer works on
    one word at a time, so the terms are the same. A text repeats its words, so each distinct word
    is looked at once."""
    spans, seen = [], {}
    for match in _WORD.finditer(text):
        word = match.group()
        hit = seen.get(word, False)
        if hit is False:
            hit = seen[word] = _hit(fold(word), terms, prefixes)
        if hit:
            spans.append((match.start(), match.end(), hit))
    return spans


def could_stem_to(word, terms):
    """False when stemming `word` cannot give any of `terms`: a stem is the word less its affixes,
    with at most its first letter changed by a prefix rule (memukul → pukul, menyapu → sapu), so a
    word without the rest of a term in it cannot have that stem. Only a spelling variant
    ("wako" → wali kota) brings other letters. Spares the stemmer most words of a text."""
    return word in VARIANTS or any(t[1:] in word for t in terms)


def _hit(word, terms, prefixes):
    """The query term a folded word matches, or None."""
    hit = None
    if could_stem_to(word, terms):
        hit = next((t for t in word_terms(word) if t in terms), None)
    if hit is None and prefixes and word.startswith(prefixes):
        hit = word
    return hit


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
