"""The Pilkada 2024 pages: every contest by province, and one contest with its pairs and coverage."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from articles.browse_forms import ContestFilterForm
from articles.charts import coverage_chart
from articles.models import KPU_SCHEDULE, Article, CandidatePair, Contest
from articles.views.browse import paginate


def contest_index(request):
    form = ContestFilterForm(request.GET or None)
    context = {"title": _("Pilkada 2024"), "form": form}
    if form.is_bound and not form.is_valid():
        return render(request, "articles/contest_index.html", {**context, "provinces": []}, status=400)
    contests = Contest.objects.select_related("region__parent").with_counts().order_by("region__code")
    if form.is_bound and form.cleaned_data["jabatan"]:
        contests = contests.of_office(form.cleaned_data["jabatan"])
    if form.is_bound and form.cleaned_data["kotak_kosong"]:
        contests = contests.single_pair()
    # one query for all 545; grouped under their provinces here (a province's own race first)
    provinces = {}
    for contest in contests:
        province = contest.region.province
        provinces.setdefault(province.code, (province, []))[1].append(contest)
    context |= {"provinces": list(provinces.values()), "total": len(contests)}
    return render(request, "articles/contest_index.html", context)


def contest(request, slug):
    contest = get_object_or_404(Contest.objects.select_related("region__parent"), region__slug=slug)
    pairs = list(CandidatePair.objects.in_contest(contest).ballot_order().for_listing().with_article_counts())
    coverage = contest.weekly_coverage()
    chart = coverage_chart(
        [(str(pair), coverage.get(pair.pk, [])) for pair in pairs],
        [(str(label), start, end) for label, start, end in KPU_SCHEDULE],
    )
    context = {
        "contest": contest,
        "pairs": pairs,
        "chart": chart,
        "page": paginate(request, Article.objects.about_contest(contest).newest_first().for_listing()),
    }
    return render(request, "articles/contest.html", context)
