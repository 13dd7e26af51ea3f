from django.db.models import Count, Prefetch, Q
from django.views.generic import DetailView, ListView

from .models import Award, Festival


def group_by_year(awards):
    """[(year, [awards…]), …] in the awards' order; an unknown year is None."""
    groups = []
    for award in awards:
        if groups and groups[-1][0] == award.year:
            groups[-1][1].append(award)
        else:
            groups.append((award.year, [award]))
    return groups


class AwardListView(ListView):
    paginate_by = 100

    def get_queryset(self):
        return Award.objects.published().select_related("festival", "film", "person")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["awards_by_year"] = group_by_year(context["object_list"])
        return context


class FestivalListView(ListView):
    paginate_by = 100

    def get_queryset(self):
        visible = Award.objects.published()
        return Festival.objects.published().annotate(
            award_count=Count("awards", filter=Q(awards__in=visible), distinct=True)
        )


class FestivalDetailView(DetailView):
    def get_queryset(self):
        return Festival.objects.published().prefetch_related(
            Prefetch(
                "awards",
                queryset=Award.objects.published().select_related("film", "person"),
                to_attr="visible_awards",
            )
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(awards_by_year=group_by_year(self.object.visible_awards), **kwargs)
