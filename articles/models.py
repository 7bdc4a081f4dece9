"""The archive's data: official regions, outlets, articles, the people, organisations and events
they mention, the Pilkada 2024 contests and candidate pairs, and the tags that tie them together
with the editor's verdict."""

import re
from collections import Counter
from datetime import date
from urllib.parse import urlsplit

from django.db import models
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from articles.days import local_midnight, week_start, zone_of
from articles.extraction.dates import zone_name
from articles.naming import fallback_title, role_key


class Level(models.TextChoices):
    PROVINSI = "provinsi", _("Provinsi")
    KABUPATEN = "kabupaten", _("Kabupaten")
    KOTA = "kota", _("Kota")


def province_of(relation=""):
    """As an expression: the province of the region at `relation` ("region" on a tag, "" on a
    region), itself when it is one. The grouping form of with_descendants."""
    if not relation:
        return Coalesce("parent_id", "id")
    return Coalesce(f"{relation}__parent_id", f"{relation}_id")


class RegionQuerySet(models.QuerySet):
    # "A province includes its kabupaten/kota" is stated here and beside it once for each form the
    # archive asks it in: a scope to filter by (with_descendants), the province to group by
    # (province_of) and the regions a document is filed under (Region.with_ancestors). Regions
    # are two levels deep: a province, and its kabupaten and kota.

    def provinces(self):
        return self.filter(level=Level.PROVINSI)

    def subregions(self):
        return self.exclude(level=Level.PROVINSI)

    def with_descendants(self, region):
        """The region itself and, for a province, its kabupaten/kota."""
        return self.filter(Q(pk=region.pk) | Q(parent=region))

    def named(self, value):
        """The region a person or a link means by `value`: its Kemendagri code (18.72), the slug of its
        page (kota-metro) or its name (Kota Metro, any case); None if there is none."""
        value = (value or "").strip()
        if not value:
            return None
        if re.match(r"^[0-9]{2}(\.[0-9]{2})?$", value):
            return self.filter(code=value).first()
        return self.filter(Q(slug=value) | Q(name__iexact=value)).order_by("code").first()


class Region(models.Model):
    """A province, kabupaten or kota as listed by Kemendagri."""

    code = models.CharField(
        max_length=5, unique=True, help_text=_("Kode Kemendagri: 18 atau 18.72"), verbose_name=_("kode")
    )
    name = models.CharField(max_length=100, verbose_name=_("nama"))
    level = models.CharField(max_length=10, choices=Level, verbose_name=_("tingkat"))
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("induk"),
    )
    slug = models.SlugField(max_length=100, unique=True, verbose_name=_("slug"))
    election = models.CharField(
        max_length=10,
        blank=True,
        help_text=_("pilgub, pilbup atau pilwalkot"),
        verbose_name=_("jenis pemilihan"),
    )
    pilkada_2024 = models.BooleanField(
        default=False, help_text=_("Menggelar Pilkada pada 27 November 2024"), verbose_name=_("Pilkada 2024")
    )

    objects = RegionQuerySet.as_manager()

    class Meta:
        verbose_name = pgettext_lazy("satu", "wilayah")
        verbose_name_plural = pgettext_lazy("jamak", "wilayah")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                name="region_code_pattern",
                condition=Q(code__regex=r"^[0-9]{2}(\.[0-9]{2})?$"),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("region", args=[self.slug])

    @property
    def province(self):
        return self if self.parent_id is None else self.parent

    def with_ancestors(self):
        """The region and, for a kabupaten/kota, its province: what a tag on it is found under, as
        RegionQuerySet.with_descendants finds it (select_related("parent") to spare a query)."""
        return [self] if self.parent_id is None else [self, self.parent]

    @property
    def short_name(self):
        for prefix in ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "):
            if self.name.startswith(prefix):
                return self.name[len(prefix) :]
        return self.name


class RegionAlias(models.Model):
    """Another name a region goes by in the news: short names, abbreviations, old names."""

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("wilayah")
    )
    name = models.CharField(max_length=100, verbose_name=_("nama"))
    kind = models.CharField(max_length=30, blank=True, verbose_name=_("jenis"))

    class Meta:
        verbose_name = pgettext_lazy("satu", "alias wilayah")
        verbose_name_plural = pgettext_lazy("jamak", "alias wilayah")
        ordering = ["region", "name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="region_alias_unique"),
        ]

    def __str__(self):
        return self.name


class Outlet(models.Model):
    """A news site or paper, named as it credits itself in its texts."""

    name = models.CharField(max_length=120, verbose_name=_("nama"))
    slug = models.SlugField(max_length=120, unique=True, verbose_name=_("slug"))
    domain = models.CharField(max_length=200, blank=True, verbose_name=_("domain"))

    class Meta:
        verbose_name = pgettext_lazy("satu", "media")
        verbose_name_plural = pgettext_lazy("jamak", "media")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("outlet", args=[self.slug])


class ImportBatch(models.Model):
    """One run of import_articles: what was read and what became of each file."""

    started_at = models.DateTimeField(auto_now_add=True, verbose_name=_("mulai"))
    finished_at = models.DateTimeField(null=True, blank=True, verbose_name=_("selesai"))
    paths = models.JSONField(default=list)
    created = models.PositiveIntegerField(default=0, verbose_name=_("baru"))
    updated = models.PositiveIntegerField(default=0, verbose_name=_("diperbarui"))
    unchanged = models.PositiveIntegerField(default=0, verbose_name=_("tidak berubah"))
    failed = models.PositiveIntegerField(default=0, verbose_name=_("gagal"))
    errors = models.JSONField(default=list, help_text='[{"file": ..., "reason": ...}]')

    class Meta:
        verbose_name = pgettext_lazy("satu", "impor")
        verbose_name_plural = pgettext_lazy("jamak", "impor")
        ordering = ["-started_at"]

    def __str__(self):
        return f"Import {self.started_at:%Y-%m-%d %H:%M}"


