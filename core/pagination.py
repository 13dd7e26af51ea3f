"""Pages of long lists whose cost does not depend on how deep the page is."""

from django.core.paginator import Paginator
from django.db.models import QuerySet


class KeyPaginator(Paginator):
    """Sorts and slices the primary keys only, then reads the page's rows by key.

    To find one page the database sorts the whole list. Asked for ``queryset[a:b]``, SQLite
    carries every selected column (synopses, notes, the joined festival, film and person)
    through that sort: with 30,000 awards a page deep in the list took half a second. The
    keys are a subquery of the page's query, so a page is still one query, and whatever the
    queryset computes per row (prefetches, correlated subqueries) runs for that page's rows
    only. (MySQL refuses LIMIT in an IN subquery; the site runs on SQLite and PostgreSQL.)
    """

    def page(self, number):
        page = super().page(number)
        # A list that fits on one page is read whole: there is no deeper page to spare a sort.
        if isinstance(page.object_list, QuerySet) and self.num_pages > 1:
            page.object_list = self.object_list.filter(pk__in=page.object_list.values("pk"))
        return page
