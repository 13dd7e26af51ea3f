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

    // After modeltranslation has merged each translated field's columns into one.
    window.addEventListener("load", labelAll);
    // Rows added with "Add another" get their labels too.
    document.addEventListener("formset:added", labelAll);
})();