# Newest first by browse date, then time; undated articles last.
NEWEST_FIRST = (F("dated_on").desc(nulls_last=True), F("published_at").desc(nulls_last=True), "-pk")


class ArticleQuerySet(models.QuerySet):
    def dated(self):
        """Articles with a browse date: the stated publication date, or the date their lead reports."""
        return self.filter(dated_on__isnull=False)

    def undated(self):
        return self.filter(dated_on__isnull=True)

    def in_region(self, region):
        """Articles tagged (and not rejected) with the region or, for a province, any of its cities."""
        # region IN (the scope), not region = X OR region.parent = X: an OR across the join cannot use
        # the tags' region index and scans every region tag (docs/benchmarks.md, region pages).
        scope = Region.objects.with_descendants(region).values("pk")
        tags = RegionTag.objects.live().filter(region__in=scope)
        return self.filter(pk__in=tags.values("article_id"))

    def mentioning(self, person):
        return self.filter(pk__in=PersonTag.objects.live().filter(person=person).values("article_id"))

    def about_organization(self, organization):
        return self.filter(
            pk__in=OrganizationTag.objects.live().filter(organization=organization).values("article_id")
        )

    def about_event(self, event):
        return self.filter(pk__in=EventTag.objects.live().filter(event=event).values("article_id"))

    def about_contest(self, contest):
        """Articles with a live tag on any pair running in the contest."""
        return self.filter(pk__in=PairTag.objects.live().filter(pair__contest=contest).values("article_id"))

    def on_date(self, day):
        return self.filter(dated_on=day)

    def dated_between(self, start, end):
        """From `start` up to, not including, `end`: a range the date index serves."""
        return self.filter(dated_on__gte=start, dated_on__lt=end)

    def newest_first(self):
        # NULLS LAST on both databases: PostgreSQL would otherwise list undated articles first.
        return self.order_by(*NEWEST_FIRST)

    def for_listing(self, body=False):
        """What an article list shows besides the title: outlet and dateline region. Never the raw
        bytes, and the body only when asked for (feeds quote its first paragraph)."""
        return self.select_related("outlet", "dateline_region").defer("raw", *([] if body else ["body"]))

    def confirmed_first_for(self, person):
        """Articles mentioning the person, those with an editor-confirmed tag first (person page)."""
        confirmed = PersonTag.objects.confirmed().filter(article=OuterRef("pk"), person=person)
        return (
            self.mentioning(person)
            .annotate(confirmed=Exists(confirmed))
            .order_by("-confirmed", *NEWEST_FIRST)
        )

    def counts_by(self, period):
        """Counter {period of the date: n} of the dated articles; `period(day)` is e.g. its year.

        Grouped on the date itself, which the date index holds, and folded in Python: SQLite runs
        Django's Trunc and Extract as a Python function per row."""
        counts = Counter()
        for day, n in self.dated().order_by().values_list("dated_on").annotate(n=Count("pk")):
            counts[period(day)] += n
        return counts

    def daily_counts(self):
        """[(day, n), …] oldest first: the data behind the attention charts."""
        return sorted(self.counts_by(lambda day: day).items())


class DateSource(models.TextChoices):
    """Where an article's browse date comes from."""

    PUBLISHED = "published", _("tanggal terbit")
    LEAD = "lead", _("perkiraan dari teras berita")


