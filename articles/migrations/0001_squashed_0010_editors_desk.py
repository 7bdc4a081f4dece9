"""The archive's schema and the data it starts with: the 38 provinces and 514 kabupaten/kota
(Kepmendagri 300.2.2-2138/2025) with their aliases, one contest for each of the 545 regions that voted
on 27 November 2024, and the "Editor" group.

It replaces migrations 0001-0010. A database that applied all of them records this one as applied;
one that stopped partway through them is refused by the check in articles/checks.py.
"""

import datetime

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models
from django.utils.text import slugify

from articles.official_regions import alias_rows, region_rows

OFFICES = {"provinsi": "gubernur", "kabupaten": "bupati", "kota": "wali_kota"}

# Editors review tags and edit people, positions, organisations, events, contests, pairs and article
# metadata; they may not delete articles or manage users.
EDITOR_PERMISSIONS = {
    "article": ["view", "change"],
    "regiontag": ["view", "add", "change"],
    "persontag": ["view", "add", "change"],
    "organizationtag": ["view", "add", "change"],
    "eventtag": ["view", "add", "change"],
    "pairtag": ["view", "add", "change"],
    "person": ["view", "add", "change"],
    "personalias": ["view", "add", "change", "delete"],
    "position": ["view", "add", "change", "delete"],
    "organization": ["view", "add", "change"],
    "event": ["view", "add", "change"],
    "outlet": ["view", "add", "change"],
    "contest": ["view", "change"],
    "candidatepair": ["view", "add", "change", "delete"],
    "region": ["view"],
    "regionalias": ["view"],
    "importbatch": ["view"],
}


def load_regions(apps, schema_editor):
    Region = apps.get_model("articles", "Region")
    RegionAlias = apps.get_model("articles", "RegionAlias")
    by_code = {}
    for row in region_rows():  # sorted by code, so each province comes before its members
        by_code[row["code"]] = Region.objects.create(
            code=row["code"],
            name=row["name"],
            level=row["level"],
            parent=None if row["level"] == "provinsi" else by_code[row["province_code"]],
            slug=slugify(row["name"]),
            election=row["election"],
            pilkada_2024=row["pilkada_2024"],
        )
    RegionAlias.objects.bulk_create(
        RegionAlias(region=by_code[row["code"]], name=row["alias"], kind=row["kind"]) for row in alias_rows()
    )


def unload_regions(apps, schema_editor):
    apps.get_model("articles", "RegionAlias").objects.all().delete()
    Region = apps.get_model("articles", "Region")
    Region.objects.exclude(parent=None).delete()
    Region.objects.all().delete()


def load_contests(apps, schema_editor):
    Region = apps.get_model("articles", "Region")
    Contest = apps.get_model("articles", "Contest")
    Contest.objects.bulk_create(
        Contest(region=region, office=OFFICES[region.level])
        for region in Region.objects.filter(pilkada_2024=True).order_by("code")
    )


def unload_contests(apps, schema_editor):
    apps.get_model("articles", "Contest").objects.all().delete()


def create_editor_group(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    app_config = apps.get_app_config("articles")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Editor")
    codenames = [f"{action}_{model}" for model, actions in EDITOR_PERMISSIONS.items() for action in actions]
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
    )


