import { getJson, postJson } from './api.js';
import { createChart } from './charts.js';
import { el, errorText, replace } from './dom.js';
import { format } from './stats.js';

const estimators = ['ips', 'snips', 'dr'];

// Decisions against their outcomes: how many selections were recorded, learned, defaulted after their wait, or
// still waiting. Pending is only known when a decision takes one outcome (`first`); under `sum` it is not shown.
export function createDecisionPanel(colorOf) {
  const field = (label, fieldId) => el('div', {}, el('span', {}, label), el('strong', { id: fieldId }, '—'));
  const wait = el('p', { class: 'hint', id: 'reward-wait' });
  const panel = el('div', { class: 'panel', id: 'decisions-panel' },
    el('h2', {}, 'Decisions and rewards'),
    el('div', { class: 'facts' },
      field('Decisions', 'decisions'), field('Learned outcomes', 'learned-outcomes'),
      field('Defaulted', 'default-rewards'), field('Pending', 'pending-decisions')),
    el('div', { class: 'chart-box' }, el('canvas', { id: 'decisions-chart' })),
    wait);
  // Made on the first update, once the panel is in the page (Chart.js sizes a canvas from its container).
  let chart = null;

  function update(stats, experiment) {
    const oneOutcome = (experiment?.rewardAggregation ?? 'first') === 'first';
    panel.querySelector('#decisions').textContent = stats.decisions;
    panel.querySelector('#learned-outcomes').textContent = stats.trainedEvents;
    panel.querySelector('#default-rewards').textContent = stats.defaultRewards;
    panel.querySelector('#pending-decisions').textContent = oneOutcome ? Math.max(0, stats.decisions - stats.trainedEvents) : '—';
    wait.textContent = experiment?.rewardWaitSeconds
      ? `A decision with no outcome ${experiment.rewardWaitSeconds} s after it was made is learned with the default reward ${format(experiment.defaultReward)}.`
      : 'No reward wait: a decision stays pending until its feedback comes.';
    const arms = stats.arms.filter(a => !a.retired);
    chart ??= createChart(panel.querySelector('#decisions-chart'), 'bar', { labels: [], datasets: [] }, {
      plugins: { legend: { display: true, position: 'bottom' } },
    });
    chart.data.labels = arms.map(a => a.id);
    chart.data.datasets = [
      { label: 'decisions', data: arms.map(a => a.decisions), backgroundColor: arms.map(a => colorOf(a.id)) },
      { label: 'learned outcomes', data: arms.map(a => a.count), backgroundColor: '#9aa5b8' },
    ];
    chart.update();
  }

  return { element: panel, update, destroy: () => chart?.destroy() };
}

// "What would another policy have earned on this log?": POST /evaluate with the chosen catalogue policy.
export function createEvaluationPanel(experimentPath, signal) {
  const policy = el('select', { id: 'evaluate-policy' });
  const params = el('input', { id: 'evaluate-params', value: '{}', size: 28, spellcheck: 'false', 'aria-label': 'policy parameters (JSON)' });
  const boxes = estimators.map(name => el('label', {}, el('input', { type: 'checkbox', value: name, checked: true, 'data-estimator': name }), ` ${name.toUpperCase()}`));
  const run = el('button', { type: 'button', id: 'evaluate-run', class: 'primary' }, 'Evaluate');
  const status = el('p', { class: 'muted', id: 'evaluate-status' }, 'Estimates what the chosen policy would have earned on the logged decisions.');
  const body = el('tbody');
  const table = el('table', { id: 'evaluate-table', hidden: true },
    el('thead', {}, el('tr', {},
      el('th', {}, 'Estimate'), el('th', { class: 'num' }, 'Value'), el('th', { class: 'num' }, '95 % interval'), el('th', { class: 'num' }, 'Effective sample size'))),
    body);
  const panel = el('div', { class: 'panel', id: 'evaluate-panel' },
    el('h2', {}, 'Evaluate another policy'),
    el('div', { class: 'toolbar' }, el('label', {}, 'Policy ', policy), el('label', {}, 'Parameters ', params), ...boxes, run),
    status, table);

  getJson('/v1/policies', { signal })
    .then(catalogue => replace(policy, catalogue.items.map(p => el('option', { value: p.name }, p.name))))
    .catch(error => { status.className = 'error'; status.textContent = errorText(error); });

  function row(label, value, interval, effectiveSampleSize) {
    return el('tr', { 'data-estimate': label },
      el('td', {}, label),
      el('td', { class: 'num', 'data-field': 'value' }, format(value)),
      el('td', { class: 'num', 'data-field': 'ci95' }, interval ? `[${format(interval[0])}, ${format(interval[1])}]` : '—'),
      el('td', { class: 'num' }, effectiveSampleSize === undefined ? '' : format(effectiveSampleSize, 1)));
  }

  run.addEventListener('click', async () => {
    let parsed;
    try {
      parsed = JSON.parse(params.value);
    } catch {
      status.className = 'error';
      status.textContent = 'Parameters must be a JSON object, e.g. {"c": 2}.';
      return;
    }
    const chosen = boxes.map(box => box.querySelector('input')).filter(box => box.checked).map(box => box.value);
    run.disabled = true;
    status.className = 'muted';
    status.textContent = 'Evaluating…';
    try {
      const result = await postJson(`${experimentPath}/evaluate`, { policy: { name: policy.value, params: parsed }, estimators: chosen });
      replace(body,
        row('logged policy', result.logged.value, result.logged.ci95),
        ...result.estimates.map(e => row(e.estimator, e.value, e.ci95, e.effectiveSampleSize)));
      table.hidden = false;
      status.textContent = `${policy.value} on ${result.events} logged events.`;
    } catch (error) {
      status.className = 'error';
      status.textContent = errorText(error);
    } finally {
      run.disabled = false;
    }
  });

  return panel;
}
