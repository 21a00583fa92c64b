// Siloed versus cross-margined requirement as two horizontal bars on one scale; the siloed bar is
// stacked by silo, the gap between the two is what cross-margining saves.
import { h } from './dom.js';
import { money, pct } from './format.js';

const PALETTE = ['#38bdf8', '#a78bfa', '#f472b6', '#fbbf24', '#34d399', '#fb923c'];

export function comparisonBars(c) {
  if (!c) return h('p', { class: 'muted', text: 'Not available: an instrument the account holds has no price.' });
  const top = Math.max(c.siloedTotal, c.crossTotal, 1);
  const width = v => `${Math.max(0, (v / top) * 100).toFixed(2)}%`;
  const silos = c.silos.filter(x => x.requirement > 0);
  const siloed = h('div', { class: 'bar-track' },
    silos.map((x, i) => h('div', {
      class: 'bar-seg',
      style: { width: width(x.requirement), background: PALETTE[i % PALETTE.length] },
      title: `${x.name} (${x.regime}): ${money(x.requirement)}`,
    })));
  const cross = h('div', { class: 'bar-track' },
    h('div', { class: 'bar-seg cross', style: { width: width(c.crossTotal) }, title: `Cross-margined: ${money(c.crossTotal)}` }),
    c.savingUsd > 0 ? h('div', { class: 'bar-saving', style: { width: width(c.savingUsd) }, title: `Saving ${money(c.savingUsd)}` }) : null);
  const saving = c.savingUsd > 0
    ? h('div', { class: 'saving', data: { testid: 'saving', usd: c.savingUsd } },
      h('span', { class: 'saving-usd', text: money(c.savingUsd) }), ' saved by cross-margining ',
      h('span', { class: 'saving-pct', text: `(${pct(c.savingPct / 100)})` }))
    : h('div', { class: 'saving none', data: { testid: 'saving', usd: c.savingUsd } }, 'No saving: the groups do not offset.');
  return h('div', { class: 'bars', data: { testid: 'comparison' } },
    h('div', { class: 'bar-row' }, h('span', { class: 'bar-label', text: 'Siloed' }), siloed, h('span', { class: 'bar-value', text: money(c.siloedTotal) })),
    h('div', { class: 'bar-row' }, h('span', { class: 'bar-label', text: 'Cross' }), cross, h('span', { class: 'bar-value', text: money(c.crossTotal) })),
    saving,
    h('div', { class: 'bar-legend' }, silos.map((x, i) => h('span', { class: 'legend-item' },
      h('span', { class: 'swatch', style: { background: PALETTE[i % PALETTE.length] } }),
      `${x.name} `, h('span', { class: 'muted', text: `${x.regime} · ${money(x.requirement)}` })))));
}
