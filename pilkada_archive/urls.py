"""URL routes: the public pages in each language, the API and the admin."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from articles import urls as articles_urls

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include(articles_urls.unprefixed)),
    # /en/… is the page in English and every link on it stays there (reverse() adds the prefix);
    # an address without a prefix is Indonesian for everyone (articles/middleware.py).
    *i18n_patterns(path("", include(articles_urls.pages)), prefix_default_language=False),
]
