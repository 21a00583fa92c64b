// The overview: accounts by state with the ones nearest liquidation first, checks/s and reject
// reasons, risk events as they happen, instruments with their price and its age.
import { h, fill, panel, table } from './dom.js';
import { get, stream } from './api.js';
import { money, pct, price, rate, age, clock, stateLabel, kindLabel, STATES } from './format.js';
import { sparkline } from './sparkline.js';
import { usageColor } from './gauge.js';

const POLL_MS = 2000;

const MEANING = {
  ok: 'equity covers IM',
  reduce_only: 'below IM · reduce only',
  liquidate: 'below MM · to liquidate',
  bankrupt: 'equity below zero',
};

export function badge(state) {
  return h('span', { class: `badge state-${state}`, data: { state } }, stateLabel(state));
}

function ratioBar(ratio) {
  const f = ratio === null ? 1 : Math.min(1, ratio);
  return h('div', { class: 'ratio' },
    h('div', { class: 'ratio-track' }, h('div', { class: 'ratio-fill', style: { width: `${(f * 100).toFixed(1)}%`, background: usageColor(ratio) } })),
    h('span', { class: 'ratio-text', text: pct(ratio) }));
}

function ageClass(ms) {
  if (ms < 15_000) return 'age-fresh';
  if (ms < 120_000) return 'age-ok';
  if (ms < 900_000) return 'age-old';
  return 'age-stale';
}

