"""Atom feeds: the latest articles, and the articles of one region or one person.

`ArticleFeed` is the shared base; each feed supplies `get_object`, `title`, `link` and `articles`.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from articles.models import Article, Person, Region

FEED_LENGTH = 30
SITE_NAME = "Arsip Berita Pilkada"


class ArticleFeed(Feed):
    feed_type = Atom1Feed

    def articles(self, obj):
        """The articles this feed is about (an ArticleQuerySet); subclasses override."""
        return Article.objects.all()

    def items(self, obj):
        return self.articles(obj).newest_first().for_listing(body=True)[:FEED_LENGTH]  # summaries

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Atom summaries are read as HTML: the article's own text must arrive as text.
        first = item.paragraphs[0] if item.paragraphs else ""
        return escape(Truncator(first).words(60))

    def item_pubdate(self, item):
        return item.moment or item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.outlet.name if item.outlet else None


class LatestArticlesFeed(ArticleFeed):
    def title(self):
        return _("%(site)s: artikel terbaru") % {"site": SITE_NAME}

    def link(self):
        return reverse("home")

    def subtitle(self):
        return _("Berita Pilkada 2024 terbaru di arsip.")


class EntityFeed(ArticleFeed):
    """The articles about one region or person: named after it, linked to its page."""

    def title(self, obj):
        return _("%(site)s: %(name)s") % {"site": SITE_NAME, "name": obj.name}

    def link(self, obj):
        return obj.get_absolute_url()


class RegionFeed(EntityFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Region, slug=slug)

    def articles(self, obj):
        return Article.objects.in_region(obj)

    def subtitle(self, obj):
        return _("Artikel tentang %(region)s.") % {"region": obj.name}


class PersonFeed(EntityFeed):
    def get_object(self, request, slug):
        person = get_object_or_404(Person.objects.select_related("merged_into"), slug=slug)
        # A merged record's subscribers keep getting news: serve the survivor's articles.
        return person.survivor

    def articles(self, obj):
        return Article.objects.mentioning(obj)

    def subtitle(self, obj):
        return _("Artikel yang menyebut %(person)s.") % {"person": obj.name}
