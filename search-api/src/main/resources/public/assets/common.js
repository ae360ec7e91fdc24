// What every page shares: building elements, calling the API, the sign-in kept in sessionStorage,
// the member directory, and the header with the language switch.
import { applyStatic, fmt, hasText, label, lang, setLang, t } from './i18n.js';

/** el('p', {class: 'x', onclick: f}, 'text', child): attributes starting with 'on' become listeners. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) e.addEventListener(name.slice(2), value);
    else if (name === 'class') e.className = value;
    else e.setAttribute(name, value === true ? '' : value);
  }
  for (const c of children.flat(Infinity)) {
    if (c !== undefined && c !== null && c !== false) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/**
 * A refusal of the hub, said in the page's language: the catalogue's sentence for the problem's stable code
 * (problem.CODE with the problem's params); the hub's own detail, written in English for developers, follows
 * it on the English page only, so a Chinese page never shows English internals.
 */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problemText(status, problem));
    this.status = status;
    this.code = problem?.code ?? null;
  }
}

export function problemText(status, problem) {
  const code = problem?.code ?? (status >= 500 ? 'internal-error' : 'unknown');
  const key = hasText(`problem.${code}`) ? `problem.${code}` : 'problem.unknown';
  const text = t(key, { status, ...(problem?.params ?? {}) });
  return lang() === 'en' && problem?.detail ? `${text} (${problem.detail})` : text;
}

/** A JSON call to the hub; a non-2xx answer throws ApiError with the hub's own message. */
export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  // Credentials travel in our own headers, never as cookies; 'omit' also keeps the browser from popping up
  // its own login dialog when the hub challenges a wrong card number or PIN with 401 and HTTP Basic.
  const init = { method, credentials: 'omit', headers: { Accept: 'application/json', ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, { code: 'network' });
  }
  const text = await response.text();
  const json = text ? parseOrNull(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

/** A body that is not JSON (a proxy's error page) is no problem description. */
function parseOrNull(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * A sign-in kept in this tab only (sessionStorage): the reader's HTTP Basic header, or a staff or member
 * library's API key with its library.
 */
export const session = {
  get: name => JSON.parse(sessionStorage.getItem(`tongjie.${name}`) ?? 'null'),
  set: (name, value) => sessionStorage.setItem(`tongjie.${name}`, JSON.stringify(value)),
  clear: name => sessionStorage.removeItem(`tongjie.${name}`),
};

export function basicAuth(card, pin) {
  const bytes = new TextEncoder().encode(`${card}:${pin}`);
  return 'Basic ' + btoa(String.fromCharCode(...bytes));
}

let directory;
/** The member directory, id → library, fetched once per page. */
export async function libraries() {
  directory ??= api('/api/libraries').then(list => new Map(list.map(l => [l.id, l])));
  return directory;
}

export function libraryName(lib, id) {
  if (!lib) return id;
  return lang() === 'zh' ? lib.nameZh : lib.nameEn || lib.nameZh;
}

/** Libraries sorted by name in the page's language (pinyin order in Chinese). */
export function sortedLibraries(map, keep = () => true) {
  return [...map.values()].filter(keep).sort((a, b) => fmt.compare(libraryName(a), libraryName(b)));
}

export function stateBadge(state) {
  return el('span', { class: `badge state-${state.toLowerCase()}` }, label('state', state));
}

/**
 * A handler that runs once at a time: a second click or submit while the first is in flight does nothing,
 * and the clicked button (or the form's submit buttons) stays disabled until it has settled, so a double
 * click makes one request.
 */
export function once(handler) {
  let running = false;
  return async e => {
    e?.preventDefault?.();
    if (running) return;
    running = true;
    const target = e?.currentTarget;
    const buttons = target instanceof HTMLFormElement ? [...target.querySelectorAll('button[type=submit]')]
      : target instanceof HTMLButtonElement ? [target] : [];
    buttons.forEach(b => { b.disabled = true; });
    try {
      await handler(e);
    } finally {
      running = false;
      buttons.forEach(b => { b.disabled = false; });
    }
  };
}

/** Whether the person confirms an action that cannot be undone (cancelling a request); others need no question. */
export function confirmed(action) {
  return !IRREVERSIBLE.includes(action) || window.confirm(t('confirm.action', { action: label('action', action) }));
}

const IRREVERSIBLE = ['CANCEL', 'UNFILLED', 'DECLARE_LOST'];

/** A status line that screen readers announce: message(region, text, 'error'|'ok'). */
export function message(region, text, kind = 'ok') {
  region.className = `message ${kind}`;
  region.textContent = text;
}

/**
 * Anything a page could not do (the hub refused, the network failed) is said at the top of the page, in a
 * region screen readers announce, instead of being lost in the console.
 */
function showProblems() {
  const region = el('p', { id: 'problem', role: 'alert', class: 'message error', hidden: true });
  document.getElementById('main').prepend(region);
  const show = reason => {
    region.textContent = reason?.message ?? String(reason);
    region.hidden = false;
  };
  window.addEventListener('unhandledrejection', e => show(e.reason));
  window.addEventListener('hashchange', () => { region.hidden = true; });
}

/** The header: the site's pages, the current one marked, and the language switch. */
export function header(current) {
  const pages = [['nav.reader', '/'], ['nav.requests', '/#/requests'], ['nav.member', '/member.html'], ['nav.staff', '/staff.html']];
  const switcher = el('button', { type: 'button', id: 'lang', class: 'lang', 'data-i18n': 'lang.switch',
    'data-i18n-label': 'lang.switchLabel', onclick: () => setLang(lang() === 'zh' ? 'en' : 'zh') });
  const nav = el('nav', { 'aria-label': 'Tongjie' }, el('ul', {}, pages.map(([key, href]) =>
    el('li', {}, el('a', { href, 'data-i18n': key, 'aria-current': key === current ? 'page' : null })))));
  document.body.prepend(
    el('a', { class: 'skip', href: '#main', 'data-i18n': 'skip' }),
    el('header', { class: 'top' }, el('a', { class: 'brand', href: '/' }, '通借 ', el('small', { 'data-i18n': 'app.name' })), nav, switcher));
  showProblems();
  applyStatic();
}

/**
 * Table helper: headers (i18n keys) and rows of cells. On a phone each row is a card whose cells carry their
 * header as a label (class cards, data-label), so no column is cut off at the screen's edge.
 */
export function table(caption, headers, rows, attrs = {}) {
  const names = headers.map(h => t(h));
  return el('table', { ...attrs, class: ['cards', attrs.class].filter(Boolean).join(' ') },
    caption ? el('caption', {}, caption) : null,
    el('thead', {}, el('tr', {}, names.map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map(cells => el('tr', {}, cells.map((c, i) => el('td', { 'data-label': names[i] }, c))))));
}
