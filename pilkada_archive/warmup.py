"""What a web worker builds once, as it starts, instead of during its first requests: the search
index's per-segment data, the URL patterns, the compiled templates and the stemmer's dictionary
(what each saves a first search: docs/benchmarks.md)."""

from django.conf import settings
from django.template.loader import get_template
from django.urls import get_resolver

from articles.search import service
from articles.search.analysis import stemmer


def warm():
    service.warm()
    get_resolver().reverse_dict  # noqa: B018 - reading it compiles every pattern
    for name in project_templates():
        get_template(name)  # the cached loader keeps each compiled, includes too
    stemmer()  # Sastrawi's dictionary of root words


def project_templates():
    """The names of the project's own templates (the admin's compile on an editor's first visit)."""
    root = settings.BASE_DIR / "templates"
    return [path.relative_to(root).as_posix() for path in sorted(root.rglob("*.html"))]
