// Number, money, time and label formats. Money is USD, grouped by thousands; large sums without cents.
const whole = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const cents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const qtyFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const priceFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
const rateFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

const MINUS = '\u2212';

/** $1,234,567; cents only below $1,000 and when there are some ($12.50, $0). */
export function money(v) {
  if (v === null || v === undefined || Number.isNaN(Number(v))) return '—';
  const n = Number(v);
  const format = Math.abs(n) >= 1000 || Number.isInteger(n) ? whole : cents;
  return format.format(n).replace('-', MINUS);
}

/** Exact money with cents, for tooltips. */
export const exact = v => (v === null || v === undefined) ? '—' : cents.format(Number(v)).replace('-', MINUS);

/** Signed change: +$1,200 / −$300. */
export function delta(v) {
  const n = Number(v);
  if (!Number.isFinite(n) || n === 0) return '±$0';
  return (n > 0 ? '+' : '') + money(n);
}

/** Compact money for dense cells: −45.2k, 1.25M. */
export function compact(v) {
  const n = Number(v);
  if (!Number.isFinite(n)) return '—';
  const a = Math.abs(n);
  const sign = n < 0 ? MINUS : '';
  // Three significant digits at most, without trailing zeros: 96k, 1.2M, 12.5k, 804.
  const short = (x, unit) => `${sign}${Number(x.toFixed(x >= 100 ? 0 : x >= 10 ? 1 : 2))}${unit}`;
  if (a >= 1e9) return short(a / 1e9, 'B');
  if (a >= 1e6) return short(a / 1e6, 'M');
  if (a >= 1e3) return short(a / 1e3, 'k');
  return `${sign}${a.toFixed(0)}`;
}

export const qty = v => (v === null || v === undefined) ? '—' : qtyFormat.format(Number(v)).replace('-', MINUS);
export const price = v => (v === null || v === undefined) ? '—' : priceFormat.format(Number(v));
export const rate = v => rateFormat.format(Number(v) || 0);

/** 0.4321 → 43.2% */
export function pct(ratio, digits = 1) {
  if (ratio === null || ratio === undefined) return '∞';
  const n = Number(ratio) * 100;
  return `${n.toFixed(digits).replace('-', MINUS)}%`;
}

/** A price shock as a signed percentage: −15%, +7.5%, 0%. */
export function shock(s) {
  const n = Math.round(Number(s) * 1000) / 10;
  if (n === 0) return '0%';
  return `${n > 0 ? '+' : MINUS}${Math.abs(n)}%`;
}

/** Elapsed time: 4 s, 2 min, 1 h 5 min, 3 d. */
export function age(ms) {
  if (!Number.isFinite(ms)) return '—';
  const sec = Math.max(0, Math.floor(ms / 1000));
  if (sec < 60) return `${sec} s`;
  const min = Math.floor(sec / 60);
  if (min < 60) return `${min} min`;
  const hours = Math.floor(min / 60);
  if (hours < 48) return `${hours} h ${min % 60} min`;
  return `${Math.floor(hours / 24)} d`;
}

export const clock = iso => new Date(iso).toLocaleTimeString('en-GB', { hour12: false });

export const STATES = {
  ok: 'OK',
  reduce_only: 'Reduce-only',
  liquidate: 'Liquidate',
  bankrupt: 'Bankrupt',
};

export const stateLabel = s => STATES[s] || s;

export const DECISIONS = {
  accept: 'Accept',
  accept_risk_reducing: 'Accept (risk-reducing)',
  reject: 'Reject',
};

const KINDS = {
  linear_perp: 'Perp',
  linear_future: 'Future',
  inverse_perp: 'Inverse perp',
  inverse_future: 'Inverse future',
  option: 'Option',
  inverse_option: 'Inverse option',
  span_future: 'SPAN future',
  spot: 'Spot',
  equity: 'Stock',
  etf: 'ETF',
};

export const kindLabel = k => KINDS[k] || k;
