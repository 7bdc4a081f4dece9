"""The editors' side of the archive: every model, with tags editable inline on the article."""

from django.contrib import admin, messages
from django.template.response import TemplateResponse

from articles.curation import detach_mention, merge_people, review
from articles.models import (
    Article,
    ArticleRevision,
    Event,
    EventTag,
    ImportBatch,
    Organization,
    OrganizationTag,
    Outlet,
    Person,
    PersonAlias,
    PersonTag,
    Position,
    Region,
    RegionAlias,
    RegionTag,
    TagStatus,
)


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


class RegionTagInline(TagInline):
    model = RegionTag
    fields = ["region", *TagInline.fields]
    autocomplete_fields = ["region"]


class PersonTagInline(TagInline):
    model = PersonTag
    fields = ["person", "role", *TagInline.fields]
    autocomplete_fields = ["person"]


class OrganizationTagInline(TagInline):
    model = OrganizationTag
    fields = ["organization", *TagInline.fields]
    autocomplete_fields = ["organization"]


class EventTagInline(TagInline):
    model = EventTag
    fields = ["event", *TagInline.fields]
    autocomplete_fields = ["event"]


class ArticleRevisionInline(admin.StackedInline):
    """Earlier versions of the article's file, as they were imported: a record, never edited."""

    model = ArticleRevision
    extra = 0
    fields = ["imported_at", "batch", "created_at", "title", "published_on", "content_hash", "raw_text"]
    readonly_fields = fields
    can_delete = False
    verbose_name_plural = "versi sebelumnya"

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
    inlines = [RegionTagInline, PersonTagInline, OrganizationTagInline, EventTagInline, ArticleRevisionInline]

    @admin.display(description="Raw text as imported")
    def raw_text(self, obj):
        return obj.raw_text


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 0
    fields = ["name"]


class PositionInline(admin.TabularInline):
    model = Position
    extra = 0
    fields = ["role", "region", "organization", "started_on", "ended_on", "first_seen_on", "last_seen_on"]
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

    @admin.action(description="Gabungkan tokoh terpilih (pilih yang dipertahankan)", permissions=["change"])
    def merge(self, request, queryset):
        people = list(queryset.filter(merged_into=None))
        if len(people) < 2:
            self.message_user(request, "Pilih setidaknya dua tokoh yang belum digabung.", messages.WARNING)
            return None
        survivor_id = request.POST.get("survivor", "")
        survivor = next((p for p in people if str(p.pk) == survivor_id), None)
        if request.POST.get("apply") and survivor:
            merged = merge_people(survivor, [p for p in people if p != survivor], request.user)
            self.message_user(request, f"{len(merged)} tokoh digabung ke “{survivor}”.", messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Gabungkan tokoh",
            "people": people,
            "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/merge_people.html", context)

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

    @admin.action(description="Konfirmasi tag terpilih", permissions=["change"])
    def confirm(self, request, queryset):
        changed = review(queryset.select_related("article"), TagStatus.CONFIRMED, request.user)
        self.message_user(request, f"{changed} tag dikonfirmasi.", messages.SUCCESS)

    @admin.action(description="Tolak tag terpilih", permissions=["change"])
    def reject(self, request, queryset):
        changed = review(queryset.select_related("article"), TagStatus.REJECTED, request.user)
        self.message_user(request, f"{changed} tag ditolak.", messages.SUCCESS)


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

    @admin.action(description="Lepaskan penyebutan ke tokoh baru", permissions=["change"])
    def detach(self, request, queryset):
        for tag in queryset.select_related("person", "article"):
            detach_mention(tag, request.user)
        self.message_user(request, f"{queryset.count()} penyebutan dilepaskan.", messages.SUCCESS)


@admin.register(OrganizationTag)
class OrganizationTagAdmin(TagAdmin):
    search_fields = ["organization__name", "article__title"]
    autocomplete_fields = ["organization"]


@admin.register(EventTag)
class EventTagAdmin(TagAdmin):
    search_fields = ["event__name", "article__title"]
    autocomplete_fields = ["event"]