class Article(models.Model):
    """A news text as imported: the raw bytes untouched, and what was read from them."""

    title = models.CharField(max_length=500, verbose_name=_("judul"))
    body = models.TextField(
        help_text=_("Isi bersih: paragraf dipisahkan baris kosong"), verbose_name=_("isi")
    )
    raw = models.BinaryField(help_text=_("Berkas persis seperti diimpor, byte demi byte"))
    encoding = models.CharField(max_length=20, default="utf-8")
    content_hash = models.CharField(max_length=64, unique=True, help_text=_("SHA-256 dari teksnya"))
    # Identity: the same (source, source_path) again is the same document, in a new version or not.
    source = models.CharField(
        max_length=200, help_text=_("Asal berkas: import --source, atau nama folder yang diimpor")
    )
    source_path = models.CharField(
        max_length=1000, help_text=_("Jalur berkas di dalam sumbernya, folder dipisahkan /")
    )
    source_file = models.CharField(max_length=255, db_index=True, help_text=_("Nama berkas yang diimpor"))
    source_url = models.URLField(max_length=1000, blank=True, verbose_name=_("URL sumber"))
    published_on = models.DateField(
        null=True, blank=True, help_text=_("Tanggal yang tertulis di teks"), verbose_name=_("tanggal terbit")
    )
    published_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Bila jam disebutkan"), verbose_name=_("waktu terbit")
    )
    published_zone = models.CharField(
        max_length=4, blank=True, help_text=_("WIB, WITA atau WIT, seperti tertulis")
    )
    # Every archive page, facet and filter goes by this date, so undated texts can still be browsed.
    dated_on = models.DateField(
        null=True,
        blank=True,
        help_text=_("Tanggal jelajah: tanggal yang tertulis, atau tanggal yang disebut teras berita"),
    )
    date_source = models.CharField(max_length=10, choices=DateSource, blank=True)
    dateline = models.CharField(max_length=100, blank=True)
    dateline_region = models.ForeignKey(
        Region,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("wilayah dateline"),
    )
    outlet = models.ForeignKey(
        Outlet,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        verbose_name=_("media"),
    )
    credits = models.JSONField(default=dict, blank=True, help_text=_("Kredit wartawan, editor, foto"))
    event_dates = models.JSONField(default=list, blank=True)
    batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("dibuat"))
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = pgettext_lazy("satu", "artikel")
        verbose_name_plural = pgettext_lazy("jamak", "artikel")
        ordering = ["-dated_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["source", "source_path"], name="article_source_identity"),
        ]
        indexes = [
            # date archive pages and "newest first" lists
            models.Index(fields=["dated_on"], name="article_dated_on"),
            # incremental update_index --age
            models.Index(fields=["updated_at"], name="article_updated_at"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # A stated date is always the browse date, also when an editor corrects it in the admin.
        if self.published_on:
            self.dated_on, self.date_source = self.published_on, DateSource.PUBLISHED
        elif self.date_source == DateSource.PUBLISHED:
            self.dated_on, self.date_source = None, ""
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("article", args=[self.pk])

    @property
    def has_headline(self):
        """False when the text had no headline and the title is its opening words (fallback_title):
        a citation then says "tanpa judul" rather than present them as a title."""
        return bool(self.title) and self.title != fallback_title(self.body)[:500]

    @property
    def cited_source(self):
        """Who published it, for a citation: the outlet, else the domain of the source address."""
        if self.outlet_id:
            return self.outlet.name
        host = urlsplit(self.source_url or "").hostname or ""
        return host.removeprefix("www.")

    def set_dates(self, moment, has_time, lead_date):
        """The date the text states, its time kept in the zone printed; else, to browse by, the date
        its lead reports (marked as estimated)."""
        self.published_on = moment.date() if moment else None
        self.published_at = moment if moment and has_time else None
        self.published_zone = zone_name(moment) if self.published_at else ""
        self.dated_on, self.date_source = (lead_date, DateSource.LEAD) if lead_date else (None, "")

    @property
    def date_estimated(self):
        return self.date_source == DateSource.LEAD

    @property
    def published_local(self):
        """The publication moment in the zone it was printed in: 14.20 WITA stays 14.20, not 13.20 WIB."""
        if self.published_at is None:
            return None
        return self.published_at.astimezone(zone_of(self.published_zone))

    @property
    def moment(self):
        """When the article appeared, for sorting and feeds: the printed time in its zone, else its
        browse date at midnight in the site's zone; None when undated."""
        if self.published_at:
            return self.published_local
        if self.dated_on:
            return local_midnight(self.dated_on)
        return None

    @property
    def raw_text(self):
        return bytes(self.raw).decode(self.encoding, errors="replace")

    @property
    def paragraphs(self):
        return [p for p in self.body.split("\n\n") if p.strip()]

    @property
    def identity(self):
        return f"{self.source}/{self.source_path}"


class ArticleRevision(models.Model):
    """An earlier version of an article's file, kept when a new version replaced it: the raw bytes,
    the text they decoded to, and what was read from them then, tags included."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    raw = models.BinaryField(help_text=_("Berkas persis seperti diimpor saat itu, byte demi byte"))
    encoding = models.CharField(max_length=20, default="utf-8")
    text = models.TextField(help_text=_("Teks yang sudah didekode; content_hash adalah SHA-256-nya"))
    content_hash = models.CharField(max_length=64, help_text=_("SHA-256 dari teksnya"))
    title = models.CharField(max_length=500)
    published_on = models.DateField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    tags = models.JSONField(default=dict, blank=True, help_text=_("Tag seperti saat itu, dengan statusnya"))
    batch = models.ForeignKey(
        ImportBatch,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Impor yang membawa versi ini"),
    )
    imported_at = models.DateTimeField(help_text=_("Kapan versi ini diimpor"))
    created_at = models.DateTimeField(
        auto_now_add=True, help_text=_("Kapan versi yang lebih baru menggantikannya")
    )

    class Meta:
        verbose_name = pgettext_lazy("satu", "versi artikel")
        verbose_name_plural = pgettext_lazy("jamak", "versi artikel")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.title} ({self.imported_at:%Y-%m-%d %H:%M})"

    @property
    def raw_text(self):
        return bytes(self.raw).decode(self.encoding, errors="replace")


class PersonQuerySet(models.QuerySet):
    def active(self):
        """People who have not been merged into another record."""
        return self.filter(merged_into__isnull=True)

    def in_region(self, region):
        """People with a position in the region or, for a province, in any of its cities."""
        scope = Region.objects.with_descendants(region).values("pk")
        return self.filter(pk__in=Position.objects.filter(region__in=scope).values("person_id"))

    def with_article_counts(self):
        """Annotate `article_count`: distinct articles with a live tag on the person."""
        return self.annotate(
            article_count=PersonTag.objects.filter(person=OuterRef("pk")).live_article_count()
        )

    def most_mentioned(self, limit):
        """The `limit` people of this queryset named in the most articles (live tags), most first,
        each with `article_count`: one grouped query over the tags rather than a count per person."""
        tags = PersonTag.objects.filter(person__in=self.values("pk"))
        top = list(tags.live_article_counts("person_id").order_by("-n", "key")[:limit])
        people = self.in_bulk([pk for pk, _n in top])
        ranked = []
        for pk, n in top:
            if pk in people:
                people[pk].article_count = n
                ranked.append(people[pk])
        return sorted(ranked, key=lambda p: (-p.article_count, p.name))


class Person(models.Model):
    """Somebody the news names: an official, a candidate, an election worker."""

    name = models.CharField(max_length=200, verbose_name=_("nama"))
    slug = models.SlugField(max_length=200, unique=True, verbose_name=_("slug"))
    honorifics = models.JSONField(
        default=list,
        blank=True,
        help_text=_("Seperti tertulis, satu gelar per baris: H., Dr."),
        verbose_name=_("gelar"),
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
        help_text=_("Diisi bila redaksi menggabungkan tokoh ini ke tokoh lain; alamatnya dialihkan ke sana."),
        verbose_name=_("digabung ke"),
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = pgettext_lazy("satu", "tokoh")
        verbose_name_plural = pgettext_lazy("jamak", "tokoh")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("person", args=[self.slug])

    @property
    def survivor(self):
        """The record a merge kept for this person: itself when never merged, else the end of the
        `merged_into` chain. Pages link to it, feeds and search filter by it, and
        select_related("merged_into") makes the usual single step free (a merge never leaves a longer
        chain). Should the chain ever loop, every record on the loop names the same one, the oldest,
        so that their pages do not redirect to each other for ever."""
        chain = [self]
        while chain[-1].merged_into_id:
            pks = [p.pk for p in chain]
            if chain[-1].merged_into_id in pks:
                return min(chain[pks.index(chain[-1].merged_into_id) :], key=lambda p: p.pk)
            chain.append(chain[-1].merged_into)
        return chain[-1]

    def keep_old_slug(self, old_slug):
        """After a rename changed the slug: the old address redirects here, and the new one is no
        longer anybody's old address."""
        PersonSlug.objects.filter(slug=self.slug).delete()
        if old_slug and old_slug != self.slug:
            PersonSlug.objects.update_or_create(slug=old_slug, defaults={"person": self})

    @staticmethod
    def fullest_named(people):
        """The one whose name says most (most words, then most letters): what a merge keeps by default,
        so "Qomaru Zaman" wins over "Qomaru"."""
        return max(people, key=lambda p: (len(p.name.split()), len(p.name), -p.pk), default=None)

    @property
    def other_names(self):
        """Aliases other than the name itself (uses the prefetched aliases when there are any)."""
        return [a for a in self.aliases.all() if a.name.casefold() != self.name.casefold()]


class PersonSlug(models.Model):
    """An address a person's page had before a rename: it redirects to the page as it is now."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="old_slugs", verbose_name=_("tokoh")
    )
    slug = models.SlugField(max_length=200, unique=True, verbose_name=_("slug lama"))

    class Meta:
        verbose_name = pgettext_lazy("satu", "alamat lama tokoh")
        verbose_name_plural = pgettext_lazy("jamak", "alamat lama tokoh")
        ordering = ["slug"]

    def __str__(self):
        return self.slug


class PersonAlias(models.Model):
    """Another form of a person's name seen in the news; `key` is what name matching compares."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("tokoh")
    )
    name = models.CharField(max_length=200, verbose_name=_("nama"))
    key = models.CharField(max_length=200, db_index=True)

    class Meta:
        verbose_name = pgettext_lazy("satu", "alias tokoh")
        verbose_name_plural = pgettext_lazy("jamak", "alias tokoh")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["person", "key"], name="person_alias_unique"),
        ]

    def __str__(self):
        return self.name


