"""sitemap.xml: every public page a crawler should know about, in each language."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles.models import Article, Contest, Event, Organization, Outlet, Person, Region


class PageSitemap(Sitemap):
    """Each page at its Indonesian and its /en/ address, naming the other as its alternate."""

    i18n = True
    alternates = True


class SectionSitemap(PageSitemap):
    """The index pages of each section."""

    changefreq = "daily"

    def items(self):
        return [
            "home",
            "region_index",
            "contest_index",
            "date_index",
            "person_list",
            "event_list",
            "outlet_list",
            "organization_list",
        ]

    def location(self, item):
        return reverse(item)


class ArticleSitemap(PageSitemap):
    def items(self):
        return Article.objects.only("pk", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class DaySitemap(PageSitemap):
    """The day archive pages (only days that have articles: the others are 404s)."""

    def items(self):
        return list(
            Article.objects.dated().order_by("dated_on").values_list("dated_on", flat=True).distinct()
        )

    def location(self, item):
        return reverse("date_day", args=[item.year, item.month, item.day])


class ModelSitemap(PageSitemap):
    def __init__(self, queryset):
        self.queryset = queryset

    def items(self):
        return self.queryset


sitemaps = {
    "sections": SectionSitemap,
    "regions": ModelSitemap(Region.objects.only("slug").order_by("code")),
    "contests": ModelSitemap(
        Contest.objects.select_related("region").only("region__slug").order_by("region__code")
    ),
    "people": ModelSitemap(Person.objects.active().only("slug").order_by("pk")),
    "events": ModelSitemap(Event.objects.only("slug").order_by("pk")),
    "outlets": ModelSitemap(Outlet.objects.only("slug").order_by("pk")),
    "organizations": ModelSitemap(Organization.objects.only("slug").order_by("pk")),
    "articles": ArticleSitemap,
    "days": DaySitemap,
}
