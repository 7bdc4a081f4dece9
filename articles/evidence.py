"""What an editor judges a tag by: the sentence of the article that names the entity, with the
mention marked. Plain strings in, escaped HTML out."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

MAX_SIDE = 160  # characters kept on each side of the mention in a very long sentence
SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“‘(])|\n")


def mention_sentence(body, needles, fallback=""):
    """Escaped: the sentence of `body` around the first of `needles` found in it, the needle in
    <mark>; else the escaped `fallback` (the importer's evidence)."""
    for needle in needles:
        needle = (needle or "").strip()
        if len(needle) < 2:
            continue
        found = re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", body, re.IGNORECASE)
        if found:
            return _marked(body, found.start(), found.end())
    return escape(fallback)


def needles_for(entity_name, evidence, extra=()):
    """What to look for, most telling first: the words the importer saw, then the entity's names."""
    pieces = [p.strip() for p in (evidence or "").split(",")] if len(evidence or "") < 120 else []
    return [*pieces, entity_name, *extra]


def _marked(body, start, end):
    begin = 0
    for stop in SENTENCE_END.finditer(body, 0, start + 1):  # +1: the lookahead sees the mention
        begin = stop.end()
    after = SENTENCE_END.search(body, end)
    finish = after.start() + 1 if after else len(body)
    before_text, after_text = body[begin:start], body[end:finish]
    if len(before_text) > MAX_SIDE:
        before_text = "…" + before_text[-MAX_SIDE:].split(" ", 1)[-1]
    if len(after_text) > MAX_SIDE:
        after_text = after_text[:MAX_SIDE].rsplit(" ", 1)[0] + "…"
    return mark_safe(
        f"{escape(before_text.lstrip())}<mark>{escape(body[start:end])}</mark>{escape(after_text.rstrip())}"
    )
