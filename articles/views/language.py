"""Links in a language: /en/… and the language switch both land on an address that carries ?lang=."""

from django.conf import settings
from django.http import HttpResponseRedirect, QueryDict
from django.utils.encoding import iri_to_uri
from django.views import i18n as i18n_views

from articles.middleware import LANGUAGE_PARAMETER


def in_language(request, code, rest):
    """/en/wilayah/lampung/ → /wilayah/lampung/?lang=en: a language prefix as people type it."""
    query = request.GET.copy()
    query[LANGUAGE_PARAMETER] = code
    path = "/" + rest.lstrip("/\\")  # never "//host": a redirect stays on this site
    return HttpResponseRedirect(f"{iri_to_uri(path)}?{query.urlencode()}")


def set_language(request):
    """Django's language switch, landing on the page with ?lang= in its address: the choice is in
    the link the visitor may share next, not only in their cookie."""
    response = i18n_views.set_language(request)
    chosen = request.POST.get("language")
    if response.status_code == 302 and chosen in {code for code, _ in settings.LANGUAGES}:
        path, _sep, query = response["Location"].partition("?")
        params = QueryDict(query, mutable=True)
        params[LANGUAGE_PARAMETER] = chosen
        response["Location"] = f"{path}?{params.urlencode()}"
    return response
