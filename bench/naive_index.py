"""Build the naive baseline's index: `python -m bench.naive_index LIMIT` (settings: bench.naive_settings).

Stock `update_index` over the first LIMIT articles: the stock build slows with every batch, so a
capped subset keeps the run bounded (bench.run also gives it a timeout).
"""

import sys

import django


def build(limit):
    """Stock update_index over the first `limit` articles (by pk)."""
    django.setup()
    from django.core.management import call_command
    from haystack import connections

    from articles.models import Article

    index = connections["default"].get_unified_index().get_index(Article)
    last = Article.objects.order_by("pk").values_list("pk", flat=True)[limit - 1 : limit]
    cap = last[0] if last else None
    original = index.index_queryset

    def capped(using=None):
        qs = original(using=using)
        return qs.filter(pk__lte=cap) if cap is not None else qs

    index.index_queryset = capped
    call_command("update_index", verbosity=1)


if __name__ == "__main__":
    build(int(sys.argv[1]))
