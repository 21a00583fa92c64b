// Boots the console: routes (#/ overview, #/account/<id>, #/simulator, #/house, or the deep links
// account/<id>, simulator and house), the live
// indicator, the clock and the problem banner.
import { h, fill } from './dom.js';
import { ApiError, apiKey } from './api.js';
import { overviewPage } from './overview.js';
import { accountPage } from './account.js';
import { simulatorPage } from './simulator.js';
import { housePage } from './house.js';

const main = document.getElementById('app');
const liveEl = document.querySelector('[data-testid=live]');
const clockEl = document.querySelector('[data-testid=clock]');
const crumb = document.querySelector('[data-testid=crumb]');
const simulatorLink = document.querySelector('[data-nav=simulator]');
const houseLink = document.querySelector('[data-nav=house]');
const banner = h('div', { class: 'banner', data: { testid: 'problem' }, hidden: true });
document.body.insertBefore(banner, main);

let liveState = 'connecting';
let dispose = () => {};

const app = {
  go(hash) {
    window.location.hash = hash;
  },
  setLive(state) {
    liveState = state;
    liveEl.dataset.state = state;
    liveEl.querySelector('.live-text').textContent = state;
  },
  liveState: () => liveState,
  problem(text) {
    banner.hidden = !text;
    banner.textContent = text || '';
  },
  /** Shows why a call failed; asks for an API key when the API wants one. */
  failed(what, error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) askKey(error);
    else app.problem(`${what}: ${error.message}`);
  },
};

function askKey(error) {
  if (!banner.hidden && banner.querySelector('.key-form')) return;
  const input = h('input', { type: 'password', placeholder: 'API key', autocomplete: 'off', 'aria-label': 'API key' });
  const form = h('form', { class: 'key-form', onsubmit: e => { e.preventDefault(); apiKey.set(input.value.trim()); route(); } },
    h('span', { text: error.status === 401 ? 'The console needs an API key.' : 'This API key may not read the console.' }),
    input,
    h('button', { type: 'submit', class: 'primary', text: 'Use key' }));
  fill(banner, form);
  banner.hidden = false;
}

function route() {
  const hash = window.location.hash.replace(/^#/, '');
  const base = new URL(document.baseURI).pathname;
  const path = hash || window.location.pathname.slice(base.length - 1);
  const match = /^\/account\/(.+)$/.exec(path);
  dispose();
  simulatorLink.classList.remove('active');
  houseLink.classList.remove('active');
  app.problem(null);
  app.setLive('connecting');
  window.scrollTo(0, 0);
  if (path === '/simulator') {
    document.title = 'Simulator · Margin Grid';
    fill(crumb);
    simulatorLink.classList.add('active');
    // The Simulator has no live stream: it margins on demand.
    app.setLive('on demand');
    dispose = simulatorPage(main, app);
  } else if (match) {
    const id = decodeURIComponent(match[1]);
    document.title = `${id} · Margin Grid`;
    fill(crumb, ' / ', h('span', { text: id }));
    dispose = accountPage(main, id, app);
  } else if (path === '/house') {
    document.title = 'House risk · Margin Grid';
    fill(crumb);
    houseLink.classList.add('active');
    dispose = housePage(main, app);
  } else {
    document.title = 'Margin Grid · Risk console';
    fill(crumb);
    dispose = overviewPage(main, app);
  }
}

function tick() {
  clockEl.textContent = new Date().toLocaleTimeString('en-GB', { hour12: false });
}

window.addEventListener('hashchange', route);
tick();
setInterval(tick, 1000);
route();
