"""Template helpers for the public pages: highlighting, and links that keep the current filters."""

from django import template
from django.urls import translate_url
from django.utils.safestring import mark_safe

from articles.search.highlighting import mark

register = template.Library()


@register.filter
def highlight(text, query):
    """{{ paragraph|highlight:query }}: escaped text with the words of a parsed query in <mark>."""
    return mark_safe(mark(str(text), query))  # mark() escapes the text before adding <mark>


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The current URL with ?page=number, keeping the other GET parameters (filters)."""
    query = context["request"].GET.copy()
    if number == 1:
        query.pop("page", None)
    else:
        query["page"] = number
    encoded = query.urlencode()
    return "?" + encoded if encoded else context["request"].path


@register.inclusion_tag("includes/pagination.html", takes_context=True)
def pagination(context, page):
    """{% pagination page %}: a Paginator page's previous/next links, each this URL with ?page= changed."""
    if not page or not page.has_other_pages():
        return {}
    return {
        "number": page.number,
        "num_pages": page.paginator.num_pages,
        "prev_url": page_url(context, page.previous_page_number()) if page.has_previous() else None,
        "next_url": page_url(context, page.next_page_number()) if page.has_next() else None,
    }


@register.simple_tag(takes_context=True)
def url_in_language(context, code):
    """This page's address in the language `code`: with the /en/ prefix or without one."""
    return translate_url(context["request"].get_full_path(), code)
