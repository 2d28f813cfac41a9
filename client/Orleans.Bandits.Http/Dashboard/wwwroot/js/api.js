// Every call to the server goes through here, so a 401 anywhere asks for a key once and retries.
// The key lives in sessionStorage only: it is gone when the tab closes and never shared with other tabs.

const keyName = 'bandits.apiKey';
const listeners = new Set();
let pendingPrompt = null;

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function apiKey() {
  return sessionStorage.getItem(keyName);
}

export function setApiKey(key) {
  if (key) {
    sessionStorage.setItem(keyName, key);
  } else {
    sessionStorage.removeItem(keyName);
  }
  listeners.forEach(listener => listener(apiKey()));
}

export function onKeyChange(listener) {
  listeners.add(listener);
}

// One dialog for however many calls got 401 at the same time; resolves to the key, or null if cancelled.
export function askForKey(message) {
  if (pendingPrompt) {
    return pendingPrompt;
  }
  const dialog = document.getElementById('key-dialog');
  const input = document.getElementById('api-key-input');
  document.getElementById('key-message').textContent = message;
  input.value = '';
  pendingPrompt = new Promise(resolve => {
    const finish = key => {
      dialog.removeEventListener('close', onClose);
      cancel.removeEventListener('click', onCancel);
      pendingPrompt = null;
      if (key) {
        setApiKey(key);
      }
      resolve(key);
    };
    const onClose = () => finish(dialog.returnValue === 'ok' ? input.value.trim() || null : null);
    const onCancel = () => dialog.close('cancel');
    const cancel = document.getElementById('api-key-cancel');
    dialog.addEventListener('close', onClose);
    cancel.addEventListener('click', onCancel);
    dialog.returnValue = '';
    dialog.showModal();
    input.focus();
  });
  return pendingPrompt;
}

// fetch with the key; on 401 asks for a (new) key and tries again, at most three times.
export async function request(path, init = {}) {
  let response = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const headers = new Headers(init.headers);
    const key = apiKey();
    if (key) {
      headers.set('Authorization', `Bearer ${key}`);
    }
    response = await fetch(path, { ...init, headers });
    if (response.status !== 401) {
      return response;
    }
    const entered = await askForKey(key ? 'That key was refused. Enter a valid API key.' : 'This server needs an API key.');
    if (!entered) {
      return response;
    }
  }
  return response;
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

export async function getJson(path, init = {}) {
  const response = await request(path, init);
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  return response.json();
}

export async function getText(path) {
  const response = await request(path);
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  return response.text();
}

function sendJson(method, path, body) {
  return getJson(path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export function patchJson(path, body) {
  return sendJson('PATCH', path, body);
}

export function postJson(path, body) {
  return sendJson('POST', path, body);
}

// Server-sent events over fetch (EventSource cannot send an Authorization header).
// Calls onEvent(name, data) per event until the stream ends or the signal aborts.
export async function readEvents(path, onEvent, signal) {
  const response = await request(path, { headers: { Accept: 'text/event-stream' }, signal });
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) {
          name = line.slice(6).trim();
        } else if (line.startsWith('data:')) {
          data.push(line.slice(5).replace(/^ /, ''));
        }
      }
      if (data.length > 0) {
        onEvent(name, data.join('\n'));
      }
    }
  }
}
