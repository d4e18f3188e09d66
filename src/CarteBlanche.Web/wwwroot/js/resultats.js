// The results' charts: each canvas[data-graphique] carries its data as JSON (no inline script: CSP). Drawn with
// Chart.js in the State design system's colours; no animation (old PCs, printing). The table after each chart gives
// the same numbers for screen readers and for copying.
(function () {
  if (typeof Chart === 'undefined') {
    return;
  }
  var colours = ['#000091', '#e1000f', '#18753c', '#b34000', '#6a6af4', '#a558a0', '#009081', '#716043', '#3a3a3a', '#c3992a', '#ce614a', '#417dc4'];
  var units = {
    Count: '', Percent: ' %', WorkingDays: ' j ouvrés', WorkingHours: ' h ouvrées', Hours: ' h', Euros: ' €', Rating: ' / 5'
  };
  var number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
  Chart.defaults.font.family = 'Marianne, arial, sans-serif';
  Chart.defaults.color = '#3a3a3a';
  document.querySelectorAll('canvas[data-graphique]').forEach(function (canvas) {
    var data = JSON.parse(canvas.getAttribute('data-graphique'));
    var line = data.kind === 'line';
    var stacked = data.kind === 'stacked';
    var suffix = units[data.unit] || '';
    var y = { beginAtZero: true, stacked: stacked, ticks: { callback: function (value) { return number.format(value) + suffix; } } };
    if (data.unit === 'Percent') { y.max = 100; }
    if (data.unit === 'Rating') { y.max = 5; }
    if (data.unit === 'Count') { y.ticks.precision = 0; }
    new Chart(canvas, {
      type: line ? 'line' : 'bar',
      data: {
        labels: data.labels,
        datasets: data.series.map(function (series, i) {
          return {
            label: series.label,
            data: series.data,
            borderColor: colours[i % colours.length],
            backgroundColor: colours[i % colours.length],
            borderWidth: line ? 2 : 0,
            pointRadius: line ? 3 : 0,
            spanGaps: false
          };
        })
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        locale: 'fr-FR',
        scales: { x: { stacked: stacked }, y: y },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 12 } },
          tooltip: {
            callbacks: {
              label: function (context) {
                return context.dataset.label + ' : ' + (context.parsed.y === null ? '—' : number.format(context.parsed.y) + suffix);
              }
            }
          }
        }
      }
    });
    canvas.setAttribute('data-dessine', 'oui');
  });
})();