class OrganizationKind(models.TextChoices):
    ELECTION_BODY = "election_body", _("Penyelenggara pemilu")
    GOVERNMENT = "government", _("Pemerintahan")
    SECURITY = "security", _("Keamanan")
    PARTY = "party", _("Partai politik")
    OTHER = "other", _("Lainnya")


class OrganizationQuerySet(models.QuerySet):
    def with_article_counts(self):
        """Annotate `article_count`: distinct articles with a live tag on the organisation."""
        return self.annotate(
            article_count=OrganizationTag.objects.filter(organization=OuterRef("pk")).live_article_count()
        )


class Organization(models.Model):
    """An institution: KPU, Bawaslu, DKPP, a regional government office, a party …"""

    name = models.CharField(
        max_length=200, unique=True, help_text=_("Dinormalkan: Bawaslu Kota Metro"), verbose_name=_("nama")
    )
    slug = models.SlugField(max_length=200, unique=True, verbose_name=_("slug"))
    acronym = models.CharField(max_length=50, blank=True, verbose_name=_("singkatan"))
    kind = models.CharField(max_length=20, choices=OrganizationKind, default="other", verbose_name=_("jenis"))
    region = models.ForeignKey(
        Region,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organizations",
        verbose_name=_("wilayah"),
    )

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = pgettext_lazy("satu", "lembaga")
        verbose_name_plural = pgettext_lazy("jamak", "lembaga")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organization", args=[self.slug])


class PositionQuerySet(models.QuerySet):
    def by_mentions(self):
        """The most-mentioned holders first (articles with a live tag on the person), then by role:
        the officials of a region page."""
        mentions = PersonTag.objects.filter(person=OuterRef("person_id")).live_article_count()
        return self.annotate(mentions=mentions).order_by("-mentions", "person__name", "role", "pk")

    def supported(self):
        """The positions still backed by the news, as a list: an editor's own (no source article), or
        one a live mention of the person in that role supports. Rejecting the only mention that gave
        someone a position hides it; confirming or restoring a mention brings it back."""
        positions = list(self)
        live_roles = PersonTag.objects.live().filter(person_id__in={p.person_id for p in positions})
        backed = {
            (person_id, role_key(role)) for person_id, role in live_roles.values_list("person_id", "role")
        }
        return [
            p for p in positions if p.source_article_id is None or (p.person_id, role_key(p.role)) in backed
        ]


