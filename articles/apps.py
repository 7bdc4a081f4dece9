from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Arsip berita Pilkada"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from articles import checks, signals  # noqa: F401 (checks registers itself)

        signals.connect()


class ArchiveAdminConfig(admin_apps.AdminConfig):
    """The admin, with the editors' review queue (articles.admin_site)."""

    default = False  # named explicitly in INSTALLED_APPS; "articles" itself is ArticlesConfig
    default_site = "articles.admin_site.ArchiveAdminSite"
