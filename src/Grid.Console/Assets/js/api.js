// The console's API: JSON over fetch, and the live stream read as Server-Sent Events through fetch
// (not EventSource) so that every request carries the same headers, the API key included.

/** An API answer that was not 2xx: status and the problem's detail. */
export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
  }
}

const KEY = 'grid.console.apiKey';

/** The API key the console presents (x-api-key, as on the gRPC gateway), kept for this tab only. */
export const apiKey = {
  get: () => sessionStorage.getItem(KEY),
  set: key => (key ? sessionStorage.setItem(KEY, key) : sessionStorage.removeItem(KEY)),
};

function headers(extra) {
  const key = apiKey.get();
  return { Accept: 'application/json', ...(key ? { 'x-api-key': key } : {}), ...extra };
}

async function problem(response) {
  let detail = '';
  try {
    const body = await response.json();
    detail = body.detail || body.title || '';
  } catch {
    // Not a problem document.
  }
  return new ApiError(response.status, detail || `${response.status} ${response.statusText}`);
}

export async function get(path, signal) {
  const response = await fetch(path, { headers: headers(), cache: 'no-store', signal });
  if (!response.ok) throw await problem(response);
  return response.json();
}

export async function post(path, body, signal) {
  const response = await fetch(path, {
    method: 'POST',
    headers: headers({ 'Content-Type': 'application/json' }),
    body: JSON.stringify(body),
    signal,
  });
  if (!response.ok) throw await problem(response);
  return response.json();
}

/**
 * Follows a Server-Sent Events stream: calls handlers[event](data) for each event (data parsed as
 * JSON), reconnects with a growing pause after a failure, and reports 'live' / 'reconnecting' to
 * onState. Returns {close()}.
 */
export function stream(path, handlers, onState) {
  const abort = new AbortController();
  let closed = false;
  let failures = 0;

  function dispatch(block) {
    let type = 'message';
    const data = [];
    for (const line of block.split(/\r?\n/)) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
    }
    const handler = handlers[type];
    if (!handler || data.length === 0) return;
    try {
      handler(JSON.parse(data.join('\n')));
    } catch (e) {
      console.error(`console: ${type} event failed`, e);
    }
  }

  async function follow() {
    const response = await fetch(path, { headers: headers({ Accept: 'text/event-stream' }), cache: 'no-store', signal: abort.signal });
    if (!response.ok || !response.body) throw await problem(response);
    onState('live');
    failures = 0;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end;
      while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
        dispatch(block);
      }
    }
  }

  (async () => {
    while (!closed) {
      try {
        await follow();
      } catch (e) {
        if (closed) return;
        if (e instanceof ApiError && e.status >= 400 && e.status < 500 && handlers.problem) {
          handlers.problem({ status: e.status, detail: e.message });
        }
      }
      if (closed) return;
      onState('reconnecting');
      failures++;
      await new Promise(resolve => setTimeout(resolve, Math.min(5000, 500 * 2 ** Math.min(failures, 4))));
    }
  })();

  return {
    close() {
      closed = true;
      abort.abort();
    },
  };
}
