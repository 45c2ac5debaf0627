import { el, clear, fmtTime } from './dom.js';

/**
 * The coverage strip: the feeds the coverage watch finds silent (an open coverage incident), from
 * /coverage. While one is listed, a quiet country on the map may be the outage, not the news.
 */
export class CoverageStrip {
  constructor(strip) {
    this.strip = strip;
  }

  update(coverage) {
    const silent = (coverage.sources || []).filter((s) => s.open_alert_id);
    clear(this.strip);
    this.strip.hidden = silent.length === 0;
    this.strip.setAttribute('data-silent', silent.length);
    this.strip.setAttribute('data-gap', coverage.gap ? 'true' : 'false');
    for (const s of silent) {
      const expected = s.expected_per_hour ? ` (about ${s.expected_per_hour} articles an hour expected)` : '';
      this.strip.append(el('p', { class: 'coverage-item', dir: 'auto', 'data-source': s.source,
        text: `Source ${s.source} silent since ${fmtTime(s.silent_since)}${expected}; countries may look quiet`
          + (coverage.gap ? ', and their incidents are held open.' : '.') }));
    }
  }
}
