"""The search box syntax, on plain strings: it never fails and never lets syntax through."""

import re

import pytest

from articles.search.query import MAX_TERMS, Term, parse, to_query_string

ALL = "django_ct:articles.article"
# Field names, words of letters and digits, quotes, parentheses, '*' after a word, and the operators.
SAFE = re.compile(r'^[\w\s():"*.]*$')


def qs(text):
    return to_query_string(parse(text), match_all=ALL)


def test_every_word_must_match():
    assert qs("wali kota") == "((text:wali OR title:wali) AND (text:kota OR title:kota))"


def test_a_quoted_phrase_searches_the_unstemmed_field():
    assert parse('"Qomaru Zaman"').groups == [[Term(("qomaru", "zaman"), exact=True)]]
    assert qs('"Qomaru Zaman"') == '(text_exact:"qomaru zaman")'


def test_or_joins_alternatives():
    assert qs("metro OR subang") == "(((text:metro OR title:metro) OR (text:subang OR title:subang)))"


def test_a_minus_excludes():
    assert qs("pilkada -subang") == "((text:pilkada OR title:pilkada) AND NOT (text:subang OR title:subang))"


def test_exclusions_alone_start_from_every_document():
    assert qs("-subang") == f"({ALL} AND NOT (text:subang OR title:subang))"


def test_a_trailing_star_is_a_prefix_on_the_unstemmed_field():
    assert qs("pemil*") == "(text_exact:pemil*)"
    assert parse("pe*").groups == [[Term(("pe",))]]  # too short to expand: a plain word


def test_words_joined_by_punctuation_are_a_phrase():
    assert qs("Pj.Bupati") == '((text:"pj bupati" OR title:"pj bupati"))'


def test_nothing_to_search_for_gives_an_empty_string():
    assert qs("") == qs("   ") == qs('"" - * OR') == ""


MALFORMED = [
    '"unbalanced quote',
    'a "b c" d "e',
    "OR",
    "OR OR wali",
    "wali OR",
    "-",
    "--",
    "*",
    "**wali**",
    "title:metro",
    "text_exact:x",
    "[a TO b]",
    "{a TO b}",
    "metro^5",
    "metro~2",
    "((metro",
    "metro))",
    "AND",
    "NOT metro",
    "a AND NOT b",
    "\x00\x01\x1b[31mmetro\x7f",
    "wali\u200bkota",
    "𝕿𝖊𝖗𝖎𝖒𝖆𝖐𝖆𝖘𝖎𝖍",
    "'single' quotes",
    "\\ backslash \\",
    "a" * 2000,
    "wali " * 2000,
    '"' * 7,
    "<script>alert(1)</script>",
    "%00%27",
    "*:*",
]


@pytest.mark.parametrize("text", MALFORMED)
def test_malformed_input_degrades_to_safe_plain_words(text):
    parsed = parse(text)
    result = to_query_string(parsed, match_all=ALL)
    assert SAFE.match(result), result
    assert len(parsed.terms()) <= MAX_TERMS
    for term in parsed.terms():
        assert all(re.fullmatch(r"\w+", w) and w == w.lower() for w in term.words)


def test_field_syntax_is_searched_as_words():
    assert parse("title:metro").groups == [[Term(("title", "metro"))]]


def test_upper_case_operators_other_than_or_are_words():
    assert [t.words for t in parse("AND NOT metro").terms()] == [("and",), ("not",), ("metro",)]


def test_unbalanced_quotes_keep_the_balanced_phrase():
    groups = parse('"wali kota" metro "x').groups
    assert groups == [[Term(("wali", "kota"), exact=True)], [Term(("metro",))], [Term(("x",))]]


def test_words_and_prefixes_are_listed_for_highlighting_and_spelling():
    parsed = parse('bawaslu "kota metro" -subang pemil*')
    assert parsed.words == ["bawaslu", "kota", "metro"]
    assert parsed.prefixes == ["pemil"]
    assert parsed.plain() == "bawaslu kota metro"
