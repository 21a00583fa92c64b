// The Simulator page: paste or upload a portfolio (a JSON document in the cases' layout, or a CSV of
// positions), margin it without an account, edit its positions in place and see the breakdown, the
// scenario heatmaps, siloed vs cross, the stress scenarios and a candidate order's decision.
import { h, fill, panel, table } from './dom.js';
import { get, post, ApiError } from './api.js';
import { money, pct, qty, price, clock, DECISIONS } from './format.js';
import { heatmap } from './heatmap.js';
import { comparisonBars } from './bars.js';
import { badge } from './overview.js';
import { documentAccount, exampleDocument, positionsFromCsv } from './portfolio.js';

const EDIT_DELAY_MS = 350;

export function simulatorPage(root, app) {
  const text = h('textarea', { class: 'sim-document', data: { testid: 'sim-document' }, spellcheck: 'false', rows: 14,
    placeholder: '{"balances": {"USD": 1000000}, "positions": [{"instrument": "BTC-PERP", "qty": 2, "entry": 60000}]}' });
  const upload = h('input', { type: 'file', accept: '.json,.csv,application/json,text/csv', data: { testid: 'sim-upload' }, onchange: () => load(upload.files[0]) });
  const run = h('button', { type: 'button', class: 'primary', data: { testid: 'sim-run' }, text: 'Margin it', onclick: () => simulate() });
  const example = h('button', { type: 'button', class: 'ghost', data: { testid: 'sim-example' }, text: 'Example', onclick: () => useExample() });
  const order = {
    instrument: h('input', { name: 'instrument', placeholder: 'BTC-PERP', autocomplete: 'off', spellcheck: 'false' }),
    side: h('select', { name: 'side' }, h('option', { value: 'buy', text: 'Buy' }), h('option', { value: 'sell', text: 'Sell' })),
    qty: h('input', { name: 'qty', type: 'number', step: 'any', min: '0', placeholder: 'qty' }),
    price: h('input', { name: 'price', type: 'number', step: 'any', min: '0', placeholder: 'limit price' }),
  };
  const message = h('p', { class: 'muted', data: { testid: 'sim-message' }, text: 'Paste a portfolio, upload a .json or .csv file, or start from the example; nothing is stored and no account is touched.' });
  const result = h('div', { class: 'sim-result', data: { testid: 'sim-result' } });
  let doc = null;
  let pending = null;
  let running = false;
  let again = false;

  fill(root, h('div', { class: 'page', data: { testid: 'simulator-page' } },
    h('div', { class: 'account-head' }, h('h1', { text: 'Simulator' }),
      h('span', { class: 'muted', text: 'any portfolio margined on demand, against the live market or its own' })),
    panel('Portfolio', { actions: [example, h('label', { class: 'upload' }, h('span', { text: 'Upload' }), upload), run] },
      text,
      h('form', { class: 'sim-order', data: { testid: 'sim-order' }, onsubmit: e => { e.preventDefault(); simulate(); } },
        h('span', { class: 'muted', text: 'Candidate order (optional)' }), order.instrument, order.side, order.qty, order.price),
      message),
    result));

  function account() {
    return doc ? documentAccount(doc) : null;
  }

  function candidate() {
    const id = order.instrument.value.trim();
    if (!id) return null;
    return { instrumentId: id, side: order.side.value, qty: Number(order.qty.value), price: Number(order.price.value) };
  }

  async function simulate() {
    if (running) {
      again = true;
      return;
    }
    try {
      doc = JSON.parse(text.value);
    } catch (e) {
      say(`The portfolio is not JSON: ${e.message}`, true);
      return;
    }
    running = true;
    run.disabled = true;
    try {
      const view = await post('api/simulate', { document: text.value, order: candidate() });
      say(`Margined ${clock(new Date().toISOString())} · nothing stored`, false);
      render(view);
    } catch (e) {
      say(e.message, true);
      result.dataset.failed = 'true';
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) app.failed('Simulator', e);
    } finally {
      running = false;
      run.disabled = false;
      if (again) {
        again = false;
        simulate();
      }
    }
  }

  function say(text, problem) {
    message.textContent = text;
    message.className = problem ? 'problem-inline' : 'muted';
    message.dataset.problem = problem ? 'true' : 'false';
  }

  async function load(file) {
    if (!file) return;
    const content = await file.text();
    if (/\.csv$/i.test(file.name)) {
      const current = safeParse(text.value) ?? { regime: 'PM', balances: { USD: 1000000 }, positions: [] };
      documentAccount(current).positions = positionsFromCsv(content);
      text.value = JSON.stringify(current, null, 2);
    } else {
      text.value = content;
    }
    simulate();
  }

  async function useExample() {
    let ids = [];
    try {
      ids = (await get('api/market')).instruments.map(i => i.id);
    } catch {
      // The example falls back to the perps every demo grid lists.
    }
    text.value = JSON.stringify(exampleDocument(ids), null, 2);
    simulate();
  }

  // Editing a position rewrites the document and margins it again, after a pause in typing.
  function edit(index, field, value) {
    const a = account();
    if (!a || !a.positions || !a.positions[index]) return;
    if (value === '' || !Number.isFinite(Number(value))) return;
    a.positions[index][field] = Number(value);
    text.value = JSON.stringify(doc, null, 2);
    clearTimeout(pending);
    pending = setTimeout(simulate, EDIT_DELAY_MS);
  }

  function remove(index) {
    const a = account();
    a.positions.splice(index, 1);
    text.value = JSON.stringify(doc, null, 2);
    simulate();
  }

  function editor() {
    const positions = (account()?.positions) || [];
    const input = (p, i, field) => h('input', {
      type: 'number', step: 'any', value: p[field] ?? '', name: `${field}-${i}`, class: 'cell-input',
      data: { testid: `sim-${field}`, index: i }, oninput: e => edit(i, field, e.target.value),
    });
    return table([
      { label: 'Instrument', cell: p => p.instrument },
      { label: 'Qty (signed)', num: true, cell: (p, i) => input(p, positions.indexOf(p), 'qty') },
      { label: 'Entry', num: true, cell: p => input(p, positions.indexOf(p), 'entry') },
      { label: 'Funding', num: true, cell: p => input(p, positions.indexOf(p), 'funding') },
      { label: '', cell: p => h('button', { type: 'button', class: 'ghost small', text: 'Remove', onclick: () => remove(positions.indexOf(p)) }) },
    ], positions, { testid: 'sim-positions', empty: 'No position', rowProps: p => ({ data: { instrument: p.instrument } }) });
  }

  function render(v) {
    const f = v.figures;
    delete result.dataset.failed;
    result.dataset.im = f.initialMargin;
    result.dataset.state = f.state;
    const cards = [
      ['Equity (AE)', f.equity, `collateral ${money(f.collateralValue)} · derivatives ${money(f.derivativeValue)}`],
      ['Initial margin', f.initialMargin, `positions only ${money(f.initialMarginPositions)} · credits ${money(f.creditTotal)}`],
      ['Maintenance margin', f.maintenanceMargin, `margin ratio ${pct(f.marginRatio)}`],
      ['Available', f.available, `excess ${money(f.excess)} · order costs ${money(f.orderCosts)}`],
    ];
    fill(result,
      h('div', { class: 'account-head' },
        h('span', { data: { testid: 'sim-state', state: f.state } }, badge(f.state)),
        h('span', { class: 'chip', text: v.regime }),
        h('span', { class: 'spacer' }),
        h('span', { class: 'muted', data: { testid: 'sim-basis' },
          text: `rulebook ${v.basis.rulebookVersion} (${v.basis.rulebook}) · instruments ${v.basis.instruments} · market ${v.basis.market} as of ${clock(v.basis.asOf)}` })),
      h('div', { class: 'cards', data: { testid: 'sim-figures' } }, cards.map(([label, value, sub]) =>
        h('div', { class: 'card', data: { figure: label } }, h('div', { class: 'card-label', text: label }),
          h('div', { class: 'card-value', text: money(value) }), h('div', { class: 'card-note', text: sub })))),
      h('div', { class: 'cols' },
        panel('Positions · edit in place', null, h('div', { class: 'scroll-x' }, editor())),
        panel('Siloed vs cross-margined', null, comparisonBars(v.comparison))),
      v.order ? panel('Candidate order', null, orderView(v.order)) : null,
      panel('Risk groups', null, h('div', { class: 'scroll-x' }, table([
        { label: 'Group', cell: g => h('strong', { text: g.group }) },
        { label: 'Scan', num: true, cell: g => money(g.scan) },
        { label: 'Basis', num: true, cell: g => money(g.basis) },
        { label: 'Short-option min', num: true, cell: g => money(g.shortOptionMinimum) },
        { label: 'Concentration', num: true, cell: g => money(g.concentration) },
        { label: 'Credit', num: true, cell: g => money(g.credit) },
        { label: 'Group IM', num: true, cell: g => h('strong', { text: money(g.groupIm) }) },
        { label: 'USD delta', num: true, cell: g => money(g.delta) },
      ], v.groups, { testid: 'sim-groups', empty: 'No risk group: the portfolio holds no derivative.' }))),
      panel('Scenario heatmaps · positions-only P&L', null, h('div', { class: 'heatmaps' }, v.groups.length === 0
        ? h('p', { class: 'muted', text: 'Nothing to shock.' })
        : v.groups.map(g => h('div', { class: 'heatmap-card' },
          h('div', { class: 'heatmap-title' }, h('strong', { text: g.group }), h('span', { class: 'muted', text: `scan ${money(g.scan)} · group IM ${money(g.groupIm)}` })),
          heatmap(g))))),
      h('div', { class: 'cols' },
        panel('Stress scenarios (Rulebook §5.2)', null, table([
          { label: 'Scenario', cell: s => s.scenario },
          { label: 'AE′', num: true, cell: s => money(s.stressedEquity) },
          { label: 'P&L', num: true, cell: s => h('span', { class: s.pnl < 0 ? 'down' : s.pnl > 0 ? 'up' : 'flat', text: money(s.pnl) }) },
          { label: 'Deficit', num: true, cell: s => h('span', { class: s.deficit > 0 ? 'down' : '', text: money(s.deficit) }) },
          { label: 'IMs consumed', num: true, cell: s => s.coverage.toFixed(2) },
        ], v.stress, { testid: 'sim-stress', empty: 'The rulebook has no stress scenarios.' })),
        panel('Without credits (§5.4) · balances', null,
          h('p', { data: { testid: 'sim-without-credits' } }, `IM ${money(v.withoutCredits.initialMargin)} · MM ${money(v.withoutCredits.maintenanceMargin)} · state `,
            badge(v.withoutCredits.state), v.withoutCredits.leavesOk ? h('span', { class: 'down', text: ` · ${money(v.withoutCredits.calledMargin)} would be called` }) : null),
          v.credits.length ? h('p', { class: 'muted', text: `credits: ${v.credits.map(c => `${c.pair} ${money(c.credit)}`).join(', ')}` }) : null,
          table([
            { label: 'Asset', cell: b => b.asset },
            { label: 'Balance', num: true, cell: b => qty(b.balance) },
            { label: 'Collateral value', num: true, cell: b => money(b.value) },
          ], v.balances, { testid: 'sim-balances', empty: 'No balance' }))));
  }

  function orderView(o) {
    return h('div', { class: 'whatif-result', data: { testid: 'sim-decision', decision: o.decision } },
      h('div', { class: 'decision-line' },
        h('span', { class: `decision decision-${o.decision}`, text: DECISIONS[o.decision] || o.decision }),
        o.reasonLabel ? h('span', { class: 'reason', text: o.reasonLabel }) : null,
        h('span', { class: 'muted', text: `${o.side} ${qty(o.qty)} ${o.instrumentId} @ ${price(o.price)}` }),
        o.explanation ? h('span', { class: 'muted', text: o.explanation }) : null),
      h('p', { class: 'muted', text: `IM ${money(o.imBefore)} → ${money(o.imAfter)} · available after ${money(o.availableAfter)} · MM if filled ${money(o.mmAfter)} · shortfall ${money(o.shortfall)} · max size ${qty(o.maxQty)}` }));
  }

  return () => clearTimeout(pending);
}

function safeParse(text) {
  try {
    return text.trim() ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
