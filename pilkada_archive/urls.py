"""URL routes: the public site from the articles app, and the admin."""

from django.contrib import admin
from django.urls import include, path, re_path

from articles.views.language import in_language

urlpatterns = [
    # /en/… is the same page in English: a shared link carries its language (articles/views/language.py)
    re_path(r"^(?P<code>en|id)/(?P<rest>.*)$", in_language, name="in_language"),
    path("admin/", admin.site.urls),
    path("", include("articles.urls")),
]
