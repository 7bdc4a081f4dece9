"""Migration 0006: existing articles get a browse date (stated, else from their lead) and their zone."""

from datetime import UTC, date, datetime

import pytest

pytestmark = pytest.mark.slow  # migrates back and forth; bin/test --all and CI run it

BEFORE, AFTER = ("articles", "0005_source_identity"), ("articles", "0006_browse_date")


def test_existing_articles_get_a_browse_date_and_the_zone_their_time_was_printed_in(migrate_to):
    Article = migrate_to(BEFORE).get_model("articles", "Article")

    def article(n, body, raw=b"", **dates):
        return Article.objects.create(
            title=f"Artikel {n}",
            body=body,
            raw=raw or body.encode(),
            content_hash=f"{n:064x}",
            source="lama",
            source_path=f"{n}.txt",
            source_file=f"{n}.txt",
            **dates,
        ).pk

    stated = article(
        1,
        "KPU menggelar rapat.",
        raw=b"Judul Rapat Pleno KPU Kota Contoh\n\nSenin, 2 September 2024 14:20 WITA\n\nKPU menggelar rapat.",
        published_on=date(2024, 9, 2),
        published_at=datetime(2024, 9, 2, 6, 20, tzinfo=UTC),
    )
    from_lead = article(2, "KPU menggelar rapat pleno, Selasa (9/7/2024), di aula.")
    undated = article(3, "KPU menggelar rapat pleno di aula.")

    Article = migrate_to(AFTER).get_model("articles", "Article")
    rows = {a.pk: (a.dated_on, a.date_source, a.published_zone) for a in Article.objects.all()}
    assert rows[stated] == (date(2024, 9, 2), "published", "WITA")
    assert rows[from_lead] == (date(2024, 7, 9), "lead", "")
    assert rows[undated] == (None, "", "")
