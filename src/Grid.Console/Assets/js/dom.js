// Tiny DOM builders: no innerHTML anywhere (text is always text), styles through CSSOM (CSP-safe).
const SVG = 'http://www.w3.org/2000/svg';

function apply(el, props) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.setAttribute('class', value);
    else if (key === 'text') el.textContent = value;
    else if (key === 'style') Object.assign(el.style, value);
    else if (key === 'data') for (const [k, v] of Object.entries(value)) { if (v !== undefined && v !== null) el.dataset[k] = v; }
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : value);
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** An HTML element: h('td', {class: 'num'}, '1,000'). */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  apply(el, props);
  append(el, children);
  return el;
}

/** An SVG element. */
export function s(tag, props, ...children) {
  const el = document.createElementNS(SVG, tag);
  apply(el, props);
  append(el, children);
  return el;
}

/** Replaces the children of el. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A panel: a titled card with optional actions on the right of its title. */
export function panel(title, props, ...body) {
  const { actions, ...rest } = props || {};
  return h('section', { ...rest, class: `panel ${rest.class || ''}`.trim() },
    h('header', { class: 'panel-head' }, h('h2', { text: title }), actions ? h('div', { class: 'panel-actions' }, actions) : null),
    h('div', { class: 'panel-body' }, body));
}

/** A table from column specs {label, num, cell(row) → node|text, class}; rows get props from rowProps(row). */
export function table(columns, rows, { rowProps, empty, testid } = {}) {
  const head = h('thead', null, h('tr', null, columns.map(c => h('th', { class: c.num ? 'num' : c.class }, c.label))));
  const body = h('tbody', null, rows.length === 0
    ? h('tr', { class: 'empty' }, h('td', { colspan: columns.length, text: empty || 'Nothing yet' }))
    : rows.map(r => h('tr', rowProps ? rowProps(r) : null, columns.map(c => h('td', { class: [c.num ? 'num' : '', c.class || ''].join(' ').trim() || null }, c.cell(r))))));
  return h('table', { class: 'grid-table', data: { testid } }, head, body);
}
