/* gongshi search: finds villages, townships, secretaries, pledges and
   hearings by any part of their text. The index (written by package
   search: see its doc comment) is script files under search/, each calling
   gongshiIndex(name, data); scripts, unlike fetch, also load when the site
   is opened from disk. A query loads the manifest, the posting lists of at
   most a few of its terms and the documents of the first results, so one
   query stays small even for a province. Results are built with DOM calls
   and text nodes, never HTML. ES5, no framework: it runs on old phones. */
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var out = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !input || !out || !status || !window.JSON) { return; }
  var base = out.getAttribute("data-index") || "";
  // On a page in another language the county's Chinese text is marked
  // lang="zh-CN", as gongshi marks it on every page (package langpart), so
  // that a screen reader reads it with a Chinese voice.
  var foreign = !/^zh/i.test(document.documentElement.lang || "");
  var han = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;
  function zh(el, s) { if (foreign && han.test(s)) { el.lang = "zh-CN"; } return el; }
  function say(key, n) {
    var s = status.getAttribute("data-" + key) || "";
    return n === undefined ? s : s.replace("{n}", String(n));
  }

  /* ---- Loading index files ---- */
  var files = {}; // name → {done, failed, data, waiting}
  window.gongshiIndex = function (name, data) {
    var f = files[name];
    if (f && !f.done) { f.data = data; settle(f, false); }
  };
  function settle(f, failed) {
    f.done = true; f.failed = failed;
    var w = f.waiting; f.waiting = [];
    for (var i = 0; i < w.length; i++) { w[i](); }
  }
  // load calls done(ok) once every named file has arrived (or one failed).
  function load(names, done) {
    var left = names.length, ok = true;
    if (!left) { done(true); return; }
    function one(f) { ok = ok && !f.failed; if (--left === 0) { done(ok); } }
    for (var i = 0; i < names.length; i++) {
      var f = files[names[i]];
      if (!f) {
        f = files[names[i]] = { done: false, waiting: [] };
        var s = document.createElement("script");
        s.src = base + names[i];
        s.onerror = (function (f) { return function () { if (!f.done) { settle(f, true); } }; }(f));
        s.onload = (function (f) { return function () { if (!f.done) { settle(f, true); } }; }(f));
        document.head.appendChild(s);
      }
      if (f.done) { one(f); } else { f.waiting.push((function (f) { return function () { one(f); }; }(f))); }
    }
  }

  /* ---- Text as the index cuts it (package search, fold.go) ---- */
  function foldChar(c) {
    var n = c.charCodeAt(0);
    if (n < 128) { return c.toLowerCase(); }
    if (n >= 0x4E00 && n <= 0x9FFF) { return c; }
    return (c.normalize ? c.normalize("NFKC") : c).toLowerCase();
  }
  // fold returns s folded, and for each unit of it the offset in s it came from.
  function fold(s) {
    var t = "", at = [];
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i), n = s.charCodeAt(i), o = i;
      if (n >= 0xD800 && n <= 0xDBFF && i + 1 < s.length) { c += s.charAt(++i); }
      var f = foldChar(c);
      for (var k = 0; k < f.length; k++) { at.push(o); }
      t += f;
    }
    at.push(s.length);
    return { t: t, at: at };
  }
  function chars(s) { return s.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g) || []; }
  function cp(c) { return c.length > 1 ? 0x10000 + ((c.charCodeAt(0) - 0xD800) << 10) + c.charCodeAt(1) - 0xDC00 : c.charCodeAt(0); }
  var SEP = 0, ASCII = 1, WIDE = 2;
  function classOf(c) {
    var r = cp(c);
    if (r >= 97 && r <= 122 || r >= 48 && r <= 57) { return ASCII; }
    if (r < 0xC0 || r >= 0x2000 && r <= 0x2BFF || r >= 0x3000 && r <= 0x303F ||
        r >= 0xFE10 && r <= 0xFE6F || r >= 0xFF00 && r <= 0xFF65 || r >= 0xFFF0 && r <= 0xFFFF) { return SEP; }
    return WIDE;
  }
  // words cuts a folded query at separators.
  function words(q) {
    var ws = [], cur = "", cs = chars(q);
    for (var i = 0; i <= cs.length; i++) {
      if (i === cs.length || classOf(cs[i]) === SEP) { if (cur) { ws.push(cur); } cur = ""; } else { cur += cs[i]; }
    }
    return ws;
  }
  // termsOf returns a word's terms: the bigrams of its Chinese runs, its
  // ASCII runs whole, and a single Chinese character when it is the word.
  function termsOf(w) {
    var cs = chars(w), out = [], i = 0;
    while (i < cs.length) {
      var c = classOf(cs[i]), j = i;
      while (j < cs.length && classOf(cs[j]) === c) { j++; }
      if (c === WIDE) {
        for (var k = i; k + 1 < j; k++) { out.push(cs[k] + cs[k + 1]); }
        if (cs.length === 1) { out.push(cs[0]); }
      } else if ((j - i >= 2 || j - i === cs.length) && j - i <= 32) {
        out.push(cs.slice(i, j).join(""));
      }
      i = j;
    }
    return out;
  }
  function hash(t) { // 32-bit FNV-1a over the UTF-8 bytes
    var h = 0x811c9dc5, cs = chars(t);
    for (var i = 0; i < cs.length; i++) {
      var r = cp(cs[i]);
      var b = r < 0x80 ? [r] : r < 0x800 ? [0xC0 | r >> 6, 0x80 | r & 63] :
        r < 0x10000 ? [0xE0 | r >> 12, 0x80 | r >> 6 & 63, 0x80 | r & 63] :
        [0xF0 | r >> 18, 0x80 | r >> 12 & 63, 0x80 | r >> 6 & 63, 0x80 | r & 63];
      for (var k = 0; k < b.length; k++) {
        h ^= b[k];
        h = (h + (h << 1) + (h << 4) + (h << 7) + (h << 8) + (h << 24)) >>> 0; // h * 16777619
      }
    }
    return h >>> 0;
  }

  /* ---- Posting lists (package search, postings.go) ---- */
  var DIGITS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
  function nums(code) {
    var out = [], n = 0;
    for (var i = 0; i < code.length; i++) {
      var d = DIGITS.indexOf(code.charAt(i));
      if (d < 32) { out.push(n * 32 + d); n = 0; } else { n = n * 32 + d - 32; }
    }
    return out;
  }
  // postings turns an entry [df, names, texts, nameLimit, textLimit] into
  // lookups: docs (sorted), name (doc → code), has (doc → true).
  function postings(e, total) {
    var p = { df: e[0], docs: [], name: {}, has: {}, nameLimit: e.length > 3 ? e[3] : total, textLimit: e.length > 3 ? e[4] : total };
    var n = nums(e[1]), doc = -1, i;
    for (i = 0; i + 1 < n.length; i += 2) { doc += n[i] + 1; p.name[doc] = n[i + 1]; p.has[doc] = true; p.docs.push(doc); }
    var t = nums(e[2]);
    for (doc = -1, i = 0; i < t.length; i++) { doc += t[i] + 1; p.has[doc] = true; p.docs.push(doc); }
    p.docs.sort(function (a, b) { return a - b; });
    p.whole = p.nameLimit >= total && p.textLimit >= total;
    return p;
  }
  // holds says whether list p holds doc: true, false, or null (not known: cut off).
  function holds(p, doc) {
    if (p.has[doc]) { return true; }
    return doc < p.nameLimit && doc < p.textLimit ? false : null;
  }

  /* ---- One search ---- */
  var m = null, gen = 0;
  function bucketOf(t) { return "t/" + (hash(t) % m.buckets) + ".js"; }
  function clear() { while (out.firstChild) { out.removeChild(out.firstChild); } }

  // fileOf returns the file that holds term t's entry, once its bucket
  // has arrived: the bucket itself, or the part its route names.
  function fileOf(t) {
    var b = bucketOf(t), route = files[b].data[""];
    return route && route[t] ? b.replace(".js", "-" + route[t] + ".js") : b;
  }
  function unique(list) {
    var out = [];
    for (var i = 0; i < list.length; i++) { if (out.indexOf(list[i]) < 0) { out.push(list[i]); } }
    return out;
  }
  // current says whether search number my is still the one to show, and
  // reports a file that did not load.
  function current(my, ok) {
    if (my !== gen) { return false; }
    if (!ok) { status.textContent = say("failed"); }
    return ok;
  }

  // search runs a query: the manifest, then the buckets of its terms, then
  // any parts they route to, then the documents of the first results.
  function search(q) {
    var my = ++gen;
    clear();
    var full = fold(q.replace(/^\s+|\s+$/g, "")).t, ws = words(full);
    if (!ws.length) { status.textContent = say("short"); return; }
    status.textContent = say("loading");
    load(["index.js"], function (ok) {
      if (!current(my, ok)) { return; }
      m = files["index.js"].data;
      var query = parse(full, ws);
      if (!query.pick.length) { status.textContent = say("short"); return; }
      load(unique(query.pick.map(bucketOf)), function (ok) {
        if (!current(my, ok)) { return; }
        load(unique(query.pick.map(fileOf)), function (ok) {
          if (!current(my, ok)) { return; }
          for (var i = 0; i < query.pick.length; i++) {
            var t = query.pick[i], e = files[fileOf(t)].data[t];
            query.lists[t] = e ? postings(e, total()) : null;
          }
          fill(candidates(query), my, null);
        });
      });
    });
  }
  // parse returns the query's words, each with its terms, and the terms
  // whose lists to load: each word's first term, then the words' last
  // terms, up to maxTerms.
  function parse(full, ws) {
    var query = { full: full, words: [], lists: {}, pick: [] }, i, w;
    for (i = 0; i < ws.length; i++) {
      var ts = termsOf(ws[i]);
      query.words.push({ text: ws[i], len: chars(ws[i]).length, terms: ts, first: ts[0], whole: ts.length === 1 && ts[0] === ws[i] });
    }
    for (var round = 0; round < 2; round++) {
      for (i = 0; i < query.words.length; i++) {
        w = query.words[i];
        var t = round === 0 ? w.first : w.terms[w.terms.length - 1];
        if (t && query.pick.length < m.maxTerms && query.pick.indexOf(t) < 0) { query.pick.push(t); }
      }
    }
    return query;
  }
  function total() { var k = m.kinds[m.kinds.length - 1]; return k.first + k.count; }

  // candidates finds the documents that may match: those of the first whole
  // list (or, when every list was cut, the longest), less those another list
  // is known not to hold; each with an estimated rank, grouped by kind.
  function candidates(query) {
    var i, src = null, partial = false;
    for (i = 0; i < query.pick.length; i++) {
      var p = query.lists[query.pick[i]];
      if (!p) { return { query: query, groups: [], partial: false }; } // a term found nowhere: no document has every word
      if (p.whole && !src) { src = p; }
    }
    if (!src) {
      partial = true;
      for (i = 0; i < query.pick.length; i++) { p = query.lists[query.pick[i]]; if (!src || Math.min(p.nameLimit, p.textLimit) > Math.min(src.nameLimit, src.textLimit)) { src = p; } }
    }
    var groups = [];
    for (i = 0; i < m.kinds.length; i++) { groups.push({ kind: m.kinds[i], list: [], hits: [], next: 0, want: m.perKind, exact: !partial }); }
    for (var d = 0; d < src.docs.length; d++) {
      var doc = src.docs[d], unsure = false, keep = true, rank = 3;
      for (i = 0; i < query.pick.length && keep; i++) {
        var h = holds(query.lists[query.pick[i]], doc);
        if (h === false) { keep = false; } else if (h === null) { unsure = true; }
      }
      if (!keep) { continue; }
      for (i = 0; i < query.words.length; i++) {
        var w = query.words[i], l = w.first && query.lists[w.first], code = l ? l.name[doc] : undefined;
        if (code !== undefined) { rank = Math.min(rank, code === 0 ? 2 : code === w.len ? 0 : 1); }
      }
      var g = groups[kindOf(doc)];
      g.list.push({ doc: doc, rank: rank });
      if (unsure) { g.exact = false; }
    }
    for (i = 0; i < query.words.length; i++) {
      if (!query.words[i].whole || !query.lists[query.words[i].first]) { for (d = 0; d < groups.length; d++) { groups[d].exact = false; } }
    }
    for (i = 0; i < groups.length; i++) { groups[i].list.sort(function (a, b) { return a.rank - b.rank || a.doc - b.doc; }); }
    return { query: query, groups: groups, partial: partial };
  }
  function kindOf(doc) {
    for (var i = m.kinds.length - 1; i > 0; i--) { if (doc >= m.kinds[i].first) { return i; } }
    return 0;
  }
  function chunkOf(doc) {
    var k = m.kinds[kindOf(doc)], n = Math.floor((doc - k.first) / k.chunk);
    return "d/" + k.key + "/" + Math.floor(n / 1000) + "/" + (n % 1000) + ".js";
  }
  function fragmentOf(doc) {
    var k = m.kinds[kindOf(doc)];
    return files[chunkOf(doc)].data[(doc - k.first) % k.chunk];
  }

  // fill loads the documents of the next candidates of each group (only of
  // group only, when set), a round at a time, taking one candidate of each
  // group in turn, until each group shows what it wants or screenChunks
  // files were loaded; then it shows the results.
  function fill(r, my, only) {
    var budget = m.screenChunks;
    (function round() {
      if (my !== gen) { return; }
      var i, g, names = [];
      for (i = 0; i < r.groups.length; i++) { check(r, r.groups[i]); }
      var pos = [], taken = [];
      for (i = 0; i < r.groups.length; i++) { pos.push(r.groups[i].next); taken.push(r.groups[i].hits.length); }
      for (var more = true; more && budget > 0;) {
        more = false;
        for (i = 0; i < r.groups.length && budget > 0; i++) {
          g = r.groups[i];
          if ((only && g !== only) || taken[i] >= g.want || pos[i] >= g.list.length) { continue; }
          var name = chunkOf(g.list[pos[i]].doc);
          if (!(files[name] && files[name].done) && names.indexOf(name) < 0) {
            if (!files[name]) { budget--; }
            names.push(name);
          }
          pos[i]++; taken[i]++; more = true;
        }
      }
      if (!names.length) { show(r); return; }
      load(names, function (ok) {
        if (my !== gen) { return; }
        if (!ok) { status.textContent = say("failed"); return; }
        round();
      });
    }());
  }
  // check verifies the group's candidates whose documents have arrived, in
  // order, and keeps those that hold every word, with their exact rank.
  function check(r, g) {
    while (g.hits.length < g.want && g.next < g.list.length) {
      var c = g.list[g.next], f = files[chunkOf(c.doc)];
      if (!f || !f.done) { return; }
      if (f.failed) { g.next = g.list.length; return; }
      g.next++;
      var hit = match(r.query, c.doc, fragmentOf(c.doc));
      if (hit) { g.hits.push(hit); } else { g.exact = false; }
    }
  }
  // match ranks a document against every word: 0 the name (or ID) is the
  // word, 1 the name starts with it, 2 holds it, 3 other text holds it; a
  // one-character word must be in the name. null when a word is missing.
  function match(query, doc, f) {
    var id = fold(f[0]).t, name = fold(f[1]).t, ctx = fold(f[2].join("") + f[1]).t, rank = 3;
    if (id === query.full) { return { doc: doc, rank: 0, f: f }; } // an ID with its hyphens: P000065-2
    for (var i = 0; i < query.words.length; i++) {
      var w = query.words[i], r = -1;
      if (name === w.text || id === w.text) { r = 0; } else if (name.indexOf(w.text) === 0 || id.indexOf(w.text) === 0) { r = 1; } else if (name.indexOf(w.text) >= 0 || id.indexOf(w.text) >= 0) { r = 2; }
      if (r < 0 && w.len > 1) {
        if (ctx.indexOf(w.text) >= 0) { r = 3; }
        for (var k = 0; r < 0 && k < f[4].length; k++) { if (fold(f[4][k]).t.indexOf(w.text) >= 0) { r = 3; } }
        if (r < 0 && f[5] && w.first && query.lists[w.first] && query.lists[w.first].has[doc]) { r = 3; } // text cut to fit: trust the index
      }
      if (r < 0) { return null; }
      rank = Math.min(rank, r);
    }
    return { doc: doc, rank: rank, f: f };
  }

  /* ---- Showing results ---- */
  // show lays out the groups that have results, the group with the best
  // match first (kinds in their order for equal ranks), each best first.
  function show(r) {
    clear();
    var found = 0, gs = [], i, focusLater = null;
    for (i = 0; i < r.groups.length; i++) {
      var g = r.groups[i];
      g.at = i;
      g.hits.sort(function (a, b) { return a.rank - b.rank || a.doc - b.doc; });
      if (g.hits.length) { gs.push(g); }
    }
    gs.sort(function (a, b) { return a.hits[0].rank - b.hits[0].rank || a.at - b.at; });
    for (i = 0; i < gs.length; i++) {
      g = gs[i];
      found += g.hits.length;
      var sec = document.createElement("section");
      sec.className = "search-group search-" + g.kind.key;
      var h = document.createElement("h2");
      h.appendChild(document.createTextNode(g.kind.label + " "));
      var small = document.createElement("small");
      small.textContent = g.exact ? say("count", g.list.length) : say("about", g.list.length);
      h.appendChild(small);
      sec.appendChild(h);
      var ul = document.createElement("ul");
      for (var j = 0; j < g.hits.length; j++) {
        var li = ul.appendChild(item(r.query, g.kind, g.hits[j]));
        if (r.focus === g && j === r.focusAt) { focusLater = li.firstChild; }
      }
      sec.appendChild(ul);
      if (g.next < g.list.length) { sec.appendChild(moreButton(r, g)); }
      out.appendChild(sec);
    }
    status.textContent = found ? (r.partial ? say("partial") : "") : say("none");
    if (focusLater) { focusLater.focus(); } // after "show more": the first new result
    r.focus = null;
  }
  function moreButton(r, g) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "search-more";
    b.textContent = status.getAttribute("data-more");
    b.onclick = function () { r.focus = g; r.focusAt = g.hits.length; g.want += 10; fill(r, gen, g); };
    return b;
  }
  function item(query, kind, hit) {
    var f = hit.f, li = document.createElement("li");
    var a = document.createElement("a");
    a.href = kind.href.replace("{id}", encodeURIComponent(f[0]));
    mark(zh(a, f[1]), f[1], query.words);
    li.appendChild(a);
    var meta = document.createElement("p");
    meta.className = "meta";
    if (f[3]) { meta.appendChild(zh(span("note", f[3]), f[3])); }
    if (f[3] && f[2].length) { meta.appendChild(document.createTextNode(" \u00b7 ")); }
    if (f[2].length) { var place = zh(span("place", ""), f[2].join(" ")); mark(place, f[2].join(" "), query.words); meta.appendChild(place); }
    li.appendChild(meta);
    if (hit.rank === 3) {
      for (var k = 0; k < f[4].length; k++) {
        var s = snippet(f[4][k], query.words);
        if (s) { var p = zh(document.createElement("p"), s); p.className = "snippet"; mark(p, s, query.words); li.appendChild(p); break; }
      }
    }
    return li;
  }
  function span(cls, text) { var s = document.createElement("span"); s.className = cls; s.textContent = text; return s; }
  // ranges returns where the words occur in s, as [from, to) offsets of s.
  function ranges(s, ws) {
    var fs = fold(s), out = [];
    for (var i = 0; i < ws.length; i++) {
      for (var at = fs.t.indexOf(ws[i].text); at >= 0; at = fs.t.indexOf(ws[i].text, at + 1)) {
        out.push([fs.at[at], fs.at[at + ws[i].text.length]]);
      }
    }
    return out.sort(function (a, b) { return a[0] - b[0]; });
  }
  // mark appends s to el as text, each occurrence of a word in a <mark>.
  function mark(el, s, ws) {
    var rs = ranges(s, ws), at = 0;
    for (var i = 0; i < rs.length; i++) {
      var from = Math.max(rs[i][0], at);
      if (rs[i][1] <= from) { continue; }
      if (from > at) { el.appendChild(document.createTextNode(s.slice(at, from))); }
      var mk = document.createElement("mark");
      mk.textContent = s.slice(from, rs[i][1]);
      el.appendChild(mk);
      at = rs[i][1];
    }
    if (at < s.length) { el.appendChild(document.createTextNode(s.slice(at))); }
  }
  // snippet returns the part of s around its first match, or "".
  function snippet(s, ws) {
    var rs = ranges(s, ws);
    if (!rs.length) { return ""; }
    var from = Math.max(0, rs[0][0] - 20), to = Math.min(s.length, rs[0][1] + 40);
    return (from > 0 ? "\u2026" : "") + s.slice(from, to) + (to < s.length ? "\u2026" : "");
  }

  /* ---- The form ---- */
  function param(name) {
    var parts = window.location.search.replace(/^\?/, "").split("&");
    for (var i = 0; i < parts.length; i++) {
      var kv = parts[i].split("=");
      if (kv[0] === name && kv.length > 1) {
        try { return decodeURIComponent(kv[1].replace(/\+/g, " ")); } catch (e) { return ""; }
      }
    }
    return "";
  }
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (err) { /* file:// in some browsers */ }
    search(input.value);
  });
  var q = param("q");
  if (q) { input.value = q; search(q); }
}());
