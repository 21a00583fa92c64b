// Semicircular SVG gauges on a common dollar scale, with the equity level marked on the requirement
// gauges and an optional projected value (what-if) drawn as a dashed outer arc.
import { h, s, fill } from './dom.js';
import { money, compact, delta } from './format.js';

const CX = 100;
const CY = 100;
const R = 78;
const HALF = `M ${CX - R} ${CY} A ${R} ${R} 0 0 1 ${CX + R} ${CY}`;

const clamp = f => Math.min(0.9999, Math.max(0, Number.isFinite(f) ? f : 0));

function point(f, r) {
  const a = Math.PI * (1 - clamp(f));
  return [CX + r * Math.cos(a), CY - r * Math.sin(a)];
}

function arc(f, r) {
  if (clamp(f) <= 0.0005) return '';
  const [x, y] = point(f, r);
  return `M ${CX - r} ${CY} A ${r} ${r} 0 0 1 ${x.toFixed(2)} ${y.toFixed(2)}`;
}

/** A round scale above v: 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k. */
export function niceScale(v) {
  if (!(v > 0)) return 1;
  const base = 10 ** Math.floor(Math.log10(v));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find(m => m * base >= v * 1.0001);
  return step * base;
}

/** Creates a gauge; call update(spec) with {value, scale, color, center, sub, marker, markerLabel, projected}. */
export function gauge(key, label) {
  const value = s('path', { class: 'gauge-arc', d: HALF, pathLength: 100 });
  const projected = s('path', { class: 'gauge-projected', d: '' });
  const marker = s('line', { class: 'gauge-marker' });
  const markerTitle = s('title', null, 'Equity');
  marker.append(markerTitle);
  const center = s('text', { class: 'gauge-center', x: CX, y: CY - 12, 'text-anchor': 'middle' });
  const max = s('text', { class: 'gauge-scale', x: CX + R + 8, y: CY + 14, 'text-anchor': 'end' });
  const svg = s('svg', { viewBox: '0 0 200 118', class: 'gauge-svg', role: 'img', 'aria-label': label },
    s('path', { class: 'gauge-track', d: HALF }),
    value, projected, marker, center,
    s('text', { class: 'gauge-scale', x: CX - R - 8, y: CY + 14 }, '0'),
    max);
  const amount = h('div', { class: 'gauge-value' });
  const sub = h('div', { class: 'gauge-sub' });
  const after = h('div', { class: 'gauge-after' });
  const el = h('div', { class: 'gauge', data: { gauge: key } }, h('div', { class: 'gauge-label', text: label }), svg, amount, sub, after);

  function update(spec) {
    const f = Math.max(0, spec.value) / spec.scale;
    value.style.strokeDasharray = `${(clamp(f) * 100).toFixed(2)} 100`;
    value.style.stroke = spec.color;
    max.textContent = `$${compact(spec.scale)}`;
    center.textContent = spec.center || '';
    amount.textContent = money(spec.value);
    amount.title = `${label}: ${money(spec.value)}`;
    el.dataset.value = String(spec.value);
    fill(sub, spec.sub || '');
    if (spec.marker !== undefined && spec.marker !== null) {
      const [x0, y0] = point(spec.marker / spec.scale, R - 12);
      const [x1, y1] = point(spec.marker / spec.scale, R + 12);
      Object.entries({ x1: x0, y1: y0, x2: x1, y2: y1 }).forEach(([k, v]) => marker.setAttribute(k, v.toFixed(2)));
      markerTitle.textContent = `${spec.markerLabel || 'Equity'} ${money(spec.marker)}`;
      marker.style.display = '';
    } else {
      marker.style.display = 'none';
    }
    if (spec.projected !== undefined && spec.projected !== null) {
      projected.setAttribute('d', arc(Math.max(0, spec.projected) / spec.scale, R + 13));
      projected.style.stroke = spec.projectedColor || spec.color;
      el.dataset.projected = String(spec.projected);
      const change = spec.projected - spec.value;
      fill(after, 'after ', h('strong', { text: money(spec.projected) }), ' ',
        h('span', { class: change > 0 ? 'up' : change < 0 ? 'down' : 'flat', text: `(${delta(change)})` }));
    } else {
      projected.setAttribute('d', '');
      delete el.dataset.projected;
      fill(after);
    }
  }

  return { el, update };
}

/** Green → amber → red as a requirement uses more of the equity. */
export function usageColor(ratio) {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio) || ratio >= 1) return 'var(--red)';
  if (ratio >= 0.85) return 'var(--orange)';
  if (ratio >= 0.6) return 'var(--amber)';
  return 'var(--green)';
}
