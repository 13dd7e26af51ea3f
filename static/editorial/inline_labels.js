/* Tabular inlines that wrap: each cell carries its column's heading (data-label), shown
 * beside the cell when a narrow screen lays the row out as a block (see admin-layout.css). */
"use strict";
(function () {
    function label(table) {
        // modeltranslation hides the headings of the languages it moved into tabs (inline
        // style) and its tab cell replaces their cells: the shown headings match the cells.
        const headings = Array.from(table.querySelectorAll("thead th"))
            .filter((th) => th.style.display !== "none")
            .map((th) => th.textContent.replace(/\s*\[[\w-]+\]\s*$/, "").trim());
        table.querySelectorAll("tbody tr").forEach((row) => {
            Array.from(row.children).forEach((cell, index) => {
                if (cell.tagName === "TD" && headings[index]) {
                    cell.setAttribute("data-label", headings[index]);
                }
            });
        });
    }

    function labelAll() {
        document.querySelectorAll(".inline-group .tabular table").forEach(label);
    }

    window.addEventListener("load", function () {
        labelAll();
        // modeltranslation may build a row's language tabs after the page has loaded (one
        // cell in place of the row's language cells), and "Add another" adds rows: label
        // the cells as they come. Setting an attribute is not a change watched here.
        const observer = new MutationObserver(labelAll);
        document.querySelectorAll(".inline-group .tabular table").forEach(function (table) {
            observer.observe(table, {childList: true, subtree: true});
        });
    });
})();
