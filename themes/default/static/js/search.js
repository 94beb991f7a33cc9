/* gongshi search: finds villages, townships and secretaries by the start of
   their name. The index is split by first character into search/s-<hex>.js
   files, loaded with a script tag (which, unlike fetch, also works when the
   site is opened from disk). Results are inserted as text, never as HTML. */
(function () {
  "use strict";
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list) { return; }
  var loaded = {}, entries = [], pending = null;
  window.gongshiSearch = function (items) {
    entries = entries.concat(items);
    if (pending !== null) { show(pending); }
  };
  function shardOf(ch) {
    return "s-" + ch.codePointAt(0).toString(16) + ".js";
  }
  function show(q) {
    pending = null;
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var hits = [];
    var lq = q.toLowerCase();
    for (var i = 0; i < entries.length && hits.length < 100; i++) {
      if (entries[i][0].toLowerCase().indexOf(lq) === 0) { hits.push(entries[i]); }
    }
    for (var j = 0; j < hits.length; j++) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = hits[j][3];
      a.textContent = hits[j][0];
      li.appendChild(a);
      var meta = document.createElement("span");
      meta.className = "muted";
      meta.textContent = " " + hits[j][1] + (hits[j][2] ? " · " + hits[j][2] : "");
      li.appendChild(meta);
      list.appendChild(li);
    }
    status.textContent = hits.length ? "" : (status.getAttribute("data-none") || "");
  }
  function search(q) {
    q = q.trim();
    if (!q) { return; }
    var ch = String.fromCodePoint(q.toLowerCase().codePointAt(0));
    var shard = shardOf(ch);
    if (loaded[shard]) { show(q); return; }
    loaded[shard] = true;
    pending = q;
    var s = document.createElement("script");
    s.src = shard;
    s.onerror = function () { pending = null; show(q); };
    document.head.appendChild(s);
  }
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) { input.value = q; search(q); }
  input.addEventListener("input", function () { search(input.value); });
}());
