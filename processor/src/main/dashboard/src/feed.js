import { el, clear, fmtTime } from './dom.js';

const MAX_SHOWN = 300;
// Coverage alerts are about the feeds, not a country: their country is the user-assigned ZZ.
const FEEDS = 'ZZ';

/** The live alert feed: every alert event read, newest first, filtered by country, rule and severity. */
export class AlertFeed {
  constructor(list, filters, onOpen) {
    this.list = list;
    this.filters = filters;
    this.onOpen = onOpen;
    this.alerts = new Map();
    this.rules = new Set();
    for (const f of Object.values(filters)) f.addEventListener('input', () => this.render());
  }

  add(alert) {
    const key = `${alert.alert_id}:${alert.update ?? 0}:${alert.status}`;
    if (this.alerts.has(key)) return;
    this.alerts.set(key, alert);
    if (!this.rules.has(alert.rule)) {
      this.rules.add(alert.rule);
      this.filters.rule.append(el('option', { value: alert.rule, text: alert.rule }));
    }
    if (this.alerts.size > MAX_SHOWN) this.alerts.delete(this.oldestKey());
    this.render();
  }

  oldestKey() {
    let oldest = null;
    for (const [key, a] of this.alerts) if (!oldest || order(a, this.alerts.get(oldest)) > 0) oldest = key;
    return oldest;
  }

  render() {
    const country = this.filters.country.value.trim().toUpperCase();
    const rule = this.filters.rule.value;
    const severity = this.filters.severity.value;
    const shown = [...this.alerts.values()]
      .filter((a) => (!country || a.country === country) && (!rule || a.rule === rule) && (!severity || a.severity === severity))
      .sort(order);
    clear(this.list);
    for (const a of shown) {
      const item = el('li', { class: `alert sev-${a.severity} status-${a.status}`, 'data-alert-id': a.alert_id, tabindex: 0 },
        el('div', { class: 'alert-head' },
          el('span', { class: 'badge', text: a.status === 'resolved' ? 'RESOLVED' : (a.update ? 'UPDATE ' + a.update : 'FIRING') }),
          el('span', { class: 'badge sev', text: a.severity }),
          el('strong', { text: ` ${a.country === FEEDS ? 'feeds' : a.country} ${a.rule} ` }),
          el('span', { class: 'muted', text: fmtTime(a.window_start) })),
        el('div', { class: 'alert-summary', dir: 'auto', text: a.summary || '' }),
        el('div', { class: 'alert-evidence muted', dir: 'auto', text: (a.evidence || []).map((e) => e.title).filter(Boolean).slice(0, 2).join(' · ') }));
      item.addEventListener('click', () => this.onOpen(a));
      item.addEventListener('keydown', (e) => { if (e.key === 'Enter') this.onOpen(a); });
      this.list.append(item);
    }
    this.list.setAttribute('data-count', shown.length);
  }
}

/** Newest first: the raising time, then the window, then the update. */
function order(a, b) {
  return (b.created_at || '').localeCompare(a.created_at || '')
    || (b.window_start || '').localeCompare(a.window_start || '')
    || (b.update ?? 0) - (a.update ?? 0);
}
