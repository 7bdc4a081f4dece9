"""Requests the admin cannot mean: refused before any of its lookups sees them."""

from django.http import HttpResponseBadRequest


class RejectNullCharactersMiddleware:
    """400 for a NUL character in a query string or form field sent to the admin.

    PostgreSQL cannot store or compare text holding NUL, so such a value reaching a query is a 500:
    tests/test_fuzz_params.py found it in the admin's list filters (?status__exact=%00), which take
    parameters without a form. The public pages validate every parameter with a form, and the search
    box deliberately accepts any character (articles/search/query.py cleans it), so they are left alone.
    """

    PREFIX = "/admin/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(self.PREFIX):
            query = request.META.get("QUERY_STRING", "")
            if "%00" in query or "\x00" in query:
                return HttpResponseBadRequest(
                    "NUL (%00) is not allowed in the address.", content_type="text/plain"
                )
            if request.method == "POST" and request.content_type == "application/x-www-form-urlencoded":
                if any("\x00" in value for _name, values in request.POST.lists() for value in values):
                    return HttpResponseBadRequest(
                        "NUL is not allowed in a form field.", content_type="text/plain"
                    )
        return self.get_response(request)
