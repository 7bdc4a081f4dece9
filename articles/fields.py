"""Form fields that take an archive entity by the names people and scripts use for it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from articles.models import Region


class RegionField(forms.CharField):
    """A region by its Kemendagri code (18.72), the slug of its page (kota-metro) or its name
    (Kota Metro); cleans to the Region, or None when left empty."""

    def __init__(self, **kwargs):
        super().__init__(**{"required": False, "max_length": 100, "label": _("Wilayah"), **kwargs})

    def clean(self, value):
        value = super().clean(value).strip()
        if not value:
            return None
        region = Region.objects.named(value)
        if region is None:
            raise forms.ValidationError(
                _(
                    "Wilayah %(value)s tidak dikenal: berikan kode Kemendagri (18 atau 18.72), slug "
                    "(kota-metro) atau nama (Kota Metro)."
                ),
                params={"value": value},
            )
        return region
