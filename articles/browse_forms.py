"""GET forms of the browse pages: what a visitor may put in the query string, validated."""

from django import forms
from django.utils.translation import gettext_lazy as _

from articles.models import EventKind, Office, Region


class PersonFilterForm(forms.Form):
    """The people directory: filter by name (or alias), role and region."""

    nama = forms.CharField(label=_("Nama"), max_length=100, required=False)
    jabatan = forms.CharField(label=_("Jabatan"), max_length=100, required=False)
    wilayah = forms.ModelChoiceField(
        label=_("Wilayah"),
        queryset=Region.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Semua wilayah"),
    )


class EventFilterForm(forms.Form):
    jenis = forms.ChoiceField(
        label=_("Jenis"), choices=[("", _("Semua jenis")), *EventKind.choices], required=False
    )


class HighlightForm(forms.Form):
    """?q= on an article page, as passed on from the search results."""

    q = forms.CharField(max_length=200, required=False)


class ContestFilterForm(forms.Form):
    """The contests directory: filter by office and by races with a single pair (kotak kosong)."""

    jabatan = forms.ChoiceField(
        label=_("Jabatan"), choices=[("", _("Semua jabatan")), *Office.choices], required=False
    )
    kotak_kosong = forms.BooleanField(label=_("Hanya calon tunggal (kotak kosong)"), required=False)
