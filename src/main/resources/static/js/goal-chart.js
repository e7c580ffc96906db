// The progress chart of a goal page (templates/goal/view.html): the canvas carries its labels and values
// as JSON in data-* attributes, because the content security policy forbids inline scripts. The history
// list beside it shows the same values without JavaScript.
(function () {
  'use strict';
  var charts = new WeakMap();

  function draw() {
    var canvas = document.getElementById('goal-chart');
    if (!canvas || typeof window.Chart === 'undefined' || charts.has(canvas)) {
      return;
    }
    var labels = JSON.parse(canvas.dataset.labels || '[]');
    var values = JSON.parse(canvas.dataset.values || '[]');
    charts.set(canvas, new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: labels,
        datasets: [{ label: '%', data: values, borderColor: '#1f4e79', backgroundColor: '#1f4e79', stepped: true }]
      },
      options: {
        animation: false,
        scales: { y: { min: 0, max: 100, ticks: { stepSize: 25 } } },
        plugins: { legend: { display: false } }
      }
    }));
  }

  document.addEventListener('DOMContentLoaded', draw);
  // After an update is posted in place (htmx), the section and its canvas are new.
  document.addEventListener('htmx:afterSettle', draw);
  window.addEventListener('load', draw);
}());
