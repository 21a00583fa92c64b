// The what-if panel: one order checked as if it rested (nothing is reserved); its figures are shown
// next to the current ones and projected on the gauges. Re-evaluated when the account moves.
import { h, fill } from './dom.js';
import { post } from './api.js';
import { money, delta, price, qty, clock, DECISIONS } from './format.js';
import { badge } from './overview.js';

const HINT = 'Enter an order to see the decision and the figures after it, before sending it.';

export function whatIfPanel(accountId, { current, onProjection, onError }) {
  const instruments = h('datalist', { id: 'whatif-instruments' });
  const instrument = h('input', { name: 'instrument', list: 'whatif-instruments', placeholder: 'BTC-PERP', required: true, autocomplete: 'off', spellcheck: 'false' });
  const buy = h('input', { type: 'radio', name: 'side', value: 'buy', checked: true });
  const sell = h('input', { type: 'radio', name: 'side', value: 'sell' });
  const amount = h('input', { name: 'qty', type: 'number', step: 'any', min: '0', placeholder: '1', required: true });
  const limit = h('input', { name: 'price', type: 'number', step: 'any', min: '0', placeholder: 'mark' });
  const result = h('div', { class: 'whatif-result', data: { testid: 'whatif-result' } }, h('p', { class: 'muted', text: HINT }));
  const evaluate = h('button', { type: 'submit', class: 'primary', name: 'evaluate', text: 'Evaluate' });
  const clear = h('button', { type: 'button', class: 'ghost', name: 'clear', text: 'Clear', onclick: () => reset() });
  let last = null;
  let running = false;
  let again = null;

  const form = h('form', { class: 'whatif-form', data: { testid: 'whatif-form' }, onsubmit: e => { e.preventDefault(); submit(); } },
    h('label', null, h('span', { text: 'Instrument' }), instrument, instruments),
    h('fieldset', { class: 'side' }, h('legend', { text: 'Side' }),
      h('label', { class: 'seg buy' }, buy, h('span', { text: 'Buy' })),
      h('label', { class: 'seg sell' }, sell, h('span', { text: 'Sell' }))),
    h('label', null, h('span', { text: 'Quantity' }), amount),
    h('label', null, h('span', { text: 'Limit price' }), limit),
    h('div', { class: 'buttons' }, evaluate, clear));

  function reset() {
    last = null;
    again = null;
    fill(result, h('p', { class: 'muted', text: HINT }));
    delete result.dataset.decision;
    onProjection(null);
  }

  async function run(order, quiet) {
    if (running) {
      again = { order, quiet };
      return;
    }
    running = true;
    evaluate.disabled = true;
    try {
      const view = await post(`api/accounts/${encodeURIComponent(accountId)}/what-if`, order);
      last = order;
      render(view);
    } catch (e) {
      if (!quiet) {
        fill(result, h('p', { class: 'problem-inline', data: { testid: 'whatif-problem' }, text: e.message }));
        delete result.dataset.decision;
        onProjection(null);
        onError(e);
      }
    } finally {
      running = false;
      evaluate.disabled = false;
      if (again) {
        const next = again;
        again = null;
        run(next.order, next.quiet);
      }
    }
  }

  function submit() {
    run({
      instrumentId: instrument.value.trim(),
      side: sell.checked ? 'sell' : 'buy',
      qty: Number(amount.value),
      price: limit.value === '' ? null : Number(limit.value),
    }, false);
  }

  function row(label, before, after, better) {
    const change = after - before;
    const good = better === 'lower' ? change < 0 : change > 0;
    return h('tr', null, h('th', { text: label }),
      h('td', { class: 'num', text: money(before) }),
      h('td', { class: 'num arrow', text: '→' }),
      h('td', { class: 'num strong', text: money(after) }),
      h('td', { class: `num ${change === 0 ? 'flat' : good ? 'up' : 'down'}`, text: delta(change) }));
  }

  function render(v) {
    const now = current();
    const accepted = v.decision !== 'reject';
    const projection = {
      equity: v.after.equity,
      im: v.imAfter,
      mm: v.mmAfter,
      // A rejected order would leave the account short by the shortfall.
      available: accepted ? v.availableAfter : -v.shortfall,
    };
    result.dataset.decision = v.decision;
    fill(result,
      h('div', { class: 'decision-line' },
        h('span', { class: `decision decision-${v.decision}`, data: { testid: 'decision' }, text: DECISIONS[v.decision] || v.decision }),
        v.reasonLabel ? h('span', { class: 'reason', text: v.reasonLabel }) : null,
        h('span', { class: 'muted', text: `${v.side} ${qty(v.qty)} ${v.instrumentId} @ ${price(v.price)}` })),
      h('table', { class: 'compare' },
        h('thead', null, h('tr', null, h('th'), h('th', { class: 'num', text: 'Now' }), h('th'),
          h('th', { class: 'num', text: accepted ? 'After' : 'If accepted' }), h('th', { class: 'num', text: 'Change' }))),
        h('tbody', null,
          row('Initial margin', v.imBefore, v.imAfter, 'lower'),
          row('Available', now.available, projection.available, 'higher'),
          row('MM if filled', now.maintenanceMargin, v.mmAfter, 'lower'),
          row('Equity', now.equity, v.after.equity, 'higher'))),
      h('div', { class: 'whatif-foot' },
        h('span', null, 'State after ', badge(v.stateAfter)),
        v.shortfall > 0 ? h('span', { class: 'down', text: `shortfall ${money(v.shortfall)}` }) : null,
        h('span', { class: 'muted', text: `evaluated ${clock(new Date().toISOString())} · nothing reserved` })));
    onProjection(projection);
  }

  return {
    el: form,
    result,
    /** Instruments to suggest (ids). */
    suggest(ids) {
      fill(instruments, ids.map(id => h('option', { value: id })));
    },
    /** Re-evaluates the last order against the account's new figures. */
    rerun() {
      if (last) run(last, true);
    },
  };
}
