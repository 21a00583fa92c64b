// The House risk page (Rulebook §5): per stress scenario the total deficit against the guarantee
// fund and Cover-2 with its coverage gauge, the top accounts (linked to their pages), credits by
// pair with the house without them, and the last rulebook dry run's impact. Reads what the house
// grain keeps (GET api/house, every few seconds); nothing is recomputed.
import { h, fill, panel, table } from './dom.js';
import { get } from './api.js';
import { money, delta, pct, clock, age } from './format.js';
import { gauge, niceScale } from './gauge.js';
import { badge } from './overview.js';

const POLL_MS = 5000;

/** Green with room to spare, amber when the fund only just covers Cover-2, red when it does not. */
function coverageColor(coverage) {
  if (coverage === null) return 'var(--green)';
  if (coverage < 1) return 'var(--red)';
  if (coverage < 2) return 'var(--amber)';
  return 'var(--green)';
}

const ratio = c => (c === null ? '∞' : `${c >= 100 ? c.toFixed(0) : c.toFixed(2)}×`);

const accountLink = id => h('a', { href: `#/account/${encodeURIComponent(id)}`, text: id });

export function housePage(root, app) {
  const head = h('div', { class: 'account-head' });
  const scenarios = h('div', { class: 'house-scenarios', data: { testid: 'scenarios' } });
  const top = h('div', { class: 'scroll-x' });
  const topTitle = h('span', { class: 'muted' });
  const credits = h('div', { data: { testid: 'credits' } });
  const dryRun = h('div', { data: { testid: 'dry-run' } });
  let view = null;
  let selected = null;
  let timer = null;
  let closed = false;

  fill(root, h('div', { class: 'page', data: { testid: 'house-page' } },
    head,
    panel('Stress scenarios · Cover-2 against the guarantee fund', null, scenarios),
    panel('Top accounts', { actions: topTitle }, top),
    h('div', { class: 'cols even' },
      panel('Cross-margin dependency · credits by pair', null, credits),
      panel('Last rulebook dry run', null, dryRun))));

  function renderHead(run) {
    const instants = run.marketAsOf === run.marketAsOfLatest ? clock(run.marketAsOf) : `${clock(run.marketAsOf)}–${clock(run.marketAsOfLatest)}`;
    fill(head,
      h('h1', { text: 'House risk' }),
      h('span', { class: 'chip', text: `rulebook ${run.rulebookVersion}` }),
      h('span', { class: 'chip', text: `fund ${money(run.guaranteeFund)}` }),
      h('span', { class: 'spacer' }),
      h('span', { class: 'muted', data: { testid: 'run' }, text:
        `${run.accounts.toLocaleString('en-US')} accounts${run.skipped ? ` (+${run.skipped} not valued)` : ''} on ${run.silos.length} ${run.silos.length === 1 ? 'silo' : 'silos'} · market ${instants} · ${run.trigger.replace('_', ' ')} run ${age(Date.now() - Date.parse(run.completedAt))} ago` }));
  }

  function scenarioCard(s, run) {
    const g = gauge('cover2', 'Cover-2');
    g.update({
      value: s.cover2,
      scale: niceScale(Math.max(s.cover2, run.guaranteeFund)),
      color: coverageColor(s.coverage),
      center: ratio(s.coverage),
      marker: run.guaranteeFund,
      markerLabel: 'Guarantee fund',
      sub: s.covered ? 'fund covers the two largest defaults' : h('span', { class: 'down', text: 'fund short of the two largest defaults' }),
    });
    const share = run.guaranteeFund > 0 ? Math.min(1, s.totalDeficit / run.guaranteeFund) : 1;
    return h('button', {
      type: 'button',
      class: `card house-card${s.covered ? '' : ' uncovered'}${selected === s.name ? ' selected' : ''}`,
      data: { scenario: s.name, cover2: s.cover2, coverage: s.coverage === null ? 'inf' : s.coverage, covered: s.covered },
      title: 'Show this scenario\'s top accounts',
      onclick: () => { selected = s.name; render(); },
    },
      h('div', { class: 'house-card-head' }, h('span', { class: 'card-label', text: s.name }), s.name === run.worst ? h('span', { class: 'chip danger', text: 'worst' }) : null),
      g.el,
      h('div', { class: 'house-line' }, h('span', { class: 'muted', text: 'Total deficit' }), h('span', { data: { testid: 'deficit' }, text: money(s.totalDeficit) })),
      h('div', { class: 'ratio-track', title: `${pct(share)} of the fund` }, h('div', { class: 'ratio-fill', style: { width: `${(share * 100).toFixed(1)}%`, background: share >= 1 ? 'var(--red)' : 'var(--amber)' } })),
      h('div', { class: 'house-line' }, h('span', { class: 'muted', text: 'Total P&L' }), h('span', { class: s.totalPnl < 0 ? 'down' : 'up', text: money(s.totalPnl) })),
      h('div', { class: 'house-line' }, h('span', { class: 'muted', text: 'In deficit' }), h('span', { text: s.accountsInDeficit.toLocaleString('en-US') })));
  }

  function renderTop(run) {
    const s = run.scenarios.find(x => x.name === selected) || run.scenarios[0];
    fill(topTitle, s ? s.name : '');
    fill(top, s ? table([
      { label: 'Account', cell: a => accountLink(a.id) },
      { label: 'Equity', num: true, cell: a => money(a.equity) },
      { label: 'Stressed equity', num: true, cell: a => h('span', { class: a.stressedEquity < 0 ? 'down' : '', text: money(a.stressedEquity) }) },
      { label: 'Stress P&L', num: true, cell: a => money(a.pnl) },
      { label: 'Deficit', num: true, cell: a => h('span', { class: a.deficit > 0 ? 'down strong' : 'muted', text: money(a.deficit) }) },
    ], s.top, { testid: 'top-accounts', empty: 'No account', rowProps: a => ({ data: { account: a.id } }) }) : '');
  }

  function renderCredits(c) {
    fill(credits,
      table([
        { label: 'Pair', cell: p => p.pair },
        { label: 'Credit', num: true, cell: p => money(p.credit) },
        { label: 'Positions only', num: true, cell: p => money(p.creditPositions) },
      ], c.pairs, { testid: 'pairs', empty: 'No inter-group credit granted', rowProps: p => ({ data: { pair: p.pair } }) }),
      h('dl', { class: 'house-facts' },
        h('dt', { text: 'Siloed → cross-margined' }), h('dd', { text: `${money(c.siloedTotal)} → ${money(c.crossTotal)}` }),
        h('dt', { text: 'House IM' }), h('dd', { text: money(c.im) }),
        h('dt', { text: 'Without credits' }), h('dd', { data: { testid: 'im-without-credits', value: c.imWithoutCredits }, text: `${money(c.imWithoutCredits)} (${delta(c.imWithoutCredits - c.im)})` }),
        h('dt', { text: 'Accounts leaving OK' }), h('dd', { data: { testid: 'leaving-ok' }, text: c.leavingOk.toLocaleString('en-US') }),
        h('dt', { text: 'Margin they would be called for' }), h('dd', { text: money(c.calledIm) })),
      c.transitions.length ? h('ul', { class: 'event-list' }, c.transitions.map(t => h('li', null, `${t.accounts.toLocaleString('en-US')} ×`, badge(t.from), ' → ', badge(t.to)))) : null);
  }

  function renderDryRun(i) {
    if (!i) {
      fill(dryRun, h('p', { class: 'muted', text: 'No dry run yet: grid rulebook load <file> --dry-run computes one over every account.' }));
      return;
    }
    dryRun.dataset.candidate = i.candidateVersion;
    fill(dryRun,
      h('div', { class: 'house-line' },
        h('span', { text: `${i.currentVersion} → ${i.candidateVersion}` }),
        h('span', { class: `chip ${i.refused ? 'danger' : 'ok'}`, data: { testid: 'verdict' }, text: i.refused ? (i.forced ? 'refused by the guard · forced' : 'refused by the guard') : 'within the guard' })),
      h('dl', { class: 'house-facts' },
        h('dt', { text: 'House IM' }), h('dd', { data: { testid: 'im-change', value: i.imAfter - i.imBefore }, text: `${money(i.imBefore)} → ${money(i.imAfter)} (${delta(i.imAfter - i.imBefore)})` }),
        h('dt', { text: 'Positions-only IM change' }), h('dd', { text: i.positionsIncrease === null ? 'unbounded' : pct(i.positionsIncrease) }),
        h('dt', { text: 'Computed' }), h('dd', { text: `${clock(i.computedAt)} over ${i.accounts.toLocaleString('en-US')} accounts${i.skipped ? ` (${i.skipped} not evaluated)` : ''}` })),
      i.breaches.map(b => h('p', { class: 'problem-inline', text: b })),
      i.transitions.length ? h('ul', { class: 'event-list' }, i.transitions.map(t => h('li', null, `${t.accounts.toLocaleString('en-US')} ×`, badge(t.from), ' → ', badge(t.to)))) : null,
      table([
        { label: 'Largest increases', cell: a => accountLink(a.id) },
        { label: 'IM now', num: true, cell: a => money(a.imBefore) },
        { label: 'IM then', num: true, cell: a => money(a.imAfter) },
        { label: 'Change', num: true, cell: a => h('span', { class: a.imAfter > a.imBefore ? 'down' : 'up', text: delta(a.imAfter - a.imBefore) }) },
        { label: 'State', cell: a => a.stateBefore === a.stateAfter ? badge(a.stateAfter) : [badge(a.stateBefore), ' → ', badge(a.stateAfter)] },
      ], i.largest, { testid: 'largest', rowProps: a => ({ data: { account: a.id } }) }));
  }

  function render() {
    const run = view.run;
    if (!run) {
      fill(head, h('h1', { text: 'House risk' }));
      fill(scenarios, h('p', { class: 'muted', data: { testid: 'no-run' }, text: 'No house run yet: the grid runs one every minute (grid stress --run starts one now).' }));
    } else {
      selected = selected || run.worst;
      renderHead(run);
      fill(scenarios, run.scenarios.map(s => scenarioCard(s, run)));
      renderTop(run);
      renderCredits(run.credits);
    }
    renderDryRun(view.dryRun);
  }

  async function refresh() {
    try {
      view = await get('api/house');
      app.setLive('live');
      app.problem(null);
      render();
    } catch (e) {
      app.setLive('reconnecting');
      app.failed('House risk', e);
    }
    if (!closed) timer = setTimeout(refresh, POLL_MS);
  }

  refresh();
  return () => { closed = true; clearTimeout(timer); };
}
