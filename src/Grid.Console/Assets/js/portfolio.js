// Portfolio documents on the Simulator page: where a document keeps its account (a case's input.account,
// an account key, or the document itself), positions from CSV, and the example portfolio.

/** The account object of a document in any of the three shapes the simulator reads. */
export function documentAccount(doc) {
  let account;
  if (doc.input && typeof doc.input === 'object') {
    account = doc.input.account ??= {};
  } else if (['account', 'rulebook', 'instruments', 'market'].some(k => k in doc)) {
    account = doc.account ??= {};
  } else {
    account = doc;
  }
  if (!Array.isArray(account.positions)) account.positions = [];
  return account;
}

/**
 * Positions from CSV: a header naming the columns (instrument, qty, and optionally entry and funding, in any
 * order), then one position a line; blank lines and lines starting with # are skipped. As `grid simulate`.
 */
export function positionsFromCsv(text) {
  const lines = text.split(/\r?\n/).map(l => l.trim()).filter(l => l && !l.startsWith('#'));
  if (lines.length === 0) return [];
  const names = lines[0].split(',').map(c => c.trim().toLowerCase().replace(/^instrument_id$/, 'instrument').replace(/^entry_price$/, 'entry'));
  return lines.slice(1).map(line => {
    const cells = line.split(',').map(c => c.trim());
    const position = {};
    names.forEach((name, i) => {
      if (cells[i] === undefined || cells[i] === '') return;
      position[name] = name === 'instrument' ? cells[i] : Number(cells[i]);
    });
    return position;
  });
}

/** A cross-margined example on the live market: BTC long, ETH short, a short BTC call where one is listed. */
export function exampleDocument(ids) {
  const call = ids.find(id => /^BTC-\d+-60000-C$/.test(id));
  const positions = [
    { instrument: 'BTC-PERP', qty: 3, entry: 60000 },
    { instrument: 'ETH-PERP', qty: -40, entry: 3000 },
  ];
  if (call) positions.push({ instrument: call, qty: -5 });
  return { regime: 'PM', balances: { USD: 250000, BTC: 2 }, positions, orders: [] };
}
