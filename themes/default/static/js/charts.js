/* gongshi: draws every chart on the page with the vendored ECharts.
   Each chart's options sit in <script type="application/json" id="chart-ID">
   (escaped by html/template); nothing is evaluated, so the page works under a
   strict Content-Security-Policy. SVG renderer: sharp on screen and in print.
   Without JavaScript the table under each chart is the chart. */
(function () {
  "use strict";
  if (!window.echarts) { return; }
  var charts = [];
  var boxes = document.querySelectorAll("[data-chart]");
  for (var i = 0; i < boxes.length; i++) {
    var box = boxes[i];
    var src = document.getElementById("chart-" + box.getAttribute("data-chart"));
    if (!src) { continue; }
    var option;
    try { option = JSON.parse(src.textContent); } catch (e) { continue; }
    var h = parseInt(box.getAttribute("data-height"), 10);
    if (h > 0) { box.style.height = h + "px"; }
    box.style.display = "block";
    var label = box.getAttribute("aria-label");
    var chart = window.echarts.init(box, null, { renderer: "svg" });
    chart.setOption(option);
    if (label) { box.setAttribute("aria-label", label); } // keep our description
    charts.push(chart);
    var details = box.parentNode.querySelector("details.chart-data");
    if (details) { details.removeAttribute("open"); }
  }
  if (charts.length) {
    document.documentElement.className += " js-charts";
    var timer = 0;
    window.addEventListener("resize", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        for (var j = 0; j < charts.length; j++) { charts[j].resize(); }
      }, 150);
    });
    window.addEventListener("beforeprint", function () {
      for (var j = 0; j < charts.length; j++) { charts[j].resize(); }
    });
  }
}());