export function overviewPage(root, app) {
  const cards = h('div', { class: 'cards' });
  const activityCard = h('div', { class: 'card activity', data: { testid: 'activity' } });
  const accountsBody = h('div', { class: 'scroll-y tall' });
  const accountsNote = h('span', { class: 'muted' });
  const reasonsBody = h('div');
  const eventsBody = h('div', { class: 'events scroll-y' });
  const instrumentsBody = h('div', { class: 'scroll-y tall' });
  const indicesBody = h('div');
  const filterInput = h('input', { type: 'search', placeholder: 'Filter instruments', class: 'filter', 'aria-label': 'Filter instruments', oninput: () => renderMarket() });
  const optionsToggle = h('input', { type: 'checkbox', onchange: () => renderMarket() });
  let stateFilter = null;
  let overview = null;
  let market = null;
  let marketReceived = 0;
  let events = [];

  fill(root, h('div', { class: 'page', data: { testid: 'overview' } },
    h('div', { class: 'cards-row' }, cards, activityCard),
    h('div', { class: 'cols' },
      panel('Accounts · nearest liquidation first', { class: 'wide', actions: accountsNote }, accountsBody),
      h('div', { class: 'stack' },
        panel('Reject reasons · last 60 s', null, reasonsBody),
        panel('Risk events', null, eventsBody))),
    h('div', { class: 'cols' },
      panel('Instruments · marks and price age', { class: 'wide', actions: [filterInput, h('label', { class: 'toggle' }, optionsToggle, ' options')] }, instrumentsBody),
      panel('Index prices', null, indicesBody))));

  function renderCards() {
    const c = overview.states;
    const counts = { ok: c.ok, reduce_only: c.reduceOnly, liquidate: c.liquidate, bankrupt: c.bankrupt };
    fill(cards, Object.keys(STATES).map(state => h('button', {
      type: 'button',
      class: `card state-card state-${state}${stateFilter === state ? ' selected' : ''}`,
      data: { testid: 'state-count', state, count: counts[state] },
      title: stateFilter === state ? 'Show every state' : `Show only ${stateLabel(state)} accounts`,
      onclick: () => { stateFilter = stateFilter === state ? null : state; renderCards(); renderAccounts(); },
    }, h('span', { class: 'card-label', text: stateLabel(state) }), h('span', { class: 'card-value', text: counts[state].toLocaleString('en-US') }),
      h('span', { class: 'card-note', text: MEANING[state] }))));
  }

  function renderAccounts() {
    const rows = overview.accounts.filter(a => !stateFilter || a.state === stateFilter);
    const now = Date.now();
    fill(accountsNote, `${overview.total.toLocaleString('en-US')} accounts${overview.partial ? ' (partial count)' : ''}`);
    fill(accountsBody, table([
      { label: 'Account', cell: a => h('a', { href: `#/account/${encodeURIComponent(a.id)}`, text: a.id }) },
      { label: 'State', cell: a => [badge(a.state), a.frozen ? h('span', { class: 'chip', text: 'frozen' }) : null] },
      { label: 'Equity', num: true, cell: a => money(a.equity) },
      { label: 'IM', num: true, cell: a => money(a.initialMargin) },
      { label: 'MM', num: true, cell: a => money(a.maintenanceMargin) },
      { label: 'Margin ratio (MM/AE)', class: 'ratio-col', cell: a => ratioBar(a.marginRatio) },
      { label: 'AE − MM', num: true, cell: a => h('span', { class: a.health < 0 ? 'down' : '', text: money(a.health) }) },
      { label: 'Updated', num: true, cell: a => h('span', { class: 'muted', text: age(now - Date.parse(a.at)) }) },
    ], rows, {
      testid: 'accounts-table',
      empty: stateFilter ? `No ${stateLabel(stateFilter)} account` : 'No account yet',
      rowProps: a => ({ class: 'clickable', data: { account: a.id, state: a.state }, onclick: e => { if (e.target.tagName !== 'A') app.go(`#/account/${encodeURIComponent(a.id)}`); } }),
    }));
  }

  function renderEvents() {
    fill(eventsBody, events.length === 0 ? h('p', { class: 'muted', text: 'No state change yet.' }) :
      h('ul', { class: 'event-list', data: { testid: 'events' } }, events.slice(0, 30).map(e => h('li', { data: { account: e.accountId } },
        h('span', { class: 'event-time', text: clock(e.at) }),
        h('a', { href: `#/account/${encodeURIComponent(e.accountId)}`, text: e.accountId }),
        h('span', { class: 'event-move' }, badge(e.previousState), ' → ', badge(e.state)),
        h('span', { class: 'muted', text: `${e.cause}${e.canceledOrders ? ` · ${e.canceledOrders} ${e.canceledOrders === 1 ? 'order' : 'orders'} cancelled` : ''}` })))));
  }

  function renderActivity(a) {
    const reasons = a.reasons;
    const share = a.checksPerSecond > 0 ? a.rejectsPerSecond / a.checksPerSecond : 0;
    fill(activityCard,
      h('div', { class: 'activity-head' },
        h('span', { class: 'card-label', text: 'Checks/s · this node' }),
        h('span', { class: 'muted', text: `${a.checksTotal.toLocaleString('en-US')} since start` })),
      h('div', { class: 'activity-main' },
        h('span', { class: 'card-value', data: { testid: 'checks-rate', value: a.checksPerSecond }, text: rate(a.checksPerSecond) }),
        sparkline(a.series)),
      h('div', { class: 'activity-foot' },
        h('span', { class: a.rejectsPerSecond > 0 ? 'down' : 'muted', data: { testid: 'rejects-rate' }, text: `${rate(a.rejectsPerSecond)} rejects/s` }),
        h('span', { class: 'muted', text: ` · ${pct(share)} of checks · ${a.rejectsTotal.toLocaleString('en-US')} rejected since start` })));
    const top = Math.max(1, ...reasons.map(r => r.count));
    fill(reasonsBody, reasons.length === 0 ? h('p', { class: 'muted', data: { testid: 'reasons' }, text: 'No reject in the last minute.' }) :
      h('ul', { class: 'reasons', data: { testid: 'reasons' } }, reasons.map(r => h('li', { data: { reason: r.code } },
        h('span', { class: 'reason-label', text: r.label }),
        h('span', { class: 'reason-bar' }, h('span', { style: { width: `${(r.count / top) * 100}%` } })),
        h('span', { class: 'num', text: `${r.count.toLocaleString('en-US')} · ${rate(r.perSecond)}/s` })))));
  }

  function renderMarket() {
    if (!market) return;
    const text = filterInput.value.trim().toUpperCase();
    const matches = i => !text || i.id.toUpperCase().includes(text) || i.group.toUpperCase().includes(text);
    // Options (many strikes) show when asked for, or when the filter names one.
    const shown = i => optionsToggle.checked || !i.kind.includes('option') || (text && i.id.toUpperCase().includes(text));
    const rows = market.instruments.filter(i => matches(i) && shown(i));
    fill(instrumentsBody, table([
      { label: 'Instrument', cell: i => i.id },
      { label: 'Kind', cell: i => kindLabel(i.kind) },
      { label: 'Group', cell: i => i.group },
      { label: 'Price', num: true, cell: i => h('span', { class: 'price', text: i.price === null ? '—' : i.priceSource === 'vol' ? `${(i.price * 100).toFixed(1)}% vol` : price(i.price) }) },
      { label: 'Source', cell: i => h('span', { class: 'muted', text: i.priceSource }) },
      { label: 'Price age', num: true, cell: i => h('span', { class: 'age', data: { at: i.priceAt || '' } }) },
      { label: 'Status', cell: i => i.halted ? h('span', { class: 'chip danger', title: i.haltReason, text: 'halted' }) : h('span', { class: 'chip ok', text: 'trading' }) },
    ], rows, { testid: 'instruments-table', empty: 'No instrument matches', rowProps: i => ({ data: { instrument: i.id } }) }));
    fill(indicesBody, table([
      { label: 'Asset', cell: x => x.asset },
      { label: 'Index', num: true, cell: x => price(x.price) },
      { label: 'Age', num: true, cell: x => h('span', { class: 'age', data: { at: x.at } }) },
    ], market.indices, { testid: 'indices-table' }));
    tickAges();
  }

  // Ages from the server's clock: its answer time minus the price time, plus the time since it answered.
  function tickAges() {
    if (!market) return;
    const serverNow = Date.parse(market.asOf) + (Date.now() - marketReceived);
    for (const el of root.querySelectorAll('.age')) {
      if (!el.dataset.at) { el.textContent = '—'; continue; }
      const ms = serverNow - Date.parse(el.dataset.at);
      el.textContent = age(ms);
      el.className = `age ${ageClass(ms)}`;
    }
  }

  let refreshing = null;
  async function refresh() {
    if (refreshing) return refreshing;
    refreshing = (async () => {
      try {
        const [o, m] = await Promise.all([get('api/overview'), get('api/market')]);
        overview = o;
        market = m;
        marketReceived = Date.now();
        if (events.length === 0) events = o.events;
        renderCards();
        renderAccounts();
        renderEvents();
        renderMarket();
        app.problem(null);
      } catch (e) {
        app.failed('Could not refresh', e);
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  refresh();
  get('api/activity').then(renderActivity).catch(() => {});
  const live = stream('api/events', {
    activity: renderActivity,
    risk: e => {
      events = [e, ...events.filter(x => x.sequence !== e.sequence)].slice(0, 100);
      renderEvents();
      refresh();
    },
  }, app.setLive);
  const poll = setInterval(refresh, POLL_MS);
  const ticker = setInterval(tickAges, 1000);
  return () => {
    live.close();
    clearInterval(poll);
    clearInterval(ticker);
  };
}
