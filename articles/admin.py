"""The editors' side of the archive: every model, with tags editable inline on the article."""

from django.contrib import admin

from articles.models import (
    Article,
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


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "published_on", "dateline_region", "created_at"]
    list_filter = ["published_on", ("outlet", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "source_file", "content_hash"]
    date_hierarchy = "published_on"
    list_select_related = ["outlet", "dateline_region"]
    autocomplete_fields = ["outlet", "dateline_region"]
    readonly_fields = ["raw_text", "content_hash", "source_file", "encoding", "batch", "created_at"]
    exclude = ["raw"]
    inlines = [RegionTagInline, PersonTagInline, OrganizationTagInline, EventTagInline]

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
    autocomplete_fields = ["merged_into"]
    inlines = [PersonAliasInline, PositionInline]

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
