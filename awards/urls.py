from django.urls import path

from . import views

app_name = "awards"
urlpatterns = [
    path("awards/", views.AwardListView.as_view(), name="list"),
    path("festivals/", views.FestivalListView.as_view(), name="festival_list"),
    path("festivals/<slug:slug>/", views.FestivalDetailView.as_view(), name="festival_detail"),
]
