"""Public pages of the archive."""

from django.shortcuts import get_object_or_404, redirect, render

from articles.models import Article, Event, Organization, Outlet, Person, Region


def home(request):
    articles = Article.objects.newest_first().select_related("outlet")[:20]
    return render(request, "articles/home.html", {"articles": articles})


def article(request, pk):
    obj = get_object_or_404(Article.objects.select_related("outlet", "dateline_region"), pk=pk)
    return render(request, "articles/article.html", {"article": obj})


def region(request, slug):
    obj = get_object_or_404(Region, slug=slug)
    articles = Article.objects.in_region(obj).newest_first()[:50]
    return render(request, "articles/region.html", {"region": obj, "articles": articles})


def person(request, slug):
    obj = get_object_or_404(Person, slug=slug)
    if obj.merged_into_id:
        return redirect(obj.merged_into, permanent=True)
    articles = Article.objects.mentioning(obj).newest_first()[:50]
    return render(request, "articles/person.html", {"person": obj, "articles": articles})


def organization(request, slug):
    obj = get_object_or_404(Organization, slug=slug)
    articles = Article.objects.about_organization(obj).newest_first()[:50]
    return render(request, "articles/organization.html", {"organization": obj, "articles": articles})


def event(request, slug):
    obj = get_object_or_404(Event, slug=slug)
    articles = Article.objects.about_event(obj).newest_first()[:50]
    return render(request, "articles/event.html", {"event": obj, "articles": articles})


def outlet(request, slug):
    obj = get_object_or_404(Outlet, slug=slug)
    articles = obj.articles.newest_first()[:50]
    return render(request, "articles/outlet.html", {"outlet": obj, "articles": articles})
