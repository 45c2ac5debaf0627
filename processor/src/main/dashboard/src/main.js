import { getJson, setToken, stream, whenTokenNeeded, NeedsToken } from './api.js';
import { el, clear } from './dom.js';
import { WorldMap } from './map.js';
import { Timeline } from './timeline.js';
import { AlertFeed } from './feed.js';
import { showEvidence } from './evidence.js';
import { CoverageStrip } from './coverage.js';

const $ = (id) => document.getElementById(id);
const REFRESH_MS = 3000;
const HOUR = 3600 * 1000;

const state = { newest: null, picked: [], auto: true, countries: [] };

// Counted on the page, so that a test (or a person with the inspector) sees anything the policy blocked.
let violations = 0;
document.addEventListener('securitypolicyviolation', () => {
  violations += 1;
  document.body.setAttribute('data-csp-violations', violations);
});

const map = new WorldMap($('map'), $('legend'), $('tooltip'), toggleCountry);
const timeline = new Timeline($('timeline'));
const coverage = new CoverageStrip($('coverage'));
const feed = new AlertFeed($('feed'),
  { country: $('filter-country'), rule: $('filter-rule'), severity: $('filter-severity') },
  (alert) => showEvidence(alert, $('evidence'), $('evidence-body'), getJson));

whenTokenNeeded(() => {
  $('token-form').hidden = false;
  $('token-button').hidden = false;
  status('token needed');
});
$('token-form').addEventListener('submit', (e) => {
  e.preventDefault();
  setToken($('token-input').value);
  $('token-input').value = '';
  $('token-form').hidden = true;
  refresh();
});
$('token-button').addEventListener('click', () => { $('token-form').hidden = false; });
$('evidence-close').addEventListener('click', () => { $('evidence').hidden = true; });
$('range').addEventListener('input', refresh);
$('colour').addEventListener('input', refresh);
$('timeline-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const cc = $('timeline-add').value.trim().toUpperCase();
  $('timeline-add').value = '';
  if (/^[A-Z]{2}$/.test(cc)) addCountry(cc);
});

function status(text) {
  $('status').textContent = text;
}

function toggleCountry(cc) {
  const current = state.auto ? defaultCountries() : state.picked;
  state.auto = false;
  state.picked = current.includes(cc) ? current.filter((c) => c !== cc) : [...current, cc];
  refreshTimeline();
}

function addCountry(cc) {
  const current = state.auto ? defaultCountries() : state.picked;
  state.auto = false;
  state.picked = current.includes(cc) ? current : [...current, cc];
  refreshTimeline();
}

/** Until someone picks: the countries with open incidents, else the three with most articles. */
function defaultCountries() {
  const withIncidents = state.countries.filter((c) => c.incidents && c.incidents.length).map((c) => c.country);
  if (withIncidents.length) return withIncidents.slice(0, 4);
  return [...state.countries].sort((a, b) => b.articles - a.articles).slice(0, 3).map((c) => c.country);
}

function range() {
  const hours = Number($('range').value);
  if (!hours || !state.newest) return { query: '', from: null, to: null };
  const from = new Date(Date.parse(state.newest) - hours * HOUR).toISOString().replace(/\.\d+Z$/, 'Z');
  return { query: `from=${from}`, from, to: null };
}

async function refreshMap() {
  const r = range();
  const answer = await getJson('/map' + (r.query ? '?' + r.query : ''));
  state.countries = answer.countries;
  for (const c of answer.countries) {
    if (c.newest_window_end && (!state.newest || c.newest_window_end > state.newest)) state.newest = c.newest_window_end;
  }
  map.update(answer.countries, $('colour').value);
  $('map').setAttribute('data-countries', answer.countries.length);
  $('map-range').textContent = r.from ? `since ${r.from.replace('T', ' ')}` : '(every window held)';
}

async function refreshTimeline() {
  const countries = state.auto ? defaultCountries() : state.picked;
  clear($('timeline-countries')).append(...countries.map((cc) =>
    el('button', { type: 'button', class: 'chip', title: 'remove', onclick: () => toggleCountry(cc), text: `${map.name(cc)} ✕` })));
  const r = range();
  const q = r.query ? '?' + r.query : '';
  const series = await Promise.all(countries.map(async (cc) => {
    const [counts, baseline, alerts] = await Promise.all([
      getJson(`/countries/${cc}/counts${q}`),
      getJson(`/countries/${cc}/baseline${q}`),
      getJson(`/countries/${cc}/alerts?limit=200`),
    ]);
    const from = r.from || '';
    return {
      country: cc,
      windows: counts.windows,
      baseline: baseline.windows,
      alerts: alerts.alerts.filter((a) => a.window_start >= from),
    };
  }));
  const elections = countries.length ? (await getJson('/elections')).elections.filter((e) => countries.includes(e.country)) : [];
  const span = series.flatMap((s) => s.windows.map((w) => w.window_start));
  const first = span.length ? span.reduce((a, b) => (a < b ? a : b)).slice(0, 10) : null;
  const last = span.length ? span.reduce((a, b) => (a > b ? a : b)).slice(0, 10) : null;
  timeline.render(series, elections.filter((e) => first && e.date >= first && e.date <= last));
}

let busy = false;
async function refresh() {
  if (busy) return;
  busy = true;
  try {
    await refreshMap();
    coverage.update(await getJson('/coverage'));
    await refreshTimeline();
    if ($('status').textContent !== 'live') status('updated ' + new Date().toLocaleTimeString());
  } catch (e) {
    if (!(e instanceof NeedsToken)) status('cannot read the processor: ' + e.message);
  } finally {
    busy = false;
  }
}

async function start() {
  await map.load('/world.json');
  refresh();
  setInterval(refresh, REFRESH_MS);
  stream('/alerts/stream', (event, data) => {
    if (event === 'alert') feed.add(JSON.parse(data));
  }, (s) => status(s === 'live' ? 'live' : s));
}

start();
