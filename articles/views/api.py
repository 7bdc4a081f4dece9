"""GET /api/search: the search page's results, facets and suggestion as JSON."""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from articles.search.forms import PageNotFound, SearchForm, run_search, undated_rule


@require_GET
def search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        parameter, message = form.first_error()
        return JsonResponse({"error": message, "parameter": parameter}, status=400)
    try:
        outcome = run_search(form.cleaned_data)
    except PageNotFound:
        return JsonResponse({"error": _("Halaman hasil ini tidak ada."), "parameter": "page"}, status=404)

    return JsonResponse(
        {
            "count": outcome.count,
            "undated": undated_rule(form.cleaned_data),
            "page": outcome.page,
            "num_pages": outcome.num_pages,
            "results": [
                {
                    "id": r.id,
                    "url": request.build_absolute_uri(r.url),
                    "title": r.title,
                    "published": r.published.isoformat() if r.published else None,
                    "date": r.day.isoformat() if r.day else None,
                    "date_source": "lead" if r.date_estimated else "published" if r.day else None,
                    "outlet": r.outlet,
                    "snippet": r.snippet,
                    "regions": [{"code": region.code, "name": region.name} for region in r.regions],
                }
                for r in outcome.results
            ],
            "facets": {
                "region": [{k: f[k] for k in ("code", "name", "count")} for f in outcome.facets["region"]],
                "person": outcome.facets["person"],
                "outlet": outcome.facets["outlet"],
                "month": [{"month": f["month"], "count": f["count"]} for f in outcome.facets["month"]],
            },
            "suggestion": outcome.suggestion,
        },
        json_dumps_params={"ensure_ascii": False},
    )
