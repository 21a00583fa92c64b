// A group's scenario heatmap: price shocks across, vol states down, each cell colored by P&L (red loss,
// green gain, intensity relative to the largest |P&L| of its section), the scenario that sets the
// scan outlined. The extended (extreme, weighted) moves have their own strip and their own scale.
import { h } from './dom.js';
import { compact, exact, shock } from './format.js';

const NEUTRAL = [36, 44, 58];
const LOSS = [220, 38, 38];
const GAIN = [22, 163, 74];

const VOLS = { up: 'Vol up', same: 'Vol same', down: 'Vol down' };

function mix(a, b, t) {
  return a.map((x, i) => Math.round(x + (b[i] - x) * t));
}

/** Background and text colors for a P&L relative to the largest |P&L| of its section. */
export function cellColor(pnl, maxAbs) {
  const t = maxAbs > 0 ? Math.min(1, Math.abs(pnl) / maxAbs) : 0;
  const strength = t === 0 ? 0 : 0.18 + 0.82 * Math.pow(t, 0.75);
  const [r, g, b] = mix(NEUTRAL, pnl < 0 ? LOSS : GAIN, strength);
  return { background: `rgb(${r}, ${g}, ${b})`, color: strength > 0.5 ? '#fff' : '#dbe4ef' };
}

const largest = cells => Math.max(0, ...cells.filter(Boolean).map(c => Math.abs(c.pnl)));

function cell(c, maxAbs, label) {
  if (!c) return h('td', { class: 'hm-cell hm-none' });
  const colors = cellColor(c.pnl, maxAbs);
  const title = `${label}\nP&L ${exact(c.pnl)}\nscenario #${c.scenario + 1}${c.worst ? '\nworst: sets the scan requirement' : ''}`;
  return h('td', {
    class: `hm-cell${c.worst ? ' worst' : ''}`,
    style: { background: colors.background, color: colors.color },
    title,
    data: { scenario: c.scenario, pnl: c.pnl, worst: c.worst ? 'true' : null },
  }, c.worst ? h('span', { class: 'hm-flag', text: 'WORST' }) : null, h('span', { class: 'hm-pnl', text: compact(c.pnl) }));
}

function legend(maxAbs) {
  return h('div', { class: 'hm-legend' },
    h('span', { text: `${compact(-maxAbs)}` }),
    h('span', { class: 'hm-scale' }),
    h('span', { text: `+${compact(maxAbs)}` }),
    h('span', { class: 'hm-key' }),
    h('span', { text: 'worst scenario: sets the scan' }));
}

function extendedStrip(cells) {
  const max = largest(cells);
  // Crypto extended moves share one vol state: name it once, label the cells with the move only.
  const vols = new Set(cells.map(c => c.vol));
  const shared = vols.size === 1 ? [...vols][0] : null;
  return h('div', { class: 'hm-extended' },
    h('div', { class: 'hm-extended-label', text: `Extended moves${shared ? ` · ${(VOLS[shared] || shared).toLowerCase()}` : ''} · weighted, own color scale` }),
    h('div', { class: 'hm-extended-cells' }, cells.map(c => {
      const label = shared ? shock(c.shock) : `${shock(c.shock)} · vol ${c.vol}`;
      return h('div', { class: 'hm-ext' },
        h('div', { class: 'hm-ext-label', text: label }),
        h('table', { class: 'hm' }, h('tbody', null, h('tr', null, cell(c, max, `Extended ${label}`)))));
    })));
}

/** The heatmap of one group view, or a note when the group has no positions to shock. */
export function heatmap(group) {
  const map = group.heatmap;
  if (!map || map.layout === 'none' || map.rows.length === 0) {
    return h('div', { class: 'hm-empty', data: { group: group.group } }, 'No positions to shock (orders only).');
  }
  const max = largest(map.rows.flatMap(r => r.cells));
  let head;
  let rows;
  if (map.layout === 'array') {
    const cells = map.rows[0].cells;
    head = h('tr', null, h('th', { class: 'hm-corner', text: 'Scenario' }), cells.map(c => h('th', { text: `#${c.scenario + 1}` })));
    rows = [h('tr', { data: { vol: 'array' } }, h('th', { class: 'hm-row', text: 'P&L' }), cells.map(c => cell(c, max, `Scenario #${c.scenario + 1}`)))];
  } else {
    head = h('tr', null, h('th', { class: 'hm-corner', text: 'Price move' }), map.shocks.map(x => h('th', { text: shock(x) })));
    rows = map.rows.map(r => h('tr', { data: { vol: r.vol } },
      h('th', { class: 'hm-row', text: map.layout === 'points' ? 'P&L' : VOLS[r.vol] || r.vol }),
      r.cells.map((c, i) => cell(c, max, `Price ${shock(map.shocks[i])} · ${VOLS[r.vol] || r.vol}`))));
  }
  return h('div', { class: 'hm-wrap', data: { group: group.group, testid: 'heatmap' } },
    h('div', { class: 'hm-scroll' }, h('table', { class: 'hm' }, h('thead', null, head), h('tbody', null, rows))),
    map.extended.length === 0 ? null : extendedStrip(map.extended),
    legend(max));
}
