"""The editors' review queue: suggested tags awaiting a verdict, filterable, confirmable in bulk."""

from django import forms
from django.contrib import messages
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.curation import review
from articles.evidence import mention_sentence, needles_for
from articles.fields import RegionField
from articles.models import (
    Article,
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
    "person": (PersonTag, _("Tokoh")),
    "region": (RegionTag, _("Wilayah")),
    "organization": (OrganizationTag, _("Lembaga")),
    "event": (EventTag, _("Peristiwa")),
    "pair": (PairTag, _("Paslon")),
}
# the entity's name for "per entitas"
NAME = {"pair": "pair__head__name"}


def waiting_counts():
    return {kind: model.objects.suggested().count() for kind, (model, _label) in KINDS.items()}


def other_names(entity):
    """Names besides str(entity) that the article may use for it: what to look for as evidence."""
    names = [getattr(entity, "acronym", ""), getattr(entity, "short_name", "")]
    if hasattr(entity, "head"):  # a candidate pair: its candidates' names
        names += [entity.head.name, entity.deputy.name if entity.deputy_id else ""]
    return [n for n in names if n]


def outlet_named(value):
    """The outlet a link means by `value`: its slug or its name (any case); None if there is none."""
    return Outlet.objects.filter(Q(slug=value) | Q(name__iexact=value)).first()


class NameSuggestions(AutocompleteJsonView):
    """The admin's autocomplete answers for the queue's region and outlet filters: each name with
    its slug, the value the queue's URL takes, rather than a primary key."""

    def serialize_result(self, obj, to_field_name):
        return {"id": obj.slug, "text": str(obj)}


class NameAutocomplete(AutocompleteSelect):
    """The admin's select2 box over NameSuggestions: an editor types part of a name and picks one.
    `source` is a foreign key the admin autocompletes already (it names the model and its search);
    `find` turns the URL's value back into the object whose name the box shows."""

    url_name = "%s:review_names"

    def __init__(self, source, admin_site, find):
        super().__init__(source, admin_site)
        self.find = find

    def optgroups(self, name, value, attrs=None):
        options = [self.create_option(name, "", "", False, 0)]
        found = self.find(value[0]) if value and value[0] else None
        if found:
            options.append(self.create_option(name, found.slug, str(found), True, 1))
        return [(None, options, 0)]


class QueueFilter(forms.Form):
    kind = forms.ChoiceField(
        label=_("Jenis"), choices=[(k, label) for k, (_model, label) in KINDS.items()], required=False
    )
    region = RegionField(help_text=_("Ketik sebagian nama lalu pilih; provinsi mencakup kabupaten/kotanya."))
    outlet = forms.CharField(label=_("Media"), required=False, max_length=120)
    min_confidence = forms.FloatField(label=_("Keyakinan minimum"), required=False, min_value=0, max_value=1)
    max_confidence = forms.FloatField(label=_("Keyakinan maksimum"), required=False, min_value=0, max_value=1)
    order = forms.ChoiceField(
        label=_("Urutan"),
        choices=[("article", _("per artikel")), ("entity", _("per entitas")), ("confidence", _("keyakinan"))],
        required=False,
    )

    def __init__(self, data, admin_site):
        super().__init__(data)
        self.fields["region"].widget = NameAutocomplete(
            RegionTag._meta.get_field("region"), admin_site, Region.objects.named
        )
        self.fields["outlet"].widget = NameAutocomplete(
            Article._meta.get_field("outlet"), admin_site, outlet_named
        )

    def clean_outlet(self):
        value = self.cleaned_data["outlet"].strip()
        if not value:
            return None
        outlet = outlet_named(value)
        if outlet is None:
            raise forms.ValidationError(_("Media %(value)s tidak dikenal."), params={"value": value})
        return outlet

    def tags(self):
        data = self.cleaned_data
        kind = data.get("kind") or "person"
        model, _label = KINDS[kind]
        field = model.ENTITY
        tags = model.objects.suggested().with_entities().select_related("article", "article__outlet")
        if data.get("region"):
            tags = tags.filter(
                article__in=RegionTag.objects.live()
                .filter(region__in=Region.objects.with_descendants(data["region"]))
                .values("article_id")
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
        return kind, model, tags.order_by(*order)


def review_queue(request, admin_site):
    form = QueueFilter(request.GET or None, admin_site)
    if form.is_bound and not form.is_valid():
        kind, model, tags = "person", PersonTag, PersonTag.objects.none()
    else:
        if not form.is_bound:
            form = QueueFilter({}, admin_site)
            form.is_valid()
        kind, model, tags = form.tags()
    field = model.ENTITY
    opts = model._meta
    if not request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
        raise PermissionDenied

    if request.method == "POST":
        if not request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
            raise PermissionDenied
        action = request.POST.get("action", "")
        verdict = {"confirm": TagStatus.CONFIRMED, "reject": TagStatus.REJECTED}.get(action.split(":")[0])
        if verdict is None:
            messages.error(request, _("Tindakan tidak dikenal."))
            return redirect(request.get_full_path())
        if ":" in action:  # one-click on a single row
            ids = [action.split(":", 1)[1]]
        else:
            ids = request.POST.getlist("ids")
        ids = [i for i in ids if i.isdigit()]
        chosen = model.objects.suggested().filter(pk__in=ids).with_entities().select_related("article")
        changed = review(chosen, verdict, request.user)
        done = (
            ngettext("%(n)d tag dikonfirmasi.", "%(n)d tag dikonfirmasi.", changed)
            if verdict == TagStatus.CONFIRMED
            else ngettext("%(n)d tag ditolak.", "%(n)d tag ditolak.", changed)
        )
        messages.success(request, done % {"n": changed})
        return redirect(request.get_full_path())

    page = Paginator(tags, 50).get_page(request.GET.get("page"))
    counts = waiting_counts()
    context = {
        **admin_site.each_context(request),
        "title": _("Antrean tinjauan"),
        "form": form,
        "kind": kind,
        "field": field,
        "page": page,
        "rows": [(tag, getattr(tag, field), _evidence(tag, getattr(tag, field))) for tag in page],
        "tabs": [(k, label, counts[k]) for k, (_model, label) in KINDS.items()],
        "query": request.GET.urlencode(),
    }
    return TemplateResponse(request, "admin/review_queue.html", context)


def _evidence(tag, entity):
    """The sentence of the article that names the entity, the mention marked (escaped HTML)."""
    needles = needles_for(str(getattr(entity, "name", "")) or str(entity), tag.evidence, other_names(entity))
    return mention_sentence(tag.article.body, needles, fallback=tag.evidence)
