import { ApiError, getJson, getText } from './api.js';
import { createChart, destroyAll } from './charts.js';
import { el, errorText, replace } from './dom.js';
import { color, format, formatAge, formatInterval, meanInterval } from './stats.js';

// The format agreed with the flaky-load-balancer harness: one row per strategy × tier × seed.
export const runsHeader = 'strategy,tier,seed,requests,successes,score,attempts,retries,penalties,latencyP50Ms,latencyP99Ms';
const numericColumns = runsHeader.split(',').slice(2);
const livePollMs = 1000;
// While no harness runs there is nothing to watch: ask less often, and log fewer 404s.
const idlePollMs = 5000;

export function parseRuns(text) {
  const lines = text.split(/\r?\n/).filter(line => line.trim().length > 0);
  if (lines.length === 0 || lines[0].trim() !== runsHeader) {
    throw new Error(`Not a harness runs.csv: the first line must be exactly "${runsHeader}".`);
  }
  return lines.slice(1).map((line, index) => {
    const cells = line.split(',').map(cell => cell.trim());
    if (cells.length !== 11) {
      throw new Error(`Line ${index + 2}: expected 11 fields, found ${cells.length}.`);
    }
    const row = { strategy: cells[0], tier: cells[1] };
    numericColumns.forEach((name, i) => {
      const value = Number(cells[i + 2]);
      if (cells[i + 2] === '' || !Number.isFinite(value)) {
        throw new Error(`Line ${index + 2}: ${name} "${cells[i + 2]}" is not a number.`);
      }
      row[name] = value;
    });
    if (row.requests <= 0) {
      throw new Error(`Line ${index + 2}: requests must be positive.`);
    }
    return row;
  });
}

// Per strategy, each metric's mean and 95 % t interval over the seeds; the best has the highest mean score.
function summarizeGroup(name, runsByStrategy) {
  const strategies = [...runsByStrategy.entries()].map(([strategy, runs]) => ({
    strategy,
    seeds: runs.length,
    score: meanInterval(runs.map(r => r.score)),
    successRate: meanInterval(runs.map(r => r.successes / r.requests)),
    retries: meanInterval(runs.map(r => r.retries)),
    penalties: meanInterval(runs.map(r => r.penalties)),
    latencyP50Ms: meanInterval(runs.map(r => r.latencyP50Ms).filter(Number.isFinite)),
    latencyP99Ms: meanInterval(runs.map(r => r.latencyP99Ms).filter(Number.isFinite)),
  }));
  strategies.sort((a, b) => b.score.mean - a.score.mean || a.strategy.localeCompare(b.strategy));
  const best = strategies[0];
  // The runner-up is "not separated" when its interval reaches the best one's: the ranking could flip with more seeds.
  const runnerUp = strategies[1];
  const separated = !runnerUp || !Number.isFinite(best.score.low) || !Number.isFinite(runnerUp.score.high)
    ? null
    : runnerUp.score.high < best.score.low;
  return { name, strategies, best: best?.strategy, runnerUp: runnerUp?.strategy, separated };
}

export function summarize(rows) {
  const tiers = [...new Set(rows.map(r => r.tier))].sort();
  const groups = tiers.map(tier => {
    const byStrategy = new Map();
    for (const row of rows.filter(r => r.tier === tier)) {
      byStrategy.set(row.strategy, [...(byStrategy.get(row.strategy) ?? []), row]);
    }
    return summarizeGroup(tier, byStrategy);
  });

  // Overall, per strategy and seed: scores, successes, retries and penalties add up over the tiers
  // (the harness scores +1 per success, −1 per attempt beyond the third), so the seeds stay the unit.
  const perSeed = new Map();
  for (const row of rows) {
    const key = `${row.strategy}\u0000${row.seed}`;
    const sum = perSeed.get(key) ?? { strategy: row.strategy, requests: 0, successes: 0, score: 0, retries: 0, penalties: 0, latencyP50Ms: NaN, latencyP99Ms: NaN };
    sum.requests += row.requests;
    sum.successes += row.successes;
    sum.score += row.score;
    sum.retries += row.retries;
    sum.penalties += row.penalties;
    perSeed.set(key, sum);
  }
  const overallByStrategy = new Map();
  for (const sum of perSeed.values()) {
    overallByStrategy.set(sum.strategy, [...(overallByStrategy.get(sum.strategy) ?? []), sum]);
  }
  return { tiers, groups, overall: summarizeGroup('Overall', overallByStrategy) };
}

