// A small area chart of a per-second series (oldest first).
import { s } from './dom.js';

export function sparkline(series, { width = 220, height = 44 } = {}) {
  const max = Math.max(1, ...series);
  const step = series.length > 1 ? width / (series.length - 1) : width;
  const points = series.map((v, i) => [i * step, height - 2 - (v / max) * (height - 6)]);
  const line = points.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`).join(' ');
  return s('svg', { class: 'spark', viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', role: 'img', 'aria-label': 'checks per second, last minute' },
    s('path', { class: 'spark-area', d: `${line} L${width} ${height} L0 ${height} Z` }),
    s('path', { class: 'spark-line', d: line }));
}
