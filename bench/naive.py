"""The naive baseline's search page and index build: stock Haystack as its tutorial shows it.

URLconf for bench.naive_settings: haystack's FacetedSearchView and FacetedSearchForm with the
article index's facets, filters as `selected_facets`, plus a date range and sort (the tutorial's
DateRangeSearchForm). `python -m bench.naive LIMIT` runs stock `update_index` over the first LIMIT
articles (the stock build slows with every batch; a capped subset keeps the run bounded).
"""

from django import forms
from django.urls import path
from haystack.forms import FacetedSearchForm
from haystack.generic_views import FacetedSearchView

from pilkada_archive.urls import urlpatterns as site_urlpatterns

FACETS = ["regions", "people", "outlet", "month"]
SORTS = {"newest": "-published", "oldest": "published"}


class NaiveSearchForm(FacetedSearchForm):
    start_date = forms.DateField(required=False)
    end_date = forms.DateField(required=False)
    sort = forms.CharField(required=False)

    def search(self):
        sqs = super().search()
        if not self.is_valid():
            return sqs
        if self.cleaned_data["start_date"]:
            sqs = sqs.filter(published__gte=self.cleaned_data["start_date"])
        if self.cleaned_data["end_date"]:
            sqs = sqs.filter(published__lte=self.cleaned_data["end_date"])
        if self.cleaned_data["sort"] in SORTS:
            sqs = sqs.order_by(SORTS[self.cleaned_data["sort"]])
        return sqs

    def no_query_found(self):
        return self.searchqueryset.all()


class NaiveSearchView(FacetedSearchView):
    form_class = NaiveSearchForm
    facet_fields = FACETS
    template_name = "naive_search.html"
    paginate_by = 20


# the project's other pages stay, so its templates (404, base) can reverse their links
urlpatterns = [
    path("cari/", NaiveSearchView.as_view(), name="naive_search"),
    *site_urlpatterns,  # i18n_patterns cannot be include()d
]
