/* gongshi: lets the reader sort a table (table.sortable) by a column. The
   header cells become buttons; a click sorts the rows by that column,
   ascending, a second click descending, and aria-sort says which. A cell's
   data-sort (a number or a YYYY-MM-DD date) is what it sorts by, else its
   text. Tables come from the server sorted already: without JavaScript
   nothing is lost. */
(function () {
  "use strict";
  var tables = document.querySelectorAll("table.sortable");
  var lang = document.documentElement.lang || undefined;
  var number = /^-?\d+(\.\d+)?$/;

  function key(row, col) {
    var cell = row.cells[col];
    if (!cell) { return ""; }
    var v = cell.getAttribute("data-sort");
    if (v === null) { v = (cell.textContent || "").replace(/^\s+|\s+$/g, ""); }
    return number.test(v) ? parseFloat(v) : v;
  }
  function compare(a, b) {
    if (typeof a === "number" && typeof b === "number") { return a - b; }
    if (typeof a === "number") { return -1; } // numbers before text
    if (typeof b === "number") { return 1; }
    return a.localeCompare(b, lang);
  }
  function sortBy(table, col, th) {
    var down = th.getAttribute("aria-sort") === "ascending";
    var heads = table.tHead.rows[0].cells;
    for (var i = 0; i < heads.length; i++) { heads[i].removeAttribute("aria-sort"); }
    th.setAttribute("aria-sort", down ? "descending" : "ascending");
    for (var b = 0; b < table.tBodies.length; b++) {
      var body = table.tBodies[b], rows = [];
      for (var r = 0; r < body.rows.length; r++) { rows.push({ row: body.rows[r], key: key(body.rows[r], col), at: r }); }
      rows.sort(function (x, y) { return (down ? -1 : 1) * compare(x.key, y.key) || x.at - y.at; });
      for (r = 0; r < rows.length; r++) { body.appendChild(rows[r].row); }
    }
  }
  function enable(table) {
    if (!table.tHead || !table.tHead.rows.length) { return; }
    var heads = table.tHead.rows[0].cells;
    for (var i = 0; i < heads.length; i++) {
      var th = heads[i], button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.onclick = (function (col, th) { return function () { sortBy(table, col, th); }; }(i, th));
    }
  }
  for (var t = 0; t < tables.length; t++) { enable(tables[t]); }

  // On a phone a table.cards reads as cards and its header row is out of
  // sight (the stylesheet alone says below what width): its buttons leave
  // the Tab order, so that the keyboard's focus never lands on something
  // the reader cannot see (a screen reader still finds them in the table).
  var cards = document.querySelectorAll("table.sortable.cards");
  function focusable() {
    for (var i = 0; i < cards.length; i++) {
      var head = cards[i].tHead, hidden = head && head.getBoundingClientRect().width <= 1;
      var bs = head ? head.querySelectorAll("button.sort") : [];
      for (var j = 0; j < bs.length; j++) { bs[j].tabIndex = hidden ? -1 : 0; }
    }
  }
  if (cards.length) {
    focusable();
    window.addEventListener("resize", focusable);
  }
}());
