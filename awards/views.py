from django.conf import settings
from django.db.models import CharField, Count, F, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView

from django.utils.translation import gettext, gettext_lazy as _

from core.pagination import KeyPaginator
from core.pictures import page_image
from core.structured_data import StructuredDataMixin, item_list, text, web_page

from .models import Award, Festival
from .structured_data import festival_node


def group_by_year(awards):
    """[(year, [awards…]), …] in the awards' order; an unknown year is None."""
    groups = []
    for award in awards:
        if groups and groups[-1][0] == award.year:
            groups[-1][1].append(award)
        else:
            groups.append((award.year, [award]))
    return groups


def visible_award_counts():
    """The festival's visible award entries, and those of them standing for several awards, as
    correlated subqueries: with the KeyPaginator they run for the festivals of the page only,
    where a Count over a join would group every award of every festival before the page is cut."""
    awards = Award.objects.published().filter(festival=OuterRef("pk")).order_by().values("festival")
    return {
        name: Coalesce(Subquery(awards.annotate(entries=count).values("entries"), output_field=IntegerField()), 0)
        for name, count in (("award_count", Count("pk")), ("several_count", Count("pk", filter=Q(several=True))))
    }


class AwardListView(StructuredDataMixin, ListView):
    paginate_by = 50
    paginator_class = KeyPaginator
    section_card = "awards"
    section_label = _("Awards")

    def get_queryset(self):
        return Award.objects.published().select_related("festival", "film", "person").in_reading_order()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["awards_by_year"] = group_by_year(context["object_list"])
        return context

    def get_structured_data(self, context):
        return [web_page(self.request, "CollectionPage", name=_("Awards"))]

    def get_page_meta(self, context):
        return {**super().get_page_meta(context), "description": gettext("The awards of the films of %(name)s, year by year.") % {"name": settings.SITE_NAME}}


class FestivalListView(StructuredDataMixin, ListView):
    paginate_by = 50
    paginator_class = KeyPaginator
    section_card = "festivals"
    section_label = _("Festivals")

    def get_queryset(self):
        # By name in the page's language (with the same fallback as the page), not by slug.
        name = Coalesce(
            NullIf(F(f"name_{get_language()}"), Value("")), NullIf(F("name_fr"), Value("")), F("slug"), output_field=CharField()
        )
        return (
            Festival.objects.published()
            .annotate(**visible_award_counts())
            .order_by(Lower(name), "slug")
        )

    def get_structured_data(self, context):
        festivals = [festival_node(f, self.request, full=False) for f in context["object_list"]]
        return [item_list(self.request, festivals, name=_("Festivals"), start=context["page_obj"].start_index())]

    def get_page_meta(self, context):
        return {**super().get_page_meta(context), "description": gettext("The festivals and awards of the films of %(name)s.") % {"name": settings.SITE_NAME}}


class FestivalDetailView(StructuredDataMixin, DetailView):
    def get_queryset(self):
        return Festival.objects.published().prefetch_related(
            Prefetch(
                "awards",
                queryset=Award.objects.published().select_related("film", "person").in_reading_order(),
                to_attr="visible_awards",
            )
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(awards_by_year=group_by_year(self.object.visible_awards), **kwargs)

    def get_structured_data(self, context):
        festival = festival_node(self.object, self.request)
        return [web_page(self.request, name=festival.get("name", ""), mainEntity=festival)]

    def get_page_meta(self, context):
        values = {"festival": text(self.object, "name"), "name": settings.SITE_NAME}
        return {
            "description": gettext("%(festival)s: the awards of the films of %(name)s, year by year.") % values,
            **page_image(self.object, None, self.request),
        }
