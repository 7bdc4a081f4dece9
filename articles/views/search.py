"""The search page, /cari/: the form, results with snippets, facets, active filters, pages."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from articles.counts import archive_summary, search_choices
from articles.days import month_end
from articles.search import outbox, result_cache
from articles.search.forms import UNDATED_CHOICES, SearchForm
from articles.search.params import repeated_parameter
from articles.search.service import FILTERS, PageNotFound, is_empty, run_search, undated_rule

TYPED = ("region", "person", "outlet", "contest")
HIDDEN = ("organization", "event", "pair", "sort")


def index_state():
    """What a search page shows beyond its address and the archive's version: the index's
    generation and what still waits to reach it, after applying what is due (a failed write's retry
    comes before the cache, as before every search). None for a search server, whose generation
    the site cannot name: its pages are not cached."""
    generation = result_cache.index_generation()
    return None if generation is None else f"{generation} {outbox.catch_up()}"


def search(request):
    form = SearchForm(request.GET)
    context = {
        "form": form,
        "outcome": None,
        "query": request.GET.get("q", ""),
        "choices": search_choices(),
        # filters the form has no input for travel with it; the ones it has show what was typed
        "hidden_params": [(name, request.GET[name]) for name in HIDDEN if request.GET.get(name)],
        "shown": {name: request.GET.get(name, "") for name in TYPED},
    }
    repeated = repeated_parameter(request.GET)
    if repeated:
        return render(request, "articles/search.html", {**context, "repeated": repeated[1]}, status=400)
    if not form.is_valid():
        return render(request, "articles/search.html", context, status=400)
    context["shown"] = _shown_names(form.cleaned_data, context["shown"])
    if is_empty(form.cleaned_data):
        return render(request, "articles/search.html", {**context, "summary": archive_summary()})
    waiting, since = outbox.catch_up()
    try:
        outcome = run_search(form.cleaned_data)
    except PageNotFound:
        raise Http404(_("Halaman hasil ini tidak ada.")) from None

    params = {k: v for k, v in request.GET.items() if k in form.fields and v and k != "page"}
    context.update(
        outcome=outcome,
        first_number=(outcome.page - 1) * settings.HAYSTACK_SEARCH_RESULTS_PER_PAGE + 1,
        active_filters=_active_filters(form.cleaned_data, params),
        index_waiting=waiting,
        index_waiting_since=since,
        undated=undated_rule(form.cleaned_data),
        facet_links=_facet_links(outcome.facets, params),
        sort_links=_sort_links(form, params),
        prev_url=_url(params, page=outcome.page - 1) if outcome.page > 1 else None,
        next_url=_url(params, page=outcome.page + 1) if outcome.page < outcome.num_pages else None,
        suggestion_url=_url({**params, "q": outcome.suggestion}) if outcome.suggestion else None,
        export_urls=_export_urls(params),
    )
    return render(request, "articles/search.html", context)


def _shown_names(data, typed):
    """The filter inputs show names, whichever way the URL named the region, person, outlet or race."""
    names = {
        "region": data.get("region") and data["region"].name,
        "person": data.get("person") and data["person"].name,
        "outlet": data.get("outlet") and data["outlet"].name,
        "contest": data.get("contest") and data["contest"].region.name,
    }
    return {name: names[name] or typed[name] for name in typed}


def _export_urls(params):
    """Every match of this search, not just this page: the download links."""
    base = reverse("api-export")
    return {format: f"{base}?{urlencode({**params, 'format': format})}" for format in ("csv", "jsonl")}


def _url(params, **changes):
    merged = {**params, **changes}
    return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "", 1) or k == "q"})


def _active_filters(data, params):
    """(label, value, url without it) for every filter in use: the removable chips."""
    labels = {
        "region": _("Wilayah"),
        "person": _("Tokoh"),
        "organization": _("Lembaga"),
        "event": _("Peristiwa"),
        "outlet": _("Media"),
        "contest": _("Pemilihan"),
        "pair": _("Pasangan calon"),
        "from": _("Dari"),
        "to": _("Sampai"),
        "undated": _("Tanpa tanggal"),
    }
    chips = []
    for name in FILTERS:
        value = data.get(name)
        if value and (name, value) != ("undated", "include"):
            rest = {k: v for k, v in params.items() if k != name}
            shown = value.isoformat() if hasattr(value, "isoformat") else str(value)
            if name == "undated":
                shown = dict(UNDATED_CHOICES)[value]
            chips.append({"label": labels[name], "value": shown, "remove_url": _url(rest)})
    return chips


def _facet_links(facets, params):
    def link(param, value):
        return _url({**params, param: value})

    return {
        "region": [{**f, "url": link("region", f["code"])} for f in facets["region"]],
        "person": [{**f, "url": link("person", f["slug"])} for f in facets["person"]],
        "outlet": [{**f, "url": link("outlet", f["slug"])} for f in facets["outlet"]],
        "contest": [{**f, "url": link("contest", f["code"])} for f in facets["contest"]],
        "pair": [{**f, "url": link("pair", f["slug"])} for f in facets["pair"]],
        "month": [
            {
                **f,
                "url": _url({**params, "from": f"{f['month']}-01", "to": month_end(f["date"]).isoformat()}),
            }
            for f in facets["month"]
        ],
    }


def _sort_links(form, params):
    current = form.cleaned_data.get("sort") or ("relevance" if params.get("q") else "newest")
    return [
        {"value": value, "label": label, "url": _url({**params, "sort": value}), "current": value == current}
        for value, label in form.fields["sort"].choices
    ]
