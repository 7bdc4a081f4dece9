"""Bahasa Indonesia unless the visitor chose otherwise: in the link (?lang=en), with the language
switch, or, for the API, with Accept-Language."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers

from articles import cache_report

LANGUAGE_PARAMETER = "lang"


class LanguageMiddleware:
    """Like LocaleMiddleware, but the site does not follow the browser's Accept-Language: many
    Indonesian phones are set to English, and the archive speaks Indonesian first. A link carries its
    language (?lang=en), so a shared link opens as it was shared, and the choice is kept in a cookie
    for the pages that follow. A script asks the API in its Accept-Language."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        in_link = request.GET.get(LANGUAGE_PARAMETER)
        language = requested_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if in_link in self.supported and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != in_link:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                in_link,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            )
        patch_vary_headers(response, ["Cookie", "Accept-Language"] if is_api(request) else ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        return response


def is_api(request):
    return request.path.startswith("/api/")


def requested_language(request):
    """The language to answer in: the link's, else the switch's cookie, else for the API the
    Accept-Language header, else Indonesian."""
    supported = {code for code, _ in settings.LANGUAGES}
    for chosen in (request.GET.get(LANGUAGE_PARAMETER), request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)):
        if chosen in supported:
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
