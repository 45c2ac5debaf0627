import { el, clear, fmtTime } from './dom.js';

/**
 * The article's title and text with the tagger's matched spans highlighted. Offsets are UTF-16 indices
 * into title + "\n\n" + text, which is what JavaScript strings index, so they apply as they are, in any
 * script; dir="auto" lets right-to-left titles and texts read right to left.
 */
export function highlighted(article) {
  const title = article.title || '';
  const text = article.text || '';
  const spans = ((article.tags && article.tags.matches) || [])
    .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  let last = -1;
  for (const m of spans) {
    if (m.start >= last) {
      kept.push(m);
      last = m.end;
    }
  }
  const part = (from, to) => {
    const nodes = [];
    let at = from;
    for (const m of kept) {
      if (m.start < from || m.end > to) continue;
      if (m.start > at) nodes.push(document.createTextNode(whole.slice(at, m.start)));
      nodes.push(el('mark', { class: 'm-' + m.type, title: `${m.type}: ${m.id}`, text: whole.slice(m.start, m.end) }));
      at = m.end;
    }
    if (at < to) nodes.push(document.createTextNode(whole.slice(at, to)));
    return nodes;
  };
  const whole = title + '\n\n' + text;
  return {
    title: el('h3', { dir: 'auto', class: 'article-title' }, ...part(0, title.length)),
    text: el('p', { dir: 'auto', class: 'article-text' }, ...part(title.length + 2, whole.length)),
  };
}

export async function showEvidence(alert, panel, body, getJson) {
  clear(body);
  panel.hidden = false;
  body.append(
    el('p', { class: 'summary', dir: 'auto', text: alert.summary || `${alert.rule} ${alert.country}` }),
    el('p', { class: 'muted', text: `${alert.rule} · ${alert.severity} · ${alert.status} · window ${fmtTime(alert.window_start)}–${fmtTime(alert.window_end)} · update ${alert.update ?? 0}` }));
  if (alert.top_actors && alert.top_actors.length) {
    body.append(el('p', {}, el('strong', { text: 'Actors: ' }),
      ...alert.top_actors.map((a) => el('span', { class: 'chip kind-' + a.kind, dir: 'auto', text: `${a.name} (${a.kind}, ${a.country}) ×${a.articles}` }))));
  }
  if (alert.top_terms && alert.top_terms.length) {
    body.append(el('p', {}, el('strong', { text: 'Terms: ' }),
      ...alert.top_terms.map((t) => el('span', { class: 'chip', dir: 'auto', text: `${t.term} ×${t.mentions}` }))));
  }
  const list = el('ol', { class: 'evidence-list' });
  body.append(list);
  for (const e of alert.evidence || []) {
    const item = el('li', { class: 'evidence-item', 'data-article-id': e.id });
    list.append(item);
    let article = null;
    try {
      article = await getJson('/articles/' + encodeURIComponent(e.id));
    } catch (err) {
      article = null;
    }
    if (!article) {
      item.append(el('h3', { dir: 'auto', class: 'article-title', text: e.title || e.id }),
        el('p', { class: 'muted', text: 'Text and matched spans no longer held by this instance.' }));
    } else {
      const shown = highlighted(article);
      item.append(shown.title, shown.text);
      const tags = article.tags || {};
      const meta = el('p', { class: 'muted' });
      if (article.source_actor) {
        meta.append(el('span', { class: 'chip kind-' + article.source_actor.kind, dir: 'auto',
          text: `state-affiliated source: ${article.source_actor.name} (${article.source_actor.kind}, ${article.source_actor.country})` }));
      }
      for (const a of tags.actors || []) meta.append(el('span', { class: 'chip kind-' + a.kind, dir: 'auto', text: `${a.name} (${a.kind}, ${a.country})` }));
      for (const t of tags.election_terms || []) meta.append(el('span', { class: 'chip', dir: 'auto', text: t.term }));
      item.append(meta);
    }
    const source = el('p', { class: 'muted' }, el('span', { dir: 'auto', text: (e.source || '') + ' ' }));
    if (e.url && /^https?:\/\//i.test(e.url)) {
      source.append(el('a', { href: e.url, rel: 'noopener noreferrer', target: '_blank', text: e.url }));
    }
    item.append(source);
  }
}
