"""The search connection: HAYSTACK_CONNECTIONS for the embedded Whoosh index or a Solr or Elasticsearch server."""

from django.core.exceptions import ImproperlyConfigured


def haystack_connection(backend, whoosh_path, url, index_name):
    """The Haystack connection for SEARCH_BACKEND: the embedded Whoosh index or a search server."""
    if backend == "whoosh":
        return {
            "ENGINE": "articles.search.backend.IndonesianWhooshEngine",
            "PATH": str(whoosh_path),
            "INCLUDE_SPELLING": False,  # suggestions are asked for only when a query finds nothing
            "SPELLING_FIELD": "text_exact",  # the document's words, unstemmed
            # Quoted phrases search the unstemmed field: its word pairs are indexed as terms too.
            "PHRASE_FIELDS": ["text_exact"],
            # The document field is not stored (the index stays small): related articles read the
            # stored title and body instead.
            "MORE_LIKE_THIS_FIELDS": ["title", "body"],
        }
    if not url:
        raise ImproperlyConfigured(f"SEARCH_URL is required when SEARCH_BACKEND is {backend}")
    if backend == "solr":
        return {"ENGINE": "haystack.backends.solr_backend.SolrEngine", "URL": url}
    return {
        "ENGINE": "haystack.backends.elasticsearch7_backend.Elasticsearch7SearchEngine",
        "URL": url,
        "INDEX_NAME": index_name,
    }
