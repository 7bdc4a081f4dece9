"""The search box's syntax: words (all must match), "exact phrases", OR, -exclusion and prefix*.

`parse` never fails. Anything it does not understand (unbalanced quotes, lone operators, field syntax
such as `title:` or `[a TO b]`, control characters, very long input) degrades to plain words, and
every word is reduced to letters and digits before it reaches the search engine, so a user can never
write engine syntax. `to_query_string` turns the parsed query into Lucene-style syntax that Whoosh,
Solr and Elasticsearch all read the same way.
"""

import re
import unicodedata
from dataclasses import dataclass, field

MAX_LENGTH = 500  # characters read from the box; the rest is ignored
MAX_TERMS = 24  # words, phrases and prefixes kept from one query
MIN_PREFIX = 3  # shorter prefixes would expand to a large part of the vocabulary

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Term:
    """One clause: a word, or several words that must appear side by side."""

    words: tuple[str, ...]
    exact: bool = False  # quoted by the user: compared unstemmed
    prefix: bool = False  # ends with *: any word starting with it
    negated: bool = False  # starts with -: results must not contain it


@dataclass
class ParsedQuery:
    """A conjunction of groups; the terms inside a group are alternatives (OR)."""

    groups: list[list[Term]] = field(default_factory=list)

    def __bool__(self):
        return bool(self.groups)

    def terms(self):
        return [t for group in self.groups for t in group]

    @property
    def words(self):
        """The words a result should contain (for highlighting and spelling), in query order."""
        return [w for t in self.terms() if not t.negated and not t.prefix for w in t.words]

    @property
    def prefixes(self):
        return [t.words[0] for t in self.terms() if t.prefix and not t.negated]

    def plain(self):
        """The query as plain words, the form a spelling suggestion is made for."""
        return " ".join(self.words)


def clean_text(text):
    """Printable text of bounded length: control characters become spaces, compatibility forms fold."""
    text = unicodedata.normalize("NFKC", str(text or ""))[:MAX_LENGTH]
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    text = text.translate(_QUOTES)
    if text.count('"') % 2:
        # An unbalanced quote: drop the last one, so the rest reads as plain words.
        i = text.rfind('"')
        text = text[:i] + " " + text[i + 1 :]
    return text


def parse(text):
    """Parse what a user typed into a ParsedQuery; never raises."""
    items = []  # Terms and the "OR" marker, in order
    for match in _TOKEN.finditer(clean_text(text)):
        minus, quoted, bare = match.groups()
        if quoted is not None:
            words = tuple(w.lower() for w in _WORD.findall(quoted))
            if words:
                items.append(Term(words, exact=True, negated=bool(minus)))
            continue
        if bare == "OR":
            items.append("OR")
            continue
        negated = bare.startswith("-") and len(bare) > 1
        prefix = bare.endswith("*")
        words = tuple(w.lower() for w in _WORD.findall(bare))
        if not words:
            continue
        if prefix and (len(words) > 1 or len(words[0]) < MIN_PREFIX):
            prefix = False
        items.append(Term(words, prefix=prefix, negated=negated))

    groups = []
    join_next = False
    for item in items:
        if item == "OR":
            # Only between two positive terms; a lone or doubled OR is ignored.
            join_next = bool(groups) and not groups[-1][-1].negated
            continue
        if join_next and not item.negated:
            groups[-1].append(item)
        else:
            groups.append([item])
        join_next = False

    kept, count = [], 0
    for group in groups:
        group = list(dict.fromkeys(group))[: MAX_TERMS - count]
        if group and group not in kept:
            kept.append(group)
            count += len(group)
        if count >= MAX_TERMS:
            break
    return ParsedQuery(kept)


# The index fields a search scores: stemmed words in the document field and the title, quoted phrases
# and prefixes in the unstemmed field.
TEXT, TITLE, EXACT = SEARCHED_FIELDS = ("text", "title", "text_exact")


def to_query_string(query, match_all, text=TEXT, title=TITLE, exact=EXACT):
    """Lucene-style syntax for a ParsedQuery, or "" when there is nothing to search for.

    Stemmed words search the document field and the (boosted) title field; quoted phrases and
    prefixes search the unstemmed field. Every word is letters and digits only, so nothing a user
    typed can be read as syntax. `match_all` is a clause every document matches, which a query of
    exclusions only starts from; not "*:*", which Whoosh's And() turns into "everything".
    """

    def clause(term):
        words = " ".join(term.words)
        if term.prefix:
            return f"{exact}:{words}*"
        if term.exact:
            return f'{exact}:"{words}"'
        if len(term.words) > 1:
            return f'({text}:"{words}" OR {title}:"{words}")'
        return f"({text}:{words} OR {title}:{words})"

    parts = []
    for group in query.groups:
        if len(group) == 1 and group[0].negated:
            parts.append(f"NOT {clause(group[0])}")
        elif len(group) == 1:
            parts.append(clause(group[0]))
        else:
            parts.append("(" + " OR ".join(clause(t) for t in group) + ")")
    if not parts:
        return ""
    if all(part.startswith("NOT ") for part in parts):
        parts.insert(0, match_all)
    return "(" + " AND ".join(parts) + ")"
