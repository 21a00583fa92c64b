// The account page: gauges, what-if, siloed vs cross, groups with their scenario heatmaps, holdings.
// Follows the account live (its grain pushes after every price move, fill or transfer); polls while
// the stream is down.
import { h, fill, panel, table } from './dom.js';
import { get, stream, ApiError } from './api.js';
import { money, exact, pct, qty, price, shock, clock, stateLabel } from './format.js';
import { gauge, niceScale, usageColor } from './gauge.js';
import { heatmap } from './heatmap.js';
import { comparisonBars } from './bars.js';
import { whatIfPanel } from './whatif.js';
import { badge } from './overview.js';

const POLL_MS = 2000;
const SIDES = { none: 'positions', bids: 'all bids filled', asks: 'all asks filled' };

function ratioOf(v, equity) {
  if (equity > 0) return v / equity;
  return v > 0 ? null : 0;
}

function availableColor(ratio) {
  if (ratio === null || ratio <= 0) return 'var(--red)';
  if (ratio < 0.1) return 'var(--orange)';
  if (ratio < 0.25) return 'var(--amber)';
  return 'var(--green)';
}

export function accountPage(root, id, app) {
  const head = h('div', { class: 'account-head' });
  const gauges = {
    equity: gauge('equity', 'Equity (AE)'),
    im: gauge('im', 'Initial margin'),
    mm: gauge('mm', 'Maintenance margin'),
    available: gauge('available', 'Available'),
  };
  const comparison = h('div');
  const groups = h('div', { class: 'scroll-x' });
  const heatmaps = h('div', { class: 'heatmaps' });
  const positions = h('div', { class: 'scroll-x' });
  const orders = h('div', { class: 'scroll-x' });
  const balances = h('div');
  let view = null;
  let projection = null;
  let closed = false;

  const whatIf = whatIfPanel(id, {
    current: () => view.figures,
    onProjection: p => { projection = p; renderGauges(); },
    onError: e => { if (e instanceof ApiError && (e.status === 401 || e.status === 403)) app.failed('What-if', e); },
  });

  fill(root, h('div', { class: 'page', data: { testid: 'account-page', account: id } },
    head,
    h('div', { class: 'gauges', data: { testid: 'gauges' } }, Object.values(gauges).map(g => g.el)),
    h('div', { class: 'cols' },
      panel('What-if', { class: 'whatif', data: { testid: 'whatif' } }, whatIf.el, whatIf.result),
      panel('Siloed vs cross-margined', null, comparison)),
    panel('Risk groups', null, groups),
    panel('Scenario heatmaps · positions-only P&L', null, heatmaps),
    h('div', { class: 'cols three' },
      panel('Positions', null, positions),
      panel('Open orders', null, orders),
      panel('Balances', null, balances))));

  function renderHead() {
    const f = view.figures;
    fill(head,
      h('a', { class: 'back', href: '#/', text: '← Overview' }),
      h('h1', { text: view.id }),
      h('span', { data: { testid: 'account-state', state: f.state } }, badge(f.state)),
      f.statePositionsOnly !== f.state ? h('span', { class: 'chip', title: 'State counting positions only (resting orders ignored)', text: `positions only: ${stateLabel(f.statePositionsOnly)}` }) : null,
      h('span', { class: 'chip', text: view.regime }),
      view.frozen ? h('span', { class: 'chip danger', text: 'frozen' }) : null,
      h('span', { class: 'spacer' }),
      h('span', { class: 'muted', data: { testid: 'as-of' }, text: `as of ${clock(view.asOf)} · version ${view.version.toLocaleString('en-US')} · rulebook ${view.rulebookVersion || '—'}` }));
  }

  function renderGauges() {
    if (!view) return;
    const f = view.figures;
    const eq = f.equity;
    const p = projection;
    const all = [eq, f.initialMargin, f.maintenanceMargin, f.available];
    if (p) all.push(p.equity, p.im, p.mm, p.available);
    const scale = niceScale(Math.max(...all.map(v => Math.abs(v))));
    const imRatio = ratioOf(f.initialMargin, eq);
    const availRatio = ratioOf(f.available, eq);
    gauges.equity.update({
      value: eq, scale, color: eq > 0 ? 'var(--sky)' : 'var(--red)',
      center: f.initialMargin > 0 ? `${(eq / f.initialMargin).toFixed(2)}× IM` : 'no IM',
      sub: `collateral ${money(f.collateralValue)} · derivatives ${money(f.derivativeValue)}`,
      projected: p ? p.equity : null,
    });
    gauges.im.update({
      value: f.initialMargin, scale, color: usageColor(imRatio), center: pct(imRatio, 0),
      sub: `${pct(imRatio)} of equity${f.orderCosts > 0 ? ` · order costs ${money(f.orderCosts)}` : ''}`,
      marker: eq, projected: p ? p.im : null, projectedColor: p ? usageColor(ratioOf(p.im, p.equity)) : null,
    });
    gauges.mm.update({
      value: f.maintenanceMargin, scale, color: usageColor(f.marginRatio), center: pct(f.marginRatio, 0),
      sub: 'margin ratio MM/AE · liquidation at 100%',
      marker: eq, projected: p ? p.mm : null, projectedColor: p ? usageColor(ratioOf(p.mm, p.equity)) : null,
    });
    gauges.available.update({
      value: f.available, scale, color: availableColor(availRatio), center: pct(availRatio, 0),
      sub: f.available > 0 ? `${pct(availRatio)} of equity free` : `short by ${money(Math.max(0, f.initialMargin - eq + f.orderCosts))}`,
      marker: eq, projected: p ? p.available : null, projectedColor: p ? availableColor(ratioOf(p.available, p.equity)) : null,
    });
  }

  function renderGroups() {
    fill(groups, table([
      { label: 'Group', cell: g => h('strong', { text: g.group }) },
      { label: 'Side', cell: g => h('span', { class: 'muted', text: SIDES[g.side] || g.side }) },
      { label: 'Scan', num: true, cell: g => money(g.scan) },
      { label: 'Worst scenario', cell: g => g.heatmap.layout === 'array' ? `#${g.worstScenario + 1}` : `${shock(g.worstShock)} · vol ${g.worstVol}` },
      { label: 'Basis', num: true, cell: g => money(g.basis) },
      { label: 'Short-option min', num: true, cell: g => money(g.shortOptionMinimum) },
      { label: 'Concentration', num: true, cell: g => money(g.concentration) },
      { label: 'Credit', num: true, cell: g => money(g.credit) },
      { label: 'Group IM', num: true, cell: g => h('strong', { text: money(g.groupIm) }) },
      { label: 'USD delta', num: true, cell: g => money(g.delta) },
    ], view.groups, { testid: 'groups-table', empty: 'No risk group: the account holds no derivative.', rowProps: g => ({ data: { group: g.group } }) }));
    fill(heatmaps, view.groups.length === 0 ? h('p', { class: 'muted', text: 'Nothing to shock.' }) :
      view.groups.map(g => h('div', { class: 'heatmap-card' },
        h('div', { class: 'heatmap-title' },
          h('strong', { text: g.group }),
          h('span', { class: 'muted', text: `scan ${money(g.scan)} · group IM ${money(g.groupIm)}` })),
        heatmap(g))));
  }

  function renderHoldings() {
    fill(positions, table([
      { label: 'Instrument', cell: p => p.instrumentId },
      { label: 'Side', cell: p => h('span', { class: p.qty > 0 ? 'up' : 'down', text: p.qty > 0 ? 'Long' : 'Short' }) },
      { label: 'Qty', num: true, cell: p => qty(Math.abs(p.qty)) },
      { label: 'Entry', num: true, cell: p => price(p.entry) },
      { label: 'Value', num: true, cell: p => h('span', { title: exact(p.value), class: p.value < 0 ? 'down' : '', text: money(p.value) }) },
    ], view.positions, { testid: 'positions-table', empty: 'No position' }));
    fill(orders, table([
      { label: 'Order', cell: o => o.clientOrderId },
      { label: 'Instrument', cell: o => o.instrumentId },
      { label: 'Side', cell: o => h('span', { class: o.side === 'buy' ? 'up' : 'down', text: o.side === 'buy' ? 'Buy' : 'Sell' }) },
      { label: 'Remaining', num: true, cell: o => qty(o.remainingQty) },
      { label: 'Price', num: true, cell: o => price(o.price) },
      { label: 'Since', num: true, cell: o => clock(o.reservedAt) },
    ], view.orders, { testid: 'orders-table', empty: 'No resting order', rowProps: o => ({ data: { order: o.clientOrderId } }) }));
    fill(balances, table([
      { label: 'Asset', cell: b => b.asset },
      { label: 'Balance', num: true, cell: b => qty(b.balance) },
      { label: 'Collateral value', num: true, cell: b => money(b.value) },
    ], view.balances, { testid: 'balances-table', empty: 'No balance' }));
  }

  function render(v) {
    const first = view === null;
    view = v;
    renderHead();
    renderGauges();
    fill(comparison, comparisonBars(v.comparison));
    renderGroups();
    renderHoldings();
    const ids = new Set([...v.positions.map(p => p.instrumentId), ...v.orders.map(o => o.instrumentId)]);
    if (first) {
      get('api/market').then(m => whatIf.suggest([...new Set([...ids, ...m.instruments.map(i => i.id)])])).catch(() => whatIf.suggest([...ids]));
    } else {
      whatIf.rerun();
    }
    app.problem(null);
  }

  function gone(e) {
    closed = true;
    live.close();
    fill(root, h('div', { class: 'page' },
      h('a', { class: 'back', href: '#/', text: '← Overview' }),
      h('div', { class: 'problem', data: { testid: 'account-missing' }, text: e.message })));
  }

  async function refresh() {
    try {
      render(await get(`api/accounts/${encodeURIComponent(id)}`));
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) gone(e);
      else app.failed(`Could not load ${id}`, e);
    }
  }

  refresh();
  const live = stream(`api/events?account=${encodeURIComponent(id)}`, {
    account: v => { if (!closed) render(v); },
    problem: p => (p.status === 401 || p.status === 403 ? app.failed('Live updates', new ApiError(p.status, p.detail)) : app.problem(p.detail)),
  }, app.setLive);
  const poll = setInterval(() => { if (!closed && app.liveState() !== 'live') refresh(); }, POLL_MS);
  return () => {
    closed = true;
    live.close();
    clearInterval(poll);
  };
}
