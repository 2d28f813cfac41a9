import { patchJson } from './api.js';
import { el, errorText } from './dom.js';
import { format } from './stats.js';

// Who is served by the bandit: the gates (rollout, targeting, schedule), the default arm served outside them, the
// holdout served uniformly and the exploration floor, with the uplift of bandit-served over holdout-served decisions.
// The rollout can be changed from here (a PATCH, so with auth on only a key of the experiment's tenant can).
export function createServingPanel(path, onChanged) {
  const field = (label, fieldId) => el('div', {}, el('span', {}, label), el('strong', { id: fieldId }, '—'));
  const rolloutInput = el('input', { type: 'number', id: 'rollout-input', min: '0', max: '100', step: 'any' });
  const rolloutButton = el('button', { type: 'button', id: 'set-rollout', disabled: true }, 'Set rollout');
  const error = el('span', { class: 'error', id: 'rollout-error' });
  const element = el('div', { class: 'panel', id: 'serving-panel' },
    el('h2', {}, 'Serving rules'),
    el('div', { class: 'facts' },
      field('Rollout', 'rollout'), field('Targeting', 'targeting'), field('Schedule', 'schedule'),
      field('Default arm', 'default-arm'), field('Holdout', 'holdout'), field('Exploration floor', 'exploration-floor'),
      field('Uplift (bandit − holdout)', 'uplift')),
    el('div', { class: 'toolbar' }, el('label', { for: 'rollout-input' }, 'Rollout, % of units'), rolloutInput, rolloutButton, error));

  const text = (fieldId, value) => {
    element.querySelector(`#${fieldId}`).textContent = value;
  };

  function show(experiment) {
    const rollout = experiment.rollout?.percentage ?? 100;
    text('rollout', `${rollout} %`);
    text('targeting', experiment.targeting?.length
      ? experiment.targeting.map(rule => `${rule.attribute} ${rule.op} ${JSON.stringify(rule.value)}`).join('; ')
      : 'everyone');
    text('schedule', describeSchedule(experiment.schedule));
    text('default-arm', experiment.defaultArm ?? `${experiment.arms[0]?.id ?? '—'} (first arm)`);
    text('holdout', `${experiment.holdout?.percentage ?? 0} %`);
    text('exploration-floor', format(experiment.explorationFloor ?? 0, 2));
    if (document.activeElement !== rolloutInput) {
      rolloutInput.value = rollout;
    }
    rolloutButton.disabled = false;
  }

  function update(stats) {
    const uplift = stats.uplift;
    text('uplift', uplift
      ? `${format(uplift.value)}${uplift.ci95 ? ` [${format(uplift.ci95[0])}, ${format(uplift.ci95[1])}]` : ''} (${uplift.banditCount} bandit, ${uplift.holdoutCount} holdout events)`
      : 'needs learned events on both sides');
  }

  rolloutButton.addEventListener('click', async () => {
    error.textContent = '';
    rolloutButton.disabled = true;
    try {
      const changed = await patchJson(path, { rollout: { percentage: Number(rolloutInput.value) } });
      show(changed);
      onChanged(changed);
    } catch (failure) {
      error.textContent = errorText(failure);
      rolloutButton.disabled = false;
    }
  });

  return { element, show, update };
}

function describeSchedule(schedule) {
  if (!schedule || (!schedule.start && !schedule.end && !schedule.hours)) {
    return 'always';
  }
  const parts = [];
  if (schedule.start) {
    parts.push(`from ${schedule.start}`);
  }
  if (schedule.end) {
    parts.push(`until ${schedule.end}`);
  }
  if (schedule.hours) {
    parts.push(`${schedule.hours.from}–${schedule.hours.to} ${schedule.hours.timeZone}`);
  }
  return parts.join(', ');
}
