from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from .models import Credit, Film

# Films do not import the awards app; they reach awards through its reverse relation.
Award = Film.awards.field.model


def credits_queryset():
    return Credit.objects.published().select_related("person", "role").order_by("order", "pk")


class FilmListView(ListView):
    paginate_by = 50

    def get_queryset(self):
        return (
            Film.objects.published()
            .select_related("genre")
            .prefetch_related(Prefetch("credits", queryset=credits_queryset(), to_attr="visible_credits"))
        )


class FilmDetailView(DetailView):
    def get_queryset(self):
        return (
            Film.objects.published()
            .select_related("genre")
            .prefetch_related(
                "sources",
                Prefetch("credits", queryset=credits_queryset().prefetch_related("sources"), to_attr="visible_credits"),
                Prefetch(
                    "awards",
                    queryset=Award.objects.published().select_related("festival"),
                    to_attr="visible_awards",
                ),
            )
        )
