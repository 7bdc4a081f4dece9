"""The search form: validates a search's GET parameters; every bit of a search is in its URL, a permalink."""

import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from articles.fields import RegionField
from articles.models import CandidatePair, Contest, Event, Organization, Outlet, Person

SORT_CHOICES = [("relevance", _("Paling relevan")), ("newest", _("Terbaru")), ("oldest", _("Terlama"))]
REGION_CODE = re.compile(r"^[0-9]{2}(\.[0-9]{2})?$")
UNDATED_CHOICES = [
    ("include", _("sertakan artikel tanpa tanggal")),
    ("exclude", _("tanpa artikel tanpa tanggal")),
    ("only", _("hanya artikel tanpa tanggal")),
]


class QueryField(forms.CharField):
    """The search box: anything is accepted (query.parse cleans it), even control characters."""

    def __init__(self, **kwargs):
        super().__init__(required=False, strip=True, **kwargs)
        self.validators = []


class SearchForm(forms.Form):
    q = QueryField(label=_("Kata kunci"))
    # By code or slug (links and scripts) or by name (the search form's inputs).
    region = RegionField()
    person = forms.CharField(required=False, max_length=200, label=_("Tokoh"))
    organization = forms.CharField(required=False, max_length=200, label=_("Lembaga"))
    event = forms.CharField(required=False, max_length=200, label=_("Peristiwa"))
    outlet = forms.CharField(required=False, max_length=120, label=_("Media"))
    contest = forms.CharField(required=False, max_length=100, label=_("Pemilihan"))
    pair = forms.CharField(required=False, max_length=200, label=_("Pasangan calon"))
    sort = forms.ChoiceField(
        required=False,
        choices=SORT_CHOICES,
        label=_("Urutkan"),
        error_messages={"invalid_choice": _("Pilih salah satu: relevance, newest, oldest.")},
    )
    undated = forms.ChoiceField(
        required=False,
        choices=UNDATED_CHOICES,
        label=_("Artikel tanpa tanggal"),
        error_messages={"invalid_choice": _("Pilih salah satu: include, exclude, only.")},
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=10_000,
        label=_("Halaman"),
        error_messages={
            "invalid": _("Nomor halaman: bilangan bulat 1 sampai 10000."),
            "min_value": _("Nomor halaman: bilangan bulat 1 sampai 10000."),
            "max_value": _("Nomor halaman: bilangan bulat 1 sampai 10000."),
        },
    )

    def _lookup(self, name, model):
        value = self.cleaned_data[name].strip()
        if not value:
            return None
        obj = model.objects.filter(slug=value).first() or model.objects.filter(name__iexact=value).first()
        if obj is None:
            raise ValidationError(
                _("%(slug)s tidak dikenal: berikan slug halamannya (qomaru-zaman) atau namanya."),
                params={"slug": value},
            )
        return obj.survivor if isinstance(obj, Person) else obj

    def clean_person(self):
        return self._lookup("person", Person)

    def clean_organization(self):
        return self._lookup("organization", Organization)

    def clean_event(self):
        return self._lookup("event", Event)

    def clean_outlet(self):
        return self._lookup("outlet", Outlet)

    def clean_contest(self):
        """A race by its region's code (18.72) or slug (kota-metro)."""
        value = self.cleaned_data["contest"].strip()
        if not value:
            return None
        by = (
            Q(region__code=value)
            if REGION_CODE.match(value)
            else Q(region__slug=value) | Q(region__name__iexact=value)
        )
        contest = Contest.objects.select_related("region").filter(by).first()
        if contest is None:
            raise ValidationError(
                _("Tidak ada pemilihan 2024 untuk wilayah %(value)s."), params={"value": value}
            )
        return contest

    def clean_pair(self):
        """A candidate pair by its id or slug."""
        value = self.cleaned_data["pair"].strip()
        if not value:
            return None
        by = {"pk": int(value)} if value.isdecimal() and len(value) < 10 else {"slug": value}
        pair = CandidatePair.objects.filter(**by).first()
        if pair is None:
            raise ValidationError(_("%(slug)s tidak dikenal."), params={"slug": value})
        return pair

    def clean(self):
        data = super().clean()
        start, end = data.get("from"), data.get("to")
        if start and end and start > end:
            self.add_error("to", _("Tanggal akhir sebelum tanggal awal."))
        if data.get("undated") == "only" and (start or end):
            self.add_error("undated", _("Artikel tanpa tanggal tidak bisa dibatasi rentang tanggal."))
        return data

    def first_error(self):
        """(parameter, message) of the first invalid parameter, for a 400 that names it."""
        for name in self.fields:
            if name in self.errors:
                return name, str(self.errors[name][0])
        return "__all__", str(self.non_field_errors()[0])


# "from" is a Python keyword, so these two are added by name.
# Bounded: the index keeps datetimes as 14-digit UTC strings (years 1000–9999), and "to" + 1 day
# must exist; a year outside is a 400 that names the parameter, not a 500 (tests/test_fuzz_params.py).
_date = {
    "required": False,
    "input_formats": ["%Y-%m-%d"],
    "widget": forms.DateInput(attrs={"type": "date"}),
    "validators": [
        MinValueValidator(date(1900, 1, 1), _("Tanggal antara 1900-01-01 dan 2100-12-31.")),
        MaxValueValidator(date(2100, 12, 31), _("Tanggal antara 1900-01-01 dan 2100-12-31.")),
    ],
    "error_messages": {"invalid": _("Tanggal dengan format YYYY-MM-DD, misalnya 2024-11-27.")},
}
SearchForm.base_fields["from"] = forms.DateField(label=_("Dari tanggal"), **_date)
SearchForm.base_fields["to"] = forms.DateField(label=_("Sampai tanggal"), **_date)
