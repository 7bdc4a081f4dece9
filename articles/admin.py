"""The editors' side of the archive: every model, with tags editable inline on the article."""

from django import forms
from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.curation import detach_mention, merge_pairs, merge_people, review, swap_pair
from articles.models import (
    Article,
    ArticleRevision,
    CandidatePair,
    Contest,
    Event,
    EventTag,
    ImportBatch,
    Organization,
    OrganizationTag,
    Outlet,
    PairTag,
    Person,
    PersonAlias,
    PersonTag,
    Position,
    Region,
    RegionAlias,
    RegionTag,
    TagStatus,
)
from articles.naming import unique_slug


class RegionAliasInline(admin.TabularInline):
    model = RegionAlias
    extra = 0


class SubregionInline(admin.TabularInline):
    model = Region
    fk_name = "parent"
    fields = ["code", "name", "level", "pilkada_2024"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent", "election", "pilkada_2024"]
    list_filter = ["level", "pilkada_2024", ("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["code", "name", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["parent"]
    inlines = [RegionAliasInline, SubregionInline]

    def get_search_results(self, request, queryset, search_term):
        queryset, _ = super().get_search_results(request, queryset, search_term)
        return queryset.distinct(), False


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "domain"]
    search_fields = ["name", "domain"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["started_at", "finished_at", "created", "updated", "unchanged", "failed"]
    readonly_fields = [f.name for f in ImportBatch._meta.fields]


class TagInline(admin.TabularInline):
    extra = 0
    fields = ["status", "confidence", "evidence"]
    readonly_fields = ["confidence", "evidence"]


def tag_inline(tag_model, *more_fields):
    """An article's tags of one kind: the entity, picked by autocomplete, then `more_fields`."""
    attrs = {
        "model": tag_model,
        "fields": [tag_model.ENTITY, *more_fields, *TagInline.fields],
        "autocomplete_fields": [tag_model.ENTITY],
    }
    return type(f"{tag_model.__name__}Inline", (TagInline,), attrs)


class ArticleRevisionInline(admin.StackedInline):
    """Earlier versions of the article's file, as they were imported: a record, never edited."""

    model = ArticleRevision
    extra = 0
    fields = ["imported_at", "batch", "created_at", "title", "published_on", "content_hash", "raw_text"]
    readonly_fields = fields
    can_delete = False
    verbose_name_plural = _("versi sebelumnya")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        # whoever may see an article may see what it was before
        return request.user.has_perm("articles.view_article")


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "published_on", "dateline_region", "created_at"]
    list_filter = ["published_on", ("outlet", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "source_file", "source_path", "content_hash"]
    date_hierarchy = "published_on"
    list_select_related = ["outlet", "dateline_region"]
    autocomplete_fields = ["outlet", "dateline_region"]
    readonly_fields = [
        "raw_text",
        "content_hash",
        "source",
        "source_path",
        "source_file",
        "encoding",
        "batch",
        "created_at",
    ]
    exclude = ["raw"]
    inlines = [
        tag_inline(RegionTag),
        tag_inline(PersonTag, "role"),
        tag_inline(OrganizationTag),
        tag_inline(EventTag),
        ArticleRevisionInline,
    ]

    @admin.display(description=_("Teks asli seperti diimpor"))
    def raw_text(self, obj):
        return obj.raw_text


def choose_and_merge(model_admin, request, items, merge, noun, legend, details=None, default=None):
    """The merge actions: ask which of `items` survives, then `merge(survivor, others, user)`.
    `details(items)` gives what to choose by for each item; `default` is checked at first."""
    if len(items) < 2:
        model_admin.message_user(
            request,
            gettext_now("Pilih setidaknya dua %(noun)s yang belum digabung.") % {"noun": noun},
            messages.WARNING,
        )
        return None
    survivor_id = request.POST.get("survivor", "")
    survivor = next((item for item in items if str(item.pk) == survivor_id), None)
    if request.POST.get("apply") and survivor:
        merged = merge(survivor, [item for item in items if item != survivor], request.user)
        model_admin.message_user(
            request,
            gettext_now("%(n)d %(noun)s digabung ke “%(survivor)s”.")
            % {"n": len(merged), "noun": noun, "survivor": survivor},
            messages.SUCCESS,
        )
        return None
    default = default or items[0]
    about = details(items) if details else {}
    context = {
        **model_admin.admin_site.each_context(request),
        "title": gettext_now("Gabungkan %(noun)s") % {"noun": noun},
        "items": [(item, item == default, about.get(item.pk)) for item in items],
        "legend": legend,
        "opts": model_admin.model._meta,
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/merge_choose.html", context)


def merge_details(people):
    """{person id: article count and (label, values) rows of names, roles and regions}: what an
    editor chooses a survivor by."""
    found = (
        Person.objects.filter(pk__in=[p.pk for p in people])
        .prefetch_related("aliases", "positions__region")
        .with_article_counts()
    )
    return {
        person.pk: {
            "article_count": person.article_count,
            "rows": [
                (_("Nama lain"), [alias.name for alias in person.aliases.all()]),
                (_("Jabatan"), list(dict.fromkeys(position.role for position in person.positions.all()))),
                (
                    _("Wilayah"),
                    list(dict.fromkeys(p.region.name for p in person.positions.all() if p.region_id)),
                ),
            ],
        }
        for person in found
    }


def pair_merge_details(pairs):
    """{pair id: article count and rows of candidates, race, stage, region and parties}."""
    found = (
        CandidatePair.objects.filter(pk__in=[p.pk for p in pairs])
        .select_related("head", "deputy", "contest__region")
        .prefetch_related("parties")
        .with_article_counts()
    )
    return {
        pair.pk: {
            "article_count": pair.article_count,
            "rows": [
                (_("Calon"), [person.name for person in (pair.head, pair.deputy) if person]),
                (_("Pemilihan"), [str(pair.contest)] if pair.contest_id else []),
                (_("Tahapan"), [pair.get_stage_display()] if pair.stage else []),
                (_("Wilayah"), [pair.contest.region.name] if pair.contest_id else []),
                (_("Pengusung"), [party.name for party in pair.parties.all()]),
            ],
        }
        for pair in found
    }


class LinesField(forms.CharField):
    """A short list edited one item a line (honorifics), stored as a JSON list."""

    widget = forms.Textarea(attrs={"rows": 3, "cols": 30})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [line.strip() for line in (super().to_python(value) or "").splitlines() if line.strip()]


class PersonForm(forms.ModelForm):
    honorifics = LinesField(
        required=False,
        label=_("Gelar"),
        help_text=_("Seperti tertulis, satu gelar per baris: H., Dr."),
    )

    class Meta:
        model = Person
        fields = ["name", "slug", "honorifics"]


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 0
    fields = ["name"]


class PositionInline(admin.StackedInline):
    """Stacked, a position's fields in three short rows: seven columns side by side were wider than
    a 1,280 px window."""

    model = Position
    extra = 0
    fields = [
        "role",
        ("region", "organization"),
        ("started_on", "ended_on"),
        ("first_seen_on", "last_seen_on"),
    ]
    autocomplete_fields = ["region", "organization"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "merged_into"]
    list_filter = [("merged_into", admin.EmptyFieldListFilter)]
    search_fields = ["name", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["merged_into"]
    inlines = [PersonAliasInline, PositionInline]
    actions = ["merge"]
    form = PersonForm

    def save_model(self, request, obj, form, change):
        """A rename gives the page an address from the new name; the old one keeps redirecting."""
        old_slug = form.initial.get("slug") if change else None
        renamed = change and "name" in form.changed_data and "slug" not in form.changed_data
        if renamed and slugify(obj.name) != obj.slug:
            obj.slug = unique_slug(Person, obj.name)
        super().save_model(request, obj, form, change)
        obj.keep_old_slug(old_slug)

    @admin.action(
        description=_("Gabungkan tokoh terpilih (pilih yang dipertahankan)"), permissions=["change"]
    )
    def merge(self, request, queryset):
        return choose_and_merge(
            self,
            request,
            list(queryset.filter(merged_into=None)),
            merge_people,
            details=merge_details,
            default=Person.fullest_named(queryset.filter(merged_into=None)),
            noun=gettext_now("tokoh"),
            legend=gettext_now(
                "Pilih tokoh yang dipertahankan. Tag, jabatan, peristiwa dan alias lainnya pindah ke "
                "sana; namanya menjadi alias, dan alamat lamanya dialihkan."
            ),
        )

    def get_search_results(self, request, queryset, search_term):
        queryset, _ = super().get_search_results(request, queryset, search_term)
        return queryset.distinct(), False


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["person", "role", "region", "organization", "first_seen_on", "last_seen_on"]
    list_filter = ["region__level"]
    search_fields = ["person__name", "role"]
    list_select_related = ["person", "region", "organization"]
    autocomplete_fields = ["person", "region", "organization", "source_article"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "kind", "region"]
    list_filter = ["kind"]
    search_fields = ["name", "acronym"]
    list_select_related = ["region"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["region"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "date", "place", "region"]
    list_filter = ["kind", "date"]
    search_fields = ["name", "place"]
    list_select_related = ["region"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["region", "participants"]


class TagAdmin(admin.ModelAdmin):
    """Each kind of tag on its own list, with bulk confirm/reject next to the review queue."""

    list_display = ["__str__", "status", "confidence", "evidence", "reviewed_by", "reviewed_at"]
    list_filter = ["status"]
    list_select_related = ["article"]
    readonly_fields = ["reviewed_by", "reviewed_at", "created_at"]
    raw_id_fields = ["article"]
    actions = ["confirm", "reject"]

    @admin.action(description=_("Konfirmasi tag terpilih"), permissions=["change"])
    def confirm(self, request, queryset):
        changed = review(queryset.select_related("article"), TagStatus.CONFIRMED, request.user)
        self.message_user(
            request, ngettext("%(n)d tag dikonfirmasi.", "%(n)d tag dikonfirmasi.", changed) % {"n": changed}
        )

    @admin.action(description=_("Tolak tag terpilih"), permissions=["change"])
    def reject(self, request, queryset):
        changed = review(queryset.select_related("article"), TagStatus.REJECTED, request.user)
        self.message_user(
            request, ngettext("%(n)d tag ditolak.", "%(n)d tag ditolak.", changed) % {"n": changed}
        )


@admin.register(RegionTag)
class RegionTagAdmin(TagAdmin):
    list_filter = ["status", "region__level"]
    search_fields = ["region__name", "article__title"]
    autocomplete_fields = ["region"]


@admin.register(PersonTag)
class PersonTagAdmin(TagAdmin):
    list_display = ["__str__", "role", *TagAdmin.list_display[1:]]
    search_fields = ["person__name", "article__title", "role"]
    autocomplete_fields = ["person"]
    actions = [*TagAdmin.actions, "detach"]

    @admin.action(description=_("Lepaskan penyebutan ke tokoh baru"), permissions=["change"])
    def detach(self, request, queryset):
        for tag in queryset.select_related("person", "article"):
            detach_mention(tag, request.user)
        self.message_user(request, gettext_now("%(n)d penyebutan dilepaskan.") % {"n": queryset.count()})


@admin.register(OrganizationTag)
class OrganizationTagAdmin(TagAdmin):
    search_fields = ["organization__name", "article__title"]
    autocomplete_fields = ["organization"]


@admin.register(EventTag)
class EventTagAdmin(TagAdmin):
    search_fields = ["event__name", "article__title"]
    autocomplete_fields = ["event"]


@admin.register(Contest)
class ContestAdmin(admin.ModelAdmin):
    list_display = ["__str__", "office", "single_pair", "winner"]
    list_filter = ["office", "single_pair"]
    search_fields = ["region__name", "region__code"]
    list_select_related = ["region", "winner__head", "winner__deputy"]
    readonly_fields = ["region", "office"]
    autocomplete_fields = ["winner"]


class PairTagInline(TagInline):
    model = PairTag
    fk_name = "pair"
    fields = ["article", *TagInline.fields]
    raw_id_fields = ["article"]


@admin.register(CandidatePair)
class CandidatePairAdmin(admin.ModelAdmin):
    """Editors fix a pair's number or stage, confirm or reject its tags, swap its names, merge twins."""

    list_display = [
        "__str__",
        "contest",
        "number",
        "number_confirmed",
        "stage",
        "independent",
        "last_seen_on",
    ]
    list_filter = ["stage", "contest__office", "number_confirmed", ("contest", admin.EmptyFieldListFilter)]
    search_fields = ["head__name", "deputy__name", "slug", "contest__region__name"]
    list_select_related = ["contest__region", "head", "deputy"]
    autocomplete_fields = ["contest", "head", "deputy", "parties"]
    readonly_fields = ["number_confirmed", "first_seen_on", "last_seen_on"]
    inlines = [PairTagInline]
    actions = ["swap", "merge"]

    def save_model(self, request, obj, form, change):
        if "number" in form.changed_data:
            obj.number_confirmed = obj.number is not None  # the importer never changes it again
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Tukar calon kepala dan wakil"), permissions=["change"])
    def swap(self, request, queryset):
        swapped = sum(swap_pair(pair, request.user) for pair in queryset.select_related("head", "deputy"))
        self.message_user(request, gettext_now("%(n)d paslon ditukar.") % {"n": swapped})

    @admin.action(
        description=_("Gabungkan paslon terpilih (pilih yang dipertahankan)"), permissions=["change"]
    )
    def merge(self, request, queryset):
        pairs = list(queryset.select_related("head", "deputy", "contest__region"))
        return choose_and_merge(
            self,
            request,
            pairs,
            merge_pairs,
            details=pair_merge_details,
            default=CandidatePair.fullest(pairs),
            noun=gettext_now("paslon"),
            legend=gettext_now(
                "Pilih paslon yang dipertahankan. Tag artikel pindah ke sana, yang belum diketahuinya "
                "(wakil, nomor urut, tahapan, pengusung) diisi dari yang lain, lalu yang lain dihapus."
            ),
        )


@admin.register(PairTag)
class PairTagAdmin(TagAdmin):
    list_filter = ["status", "pair__contest__office"]
    list_select_related = ["article", "pair__head", "pair__deputy"]
    search_fields = ["pair__head__name", "pair__deputy__name", "article__title"]
    autocomplete_fields = ["pair"]
