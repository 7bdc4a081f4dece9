"""The JSON API: GET /api/search (the search page's results, facets and suggestion) and
GET /api/contests/<region code> (one Pilkada 2024 race with its pairs)."""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from articles.models import CandidatePair, Contest
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
                "contest": outcome.facets["contest"],
                "pair": outcome.facets["pair"],
            },
            "suggestion": outcome.suggestion,
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _person(person):
    if person is None:
        return None
    person = person.merged_into or person
    return {"name": person.name, "slug": person.slug}


@require_GET
def contest(request, code):
    found = Contest.objects.select_related("region").filter(region__code=code).first()
    if found is None:
        message = _("Tidak ada pemilihan 2024 untuk wilayah %(code)s.") % {"code": code}
        return JsonResponse({"error": message, "parameter": "code"}, status=404)
    pairs = CandidatePair.objects.in_contest(found).ballot_order().for_listing().with_article_counts()
    return JsonResponse(
        {
            "region": {"code": found.region.code, "name": found.region.name, "slug": found.region.slug},
            "office": found.office,
            "election_date": found.election_date.isoformat(),
            "single_pair": found.single_pair,
            "url": request.build_absolute_uri(found.get_absolute_url()),
            "pairs": [
                {
                    "id": pair.pk,
                    "slug": pair.slug,
                    "number": pair.number,
                    "head": _person(pair.head),
                    "deputy": _person(pair.deputy),
                    "stage": pair.stage or None,
                    "parties": [party.name for party in pair.parties.all()],
                    "independent": pair.independent,
                    "winner": pair.pk == found.winner_id,
                    "article_count": pair.article_count,
                }
                for pair in pairs
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )
