"""Links in a language: /en/… lands on the address that carries ?lang=."""

from django.http import HttpResponseRedirect
from django.utils.encoding import iri_to_uri

from articles.middleware import LANGUAGE_PARAMETER


def in_language(request, code, rest):
    """/en/wilayah/lampung/ → /wilayah/lampung/?lang=en: a language prefix as people type it."""
    query = request.GET.copy()
    query[LANGUAGE_PARAMETER] = code
    path = "/" + rest.lstrip("/\\")  # never "//host": a redirect stays on this site
    return HttpResponseRedirect(f"{iri_to_uri(path)}?{query.urlencode()}")
