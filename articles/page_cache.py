"""Anonymous browse pages kept whole until the archive changes.

A page is keyed by its address, its language and the archive's version (articles/counts.py), which
an editor's or an import's change renews on commit, and a search page by the index's state too: the next request after a change computes the page again, on every worker of the machine.
Signed-in editors always get a fresh page.
"""

import hashlib
from functools import wraps

from django.core.cache import caches

from articles import cache_report, counts

ALIAS = "search"  # the bounded cache of answers (settings.CACHES)


def anonymous_page(view=None, *, vary_on=None):
    """Serve `view`'s page from the cache to visitors who are not signed in. vary_on(), if given,
    names whatever else the page depends on (for search pages, the index's state); None from it
    means this page cannot be cached now."""
    if view is None:
        return lambda view: anonymous_page(view, vary_on=vary_on)

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        state = vary_on() if vary_on else ""
        if state is None:
            return view(request, *args, **kwargs)
        cache = caches[ALIAS]
        address = f"{request.LANGUAGE_CODE} {state} {request.get_full_path()}"
        key = f"page-{counts.version()}-{hashlib.sha256(address.encode()).hexdigest()}"
        response = cache.get(key)
        cache_report.record(hit=response is not None)
        if response is None:
            response = view(request, *args, **kwargs)
            # A page carrying a CSRF token belongs to its visitor; errors and redirects are cheap.
            if response.status_code == 200 and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
                cache.set(key, response, counts.TTL)
        return response

    return cached_view
