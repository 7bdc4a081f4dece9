"""The admin site with the review queue in it and the number of tags waiting on its index."""

from django.contrib import admin
from django.urls import path
from django.utils.translation import gettext_lazy as _

from articles.review import KINDS, NameSuggestions, review_queue, waiting_counts
from articles.search import outbox


class ArchiveAdminSite(admin.AdminSite):
    site_header = _("Arsip Berita Pilkada — redaksi")
    site_title = _("Arsip Pilkada")
    index_title = _("Kurasi")

    def get_urls(self):
        extra = [
            path("review/", self.admin_view(lambda r: review_queue(r, self)), name="review"),
            path(
                "review/names/",
                self.admin_view(NameSuggestions.as_view(admin_site=self)),
                name="review_names",
            ),
        ]
        return extra + super().get_urls()

    def index(self, request, extra_context=None):
        counts = waiting_counts()
        index_waiting, index_waiting_since = outbox.status()
        extra_context = {
            **(extra_context or {}),
            "review_counts": [(KINDS[kind][1], n) for kind, n in counts.items()],
            "review_total": sum(counts.values()),
            "index_waiting": index_waiting,
            "index_waiting_since": index_waiting_since,
        }
        return super().index(request, extra_context)
