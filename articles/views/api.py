"""The JSON API: GET /api/search (the search page's results, facets and suggestion), GET /api/export
(every match of the same search as CSV or JSONL) and GET /api/contests/<region code> (one Pilkada 2024
race with its pairs). Every error is JSON `{"error", "parameter"}` in the language asked for."""

from functools import wraps

from django.http import JsonResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from articles.models import CandidatePair, Contest
from articles.search.export import FORMATS, export_lines
from articles.search.forms import SearchForm
from articles.search.params import repeated_parameter
from articles.search.service import PageNotFound, run_search, undated_rule


def error(message, parameter, status=400):
    return JsonResponse(
        {"error": str(message), "parameter": parameter},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )


def api_get(view):
    """GET (and HEAD) only, answered in JSON: another method is a JSON 405, never the CSRF page.
    Safe to exempt from CSRF because nothing but a read is ever served."""

    @csrf_exempt
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            message = _("Metode %(method)s tidak didukung; API ini hanya menerima GET.") % {
                "method": request.method
            }
            response = error(message, "method", status=405)
            response["Allow"] = "GET, HEAD"
            return response
        return view(request, *args, **kwargs)

    return wrapped


def valid_search(request, ignore=()):
    """(form, None) for a valid search query string, else (None, the JSON error response)."""
    repeated = repeated_parameter(request.GET)
    if repeated:
        return None, error(repeated[1], repeated[0])
    form = SearchForm({k: v for k, v in request.GET.items() if k not in ignore})
    if not form.is_valid():
        parameter, message = form.first_error()
        return None, error(message, parameter)
    return form, None


@api_get
def search(request):
    form, failure = valid_search(request)
    if failure:
        return failure
    try:
        outcome = run_search(form.cleaned_data)
    except PageNotFound:
        return error(_("Halaman hasil ini tidak ada."), "page", status=404)

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
                    "regions": [
                        {"code": region.code, "name": region.name, "slug": region.slug}
                        for region in r.regions
                    ],
                    "people": [{"name": p.name, "slug": p.slug} for p in r.people],
                    "pairs": [_pair(pair) for pair in r.pairs],
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


@api_get
def not_found(request, rest):
    """Any other address under /api/: a JSON 404 that lists the endpoints."""
    message = _("Tidak ada endpoint %(path)s. Yang ada: /api/search, /api/export, /api/contests/<kode>.") % {
        "path": request.path
    }
    return error(message, "path", status=404)


@api_get
def export(request):
    """Every match of a search, streamed: `format=csv` or `format=jsonl` (the default)."""
    format = request.GET.get("format", "jsonl")
    if format not in FORMATS:
        return error(_("Format ekspor: csv atau jsonl."), "format")
    form, failure = valid_search(request, ignore=("format", "page"))
    if failure:
        return failure
    asked = urlencode(sorted((k, v) for k, v in request.GET.items() if k != "format"))
    response = StreamingHttpResponse(
        export_lines(format, form.cleaned_data, asked), content_type=FORMATS[format]
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    response["Content-Disposition"] = f'attachment; filename="pilkada-cari-{stamp}.{format}"'
    return response


def _pair(pair):
    return {
        "slug": pair.slug,
        "name": str(pair),
        "number": pair.number,
        "contest": pair.contest.region.code if pair.contest_id else None,
        "head": _person(pair.head),
        "deputy": _person(pair.deputy),
    }


def _person(person):
    if person is None:
        return None
    person = person.survivor
    return {"name": person.name, "slug": person.slug}


@api_get
def contest(request, code):
    found = Contest.objects.select_related("region").filter(region__code=code).first()
    if found is None:
        message = _("Tidak ada pemilihan 2024 untuk wilayah %(code)s.") % {"code": code}
        return error(message, "code", status=404)
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
