from django.urls import path

from articles.views import browse

urlpatterns = [
    path("", browse.home, name="home"),
    path("artikel/<int:pk>/", browse.article, name="article"),
    path("wilayah/<slug:slug>/", browse.region, name="region"),
    path("tokoh/<slug:slug>/", browse.person, name="person"),
    path("lembaga/<slug:slug>/", browse.organization, name="organization"),
    path("peristiwa/<slug:slug>/", browse.event, name="event"),
    path("media/<slug:slug>/", browse.outlet, name="outlet"),
    # search routes (articles/views/search.py, articles/views/api.py) go below
]
