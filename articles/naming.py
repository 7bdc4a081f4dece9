"""How names, roles and slugs are compared and made, shared by the importer and the curation tools."""

import re
import unicodedata

from django.utils.text import slugify

from articles.extraction import vocabulary


def name_key(name):
    """What person matching compares: letters only, case and accents folded."""
    folded = unicodedata.normalize("NFKD", name).casefold()
    return "".join(c for c in folded if c.isalpha())


_VARIANTS = vocabulary.variants()


def role_key(role):
    """Roles compare alike however the outlet spells them: "Wakil Walikota" = "Wawali" = "Wakil Wali
    Kota", "Pj Bupati" = "Penjabat Bupati"."""
    words = re.sub(r"[^\w ]+", " ", role.casefold()).split()
    return " ".join(w for word in words for w in _VARIANTS.get(word, (word,)))


def unique_slug(model, text, max_length=190):
    base = slugify(text)[:max_length].strip("-") or "x"
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def fallback_title(body):
    """Texts without a headline get their opening words, so every article has a readable title."""
    first = body.strip().split("\n", 1)[0].strip()
    return first if len(first) <= 120 else first[:100].rsplit(" ", 1)[0] + " …"
