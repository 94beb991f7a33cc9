// Package charts computes the numbers behind every chart, figure and table
// of the site from the dataset, and turns charts into ECharts options with
// go-echarts (the only package that imports it). Options reach pages as JSON
// in <script type="application/json">, escaped by html/template, and are drawn
// by the theme's js/charts.js — never through go-echarts' own script output,
// which does not escape data (see LIBRARIES.md). Each chart also carries its
// numbers as a table (for screen readers, print and readers without
// JavaScript) and as a CSV file.
//
// Shortcodes in Markdown name charts, figures and tables; the names, their
// arguments and what they show are listed in names.go and in the README.
package charts
