// Talks to the processor that served the page. With a bearer token configured, the token is asked for
// once, kept in this tab's sessionStorage (not in a cookie, so no other site can make the browser send
// it), and sent as an Authorization header by fetch, including for the live feed, which is read from a
// streamed fetch rather than EventSource because EventSource cannot send headers.
const KEY = 'influence-monitor-token';
const waiting = [];

export class NeedsToken extends Error {}

function headers(extra = {}) {
  const token = sessionStorage.getItem(KEY);
  return token ? { ...extra, Authorization: 'Bearer ' + token } : extra;
}

export function setToken(token) {
  sessionStorage.setItem(KEY, token.trim());
  waiting.splice(0).forEach((resolve) => resolve());
}

export function tokenArrived() {
  return new Promise((resolve) => waiting.push(resolve));
}

let onNeedsToken = () => {};
export function whenTokenNeeded(callback) {
  onNeedsToken = callback;
}

export async function getJson(path) {
  const response = await fetch(path, { headers: headers({ Accept: 'application/json' }), cache: 'no-store' });
  if (response.status === 401) {
    onNeedsToken();
    throw new NeedsToken('token needed');
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || 'HTTP ' + response.status);
  return body;
}

/** Reads the server-sent events at path until the page closes, reconnecting after a failure. */
export async function stream(path, onEvent, onState) {
  for (;;) {
    try {
      const response = await fetch(path, { headers: headers({ Accept: 'text/event-stream' }), cache: 'no-store' });
      if (response.status === 401) {
        onNeedsToken();
        onState('token needed');
        await tokenArrived();
        continue;
      }
      if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
      onState('live');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
          }
          if (data.length) onEvent(event, data.join('\n'));
        }
      }
    } catch (e) {
      // fall through to reconnect
    }
    onState('reconnecting');
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
}