class Position(models.Model):
    """A person holding a role, as seen in the news; each sighting extends first/last seen."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="positions", verbose_name=_("tokoh")
    )
    role = models.CharField(
        max_length=200,
        help_text=_("Seperti tertulis: Wakil Wali Kota, Ketua Bawaslu"),
        verbose_name=_("jabatan"),
    )
    region = models.ForeignKey(
        Region,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="positions",
        verbose_name=_("wilayah"),
    )
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="positions",
        verbose_name=_("lembaga"),
    )
    started_on = models.DateField(null=True, blank=True, verbose_name=_("mulai menjabat"))
    ended_on = models.DateField(null=True, blank=True, verbose_name=_("selesai menjabat"))
    first_seen_on = models.DateField(null=True, blank=True, verbose_name=_("pertama diberitakan"))
    last_seen_on = models.DateField(null=True, blank=True, verbose_name=_("terakhir diberitakan"))
    source_article = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="positions_seen",
        verbose_name=_("artikel sumber"),
    )

    objects = PositionQuerySet.as_manager()

    class Meta:
        verbose_name = pgettext_lazy("satu", "jabatan")
        verbose_name_plural = pgettext_lazy("jamak", "jabatan")
        ordering = ["person", "-last_seen_on", "role"]
        indexes = [
            # officials on a region page
            models.Index(fields=["region", "person"], name="position_region_person"),
        ]

    def __str__(self):
        where = self.region or self.organization
        return f"{self.person}: {self.role}" + (f" ({where})" if where else "")


class EventKind(models.TextChoices):
    MEETING = "meeting", _("Rapat")
    CAMPAIGN = "campaign", _("Kampanye")
    DEBATE = "debate", _("Debat")
    REGISTRATION = "registration", _("Pendaftaran")
    DRAW = "draw", _("Pengundian nomor urut")
    VOTE = "vote", _("Pemungutan suara")
    COUNT = "count", _("Rekapitulasi")
    INAUGURATION = "inauguration", _("Pelantikan")
    DECLARATION = "declaration", _("Deklarasi")
    SOCIALIZATION = "socialization", _("Sosialisasi")
    OTHER = "other", _("Lainnya")


class EventQuerySet(models.QuerySet):
    def with_article_counts(self):
        """Annotate `article_count`: distinct articles with a live tag on the event."""
        return self.annotate(article_count=EventTag.objects.filter(event=OuterRef("pk")).live_article_count())


class Event(models.Model):
    """Something that happened on a day somewhere: a meeting, a draw, a debate, the vote."""

    name = models.CharField(max_length=300, verbose_name=_("nama"))
    slug = models.SlugField(max_length=200, unique=True, verbose_name=_("slug"))
    kind = models.CharField(max_length=20, choices=EventKind, default="other", verbose_name=_("jenis"))
    date = models.DateField(null=True, blank=True, verbose_name=_("tanggal"))
    place = models.CharField(max_length=200, blank=True, verbose_name=_("tempat"))
    region = models.ForeignKey(
        Region,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("wilayah"),
    )
    participants = models.ManyToManyField(
        Person, blank=True, related_name="events", verbose_name=_("peserta")
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = pgettext_lazy("satu", "peristiwa")
        verbose_name_plural = pgettext_lazy("jamak", "peristiwa")
        ordering = ["-date", "name"]
        constraints = [
            # two articles about the same event point at one Event
            models.UniqueConstraint(fields=["name", "date"], name="event_name_date_unique"),
        ]

    def __str__(self):
        return f"{self.name} ({self.date:%Y-%m-%d})" if self.date else self.name

    def get_absolute_url(self):
        return reverse("event", args=[self.slug])


class TagStatus(models.TextChoices):
    SUGGESTED = "suggested", _("Disarankan")
    CONFIRMED = "confirmed", _("Dikonfirmasi")
    REJECTED = "rejected", _("Ditolak")


class TagQuerySet(models.QuerySet):
    def live(self):
        """Tags the public sees: suggested or confirmed, never rejected."""
        return self.exclude(status=TagStatus.REJECTED)

    def live_article_count(self):
        """As an annotation: how many articles these tags put the entity in, counting live tags only
        (0 when none). Filter on OuterRef first: `PersonTag.objects.filter(person=OuterRef("pk"))`.
        Every "n artikel" beside an entity is this number."""
        counts = (
            self.live()
            .order_by()
            .annotate(one=Value(1))
            .values("one")
            .annotate(n=Count("article_id", distinct=True))
            .values("n")
        )
        return Coalesce(Subquery(counts, output_field=IntegerField()), 0)

    def live_article_counts(self, by):
        """The same number for many entities in one grouped query: (key, n) rows, where `by` is the
        field or expression of the tag to group on (`"person_id"`); order and slice them on "n"."""
        rows = self.live().order_by().annotate(key=F(by) if isinstance(by, str) else by)
        return rows.values("key").annotate(n=Count("article_id", distinct=True)).values_list("key", "n")

    def confirmed(self):
        return self.filter(status=TagStatus.CONFIRMED)

    def suggested(self):
        return self.filter(status=TagStatus.SUGGESTED)

    def rejected(self):
        return self.filter(status=TagStatus.REJECTED)

    def with_entities(self):
        """Each tag with its entity and what the entity is shown with, joined in the same query."""
        return self.select_related(self.model.ENTITY, *self.model.SHOWN_WITH)

    def listed(self, *first):
        """In the order an article lists its tags of this kind (after `first`, e.g. "status")."""
        return self.with_entities().order_by(*first, *self.model.LISTED_BY)


class RegionTagQuerySet(TagQuerySet):
    def article_counts_by_region(self):
        """{region id: articles with a live tag on the region or, for a province, on any of its
        kabupaten/kota}: every region's count in two grouped queries over the tags."""
        counts = dict(self.live_article_counts("region_id"))
        counts.update(self.live_article_counts(province_of("region")))
        return counts


