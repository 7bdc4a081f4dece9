"""The language switch: the same page at its address in the chosen language."""

from django.conf import settings
from django.utils import translation
from django.views import i18n as i18n_views


def set_language(request):
    """Django's language switch. It finds the page's address in the other language by resolving
    the address it came from, which only resolves in that page's own language."""
    came_from = request.POST.get("next", request.GET.get("next", ""))
    with translation.override(translation.get_language_from_path(came_from) or settings.LANGUAGE_CODE):
        return i18n_views.set_language(request)
