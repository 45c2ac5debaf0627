import uPlot from 'uplot';
import { clear } from './dom.js';

const COLOURS = ['#1565c0', '#c62828', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f'];
const seconds = (iso) => Date.parse(iso) / 1000;

/**
 * Windowed counts of several countries on one chart, each with the spike rule's expectation (dashed) and
 * firing bound (dotted), its alerts marked where they fired and resolved, and the calendar's votes.
 */
export class Timeline {
  constructor(container) {
    this.container = container;
    this.chart = null;
    this.key = '';
  }

  /** series: [{country, windows, baseline, alerts}], elections: [{country, date, type}]. */
  render(series, elections) {
    const xs = new Set();
    for (const s of series) {
      s.windows.forEach((w) => xs.add(seconds(w.window_start)));
      s.baseline.forEach((b) => xs.add(seconds(b.window_start)));
    }
    const x = [...xs].sort((a, b) => a - b);
    const index = new Map(x.map((t, i) => [t, i]));
    const data = [x];
    const lines = [{}];
    const markers = [];
    series.forEach((s, n) => {
      const colour = COLOURS[n % COLOURS.length];
      const counts = new Array(x.length).fill(null);
      const expected = new Array(x.length).fill(null);
      const bound = new Array(x.length).fill(null);
      s.windows.forEach((w) => { counts[index.get(seconds(w.window_start))] = w.articles; });
      // A window without articles has no record: it counted zero.
      x.forEach((t, i) => { if (counts[i] === null && s.baseline.length) counts[i] = 0; });
      s.baseline.forEach((b) => {
        const i = index.get(seconds(b.window_start));
        expected[i] = b.expected;
        bound[i] = b.bound;
      });
      data.push(counts, expected, bound);
      lines.push({ label: s.country, stroke: colour, width: 2, paths: uPlot.paths.stepped({ align: 1 }) },
        { label: s.country + ' expected', stroke: colour, width: 1, dash: [6, 4] },
        { label: s.country + ' fires at', stroke: colour, width: 1, dash: [2, 3] });
      for (const a of s.alerts) {
        markers.push({ t: seconds(a.window_start), y: a.articles, colour, resolved: a.status === 'resolved' });
      }
    });
    const votes = elections.map((e) => ({ t: Date.parse(e.date + 'T00:00:00Z') / 1000, label: `${e.country} ${e.type}` }));
    const points = series.reduce((sum, s) => sum + s.windows.length, 0);
    this.container.setAttribute('data-points', points);
    this.container.setAttribute('data-countries', series.map((s) => s.country).join(','));
    this.container.setAttribute('data-alert-marks', markers.length);
    const key = lines.map((l) => l.label).join('|');
    if (this.chart && key === this.key) {
      this.markers = markers;
      this.votes = votes;
      this.chart.setData(data);
      return;
    }
    this.key = key;
    this.markers = markers;
    this.votes = votes;
    if (this.chart) this.chart.destroy();
    clear(this.container);
    if (x.length === 0) {
      this.chart = null;
      this.container.textContent = 'No windows in this range yet.';
      return;
    }
    const self = this;
    this.chart = new uPlot({
      width: Math.max(320, this.container.clientWidth || 900),
      height: 300,
      scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(5, max * 1.1)] } },
      series: lines,
      axes: [{}, { label: 'articles per window' }],
      hooks: {
        draw: [(u) => self.drawMarks(u)],
      },
    }, data, this.container);
  }

  drawMarks(u) {
    const ctx = u.ctx;
    ctx.save();
    for (const v of this.votes || []) {
      const px = u.valToPos(v.t, 'x', true);
      if (px < u.bbox.left || px > u.bbox.left + u.bbox.width) continue;
      ctx.strokeStyle = '#455a64';
      ctx.setLineDash([4, 4]);
      ctx.beginPath();
      ctx.moveTo(px, u.bbox.top);
      ctx.lineTo(px, u.bbox.top + u.bbox.height);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = '#455a64';
      ctx.font = `${12 * devicePixelRatio}px sans-serif`;
      ctx.fillText(v.label, px + 4, u.bbox.top + 14 * devicePixelRatio);
    }
    for (const m of this.markers || []) {
      const px = u.valToPos(m.t, 'x', true);
      const py = u.valToPos(m.y, 'y', true);
      const r = 6 * devicePixelRatio;
      ctx.fillStyle = m.resolved ? '#2e7d32' : m.colour;
      ctx.strokeStyle = '#000';
      ctx.beginPath();
      if (m.resolved) {
        ctx.arc(px, py, r * 0.8, 0, 2 * Math.PI);
      } else {
        ctx.moveTo(px, py - r);
        ctx.lineTo(px + r, py + r * 0.8);
        ctx.lineTo(px - r, py + r * 0.8);
        ctx.closePath();
      }
      ctx.fill();
      ctx.stroke();
    }
    ctx.restore();
  }
}