function groupTable(group, id) {
  const caption = group.strategies.length < 2
    ? ''
    : group.separated === true
      ? `Best: ${group.best}, ahead of ${group.runnerUp} beyond both 95 % intervals.`
      : group.separated === false
        ? `Best: ${group.best} by mean score; ${group.runnerUp}'s 95 % interval overlaps it, so the order is not settled.`
        : `Best: ${group.best} by mean score (one seed: no interval).`;
  return el('div', { class: 'panel' },
    el('h2', {}, group.name === 'Overall' ? 'Overall (per seed, summed over tiers)' : `Tier ${group.name}`),
    el('table', { id },
      el('thead', {}, el('tr', {},
        el('th', {}, 'Strategy'), el('th', { class: 'num' }, 'Seeds'), el('th', { class: 'num' }, 'Score'),
        el('th', { class: 'num' }, 'Success rate'), el('th', { class: 'num' }, 'Retries'), el('th', { class: 'num' }, 'Penalties'),
        el('th', { class: 'num' }, 'p50 ms'), el('th', { class: 'num' }, 'p99 ms'))),
      el('tbody', {}, group.strategies.map(s => el('tr', {
        class: s.strategy === group.best ? 'best' : undefined,
        'data-strategy': s.strategy,
        'data-best': s.strategy === group.best ? 'true' : undefined,
      },
      el('td', {}, s.strategy),
      el('td', { class: 'num' }, s.seeds),
      el('td', { class: 'num', 'data-field': 'score' }, formatInterval(s.score, 1)),
      el('td', { class: 'num', 'data-field': 'successRate' }, formatInterval(s.successRate, 3)),
      el('td', { class: 'num', 'data-field': 'retries' }, formatInterval(s.retries, 1)),
      el('td', { class: 'num', 'data-field': 'penalties' }, formatInterval(s.penalties, 1)),
      el('td', { class: 'num' }, format(s.latencyP50Ms.mean, 1)),
      el('td', { class: 'num' }, format(s.latencyP99Ms.mean, 1)))))),
    el('p', { class: 'hint', 'data-best-note': group.name }, caption));
}

