"""Articles as flat records for export_articles: every article, complete, streamed; earlier versions
of their files when asked for."""

import json

from django.db.models import Prefetch

from articles.models import Article, ArticleRevision, EventTag, OrganizationTag, PairTag, PersonTag, RegionTag

CSV_COLUMNS = [
    "id",
    "file",
    "source",
    "path",
    "content_hash",
    "url",
    "outlet",
    "title",
    "published",
    "published_at",
    "date",
    "date_source",
    "dateline_code",
    "dateline_name",
    "regions",
    "people",
    "organizations",
    "events",
    "pairs",
    "body",
]


# What tag_lists reads, in the order it lists it.
TAG_PREFETCHES = [
    Prefetch(model._meta.default_related_name, model.objects.listed())
    for model in (RegionTag, PersonTag, OrganizationTag, EventTag)
]
PAIR_PREFETCH = Prefetch("pair_tags", PairTag.objects.listed())


def articles_for_export(revisions=False):
    """Every article with its tags and, when asked for, its earlier versions (oldest first)."""
    articles = Article.objects.order_by("pk").select_related("outlet", "dateline_region")
    articles = articles.prefetch_related(*TAG_PREFETCHES, PAIR_PREFETCH)
    if revisions:
        earlier = ArticleRevision.objects.defer("raw").order_by("created_at", "pk")
        articles = articles.prefetch_related(Prefetch("revisions", earlier))
    return articles


def as_record(article, revisions=False):
    """The JSONL object for one article; tags of every status, each with its status."""
    dateline = article.dateline_region
    record = {
        "id": article.pk,
        "file": article.source_file,
        "source": article.source,
        "path": article.source_path,
        "content_hash": article.content_hash,
        "url": article.source_url or None,
        "outlet": article.outlet.name if article.outlet else None,
        "title": article.title,
        "published": article.published_on.isoformat() if article.published_on else None,
        "published_at": article.published_local.isoformat() if article.published_at else None,
        "date": article.dated_on.isoformat() if article.dated_on else None,
        "date_source": article.date_source or None,
        "dateline": {"code": dateline.code, "name": dateline.name} if dateline else None,
        **tag_lists(article),
        "pairs": [pair_record(t.pair, t.status) for t in article.pair_tags.all()],
        "body": article.body,
    }
    if revisions:
        record["revisions"] = [as_revision_record(r) for r in article.revisions.all()]
    return record


def tag_lists(article):
    """The article's tags of every status by kind, as exported and as kept with a revision."""
    return {
        "regions": [
            {"code": t.region.code, "name": t.region.name, "level": t.region.level, "status": t.status}
            for t in article.region_tags.all()
        ],
        "people": [
            {"name": t.person.name, "role": t.role, "status": t.status} for t in article.person_tags.all()
        ],
        "organizations": [
            {"name": t.organization.name, "status": t.status} for t in article.organization_tags.all()
        ],
        "events": [
            {
                "name": t.event.name,
                "date": t.event.date.isoformat() if t.event.date else None,
                "status": t.status,
            }
            for t in article.event_tags.all()
        ],
    }


def as_revision_record(revision):
    """An earlier version of the article's file: its text, what was read from it, where it came in."""
    return {
        "content_hash": revision.content_hash,
        "title": revision.title,
        "published": revision.published_on.isoformat() if revision.published_on else None,
        "imported_at": revision.imported_at.isoformat(),
        "replaced_at": revision.created_at.isoformat(),
        "batch": revision.batch_id,
        "encoding": revision.encoding,
        "text": revision.text,
        **revision.tags,
    }


def pair_record(pair, status):
    return {
        "contest": pair.contest.region.code if pair.contest_id else None,
        "office": pair.office.replace("_", " "),  # as the news writes it: "wali kota"
        "number": pair.number,
        "head": pair.head.name,
        "deputy": pair.deputy.name if pair.deputy_id else None,
        "stage": pair.stage or None,
        "status": status,
    }


def as_csv_row(record):
    """The same record flattened: lists become '; '-joined 'name (status)' cells."""

    def cell(items, key):
        return "; ".join(f"{i[key]} ({i['status']})" for i in items)

    dateline = record["dateline"] or {}
    return {
        **{k: record[k] for k in CSV_COLUMNS if k in record and not isinstance(record[k], (list, dict))},
        "dateline_code": dateline.get("code"),
        "dateline_name": dateline.get("name"),
        "regions": "; ".join(f"{r['code']} {r['name']} ({r['status']})" for r in record["regions"]),
        "people": "; ".join(
            f"{p['name']}{' — ' + p['role'] if p['role'] else ''} ({p['status']})" for p in record["people"]
        ),
        "organizations": cell(record["organizations"], "name"),
        "events": cell(record["events"], "name"),
        "pairs": "; ".join(
            f"{p['contest'] or '?'} {p['number'] or '-'}. {p['head']}{' – ' + p['deputy'] if p['deputy'] else ''}"
            f" ({p['status']})"
            for p in record["pairs"]
        ),
    }


def jsonl_line(record):
    return json.dumps(record, ensure_ascii=False) + "\n"
