from django.urls import path

from articles import views

urlpatterns = [
    path("", views.home, name="home"),
    path("artikel/<int:pk>/", views.article, name="article"),
    path("wilayah/<slug:slug>/", views.region, name="region"),
    path("tokoh/<slug:slug>/", views.person, name="person"),
    path("lembaga/<slug:slug>/", views.organization, name="organization"),
    path("peristiwa/<slug:slug>/", views.event, name="event"),
    path("media/<slug:slug>/", views.outlet, name="outlet"),
]
