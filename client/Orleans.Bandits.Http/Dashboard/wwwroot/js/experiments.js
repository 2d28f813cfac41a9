import { ApiError, getJson, patchJson, postJson, readEvents } from './api.js';
import { createChart, destroyAll } from './charts.js';
import { createDecisionPanel, createEvaluationPanel } from './decisions.js';
import { createServingPanel } from './serving.js';
import { el, errorText, replace } from './dom.js';
import { betaDensity, betaGrid, color, format, formatAge } from './stats.js';

const listRefreshMs = 2000;
const reconnectMs = 2000;
const shareHistoryLength = 120;
const resetConfirmMs = 5000;

function statusBadge(status, id) {
  return el('span', { class: `badge ${status}`, id }, status);
}

function experimentPath(id) {
  return `/v1/experiments/${encodeURIComponent(id)}`;
}

// Every page of the list: the API pages it, and a tenant may hold more experiments than one page.
async function listAllExperiments() {
  const items = [];
  let after = null;
  do {
    const page = await getJson(`/v1/experiments?limit=1000${after === null ? '' : `&after=${encodeURIComponent(after)}`}`);
    items.push(...page.items);
    after = page.next;
  } while (after !== null);
  return items;
}

// The list: polled, because there is no stream of experiments; stops asking once a key is refused.
export function renderExperimentList(view) {
  let stopped = false;
  let timer = null;
  const status = el('p', { class: 'muted', id: 'experiments-status' }, 'Loading…');
  const body = el('tbody');
  const table = el('table', { id: 'experiments-table' },
    el('thead', {}, el('tr', {},
      el('th', {}, 'Experiment'), el('th', {}, 'Status'), el('th', {}, 'Policy'), el('th', { class: 'num' }, 'Arms'),
      el('th', { class: 'num' }, 'Version'), el('th', { class: 'num' }, 'Trained events'), el('th', {}, 'Created'))),
    body);
  replace(view, el('h1', {}, 'Experiments'), el('div', { class: 'panel' }, status, table));

  async function refresh() {
    try {
      const experiments = await listAllExperiments();
      if (stopped) {
        return;
      }
      replace(body, experiments.map(experiment => el('tr', {
        class: 'clickable',
        'data-experiment': experiment.id,
        onclick: () => { location.hash = `#/experiments/${encodeURIComponent(experiment.id)}`; },
      },
      el('td', {}, el('a', { href: `#/experiments/${encodeURIComponent(experiment.id)}` }, experiment.id)),
      el('td', {}, statusBadge(experiment.status)),
      el('td', {}, experiment.policy.name),
      el('td', { class: 'num' }, experiment.arms.length),
      el('td', { class: 'num', 'data-field': 'version' }, experiment.version),
      el('td', { class: 'num', 'data-field': 'trainedEvents' }, experiment.trainedEvents),
      el('td', {}, new Date(experiment.createdAt).toLocaleString()))));
      status.className = 'muted';
      status.textContent = experiments.length > 0
        ? `${experiments.length} experiment(s); refreshed ${new Date().toLocaleTimeString()}.`
        : 'No experiments yet: create one with POST /v1/experiments.';
    } catch (error) {
      if (stopped) {
        return;
      }
      status.className = 'error';
      status.textContent = errorText(error);
      if (error instanceof ApiError && error.status === 401) {
        return;
      }
    }
    if (!stopped) {
      timer = setTimeout(refresh, listRefreshMs);
    }
  }

  refresh();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

// One experiment, live: every `stats` event of the server-sent stream redraws the numbers and charts.
export function renderExperimentDetail(view, id) {
  const abort = new AbortController();
  const armColors = new Map();
  const share = { labels: [], rows: [] };
  let experiment = null;
  let latest = null;
  let lastEventAt = null;
  let posteriorChart = null;
  let intervalChart = null;
  let bestChart = null;
  let shareChart = null;

  const colorOf = armId => {
    if (!armColors.has(armId)) {
      armColors.set(armId, armColors.size);
    }
    return color(armColors.get(armId));
  };

  const title = el('h1', {}, id, ' ', el('span', { id: 'experiment-status' }));
  const toggle = el('button', { type: 'button', id: 'toggle-status', class: 'primary', disabled: true });
  const reset = el('button', { type: 'button', id: 'reset-experiment', disabled: true }, 'Reset');
  const actionError = el('span', { class: 'error', id: 'action-error' });
  const streamState = el('span', { class: 'muted', id: 'stream-state' }, 'connecting…');
  const field = (label, fieldId) => el('div', {}, el('span', {}, label), el('strong', { id: fieldId }, '—'));
  const facts = el('div', { class: 'facts' },
    field('Policy', 'policy'), field('Version', 'version'), field('Trained events', 'trained-events'),
    field('Duplicates dropped', 'duplicates'), field('Blocked arms', 'blocked-arms'), field('Winner', 'winner'));
  const staleness = el('p', { id: 'staleness', class: 'muted' }, '—');
  const message = el('p', { class: 'error', id: 'detail-error' });
  const posteriorPanel = el('div', { class: 'panel', id: 'posterior-panel', hidden: true },
    el('h2', {}, 'Posterior densities (Beta)'),
    el('div', { class: 'chart-box' }, el('canvas', { id: 'posterior-chart' })),
    el('p', { class: 'hint' }, 'Beta(α₀ + reward sum, β₀ + count − reward sum) per arm, prior α₀, β₀ from the policy.'));
  const bestNote = el('p', { class: 'hint', id: 'best-note' }, 'P(best) per arm, from the posterior.');
  const armsBody = el('tbody');
  const auditBody = el('tbody');

  const decisionPanel = createDecisionPanel(colorOf);
  const servingPanel = createServingPanel(experimentPath(id), changed => {
    showExperiment(changed);
    refreshAudit();
  });
  replace(view,
    el('p', {}, el('a', { href: '#/experiments' }, '← all experiments')),
    title,
    el('div', { class: 'toolbar' }, toggle, reset, streamState, actionError),
    message,
    el('div', { class: 'panel' }, facts, staleness),
    servingPanel.element,
    el('div', { class: 'grid' },
      posteriorPanel,
      el('div', { class: 'panel' }, el('h2', {}, 'Estimated mean with 95 % interval'),
        el('div', { class: 'chart-box' }, el('canvas', { id: 'interval-chart' }))),
      el('div', { class: 'panel' }, el('h2', {}, 'Probability of being best'),
        el('div', { class: 'chart-box' }, el('canvas', { id: 'best-chart' })), bestNote),
      el('div', { class: 'panel' }, el('h2', {}, 'Traffic share over time'),
        el('div', { class: 'chart-box' }, el('canvas', { id: 'share-chart' })),
        el('p', { class: 'hint' }, 'Per arm, the share of the feedback events learned between two successive stats updates.'))),
    el('div', { class: 'panel' }, el('h2', {}, 'Arms'),
      el('table', { id: 'arms-table' },
        el('thead', {}, el('tr', {},
          el('th', {}, 'Arm'), el('th', {}, 'State'), el('th', { class: 'num' }, 'Events'), el('th', { class: 'num' }, 'Reward sum'),
          el('th', { class: 'num' }, 'Mean'), el('th', { class: 'num' }, '95 % interval'), el('th', { class: 'num' }, 'P(best)'),
          el('th', { class: 'num', title: 'E[max θ − θ(arm)]: the reward given up, in expectation, by playing this arm instead of the best' }, 'Expected loss'))),
        armsBody)),
    el('div', { class: 'panel' }, el('h2', {}, 'Audit log'),
      el('table', { id: 'audit-table' },
        el('thead', {}, el('tr', {}, el('th', {}, 'When'), el('th', {}, 'Who'), el('th', {}, 'Action'), el('th', {}, 'Detail'))),
        auditBody)),
    el('div', { class: 'grid' }, decisionPanel.element, createEvaluationPanel(experimentPath(id), abort.signal)));

  intervalChart = createChart(view.querySelector('#interval-chart'), 'bar', { labels: [], datasets: [] }, {
    plugins: { legend: { display: true, position: 'bottom' } },
  });
  bestChart = createChart(view.querySelector('#best-chart'), 'bar', { labels: [], datasets: [] }, {
    plugins: { legend: { display: false } },
    scales: { y: { min: 0, max: 1 } },
  });
  shareChart = createChart(view.querySelector('#share-chart'), 'bar', { labels: [], datasets: [] }, {
    scales: { x: { stacked: true }, y: { stacked: true, min: 0, max: 1 } },
  });

  const isBeta = () => experiment?.policy?.name === 'thompson-beta';
  const param = (name, fallback) => {
    const value = experiment?.policy?.params?.[name];
    return typeof value === 'number' ? value : fallback;
  };

  function showExperiment(next) {
    experiment = next;
    replace(view.querySelector('#experiment-status'), statusBadge(experiment.status));
    view.querySelector('#experiment-status').dataset.status = experiment.status;
    view.querySelector('#policy').textContent = experiment.policy.name;
    toggle.textContent = experiment.status === 'paused' ? 'Resume' : 'Pause';
    toggle.disabled = false;
    reset.disabled = false;
    view.querySelector('#winner').textContent = describeWinner(experiment.winner);
    servingPanel.show(experiment);
    posteriorPanel.hidden = !isBeta();
    if (isBeta() && !posteriorChart) {
      posteriorChart = createChart(view.querySelector('#posterior-chart'), 'line', { datasets: [] }, {
        parsing: false,
        elements: { point: { radius: 0 } },
        scales: { x: { type: 'linear', title: { display: true, text: 'success probability' } }, y: { title: { display: true, text: 'density' } } },
      });
    }
  }

  function describeWinner(winner) {
    if (!winner) {
      return 'no rule';
    }
    const rule = `P(best) ≥ ${winner.probabilityBest}, loss ≤ ${winner.maxExpectedLoss}${winner.promote ? ', promoted' : ''}`;
    return winner.arm
      ? `${winner.arm} (since ${new Date(winner.declaredAt).toLocaleTimeString()}; ${rule})`
      : `none yet (${rule})`;
  }

  async function refreshAudit() {
    try {
      const audit = await getJson(`${experimentPath(id)}/audit`, { signal: abort.signal });
      replace(auditBody, audit.items.slice().reverse().map(entry => el('tr', { 'data-action': entry.action },
        el('td', {}, new Date(entry.at).toLocaleString()),
        el('td', { 'data-field': 'actor' }, entry.actor),
        el('td', { 'data-field': 'action' }, entry.action),
        el('td', { class: 'detail' }, entry.detail))));
    } catch (error) {
      if (!abort.signal.aborted) {
        actionError.textContent = errorText(error);
      }
    }
  }

  function blockedUntil(arm) {
    return arm.blockedUntil && Date.parse(arm.blockedUntil) > Date.now() ? new Date(arm.blockedUntil) : null;
  }

  function armState(arm) {
    if (arm.retired) {
      return el('span', { class: 'badge retired' }, 'retired');
    }
    const until = blockedUntil(arm);
    return until
      ? el('span', { class: 'badge blocked', title: until.toISOString() }, `blocked until ${until.toLocaleTimeString()}`)
      : el('span', { class: 'badge running' }, 'active');
  }

  function drawPosteriors(arms) {
    if (!posteriorChart) {
      return;
    }
    const alpha0 = param('alpha', 1);
    const beta0 = param('beta', 1);
    const posteriors = arms.map(arm => ({
      arm,
      alpha: alpha0 + Math.max(0, arm.rewardSum),
      beta: beta0 + Math.max(0, arm.count - arm.rewardSum),
    }));
    const xs = betaGrid(posteriors);
    posteriorChart.data.datasets = posteriors.map(({ arm, alpha, beta }) => ({
      label: `${arm.id} (α=${format(alpha, 1)}, β=${format(beta, 1)})`,
      data: xs.map(x => ({ x, y: betaDensity(x, alpha, beta) })),
      borderColor: colorOf(arm.id),
      backgroundColor: colorOf(arm.id),
      borderWidth: 2,
    }));
    posteriorChart.update();
  }

  function drawIntervals(arms) {
    intervalChart.data.labels = arms.map(a => a.id);
    intervalChart.data.datasets = [
      {
        label: '95 % interval',
        data: arms.map(a => (a.ci95 ? [a.ci95[0], a.ci95[1]] : null)),
        backgroundColor: arms.map(a => color(armColors.get(a.id) ?? 0, 0.35)),
        borderColor: arms.map(a => colorOf(a.id)),
        borderWidth: 1,
      },
      {
        type: 'line',
        label: 'mean',
        data: arms.map(a => a.mean),
        showLine: false,
        pointStyle: 'line',
        pointRadius: 14,
        pointBorderWidth: 3,
        borderColor: '#1d2330',
        backgroundColor: '#1d2330',
      },
    ];
    intervalChart.update();
  }

  function drawBest(arms) {
    const known = arms.some(a => a.probabilityBest !== null && a.probabilityBest !== undefined);
    bestNote.textContent = known
      ? 'P(best) per arm, from the posterior.'
      : `${experiment?.policy?.name ?? 'This policy'} has no posterior, so no probability of being best.`;
    bestChart.data.labels = arms.map(a => a.id);
    bestChart.data.datasets = [{
      label: 'P(best)',
      data: arms.map(a => a.probabilityBest ?? 0),
      backgroundColor: arms.map(a => colorOf(a.id)),
    }];
    bestChart.update();
  }

  function recordShare(previous, stats) {
    const before = new Map(previous.arms.map(a => [a.id, a.count]));
    const deltas = stats.arms.map(a => ({ id: a.id, delta: Math.max(0, a.count - (before.get(a.id) ?? 0)) }));
    const total = deltas.reduce((sum, d) => sum + d.delta, 0);
    if (total === 0) {
      return;
    }
    share.labels.push(new Date().toLocaleTimeString());
    share.rows.push(new Map(deltas.map(d => [d.id, d.delta / total])));
    if (share.labels.length > shareHistoryLength) {
      share.labels.shift();
      share.rows.shift();
    }
    const ids = [...new Set(share.rows.flatMap(row => [...row.keys()]))];
    shareChart.data.labels = [...share.labels];
    shareChart.data.datasets = ids.map(armId => ({
      label: armId,
      data: share.rows.map(row => row.get(armId) ?? 0),
      backgroundColor: colorOf(armId),
    }));
    shareChart.update();
  }

  function drawTable(arms) {
    const winner = latest?.winner?.arm;
    replace(armsBody, arms.map(arm => el('tr', { 'data-arm': arm.id, class: arm.id === winner ? 'best' : '' },
      el('td', {}, el('span', { style: { color: colorOf(arm.id) } }, '■ '), arm.id),
      el('td', {}, armState(arm), arm.id === winner ? el('span', { class: 'badge converged', id: 'winner-badge' }, 'winner') : ''),
      el('td', { class: 'num', 'data-field': 'count' }, arm.count),
      el('td', { class: 'num' }, format(arm.rewardSum, 2)),
      el('td', { class: 'num', 'data-field': 'mean' }, format(arm.mean)),
      el('td', { class: 'num' }, arm.ci95 ? `[${format(arm.ci95[0])}, ${format(arm.ci95[1])}]` : '—'),
      el('td', { class: 'num', 'data-field': 'probabilityBest' }, format(arm.probabilityBest)),
      el('td', { class: 'num', 'data-field': 'expectedLoss' }, format(arm.expectedLoss)))));
  }

  function showStaleness() {
    if (!latest) {
      return;
    }
    const age = Date.now() - Date.parse(latest.updatedAt);
    const heard = lastEventAt ? `; last message from the stream ${formatAge(Date.now() - lastEventAt)} ago` : '';
    staleness.textContent =
      `Learned state is ${formatAge(age)} old (version ${latest.version}, changed ${new Date(latest.updatedAt).toLocaleTimeString()}); ` +
      `every silo's selection replica reflects it within ${Math.round(latest.refreshIntervalMs)} ms${heard}.`;
  }

  function applyStats(stats) {
    const previous = latest;
    latest = stats;
    lastEventAt = Date.now();
    const live = stats.arms.filter(a => !a.retired);
    for (const arm of stats.arms) {
      colorOf(arm.id);
    }
    view.querySelector('#version').textContent = stats.version;
    view.querySelector('#trained-events').textContent = stats.trainedEvents;
    view.querySelector('#duplicates').textContent = stats.duplicatesDropped;
    const blocked = live.filter(a => blockedUntil(a));
    view.querySelector('#blocked-arms').textContent = blocked.length > 0 ? blocked.map(a => a.id).join(', ') : 'none';
    drawTable(stats.arms);
    decisionPanel.update(stats, experiment);
    servingPanel.update(stats);
    drawPosteriors(live);
    drawIntervals(live);
    drawBest(live);
    if (previous) {
      recordShare(previous, stats);
    }
    showStaleness();
  }

  async function stream() {
    for (;;) {
      try {
        await readEvents(`${experimentPath(id)}/stats/stream`, (name, data) => {
          if (name === 'stats') {
            applyStats(JSON.parse(data));
            streamState.textContent = 'live';
            getJson(experimentPath(id), { signal: abort.signal }).then(showExperiment, () => {});
            refreshAudit();
          } else if (name === 'heartbeat') {
            lastEventAt = Date.now();
          }
        }, abort.signal);
      } catch (error) {
        if (abort.signal.aborted) {
          return;
        }
        if (error instanceof ApiError && error.status !== 503) {
          message.textContent = errorText(error);
          streamState.textContent = 'stopped';
          return;
        }
      }
      if (abort.signal.aborted) {
        return;
      }
      streamState.textContent = 'reconnecting…';
      await new Promise(resolve => setTimeout(resolve, reconnectMs));
      if (abort.signal.aborted) {
        return;
      }
    }
  }

  toggle.addEventListener('click', async () => {
    const next = experiment.status === 'paused' ? 'running' : 'paused';
    toggle.disabled = true;
    actionError.textContent = '';
    try {
      showExperiment(await patchJson(experimentPath(id), { status: next }));
      refreshAudit();
    } catch (error) {
      actionError.textContent = errorText(error);
      toggle.disabled = false;
    }
  });

  // Two clicks: a reset forgets everything learned, so the first click only asks for the second.
  let resetArmed = null;
  reset.addEventListener('click', async () => {
    actionError.textContent = '';
    if (!resetArmed) {
      reset.textContent = 'Confirm reset';
      reset.classList.add('danger');
      resetArmed = setTimeout(() => {
        resetArmed = null;
        reset.textContent = 'Reset';
        reset.classList.remove('danger');
      }, resetConfirmMs);
      return;
    }
    clearTimeout(resetArmed);
    resetArmed = null;
    reset.textContent = 'Reset';
    reset.classList.remove('danger');
    reset.disabled = true;
    try {
      showExperiment(await postJson(`${experimentPath(id)}/reset`, {}));
      refreshAudit();
    } catch (error) {
      actionError.textContent = errorText(error);
      reset.disabled = false;
    }
  });

  const ticker = setInterval(showStaleness, 1000);
  getJson(experimentPath(id), { signal: abort.signal })
    .then(found => {
      showExperiment(found);
      return stream();
    })
    .catch(error => {
      if (!abort.signal.aborted) {
        message.textContent = errorText(error);
      }
    });

  return () => {
    abort.abort();
    clearInterval(ticker);
    clearTimeout(resetArmed);
    destroyAll([posteriorChart, intervalChart, bestChart, shareChart]);
    decisionPanel.destroy();
  };
}
