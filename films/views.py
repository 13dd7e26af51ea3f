from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from core.structured_data import StructuredDataMixin, item_list

from .models import Credit, Film
from .structured_data import movie_reference


def credits_queryset():
    return Credit.objects.published().select_related("person", "role").order_by("order", "pk")


class FilmListView(StructuredDataMixin, ListView):
    paginate_by = 50
    section_card = "films"
    section_label = _("Films")

    def get_queryset(self):
        return (
            Film.objects.published()
            .select_related("genre")
            .prefetch_related(Prefetch("credits", queryset=credits_queryset(), to_attr="visible_credits"))
        )

    def get_structured_data(self, context):
        films = [movie_reference(film, self.request) for film in context["object_list"]]
        return [item_list(self.request, films, name=_("Films"))]
