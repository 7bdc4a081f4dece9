"""The language of a request: the public pages speak the language of their address (/en/… or
Indonesian without a prefix); the API and the admin follow the visitor's choice."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.encoding import iri_to_uri

from articles import cache_report

LANGUAGE_PARAMETER = "lang"
# Routes outside i18n_patterns (pilkada_archive/urls.py) that are read in the visitor's language.
FOLLOW_THE_VISITOR = ("/api/", "/admin/")


class LanguageMiddleware:
    """Like LocaleMiddleware, but a public page's language is only ever its address, never the
    browser's Accept-Language (many Indonesian phones are set to English) nor a cookie: a shared
    link opens as it was shared. ?lang=en on a page leads to its /en/ address. The admin keeps the
    choice in a cookie (?lang=); a script asks the API in Accept-Language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        in_link = request.GET.get(LANGUAGE_PARAMETER)
        language = requested_language(request)
        request.LANGUAGE_CODE = language
        with translation.override(language):
            if in_link in supported() and not follows_the_visitor(request):
                response = HttpResponseRedirect(address_in(request, in_link))
            else:
                response = self.get_response(request)
        if in_link in supported() and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != in_link:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                in_link,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            )
        if follows_the_visitor(request):
            patch_vary_headers(response, ["Cookie", "Accept-Language"] if is_api(request) else ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        return response


def supported():
    return {code for code, _ in settings.LANGUAGES}


def is_api(request):
    return request.path.startswith("/api/")


def follows_the_visitor(request):
    return request.path.startswith(FOLLOW_THE_VISITOR)


def address_in(request, language):
    """This page's address in `language`, its other parameters kept and ?lang= dropped."""
    query = request.GET.copy()
    query.pop(LANGUAGE_PARAMETER, None)
    path = iri_to_uri("/" + translate_url(request.path, language).lstrip("/\\"))  # never "//host"
    return f"{path}?{query.urlencode()}" if query else path


def requested_language(request):
    """The language to answer in: a public page's address; else the link's ?lang=, the switch's
    cookie, for the API the Accept-Language header, and Indonesian."""
    if not follows_the_visitor(request):
        return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    for chosen in (request.GET.get(LANGUAGE_PARAMETER), request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)):
        if chosen in supported():
            return chosen
    if is_api(request):
        return translation.get_language_from_request(request)
    return settings.LANGUAGE_CODE


class CacheReport:
    """X-Cache: hit when the searches of a request were all answered from the result cache (or the
    page came whole from the page cache), miss when any was computed; absent when neither applied.
    For operators and the benchmark's load, which counts the hit ratio."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cache_report.start()
        response = self.get_response(request)
        verdict = cache_report.verdict()
        if verdict:
            response.headers.setdefault("X-Cache", verdict)
        return response
