import { apiKey, askForKey, onKeyChange, setApiKey } from './api.js';
import { renderComparison } from './comparison.js';
import { renderExperimentDetail, renderExperimentList } from './experiments.js';

const view = document.getElementById('view');
let dispose = null;

// Hash routes, so every view has a link and the server needs only the one page.
function route() {
  dispose?.();
  dispose = null;
  const hash = location.hash || '#/experiments';
  const detail = /^#\/experiments\/(.+)$/.exec(hash);
  const comparison = hash.startsWith('#/comparison');
  document.getElementById('nav-experiments').classList.toggle('active', !comparison);
  document.getElementById('nav-comparison').classList.toggle('active', comparison);
  if (detail) {
    dispose = renderExperimentDetail(view, decodeURIComponent(detail[1]));
  } else if (comparison) {
    dispose = renderComparison(view);
  } else {
    dispose = renderExperimentList(view);
  }
}

function showKeyState() {
  const key = apiKey();
  document.getElementById('key-state').textContent = key ? 'API key set for this tab' : 'no API key';
  document.getElementById('key-change').textContent = key ? 'Change key' : 'Set key';
  document.getElementById('key-forget').hidden = !key;
}

document.getElementById('key-change').addEventListener('click', () => askForKey('Enter an API key for this server.'));
document.getElementById('key-forget').addEventListener('click', () => setApiKey(null));
// A different key can mean a different tenant: redraw the current view with it.
onKeyChange(() => {
  showKeyState();
  route();
});
window.addEventListener('hashchange', route);
showKeyState();
route();
