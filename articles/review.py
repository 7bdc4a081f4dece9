"""The editors' review queue: suggested tags awaiting a verdict, filterable, confirmable in bulk."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from articles.curation import review
from articles.models import (
    EventTag,
    OrganizationTag,
    Outlet,
    PairTag,
    PersonTag,
    Region,
    RegionTag,
    TagStatus,
)

KINDS = {
    "person": (PersonTag, "person", "Tokoh"),
    "region": (RegionTag, "region", "Wilayah"),
    "organization": (OrganizationTag, "organization", "Lembaga"),
    "event": (EventTag, "event", "Peristiwa"),
    "pair": (PairTag, "pair", "Paslon"),
}
# what a row shows of its entity besides the entity itself, and the entity's name for "per entitas"
RELATED = {"pair": ["pair__head", "pair__deputy", "pair__contest__region"]}
NAME = {"pair": "pair__head__name"}


def waiting_counts():
    return {kind: model.objects.suggested().count() for kind, (model, _, _) in KINDS.items()}


class QueueFilter(forms.Form):
    kind = forms.ChoiceField(choices=[(k, v[2]) for k, v in KINDS.items()], required=False)
    region = forms.CharField(required=False, max_length=5, help_text="Kemendagri code, e.g. 18.72")
    outlet = forms.ModelChoiceField(Outlet.objects.all(), required=False)
    min_confidence = forms.FloatField(required=False, min_value=0, max_value=1)
    max_confidence = forms.FloatField(required=False, min_value=0, max_value=1)
    order = forms.ChoiceField(
        choices=[("article", "per artikel"), ("entity", "per entitas"), ("confidence", "keyakinan")],
        required=False,
    )

    def clean_region(self):
        code = self.cleaned_data["region"].strip()
        if code and not Region.objects.filter(code=code).exists():
            raise forms.ValidationError("Kode wilayah tidak dikenal.")
        return code

    def tags(self):
        data = self.cleaned_data
        kind = data.get("kind") or "person"
        model, field, _ = KINDS[kind]
        tags = model.objects.suggested().select_related(
            "article", "article__outlet", field, *RELATED.get(kind, [])
        )
        if data.get("region"):
            region_filter = Q(region__code=data["region"]) | Q(region__parent__code=data["region"])
            tags = tags.filter(
                article__in=RegionTag.objects.live().filter(region_filter).values("article_id")
            )
        if data.get("outlet"):
            tags = tags.filter(article__outlet=data["outlet"])
        if data.get("min_confidence") is not None:
            tags = tags.filter(confidence__gte=data["min_confidence"])
        if data.get("max_confidence") is not None:
            tags = tags.filter(confidence__lte=data["max_confidence"])
        order = {
            "entity": [NAME.get(kind, f"{field}__name"), "article_id"],
            "confidence": ["-confidence", "pk"],
        }.get(data.get("order"), ["-article_id", "-confidence", "pk"])
        return kind, model, field, tags.order_by(*order)


def review_queue(request, admin_site):
    form = QueueFilter(request.GET or None)
    if form.is_bound and not form.is_valid():
        kind, model, field, tags = "person", PersonTag, "person", PersonTag.objects.none()
    else:
        if not form.is_bound:
            form = QueueFilter({})
            form.is_valid()
        kind, model, field, tags = form.tags()
    opts = model._meta
    if not request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
        raise PermissionDenied

    if request.method == "POST":
        if not request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
            raise PermissionDenied
        action = request.POST.get("action", "")
        verdict = {"confirm": TagStatus.CONFIRMED, "reject": TagStatus.REJECTED}.get(action.split(":")[0])
        if verdict is None:
            messages.error(request, "Tindakan tidak dikenal.")
            return redirect(request.get_full_path())
        if ":" in action:  # one-click on a single row
            ids = [action.split(":", 1)[1]]
        else:
            ids = request.POST.getlist("ids")
        ids = [i for i in ids if i.isdigit()]
        chosen = (
            model.objects.suggested()
            .filter(pk__in=ids)
            .select_related("article", field, *RELATED.get(kind, []))
        )
        changed = review(chosen, verdict, request.user)
        messages.success(request, f"{changed} tag {'dikonfirmasi' if verdict == 'confirmed' else 'ditolak'}.")
        return redirect(request.get_full_path())

    page = Paginator(tags, 50).get_page(request.GET.get("page"))
    counts = waiting_counts()
    context = {
        **admin_site.each_context(request),
        "title": "Antrean tinjauan",
        "form": form,
        "kind": kind,
        "field": field,
        "page": page,
        "rows": [(tag, getattr(tag, field)) for tag in page],
        "tabs": [(k, label, counts[k]) for k, (_, _, label) in KINDS.items()],
        "query": request.GET.urlencode(),
    }
    return TemplateResponse(request, "admin/review_queue.html", context)
