"""A web worker builds its URL patterns, templates and stemmer as it starts (pilkada_archive/wsgi.py),
so that its first requests do not: after the warm-up, serving pages compiles no template."""

from django.template import engines
from django.urls import get_resolver

from articles.search import analysis
from pilkada_archive.warmup import project_templates, warm


def compiled():
    [loader] = engines["django"].engine.template_loaders  # the cached loader
    return set(loader.get_template_cache)


def test_after_the_warm_up_pages_compile_no_template_and_the_stemmer_is_loaded(
    client, search_index, corpus, monkeypatch
):
    engines["django"].engine.template_loaders[0].reset()
    monkeypatch.setattr(analysis, "_stemmer", None)
    search_index.update()

    warm()

    assert set(project_templates()) <= compiled()
    assert "articles/search.html" in compiled()
    assert analysis._stemmer is not None
    assert get_resolver()._populated
    before = compiled()
    for url in ("/", "/cari/?q=pilkada", "/wilayah/", "/pilkada/"):
        assert client.get(url).status_code == 200
    assert compiled() == before
