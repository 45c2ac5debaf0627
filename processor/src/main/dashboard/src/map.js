import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import { el, svg, clear } from './dom.js';

const WIDTH = 960;
const HEIGHT = 470;
const NO_DATA = '#eceff1';
const RAMP = ['#fff5eb', '#fdd0a2', '#fd8d3c', '#e6550d', '#a63603', '#7f2704'];

/** The world map: one path per Natural Earth country, coloured by the monitor's numbers for it. */
export class WorldMap {
  constructor(container, legend, tooltip, onPick) {
    this.container = container;
    this.legend = legend;
    this.tooltip = tooltip;
    this.onPick = onPick;
    this.paths = new Map();
    this.names = new Map();
    this.data = new Map();
    this.incidents = new Map();
    this.colourBy = 'articles';
  }

  async load(url) {
    const topology = await (await fetch(url)).json();
    const world = feature(topology, topology.objects.countries);
    const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], world);
    const path = geoPath(projection);
    const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': 'world map' });
    for (const country of world.features) {
      const cc = country.properties.cc;
      const node = svg('path', { d: path(country), class: 'country', fill: NO_DATA, 'data-cc': cc || '' });
      const title = svg('title');
      title.textContent = country.properties.name;
      node.append(title);
      if (cc) {
        this.paths.set(cc, node);
        this.names.set(cc, country.properties.name);
        node.addEventListener('mousemove', (e) => this.hover(cc, e));
        node.addEventListener('mouseleave', () => { this.tooltip.hidden = true; });
        node.addEventListener('click', () => this.onPick(cc));
      }
      root.append(node);
    }
    clear(this.container).append(root);
  }

  name(cc) {
    return this.names.get(cc) || cc;
  }

  /** countries: the /map answer's list. */
  update(countries, colourBy) {
    this.colourBy = colourBy;
    this.data = new Map(countries.map((c) => [c.country, c]));
    const values = countries.map((c) => this.value(c)).filter((v) => v > 0);
    const max = values.length ? Math.max(...values) : 1;
    for (const [cc, node] of this.paths) {
      const c = this.data.get(cc);
      const v = c ? this.value(c) : 0;
      node.setAttribute('fill', v > 0 ? RAMP[Math.min(RAMP.length - 1, 1 + Math.floor((RAMP.length - 1) * Math.log1p(v) / Math.log1p(max) - 1e-9))] : NO_DATA);
      node.setAttribute('data-articles', c ? c.articles : 0);
      node.classList.toggle('incident', !!(c && c.incidents && c.incidents.length));
    }
    clear(this.legend).append(
      el('span', { text: colourBy === 'score' ? 'articles ÷ expected: ' : 'relevant articles: ' }),
      ...RAMP.slice(1).map((colour, i) => el('span', { class: 'swatch swatch-' + i })),
      el('span', { text: ` up to ${colourBy === 'score' ? max.toFixed(1) + '×' : max}` }),
      el('span', { class: 'legend-incident', text: '  outlined: open incident' }));
  }

  value(c) {
    if (this.colourBy === 'score') return c.expected > 0 ? c.articles / c.expected : (c.articles > 0 ? c.articles : 0);
    return c.articles;
  }

  hover(cc, event) {
    const c = this.data.get(cc);
    const lines = [el('strong', { text: `${this.name(cc)} (${cc})` })];
    if (c) {
      lines.push(el('div', { text: `${c.articles} relevant articles, largest window ${c.peak}` }));
      lines.push(el('div', { text: c.expected == null ? 'expected: baseline warming up' : `expected ${c.expected.toFixed(1)}` }));
      for (const i of c.incidents || []) lines.push(el('div', { class: 'sev-' + i.severity, text: `open ${i.rule} incident (${i.severity})` }));
    } else {
      lines.push(el('div', { text: 'no relevant articles in this range' }));
    }
    clear(this.tooltip).append(...lines);
    this.tooltip.hidden = false;
    const box = this.container.getBoundingClientRect();
    this.tooltip.style.left = (event.clientX - box.left + 12) + 'px';
    this.tooltip.style.top = (event.clientY - box.top + 12) + 'px';
  }
}
