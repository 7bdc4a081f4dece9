"""Signal receivers of the app, connected in ArticlesConfig.ready(): a change to anything a browse
page shows starts a new version of the cached aggregates and pages (articles/counts.py). The search
index has its own receivers (articles/search/signals.py)."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from articles import counts


def connect():
    from articles import models as m

    # Everything a browse page shows, since whole pages are cached under the version too.
    watched = (
        *(m.Article, m.ArticleRevision, *m.TAG_MODELS),
        *(m.Person, m.PersonAlias, m.PersonSlug, m.Position, m.Organization, m.Event, m.Outlet),
        *(m.Contest, m.CandidatePair),
    )
    for model in watched:
        post_save.connect(counts.changed, sender=model, dispatch_uid=f"counts-save-{model.__name__}")
        post_delete.connect(counts.changed, sender=model, dispatch_uid=f"counts-delete-{model.__name__}")
    # a person page lists the events they took part in
    m2m_changed.connect(
        counts.changed, sender=m.Event.participants.through, dispatch_uid="counts-participants"
    )
