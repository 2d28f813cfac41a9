// Thin wrappers over the vendored Chart.js (loaded as a classic script, hence window.Chart).
// Animation is off: the data changes every second and a chart should show the newest state at once.

const Chart = window.Chart;

const base = {
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
  plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
};

export function createChart(canvas, type, data, options = {}) {
  return new Chart(canvas, { type, data, options: { ...base, ...options, plugins: { ...base.plugins, ...options.plugins } } });
}

export function destroyAll(charts) {
  for (const chart of charts) {
    chart?.destroy();
  }
}
