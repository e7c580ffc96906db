// The charts of the program dashboard (templates/report/program.html). The data comes as JSON in the
// data-charts attribute of #program-charts (the content security policy forbids inline scripts), keyed by
// canvas id; each chart has a table beside it with the same figures for screen readers.
(function () {
  'use strict';
  var palette = ['#1f4e79', '#d97706', '#15803d', '#b91c1c', '#6d28d9', '#0e7490', '#a16207', '#475569'];
  var drawn = new WeakMap();

  function draw() {
    var holder = document.getElementById('program-charts');
    if (!holder || typeof window.Chart === 'undefined') {
      return;
    }
    var charts = JSON.parse(holder.dataset.charts || '{}');
    Object.keys(charts).forEach(function (id) {
      var canvas = document.getElementById(id);
      if (!canvas || drawn.has(canvas)) {
        return;
      }
      var spec = charts[id];
      drawn.set(canvas, new window.Chart(canvas, {
        type: spec.type,
        data: {
          labels: spec.labels,
          datasets: spec.datasets.map(function (d, i) {
            return { label: d.label, data: d.data, backgroundColor: (spec.colours && spec.colours[i]) || palette[i % palette.length] };
          })
        },
        options: {
          animation: false,
          maintainAspectRatio: false,
          scales: { x: { stacked: spec.stacked }, y: { stacked: spec.stacked, beginAtZero: true } },
          plugins: { legend: { display: spec.datasets.length > 1 } }
        }
      }));
    });
  }

  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSettle', draw);
  window.addEventListener('load', draw);
}());