def remove_editor_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editor").delete()


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("articles", "0001_initial"),
        ("articles", "0002_load_regions"),
        ("articles", "0003_editor_group"),
        ("articles", "0004_tag_count_indexes"),
        ("articles", "0005_source_identity"),
        ("articles", "0006_browse_date"),
        ("articles", "0007_contests"),
        ("articles", "0008_load_contests"),
        ("articles", "0009_index_outbox"),
        ("articles", "0010_editors_desk"),
    ]

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="Article",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=500, verbose_name="judul")),
                (
                    "body",
                    models.TextField(
                        help_text="Isi bersih: paragraf dipisahkan baris kosong", verbose_name="isi"
                    ),
                ),
                ("raw", models.BinaryField(help_text="Berkas persis seperti diimpor, byte demi byte")),
                ("encoding", models.CharField(default="utf-8", max_length=20)),
                (
                    "content_hash",
                    models.CharField(help_text="SHA-256 dari teksnya", max_length=64, unique=True),
                ),
                (
                    "source",
                    models.CharField(
                        help_text="Asal berkas: import --source, atau nama folder yang diimpor",
                        max_length=200,
                    ),
                ),
                (
                    "source_path",
                    models.CharField(
                        help_text="Jalur berkas di dalam sumbernya, folder dipisahkan /", max_length=1000
                    ),
                ),
                (
                    "source_file",
                    models.CharField(db_index=True, help_text="Nama berkas yang diimpor", max_length=255),
                ),
                ("source_url", models.URLField(blank=True, max_length=1000, verbose_name="URL sumber")),
                (
                    "published_on",
                    models.DateField(
                        blank=True,
                        help_text="Tanggal yang tertulis di teks",
                        null=True,
                        verbose_name="tanggal terbit",
                    ),
                ),
                (
                    "published_at",
                    models.DateTimeField(
                        blank=True, help_text="Bila jam disebutkan", null=True, verbose_name="waktu terbit"
                    ),
                ),
                (
                    "published_zone",
                    models.CharField(
                        blank=True, help_text="WIB, WITA atau WIT, seperti tertulis", max_length=4
                    ),
                ),
                (
                    "dated_on",
                    models.DateField(
                        blank=True,
                        help_text="Tanggal jelajah: tanggal yang tertulis, atau tanggal yang disebut teras berita",
                        null=True,
                    ),
                ),
                (
                    "date_source",
                    models.CharField(
                        blank=True,
                        choices=[("published", "tanggal terbit"), ("lead", "perkiraan dari teras berita")],
                        max_length=10,
                    ),
                ),
                ("dateline", models.CharField(blank=True, max_length=100)),
                (
                    "credits",
                    models.JSONField(blank=True, default=dict, help_text="Kredit wartawan, editor, foto"),
                ),
                ("event_dates", models.JSONField(blank=True, default=list)),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="dibuat")),
                ("updated_at", models.DateTimeField(auto_now=True)),
            ],
            options={
                "verbose_name": "artikel",
                "verbose_name_plural": "artikel",
                "ordering": ["-dated_on", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="CandidatePair",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "number",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Nomor urut di surat suara",
                        null=True,
                        verbose_name="nomor urut",
                    ),
                ),
                (
                    "number_confirmed",
                    models.BooleanField(
                        default=False,
                        help_text="Diisi redaksi: importer tidak pernah mengubah nomor yang dikonfirmasi",
                        verbose_name="nomor urut dikonfirmasi",
                    ),
                ),
                (
                    "stage",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("bakal_calon", "Bakal calon"),
                            ("calon", "Calon"),
                            ("terpilih", "Terpilih"),
                            ("gugur", "Gugur"),
                        ],
                        max_length=12,
                        verbose_name="tahapan",
                    ),
                ),
                ("bakal_calon_on", models.DateField(blank=True, null=True)),
                ("calon_on", models.DateField(blank=True, null=True)),
                ("terpilih_on", models.DateField(blank=True, null=True)),
                ("gugur_on", models.DateField(blank=True, null=True)),
                (
                    "independent",
                    models.BooleanField(
                        default=False,
                        help_text="Perseorangan: tanpa dukungan partai",
                        verbose_name="perseorangan",
                    ),
                ),
                (
                    "first_seen_on",
                    models.DateField(blank=True, null=True, verbose_name="pertama diberitakan"),
                ),
                (
                    "last_seen_on",
                    models.DateField(blank=True, null=True, verbose_name="terakhir diberitakan"),
                ),
                ("slug", models.SlugField(max_length=200, unique=True, verbose_name="slug")),
            ],
            options={
                "verbose_name": "pasangan calon",
                "verbose_name_plural": "pasangan calon",
                "ordering": ["contest", models.OrderBy(models.F("number"), nulls_last=True), "pk"],
            },
        ),
        migrations.CreateModel(
            name="ImportBatch",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("started_at", models.DateTimeField(auto_now_add=True, verbose_name="mulai")),
                ("finished_at", models.DateTimeField(blank=True, null=True, verbose_name="selesai")),
                ("paths", models.JSONField(default=list)),
                ("created", models.PositiveIntegerField(default=0, verbose_name="baru")),
                ("updated", models.PositiveIntegerField(default=0, verbose_name="diperbarui")),
                ("unchanged", models.PositiveIntegerField(default=0, verbose_name="tidak berubah")),
                ("failed", models.PositiveIntegerField(default=0, verbose_name="gagal")),
                ("errors", models.JSONField(default=list, help_text='[{"file": ..., "reason": ...}]')),
            ],
            options={
                "verbose_name": "impor",
                "verbose_name_plural": "impor",
                "ordering": ["-started_at"],
            },
        ),
        migrations.CreateModel(
            name="Organization",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        help_text="Dinormalkan: Bawaslu Kota Metro",
                        max_length=200,
                        unique=True,
                        verbose_name="nama",
                    ),
                ),
                ("slug", models.SlugField(max_length=200, unique=True, verbose_name="slug")),
                ("acronym", models.CharField(blank=True, max_length=50, verbose_name="singkatan")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("election_body", "Penyelenggara pemilu"),
                            ("government", "Pemerintahan"),
                            ("security", "Keamanan"),
                            ("party", "Partai politik"),
                            ("other", "Lainnya"),
                        ],
                        default="other",
                        max_length=20,
                        verbose_name="jenis",
                    ),
                ),
            ],
            options={
                "verbose_name": "lembaga",
                "verbose_name_plural": "lembaga",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="Outlet",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=120, verbose_name="nama")),
                ("slug", models.SlugField(max_length=120, unique=True, verbose_name="slug")),
                ("domain", models.CharField(blank=True, max_length=200, verbose_name="domain")),
            ],
            options={
                "verbose_name": "media",
                "verbose_name_plural": "media",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="Contest",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "office",
                    models.CharField(
                        choices=[("gubernur", "Gubernur"), ("bupati", "Bupati"), ("wali_kota", "Wali Kota")],
                        max_length=10,
                        verbose_name="jabatan",
                    ),
                ),
                (
                    "election_date",
                    models.DateField(default=datetime.date(2024, 11, 27), verbose_name="tanggal pemilihan"),
                ),
                (
                    "single_pair",
                    models.BooleanField(
                        default=False,
                        help_text="Satu paslon melawan kotak kosong",
                        verbose_name="calon tunggal",
                    ),
                ),
                (
                    "winner",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="articles.candidatepair",
                        verbose_name="pemenang",
                    ),
                ),
            ],
            options={
                "verbose_name": "pemilihan",
                "verbose_name_plural": "pemilihan",
                "ordering": ["region__code"],
            },
        ),
        migrations.AddField(
            model_name="candidatepair",
            name="contest",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="pairs",
                to="articles.contest",
                verbose_name="pemilihan",
            ),
        ),
        migrations.CreateModel(
            name="ArticleRevision",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "raw",
                    models.BinaryField(help_text="Berkas persis seperti diimpor saat itu, byte demi byte"),
                ),
                ("encoding", models.CharField(default="utf-8", max_length=20)),
                (
                    "text",
                    models.TextField(help_text="Teks yang sudah didekode; content_hash adalah SHA-256-nya"),
                ),
                ("content_hash", models.CharField(help_text="SHA-256 dari teksnya", max_length=64)),
                ("title", models.CharField(max_length=500)),
                ("published_on", models.DateField(blank=True, null=True)),
                ("published_at", models.DateTimeField(blank=True, null=True)),
                (
                    "tags",
                    models.JSONField(
                        blank=True, default=dict, help_text="Tag seperti saat itu, dengan statusnya"
                    ),
                ),
                ("imported_at", models.DateTimeField(help_text="Kapan versi ini diimpor")),
                (
                    "created_at",
                    models.DateTimeField(
                        auto_now_add=True, help_text="Kapan versi yang lebih baru menggantikannya"
                    ),
                ),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="revisions",
                        to="articles.article",
                    ),
                ),
                (
                    "batch",
                    models.ForeignKey(
                        blank=True,
                        help_text="Impor yang membawa versi ini",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="articles.importbatch",
                    ),
                ),
            ],
            options={
                "verbose_name": "versi artikel",
                "verbose_name_plural": "versi artikel",
                "ordering": ["-created_at", "-pk"],
            },
        ),
        migrations.AddField(
            model_name="article",
            name="batch",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="articles",
                to="articles.importbatch",
            ),
        ),
        migrations.CreateModel(
            name="IndexChange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "article_id",
                    models.PositiveBigIntegerField(help_text="The article to reindex (or remove, if gone)"),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("next_attempt_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("attempts", models.PositiveSmallIntegerField(default=0)),
                ("last_error", models.TextField(blank=True)),
            ],
            options={
                "verbose_name": "perubahan indeks yang menunggu",
                "verbose_name_plural": "perubahan indeks yang menunggu",
                "ordering": ["pk"],
                "indexes": [models.Index(fields=["next_attempt_at"], name="index_change_due")],
            },
        ),
        migrations.AddField(
            model_name="candidatepair",
            name="parties",
            field=models.ManyToManyField(
                blank=True,
                limit_choices_to={"kind": "party"},
                related_name="supported_pairs",
                to="articles.organization",
                verbose_name="partai pengusung",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="outlet",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="articles",
                to="articles.outlet",
                verbose_name="media",
            ),
        ),
        migrations.CreateModel(
            name="Person",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="nama")),
                ("slug", models.SlugField(max_length=200, unique=True, verbose_name="slug")),
                (
                    "honorifics",
                    models.JSONField(
                        blank=True,
                        default=list,
                        help_text="Seperti tertulis, satu gelar per baris: H., Dr.",
                        verbose_name="gelar",
                    ),
                ),
                (
                    "merged_into",
                    models.ForeignKey(
                        blank=True,
                        help_text="Diisi bila redaksi menggabungkan tokoh ini ke tokoh lain; alamatnya dialihkan ke sana.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="merged_from",
                        to="articles.person",
                        verbose_name="digabung ke",
                    ),
                ),
            ],
            options={
                "verbose_name": "tokoh",
                "verbose_name_plural": "tokoh",
                "ordering": ["name"],
            },
        ),
        migrations.AddField(
            model_name="candidatepair",
            name="deputy",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="pairs_deputised",
                to="articles.person",
                verbose_name="calon wakil",
            ),
        ),
        migrations.AddField(
            model_name="candidatepair",
            name="head",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="pairs_headed",
                to="articles.person",
                verbose_name="calon kepala daerah",
            ),
        ),
        migrations.CreateModel(
            name="PersonAlias",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="nama")),
                ("key", models.CharField(db_index=True, max_length=200)),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="aliases",
                        to="articles.person",
                        verbose_name="tokoh",
                    ),
                ),
            ],
            options={
                "verbose_name": "alias tokoh",
                "verbose_name_plural": "alias tokoh",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="PersonSlug",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=200, unique=True, verbose_name="slug lama")),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="old_slugs",
                        to="articles.person",
                        verbose_name="tokoh",
                    ),
                ),
            ],
            options={
                "verbose_name": "alamat lama tokoh",
                "verbose_name_plural": "alamat lama tokoh",
                "ordering": ["slug"],
            },
        ),
        migrations.CreateModel(
            name="PersonTag",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("suggested", "Disarankan"),
                            ("confirmed", "Dikonfirmasi"),
                            ("rejected", "Ditolak"),
                        ],
                        db_index=True,
                        default="suggested",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                ("confidence", models.FloatField(default=0.5, verbose_name="keyakinan")),
                ("evidence", models.CharField(blank=True, max_length=500, verbose_name="bukti")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="dibuat")),
                ("reviewed_at", models.DateTimeField(blank=True, null=True, verbose_name="ditinjau pada")),
                (
                    "role",
                    models.CharField(
                        blank=True,
                        help_text="Jabatan yang disebut artikel ini",
                        max_length=200,
                        verbose_name="jabatan",
                    ),
                ),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        to="articles.article",
                        verbose_name="artikel",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tags",
                        to="articles.person",
                        verbose_name="tokoh",
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="ditinjau oleh",
                    ),
                ),
            ],
            options={
                "verbose_name": "tag tokoh",
                "verbose_name_plural": "tag tokoh",
                "ordering": ["-confidence"],
                "abstract": False,
                "default_related_name": "person_tags",
            },
        ),
        migrations.CreateModel(
            name="Region",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "code",
                    models.CharField(
                        help_text="Kode Kemendagri: 18 atau 18.72",
                        max_length=5,
                        unique=True,
                        verbose_name="kode",
                    ),
                ),
                ("name", models.CharField(max_length=100, verbose_name="nama")),
                (
                    "level",
                    models.CharField(
                        choices=[("provinsi", "Provinsi"), ("kabupaten", "Kabupaten"), ("kota", "Kota")],
                        max_length=10,
                        verbose_name="tingkat",
                    ),
                ),
                ("slug", models.SlugField(max_length=100, unique=True, verbose_name="slug")),
                (
                    "election",
                    models.CharField(
                        blank=True,
                        help_text="pilgub, pilbup atau pilwalkot",
                        max_length=10,
                        verbose_name="jenis pemilihan",
                    ),
                ),
                (
                    "pilkada_2024",
                    models.BooleanField(
                        default=False,
                        help_text="Menggelar Pilkada pada 27 November 2024",
                        verbose_name="Pilkada 2024",
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="children",
                        to="articles.region",
                        verbose_name="induk",
                    ),
                ),
            ],
            options={
                "verbose_name": "wilayah",
                "verbose_name_plural": "wilayah",
                "ordering": ["code"],
            },
        ),
        migrations.CreateModel(
            name="Position",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        help_text="Seperti tertulis: Wakil Wali Kota, Ketua Bawaslu",
                        max_length=200,
                        verbose_name="jabatan",
                    ),
                ),
                ("started_on", models.DateField(blank=True, null=True, verbose_name="mulai menjabat")),
                ("ended_on", models.DateField(blank=True, null=True, verbose_name="selesai menjabat")),
                (
                    "first_seen_on",
                    models.DateField(blank=True, null=True, verbose_name="pertama diberitakan"),
                ),
                (
                    "last_seen_on",
                    models.DateField(blank=True, null=True, verbose_name="terakhir diberitakan"),
                ),
                (
                    "organization",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="positions",
                        to="articles.organization",
                        verbose_name="lembaga",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="positions",
                        to="articles.person",
                        verbose_name="tokoh",
                    ),
                ),
                (
                    "source_article",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="positions_seen",
                        to="articles.article",
                        verbose_name="artikel sumber",
                    ),
                ),
                (
                    "region",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="positions",
                        to="articles.region",
                        verbose_name="wilayah",
                    ),
                ),
            ],
            options={
                "verbose_name": "jabatan",
                "verbose_name_plural": "jabatan",
                "ordering": ["person", "-last_seen_on", "role"],
            },
        ),
        migrations.AddField(
            model_name="organization",
            name="region",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="organizations",
                to="articles.region",
                verbose_name="wilayah",
            ),
        ),
        migrations.CreateModel(
            name="Event",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=300, verbose_name="nama")),
                ("slug", models.SlugField(max_length=200, unique=True, verbose_name="slug")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("meeting", "Rapat"),
                            ("campaign", "Kampanye"),
                            ("debate", "Debat"),
                            ("registration", "Pendaftaran"),
                            ("draw", "Pengundian nomor urut"),
                            ("vote", "Pemungutan suara"),
                            ("count", "Rekapitulasi"),
                            ("inauguration", "Pelantikan"),
                            ("declaration", "Deklarasi"),
                            ("socialization", "Sosialisasi"),
                            ("other", "Lainnya"),
                        ],
                        default="other",
                        max_length=20,
                        verbose_name="jenis",
                    ),
                ),
                ("date", models.DateField(blank=True, null=True, verbose_name="tanggal")),
                ("place", models.CharField(blank=True, max_length=200, verbose_name="tempat")),
                (
                    "participants",
                    models.ManyToManyField(
                        blank=True, related_name="events", to="articles.person", verbose_name="peserta"
                    ),
                ),
                (
                    "region",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="events",
                        to="articles.region",
                        verbose_name="wilayah",
                    ),
                ),
            ],
            options={
                "verbose_name": "peristiwa",
                "verbose_name_plural": "peristiwa",
                "ordering": ["-date", "name"],
            },
        ),
        migrations.AddField(
            model_name="contest",
            name="region",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="contest",
                to="articles.region",
                verbose_name="wilayah",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="dateline_region",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="articles.region",
                verbose_name="wilayah dateline",
            ),
        ),
        migrations.CreateModel(
            name="RegionAlias",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=100, verbose_name="nama")),
                ("kind", models.CharField(blank=True, max_length=30, verbose_name="jenis")),
                (
                    "region",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="aliases",
                        to="articles.region",
                        verbose_name="wilayah",
                    ),
                ),
            ],
            options={
                "verbose_name": "alias wilayah",
                "verbose_name_plural": "alias wilayah",
                "ordering": ["region", "name"],
            },
        ),
        migrations.CreateModel(
            name="RegionTag",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("suggested", "Disarankan"),
                            ("confirmed", "Dikonfirmasi"),
                            ("rejected", "Ditolak"),
                        ],
                        db_index=True,
                        default="suggested",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                ("confidence", models.FloatField(default=0.5, verbose_name="keyakinan")),
                ("evidence", models.CharField(blank=True, max_length=500, verbose_name="bukti")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="dibuat")),
                ("reviewed_at", models.DateTimeField(blank=True, null=True, verbose_name="ditinjau pada")),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        to="articles.article",
                        verbose_name="artikel",
                    ),
                ),
                (
                    "region",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tags",
                        to="articles.region",
                        verbose_name="wilayah",
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="ditinjau oleh",
                    ),
                ),
            ],
            options={
                "verbose_name": "tag wilayah",
                "verbose_name_plural": "tag wilayah",
                "ordering": ["-confidence"],
                "abstract": False,
                "default_related_name": "region_tags",
            },
        ),
        migrations.CreateModel(
            name="EventTag",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("suggested", "Disarankan"),
                            ("confirmed", "Dikonfirmasi"),
                            ("rejected", "Ditolak"),
                        ],
                        db_index=True,
                        default="suggested",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                ("confidence", models.FloatField(default=0.5, verbose_name="keyakinan")),
                ("evidence", models.CharField(blank=True, max_length=500, verbose_name="bukti")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="dibuat")),
                ("reviewed_at", models.DateTimeField(blank=True, null=True, verbose_name="ditinjau pada")),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        to="articles.article",
                        verbose_name="artikel",
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tags",
                        to="articles.event",
                        verbose_name="peristiwa",
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="ditinjau oleh",
                    ),
                ),
            ],
            options={
                "verbose_name": "tag peristiwa",
                "verbose_name_plural": "tag peristiwa",
                "ordering": ["-confidence"],
                "abstract": False,
                "default_related_name": "event_tags",
                "constraints": [
                    models.UniqueConstraint(fields=("article", "event"), name="event_tag_unique")
                ],
            },
        ),
        migrations.CreateModel(
            name="OrganizationTag",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("suggested", "Disarankan"),
                            ("confirmed", "Dikonfirmasi"),
                            ("rejected", "Ditolak"),
                        ],
                        db_index=True,
                        default="suggested",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                ("confidence", models.FloatField(default=0.5, verbose_name="keyakinan")),
                ("evidence", models.CharField(blank=True, max_length=500, verbose_name="bukti")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="dibuat")),
                ("reviewed_at", models.DateTimeField(blank=True, null=True, verbose_name="ditinjau pada")),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        to="articles.article",
                        verbose_name="artikel",
                    ),
                ),
                (
                    "organization",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tags",
                        to="articles.organization",
                        verbose_name="lembaga",
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="ditinjau oleh",
                    ),
                ),
            ],
            options={
                "verbose_name": "tag lembaga",
                "verbose_name_plural": "tag lembaga",
                "ordering": ["-confidence"],
                "abstract": False,
                "default_related_name": "organization_tags",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("article", "organization"), name="organization_tag_unique"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="PairTag",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("suggested", "Disarankan"),
                            ("confirmed", "Dikonfirmasi"),
                            ("rejected", "Ditolak"),
                        ],
                        db_index=True,
                        default="suggested",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                ("confidence", models.FloatField(default=0.5, verbose_name="keyakinan")),
                ("evidence", models.CharField(blank=True, max_length=500, verbose_name="bukti")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="dibuat")),
                ("reviewed_at", models.DateTimeField(blank=True, null=True, verbose_name="ditinjau pada")),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        to="articles.article",
                        verbose_name="artikel",
                    ),
                ),
                (
                    "pair",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tags",
                        to="articles.candidatepair",
                        verbose_name="paslon",
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="ditinjau oleh",
                    ),
                ),
            ],
            options={
                "verbose_name": "tag paslon",
                "verbose_name_plural": "tag paslon",
                "ordering": ["-confidence"],
                "abstract": False,
                "default_related_name": "pair_tags",
                "indexes": [
                    models.Index(fields=["pair", "status", "article"], name="pair_tag_live_articles")
                ],
                "constraints": [models.UniqueConstraint(fields=("article", "pair"), name="pair_tag_unique")],
            },
        ),
        migrations.AddConstraint(
            model_name="candidatepair",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("number__isnull", True),
                    models.Q(("number__gte", 1), ("number__lte", 10)),
                    _connector="OR",
                ),
                name="pair_number_1_to_10",
            ),
        ),
        migrations.AddConstraint(
            model_name="personalias",
            constraint=models.UniqueConstraint(fields=("person", "key"), name="person_alias_unique"),
        ),
        migrations.AddIndex(
            model_name="persontag",
            index=models.Index(fields=["person", "status", "article"], name="person_tag_live_articles"),
        ),
        migrations.AddConstraint(
            model_name="persontag",
            constraint=models.UniqueConstraint(fields=("article", "person"), name="person_tag_unique"),
        ),
        migrations.AddConstraint(
            model_name="region",
            constraint=models.CheckConstraint(
                condition=models.Q(("code__regex", "^[0-9]{2}(\\.[0-9]{2})?$")), name="region_code_pattern"
            ),
        ),
        migrations.AddIndex(
            model_name="position",
            index=models.Index(fields=["region", "person"], name="position_region_person"),
        ),
        migrations.AddConstraint(
            model_name="event",
            constraint=models.UniqueConstraint(fields=("name", "date"), name="event_name_date_unique"),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["dated_on"], name="article_dated_on"),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["updated_at"], name="article_updated_at"),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.UniqueConstraint(
                fields=("source", "source_path"), name="article_source_identity"
            ),
        ),
        migrations.AddConstraint(
            model_name="regionalias",
            constraint=models.UniqueConstraint(fields=("region", "name"), name="region_alias_unique"),
        ),
        migrations.AddIndex(
            model_name="regiontag",
            index=models.Index(fields=["region", "status", "article"], name="region_tag_live_articles"),
        ),
        migrations.AddConstraint(
            model_name="regiontag",
            constraint=models.UniqueConstraint(fields=("article", "region"), name="region_tag_unique"),
        ),
        migrations.RunPython(load_regions, unload_regions),
        migrations.RunPython(load_contests, unload_contests),
        migrations.RunPython(create_editor_group, remove_editor_group),
    ]