export function renderComparison(view) {
  let stopped = false;
  let liveTimer = null;
  let runsChart = null;
  const liveCharts = {};

  const source = el('span', { class: 'muted', id: 'runs-source' }, 'Loading the server\'s runs.csv…');
  const fileInput = el('input', { type: 'file', id: 'runs-file', accept: '.csv,text/csv' });
  const results = el('div', { id: 'runs-results' });
  const chartPanel = el('div', { class: 'panel', hidden: true },
    el('h2', {}, 'Success rate per strategy and tier (95 % interval over seeds)'),
    el('div', { class: 'chart-box' }, el('canvas', { id: 'runs-chart' })));
  const liveTitle = el('p', { id: 'live-title', class: 'muted' }, 'Looking for a running harness…');
  const serversBody = el('tbody');
  const livePanels = el('div', { class: 'grid', id: 'live-panels', hidden: true },
    el('div', { class: 'panel' }, el('h2', {}, 'Success rate'), el('div', { class: 'chart-box' }, el('canvas', { id: 'live-success-chart' }))),
    el('div', { class: 'panel' }, el('h2', {}, 'Cumulative regret'), el('div', { class: 'chart-box' }, el('canvas', { id: 'live-regret-chart' }))),
    el('div', { class: 'panel' }, el('h2', {}, 'Server health'),
      el('div', { class: 'chart-box' }, el('canvas', { id: 'live-servers-chart' })),
      el('table', { id: 'live-servers' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Server'), el('th', {}, 'Tier'), el('th', { class: 'num' }, 'Success rate'), el('th', { class: 'num' }, 'Rate limited'))),
        serversBody)));

  replace(view,
    el('h1', {}, 'Strategy comparison (flaky load balancer)'),
    el('div', { class: 'panel' },
      el('div', { class: 'toolbar' },
        el('button', { type: 'button', id: 'runs-reload', onclick: () => loadServerRuns() }, 'Load the server\'s runs.csv'),
        el('label', {}, 'or open a local runs.csv: ', fileInput)),
      source),
    chartPanel,
    results,
    el('h1', {}, 'Live harness run'),
    liveTitle,
    livePanels);

  function showRuns(text, origin) {
    let summary;
    try {
      summary = summarize(parseRuns(text));
    } catch (error) {
      source.className = 'error';
      source.textContent = `${origin}: ${errorText(error)}`;
      return;
    }
    source.className = 'muted';
    source.textContent = `${origin}: ${summary.groups.reduce((n, g) => n + g.strategies.length, 0)} strategy × tier results over ${summary.tiers.length} tier(s).`;
    replace(results,
      summary.groups.map(group => groupTable(group, `runs-table-${group.name}`)),
      groupTable(summary.overall, 'runs-table-overall'));
    drawRunsChart(summary);
  }

  function drawRunsChart(summary) {
    chartPanel.hidden = summary.groups.length === 0;
    const strategies = [...new Set(summary.groups.flatMap(g => g.strategies.map(s => s.strategy)))].sort();
    const data = {
      labels: strategies,
      datasets: summary.groups.map((group, index) => ({
        label: group.name,
        data: strategies.map(strategy => {
          const found = group.strategies.find(s => s.strategy === strategy)?.successRate;
          if (!found) {
            return null;
          }
          // One seed has no interval: a thin bar at the mean still shows where it is.
          return Number.isFinite(found.half) ? [found.low, found.high] : [found.mean - 0.002, found.mean + 0.002];
        }),
        backgroundColor: color(index, 0.55),
        borderColor: color(index),
        borderWidth: 1,
      })),
    };
    if (runsChart) {
      runsChart.data = data;
      runsChart.update();
    } else {
      runsChart = createChart(view.querySelector('#runs-chart'), 'bar', data, { scales: { y: { title: { display: true, text: 'success rate' } } } });
    }
  }

  async function loadServerRuns() {
    source.className = 'muted';
    source.textContent = 'Loading the server\'s runs.csv…';
    try {
      showRuns(await getText('/dashboard/harness/runs'), 'Server runs.csv');
    } catch (error) {
      if (stopped) {
        return;
      }
      source.className = error instanceof ApiError && error.status === 404 ? 'muted' : 'error';
      source.textContent = `${errorText(error)} Open a local runs.csv instead.`;
    }
  }

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (file) {
      showRuns(await file.text(), `Local file ${file.name}`);
    }
  });

  function lineChart(canvasId, label, points, value, yOptions) {
    const data = { datasets: [{ label, data: points.map(p => ({ x: p.requests, y: value(p) })), borderColor: color(0), backgroundColor: color(0), borderWidth: 2 }] };
    if (liveCharts[canvasId]) {
      liveCharts[canvasId].data = data;
      liveCharts[canvasId].update();
      return;
    }
    liveCharts[canvasId] = createChart(view.querySelector(`#${canvasId}`), 'line', data, {
      parsing: false,
      elements: { point: { radius: 0 } },
      plugins: { legend: { display: false } },
      scales: { x: { type: 'linear', title: { display: true, text: 'requests' } }, y: yOptions },
    });
  }

  function showLive(live) {
    livePanels.hidden = false;
    const age = Date.now() - Date.parse(live.updatedAt);
    liveTitle.className = 'muted';
    liveTitle.textContent = `Strategy ${live.strategy}, tier ${live.tier}, seed ${live.seed}: ` +
      `${live.points.at(-1)?.requests ?? 0} requests; updated ${formatAge(age)} ago.`;
    lineChart('live-success-chart', 'success rate', live.points, p => p.successRate, { min: 0, max: 1 });
    lineChart('live-regret-chart', 'cumulative regret', live.points, p => p.cumulativeRegret, { beginAtZero: true });
    const tiers = [...new Set(live.servers.map(s => s.tier))].sort();
    const serverData = {
      labels: live.servers.map(s => s.name),
      datasets: [{
        label: 'success rate',
        data: live.servers.map(s => s.successRate),
        backgroundColor: live.servers.map(s => color(tiers.indexOf(s.tier), s.rateLimited > 0 ? 0.45 : 0.9)),
      }],
    };
    if (liveCharts.servers) {
      liveCharts.servers.data = serverData;
      liveCharts.servers.update();
    } else {
      liveCharts.servers = createChart(view.querySelector('#live-servers-chart'), 'bar', serverData, {
        plugins: { legend: { display: false } },
        scales: { y: { min: 0, max: 1 } },
      });
    }
    replace(serversBody, live.servers.map(s => el('tr', { 'data-server': s.name },
      el('td', {}, s.name), el('td', {}, s.tier),
      el('td', { class: 'num' }, format(s.successRate)), el('td', { class: 'num' }, s.rateLimited))));
  }

  async function pollLive() {
    let wait = livePollMs;
    try {
      showLive(await getJson('/dashboard/harness/live'));
    } catch (error) {
      if (stopped) {
        return;
      }
      wait = idlePollMs;
      livePanels.hidden = true;
      liveTitle.className = error instanceof ApiError && error.status === 404 ? 'muted' : 'error';
      liveTitle.textContent = error instanceof ApiError && error.status === 404
        ? 'No harness run is in progress (no live.json).'
        : errorText(error);
      if (error instanceof ApiError && error.status === 401) {
        return;
      }
    }
    if (!stopped) {
      liveTimer = setTimeout(pollLive, wait);
    }
  }

  loadServerRuns();
  pollLive();
  return () => {
    stopped = true;
    clearTimeout(liveTimer);
    destroyAll([runsChart, ...Object.values(liveCharts)]);
  };
}