class Tag(models.Model):
    """An entity seen in an article, with the importer's confidence and the editor's verdict.

    Rejected tags are kept rather than deleted so that a re-import cannot bring them back.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, verbose_name=_("artikel"))
    status = models.CharField(
        max_length=10,
        choices=TagStatus,
        default=TagStatus.SUGGESTED,
        db_index=True,
        verbose_name=_("status"),
    )
    confidence = models.FloatField(default=0.5, verbose_name=_("keyakinan"))
    evidence = models.CharField(max_length=500, blank=True, verbose_name=_("bukti"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("dibuat"))
    reviewed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("ditinjau pada"))
    reviewed_by = models.ForeignKey(
        "auth.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("ditinjau oleh"),
    )

    # Each kind names its entity's field, what showing the entity needs besides (for joins), and
    # the order an article lists its tags of that kind in.
    ENTITY = ""
    SHOWN_WITH = ()
    LISTED_BY = ()

    objects = TagQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-confidence"]

    def __str__(self):
        return f"{getattr(self, self.ENTITY)} in {self.article_id}"

    @property
    def is_confirmed(self):
        return self.status == TagStatus.CONFIRMED


class RegionTag(Tag):
    ENTITY = "region"
    SHOWN_WITH = ("region__parent",)
    LISTED_BY = ("region__code",)
    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="tags", verbose_name=_("wilayah")
    )

    objects = RegionTagQuerySet.as_manager()

    class Meta(Tag.Meta):
        verbose_name = pgettext_lazy("satu", "tag wilayah")
        verbose_name_plural = pgettext_lazy("jamak", "tag wilayah")
        default_related_name = "region_tags"
        constraints = [
            models.UniqueConstraint(fields=["article", "region"], name="region_tag_unique"),
        ]
        indexes = [
            # Covers the per-region article counts and lists: read from the index alone, never the rows.
            models.Index(fields=["region", "status", "article"], name="region_tag_live_articles"),
        ]


class PersonTag(Tag):
    ENTITY = "person"
    SHOWN_WITH = ("person__merged_into",)
    LISTED_BY = ("person__name", "pk")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="tags", verbose_name=_("tokoh"))
    role = models.CharField(
        max_length=200, blank=True, help_text=_("Jabatan yang disebut artikel ini"), verbose_name=_("jabatan")
    )

    class Meta(Tag.Meta):
        verbose_name = pgettext_lazy("satu", "tag tokoh")
        verbose_name_plural = pgettext_lazy("jamak", "tag tokoh")
        default_related_name = "person_tags"
        constraints = [
            models.UniqueConstraint(fields=["article", "person"], name="person_tag_unique"),
        ]
        indexes = [
            # Covers the per-person article counts and lists: read from the index alone, never the rows.
            models.Index(fields=["person", "status", "article"], name="person_tag_live_articles"),
        ]


class OrganizationTag(Tag):
    ENTITY = "organization"
    LISTED_BY = ("organization__name", "pk")
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="tags", verbose_name=_("lembaga")
    )

    class Meta(Tag.Meta):
        verbose_name = pgettext_lazy("satu", "tag lembaga")
        verbose_name_plural = pgettext_lazy("jamak", "tag lembaga")
        default_related_name = "organization_tags"
        constraints = [
            models.UniqueConstraint(fields=["article", "organization"], name="organization_tag_unique"),
        ]


class EventTag(Tag):
    ENTITY = "event"
    LISTED_BY = ("event__name", "pk")
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="tags", verbose_name=_("peristiwa")
    )

    class Meta(Tag.Meta):
        verbose_name = pgettext_lazy("satu", "tag peristiwa")
        verbose_name_plural = pgettext_lazy("jamak", "tag peristiwa")
        default_related_name = "event_tags"
        constraints = [
            models.UniqueConstraint(fields=["article", "event"], name="event_tag_unique"),
        ]


class PairTag(Tag):
    ENTITY = "pair"
    SHOWN_WITH = ("pair__head", "pair__deputy", "pair__contest__region")
    LISTED_BY = (
        # NULLS LAST on both databases: pairs without a contest or number come last
        F("pair__contest__region__code").asc(nulls_last=True),
        F("pair__number").asc(nulls_last=True),
        "pair__head__name",
        "pair_id",
    )
    pair = models.ForeignKey(
        "CandidatePair", on_delete=models.CASCADE, related_name="tags", verbose_name=_("paslon")
    )

    class Meta(Tag.Meta):
        verbose_name = pgettext_lazy("satu", "tag paslon")
        verbose_name_plural = pgettext_lazy("jamak", "tag paslon")
        default_related_name = "pair_tags"
        constraints = [
            models.UniqueConstraint(fields=["article", "pair"], name="pair_tag_unique"),
        ]
        indexes = [
            # per-pair and per-contest article counts and lists (contest pages, /pilkada/)
            models.Index(fields=["pair", "status", "article"], name="pair_tag_live_articles"),
        ]


TAG_MODELS = (RegionTag, PersonTag, OrganizationTag, EventTag, PairTag)


# Pilkada 2024: contests and candidate pairs ------------------------------------------------------

ELECTION_DAY = date(2024, 11, 27)
# The KPU's stages of the 2024 Pilkada that coverage follows: (label, first day, last day or None)
KPU_SCHEDULE = [
    (_("Pendaftaran"), date(2024, 8, 27), date(2024, 8, 29)),
    (_("Penetapan paslon"), date(2024, 9, 22), None),
    (_("Pengundian nomor urut"), date(2024, 9, 23), None),
    (_("Kampanye"), date(2024, 9, 25), date(2024, 11, 23)),
    (_("Pemungutan suara"), ELECTION_DAY, None),
]


class Office(models.TextChoices):
    GUBERNUR = "gubernur", _("Gubernur")
    BUPATI = "bupati", _("Bupati")
    WALI_KOTA = "wali_kota", _("Wali Kota")

    @classmethod
    def from_text(cls, text):
        """The office as the extraction writes it ("wali kota"); None when it is not one of ours."""
        value = (text or "").strip().casefold().replace(" ", "_")
        return value if value in cls.values else None


class ContestQuerySet(models.QuerySet):
    def for_region(self, region):
        return self.filter(region=region)

    def of_office(self, office):
        return self.filter(office=office)

    def single_pair(self):
        """Races with one pair against the empty box (kotak kosong)."""
        return self.filter(single_pair=True)

    def with_counts(self):
        """Annotate `pair_count` and `article_count` (distinct articles with a live pair tag)."""
        pairs = CandidatePair.objects.filter(contest=OuterRef("pk")).order_by().values("contest")
        return self.annotate(
            pair_count=Coalesce(
                Subquery(pairs.annotate(n=Count("pk")).values("n"), output_field=IntegerField()), 0
            ),
            article_count=PairTag.objects.filter(pair__contest=OuterRef("pk")).live_article_count(),
        )


class Contest(models.Model):
    """One race of the 27 November 2024 Pilkada: a governor, regent or mayor for one region."""

    region = models.OneToOneField(
        Region, on_delete=models.CASCADE, related_name="contest", verbose_name=_("wilayah")
    )
    office = models.CharField(max_length=10, choices=Office, verbose_name=_("jabatan"))
    election_date = models.DateField(default=ELECTION_DAY, verbose_name=_("tanggal pemilihan"))
    single_pair = models.BooleanField(
        default=False,
        help_text=_("Satu paslon melawan kotak kosong"),
        verbose_name=_("calon tunggal"),
    )
    winner = models.ForeignKey(
        "CandidatePair",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("pemenang"),
    )

    objects = ContestQuerySet.as_manager()

    class Meta:
        verbose_name = pgettext_lazy("satu", "pemilihan")
        verbose_name_plural = pgettext_lazy("jamak", "pemilihan")
        ordering = ["region__code"]

    def __str__(self):
        return f"Pilkada {self.region.name} ({self.get_office_display()})"

    def get_absolute_url(self):
        return reverse("contest", args=[self.region.slug])

    def weekly_coverage(self):
        """{pair id: [(monday, n), …]}: each pair's dated articles per week (by browse date, as every
        other chart), in one query."""
        rows = (
            PairTag.objects.live()
            .filter(pair__contest=self, article__dated_on__isnull=False)
            .order_by()
            .values_list("pair_id", "article__dated_on")
            .annotate(n=Count("article_id", distinct=True))
        )
        weeks = {}
        for pair_id, day, n in rows:
            by_week = weeks.setdefault(pair_id, Counter())
            by_week[week_start(day)] += n
        return {pair_id: sorted(by_week.items()) for pair_id, by_week in weeks.items()}


class Stage(models.TextChoices):
    BAKAL_CALON = "bakal_calon", _("Bakal calon")
    CALON = "calon", _("Calon")
    TERPILIH = "terpilih", _("Terpilih")
    GUGUR = "gugur", _("Gugur")

    @classmethod
    def from_text(cls, text):
        """The stage as the extraction writes it ("bakal calon"); None when it is not one of ours."""
        value = (text or "").strip().casefold().replace(" ", "_")
        return value if value in cls.values else None


# A pair only moves forward: bakal calon → calon → terpilih or gugur, never back (an editor may).
STAGE_RANK = {"": 0, Stage.BAKAL_CALON: 1, Stage.CALON: 2, Stage.TERPILIH: 3, Stage.GUGUR: 3}
BALLOT_NUMBERS = range(1, 11)


class CandidatePairQuerySet(models.QuerySet):
    def in_contest(self, contest):
        return self.filter(contest=contest)

    def for_person(self, person):
        """Pairs the person ran in, as head or as deputy."""
        return self.filter(Q(head=person) | Q(deputy=person))

    def ballot_order(self):
        """By ballot number; pairs without one yet last, by name."""
        return self.order_by(F("number").asc(nulls_last=True), "head__name", "pk")

    def matching(self, contest, head, deputy=None):
        """The pairs a mention of `head` (and `deputy`) in `contest` could be: the same people in
        either order, and a pair whose deputy is not known yet. Best match first."""
        same = Q(head=head)
        if deputy is not None:
            same = Q(head=head, deputy=deputy) | Q(head=head, deputy=None) | Q(head=deputy, deputy=head)
        return self.filter(same, contest=contest).order_by(F("deputy").asc(nulls_last=True), "pk")

    def with_article_counts(self):
        """Annotate `article_count`: distinct articles with a live tag on the pair."""
        return self.annotate(article_count=PairTag.objects.filter(pair=OuterRef("pk")).live_article_count())

    def for_listing(self):
        return self.select_related(
            "contest__region", "head__merged_into", "deputy__merged_into"
        ).prefetch_related("parties")


class CandidatePair(models.Model):
    """A head and a deputy running together (paslon). Without a contest when no text said which
    race it is: a suggestion kept apart rather than attached to a wrong race."""

    contest = models.ForeignKey(
        Contest,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pairs",
        verbose_name=_("pemilihan"),
    )
    number = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("Nomor urut di surat suara"), verbose_name=_("nomor urut")
    )
    number_confirmed = models.BooleanField(
        default=False,
        help_text=_("Diisi redaksi: importer tidak pernah mengubah nomor yang dikonfirmasi"),
        verbose_name=_("nomor urut dikonfirmasi"),
    )
    head = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="pairs_headed", verbose_name=_("calon kepala daerah")
    )
    deputy = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="pairs_deputised",
        verbose_name=_("calon wakil"),
    )
    stage = models.CharField(max_length=12, choices=Stage, blank=True, verbose_name=_("tahapan"))
    # the first article reporting each stage, by its publication date
    bakal_calon_on = models.DateField(null=True, blank=True)
    calon_on = models.DateField(null=True, blank=True)
    terpilih_on = models.DateField(null=True, blank=True)
    gugur_on = models.DateField(null=True, blank=True)
    parties = models.ManyToManyField(
        Organization,
        blank=True,
        related_name="supported_pairs",
        limit_choices_to={"kind": OrganizationKind.PARTY},
        verbose_name=_("partai pengusung"),
    )
    independent = models.BooleanField(
        default=False, help_text=_("Perseorangan: tanpa dukungan partai"), verbose_name=_("perseorangan")
    )
    first_seen_on = models.DateField(null=True, blank=True, verbose_name=_("pertama diberitakan"))
    last_seen_on = models.DateField(null=True, blank=True, verbose_name=_("terakhir diberitakan"))
    slug = models.SlugField(max_length=200, unique=True, verbose_name=_("slug"))

    objects = CandidatePairQuerySet.as_manager()

    class Meta:
        verbose_name = pgettext_lazy("satu", "pasangan calon")
        verbose_name_plural = pgettext_lazy("jamak", "pasangan calon")
        ordering = ["contest", F("number").asc(nulls_last=True), "pk"]
        constraints = [
            models.CheckConstraint(
                name="pair_number_1_to_10",
                condition=Q(number__isnull=True) | Q(number__gte=1, number__lte=10),
            ),
        ]

    def __str__(self):
        names = f"{self.head.name} – {self.deputy.name}" if self.deputy_id else self.head.name
        return f"{self.number}. {names}" if self.number else names

    def get_absolute_url(self):
        if self.contest_id:
            return f"{self.contest.get_absolute_url()}#paslon-{self.pk}"
        return self.head.get_absolute_url()

    @staticmethod
    def fullest(pairs):
        """The one that says most (a deputy, a race, a number, then the longest names): what a
        merge keeps by default."""
        return max(
            pairs,
            key=lambda p: (
                p.deputy_id is not None,
                p.contest_id is not None,
                p.number is not None,
                len(str(p)),
                -p.pk,
            ),
            default=None,
        )

    @property
    def office(self):
        return self.contest.office if self.contest_id else ""

    def stage_dates(self):
        """[(stage, label, date first reported)] for the stages some article reported."""
        return [
            (stage, label, getattr(self, f"{stage}_on"))
            for stage, label in Stage.choices
            if getattr(self, f"{stage}_on")
        ]

    def take_number(self, number):
        """Fill in the ballot number from an article; True when it changed. Never a number outside
        1–10, never over an editor's, and never one that contradicts the number already known."""
        if number not in BALLOT_NUMBERS or self.number_confirmed or self.number is not None:
            return False
        self.number = number
        return True

    def take_stage(self, stage, reported_on):
        """Record a stage an article reports: its first-reported date, and the pair's stage when the
        article moves it forward. True when something changed."""
        changed = False
        field = f"{stage}_on"
        if reported_on and (getattr(self, field) is None or reported_on < getattr(self, field)):
            setattr(self, field, reported_on)
            changed = True
        if STAGE_RANK[stage] > STAGE_RANK[self.stage]:
            self.stage = stage
            changed = True
        return changed

    def seen(self, day):
        """Extend first/last seen to `day`; True when it changed."""
        if day is None:
            return False
        changed = False
        if self.first_seen_on is None or day < self.first_seen_on:
            self.first_seen_on, changed = day, True
        if self.last_seen_on is None or day > self.last_seen_on:
            self.last_seen_on, changed = day, True
        return changed


class IndexChangeQuerySet(models.QuerySet):
    def due(self, now):
        """Changes to apply now: new ones, and failed ones whose back-off has passed."""
        return self.filter(next_attempt_at__lte=now)


class IndexChange(models.Model):
    """An article whose search document must be written again: recorded in the same transaction as
    the change that caused it, deleted once the index has it, so a failed or interrupted index write
    is never lost (the search outbox)."""

    article_id = models.PositiveBigIntegerField(help_text="The article to reindex (or remove, if gone)")
    created_at = models.DateTimeField(auto_now_add=True)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    objects = IndexChangeQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("perubahan indeks yang menunggu")
        verbose_name_plural = _("perubahan indeks yang menunggu")
        indexes = [
            # the drain after every commit, and the "results may be behind" notice on the search page
            models.Index(fields=["next_attempt_at"], name="index_change_due"),
        ]

    def __str__(self):
        return f"#{self.article_id} ({self.attempts})"
