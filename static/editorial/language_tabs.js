/* One way to choose the language being edited: the tabs.
 *
 * modeltranslation adds a language selector beside the page title as well as the tabs, and
 * the two disagree (the Arabic admin opens the AR tabs while the selector says FR). The
 * selector is taken out of the page (kept aside, set to the admin's language, so rows added
 * later open on it), and choosing a language in one tab group chooses it in all of them. */
"use strict";
(function () {
    const $ = window.jQuery || (window.django && window.django.jQuery);
    if (!$) {
        return;
    }

    function tabLanguage(tab) {
        return $(tab).find("a").first().text().trim().toLowerCase();
    }

    $(function () {
        const adminLanguage = (document.documentElement.lang || "").toLowerCase();
        const select = $("#modeltranslation-main-switch");
        if (select.length) {
            select.find("option").each(function () {
                if ($(this).text().trim().toLowerCase() === adminLanguage) {
                    select.val($(this).val());
                }
            });
            select.detach();
        }

        let syncing = false;
        $(document).on("tabsactivate", ".ui-tabs", function (event, ui) {
            if (syncing || !ui || !ui.newTab) {
                return;
            }
            const language = tabLanguage(ui.newTab);
            select.val(ui.newTab.index());
            syncing = true;
            try {
                $(".ui-tabs").not(this).each(function () {
                    const widget = $(this);
                    const tabs = widget.children("ul").children("li");
                    const index = tabs.toArray().findIndex((tab) => tabLanguage(tab) === language);
                    if (index !== -1 && widget.tabs("option", "active") !== index) {
                        widget.tabs("option", "active", index);
                    }
                });
            } finally {
                syncing = false;
            }
        });
    });
})();
