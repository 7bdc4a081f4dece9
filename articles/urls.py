from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.urls import path

from articles.page_cache import anonymous_page
from articles.sitemaps import sitemaps
from articles.views import api, browse, feeds, pilkada, search

# The pages people read, each at /… in Indonesian and /en/… in English (pilkada_archive/urls.py).
pages = [
    path("", anonymous_page(browse.home), name="home"),
    path("artikel/<int:pk>/", anonymous_page(browse.article), name="article"),
    path("artikel/<int:pk>/asli/", browse.article_raw, name="article_raw"),
    path(
        "artikel/<int:pk>/versi/<int:revision>/asli/",
        browse.article_revision_raw,
        name="article_revision_raw",
    ),
    path("wilayah/", anonymous_page(browse.region_index), name="region_index"),
    path("wilayah/<slug:slug>/", anonymous_page(browse.region), name="region"),
    path("wilayah/<slug:slug>/feed/", feeds.RegionFeed(), name="region_feed"),
    path("tanggal/", anonymous_page(browse.date_index), name="date_index"),
    path("tanggal/tanpa-tanggal/", anonymous_page(browse.undated), name="date_undated"),
    path("tanggal/<int:year>/", anonymous_page(browse.date_year), name="date_year"),
    path("tanggal/<int:year>/<int:month>/", anonymous_page(browse.date_month), name="date_month"),
    path("tanggal/<int:year>/<int:month>/<int:day>/", anonymous_page(browse.date_day), name="date_day"),
    path("tokoh/", anonymous_page(browse.person_list), name="person_list"),
    path("tokoh/<slug:slug>/", anonymous_page(browse.person), name="person"),
    path("tokoh/<slug:slug>/feed/", feeds.PersonFeed(), name="person_feed"),
    path("lembaga/", anonymous_page(browse.organization_list), name="organization_list"),
    path("lembaga/<slug:slug>/", anonymous_page(browse.organization), name="organization"),
    path("peristiwa/", anonymous_page(browse.event_list), name="event_list"),
    path("peristiwa/<slug:slug>/", anonymous_page(browse.event), name="event"),
    path("pilkada/", anonymous_page(pilkada.contest_index), name="contest_index"),
    path("pilkada/<slug:slug>/", anonymous_page(pilkada.contest), name="contest"),
    path("media/", anonymous_page(browse.outlet_list), name="outlet_list"),
    path("media/<slug:slug>/", anonymous_page(browse.outlet), name="outlet"),
    path("feed/", feeds.LatestArticlesFeed(), name="feed"),
    path("cari/", anonymous_page(search.search, vary_on=search.index_state), name="search"),
]

# One address for every language: for crawlers, and the API, which answers in the language a
# script asks for (?lang= or Accept-Language).
unprefixed = [
    path("sitemap.xml", sitemap_view, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", browse.robots_txt, name="robots_txt"),
    path("favicon.ico", browse.favicon, name="favicon"),
    path("api/search", api.search, name="api-search"),
    path("api/export", api.export, name="api-export"),
    path("api/contests/<str:code>", api.contest, name="api-contest"),
    path("api/<path:rest>", api.not_found),
]
