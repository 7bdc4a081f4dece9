"""Search-term highlighting for the article page: escape first, then wrap matches in <mark>."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Query syntax that is not a word to look for in the text.
_OPERATORS = {"and", "or", "not", "dan", "atau"}
MAX_TERMS = 10
MIN_LENGTH = 2


def query_terms(query):
    """The words of a search query worth highlighting: no operators, field names or tiny words."""
    terms = []
    for word in re.findall(r"[\w][\w'-]*", query or ""):
        word = word.strip("'-").lower()
        if len(word) < MIN_LENGTH or word in _OPERATORS or word in terms:
            continue
        terms.append(word)
    return terms[:MAX_TERMS]


def highlight(text, terms):
    """Escaped `text` with every word that starts with one of `terms` wrapped in <mark>.

    Matching whole words from their start means an Indonesian stem ("pilih") also marks its
    inflections ("pilihan"), while a short term does not light up the middle of unrelated words.
    """
    if not terms:
        return escape(text)
    # Longest first so that "wali kota" style overlaps prefer the longer term.
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)
    out, pos = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[pos : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        pos = match.end()
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))
