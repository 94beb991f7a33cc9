/* gongshi: draws the charts of a page with the vendored ECharts, each when
   it scrolls into view. ECharts itself (650 KB) is loaded only then, from
   the address in this script's data-echarts attribute, so a reader who
   never scrolls to a chart never downloads or runs it.
   Each chart's options sit in <script type="application/json" id="chart-ID">
   (escaped when the page was built); nothing is evaluated, so the page works
   under a strict Content-Security-Policy. SVG renderer: sharp on screen and
   in print. Without JavaScript the table under each chart is the chart. */
(function () {
  "use strict";
  var me = document.currentScript;
  var lib = me && me.getAttribute("data-echarts");
  var boxes = document.querySelectorAll("[data-chart]");
  if (!lib || !boxes.length) { return; }
  var drawn = [];
  var waiting = [];
  var loading = false;

  // withECharts runs fn once ECharts is loaded, loading it on first use.
  function withECharts(fn) {
    if (window.echarts) { fn(); return; }
    waiting.push(fn);
    if (loading) { return; }
    loading = true;
    var s = document.createElement("script");
    s.src = lib;
    s.onload = function () {
      var list = waiting;
      waiting = [];
      for (var i = 0; i < list.length; i++) { list[i](); }
    };
    document.head.appendChild(s);
  }

  function draw(box) {
    var src = document.getElementById("chart-" + box.getAttribute("data-chart"));
    if (!src || !window.echarts) { return; }
    var option;
    try { option = JSON.parse(src.textContent); } catch (e) { return; }
    var h = parseInt(box.getAttribute("data-height"), 10);
    if (h > 0) { box.style.height = h + "px"; }
    box.style.display = "block";
    var space = box.querySelector(".chart-space"); // kept the chart's room until now
    if (space) { box.removeChild(space); }
    var label = box.getAttribute("aria-label");
    var chart = window.echarts.init(box, null, { renderer: "svg" });
    chart.setOption(option);
    if (label) { box.setAttribute("aria-label", label); } // keep our description
    drawn.push(chart);
    var fig = box.parentNode;
    fig.className += " drawn";
    // The drawing stands for its table: fold the table away, unless the
    // chart is on the screen now (folding would move what the reader sees).
    var details = fig.querySelector("details.chart-data");
    if (details && fig.getBoundingClientRect().top >= window.innerHeight) { details.removeAttribute("open"); }
    if (drawn.length === 1) {
      document.documentElement.className += " js-charts";
      listen();
    }
  }

  function listen() {
    var timer = 0;
    var resize = function () {
      for (var j = 0; j < drawn.length; j++) { drawn[j].resize(); }
    };
    window.addEventListener("resize", function () {
      clearTimeout(timer);
      timer = setTimeout(resize, 150);
    });
    window.addEventListener("beforeprint", resize);
  }

  // The figure, not the box, is watched: the box is hidden (display: none)
  // until it is drawn, and a hidden element never comes into view.
  if (!("IntersectionObserver" in window)) {
    withECharts(function () { for (var i = 0; i < boxes.length; i++) { draw(boxes[i]); } });
    return;
  }
  var seen = new IntersectionObserver(function (entries) {
    for (var i = 0; i < entries.length; i++) {
      if (!entries[i].isIntersecting) { continue; }
      var fig = entries[i].target;
      seen.unobserve(fig);
      withECharts(draw.bind(null, fig.querySelector("[data-chart]")));
    }
  }, { rootMargin: "200px 0px" });
  for (var k = 0; k < boxes.length; k++) { seen.observe(boxes[k].parentNode); }
}());
