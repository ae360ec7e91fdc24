// The reader's pages: search with suggestions and facets, a record's holdings nearest first, the request
// form, and "my requests" with each request's timeline. Views are chosen by the URL's hash.
import { eventNote } from './reasons.js';
import { api, ApiError, basicAuth, confirmed, el, header, libraries, libraryName, message, once, session, sortedLibraries, stateBadge, table } from './common.js';
import { applyStatic, fmt, label, languageName, t } from './i18n.js';

const view = document.getElementById('view');
const box = document.getElementById('q');
const home = document.getElementById('home');
const FACET_VALUES_SHOWN = 8;

// ---- routing

function route() {
  const [path, query = ''] = location.hash.slice(1).split('?');
  markCurrentPage(path === '/requests' ? '/#/requests' : '/');
  const params = new URLSearchParams(query);
  if (path.startsWith('/record/')) return showRecord(decodeURIComponent(path.slice('/record/'.length)));
  if (path === '/requests') return showRequests();
  box.value = params.get('q') ?? '';
  return showSearch(params);
}

function searchHash(q, facets, page = 1) {
  const p = new URLSearchParams();
  p.set('q', q);
  facets.forEach(f => p.append('facet', f));
  if (page > 1) p.set('page', page);
  return '#/search?' + p;
}

function markCurrentPage(href) {
  document.querySelectorAll('.top nav a').forEach(a => {
    if (a.getAttribute('href') === href) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
}

// ---- search

// Answers can arrive out of order (a slow search after a fast one): only the latest one is shown.
let latest = 0;

async function showSearch(params) {
  const mine = ++latest;
  const q = params.get('q') ?? '';
  const facets = params.getAll('facet');
  const page = Number(params.get('page') ?? 1);
  const query = new URLSearchParams({ q, page, size: 20 });
  facets.forEach(f => query.append('facet', f));
  const [result, libs] = await Promise.all([api('/api/search?' + query), libraries()]);
  if (mine !== latest) return;
  const pages = Math.max(1, Math.ceil(result.total / result.size));
  const pager = el('nav', { class: 'pager', 'aria-label': t('search.page', { page, pages }) },
    page > 1 ? el('a', { href: searchHash(q, facets, page - 1) }, t('search.prev')) : null,
    el('span', {}, t('search.page', { page, pages })),
    page < pages ? el('a', { href: searchHash(q, facets, page + 1) }, t('search.next')) : null);
  view.replaceChildren(el('div', { class: 'layout' },
    facetPanel(result.facets, q, facets, libs),
    el('section', { 'aria-labelledby': 'total' },
      el('h1', { id: 'total' }, t('search.total', { n: fmt.number(result.total) })),
      result.total === 0 ? el('p', {}, t('search.none')) : null,
      el('ol', { class: 'hits', id: 'hits' }, result.hits.map(h => hitItem(h, libs))),
      result.total > result.size ? pager : null)));
}

function facetPanel(dimensions, q, selected, libs) {
  const toggle = (dim, value, on) => {
    const next = selected.filter(f => f !== `${dim}:${value}`);
    if (on) next.push(`${dim}:${value}`);
    location.hash = searchHash(q, next);
  };
  const shown = dimensions.filter(d => d.values.length > 0);
  return el('aside', { class: 'facets', 'aria-labelledby': 'facets-title' },
    el('h2', { id: 'facets-title' }, t('search.facets')),
    selected.length ? el('a', { href: searchHash(q, []) }, t('search.clear')) : null,
    shown.map(d => el('details', { open: window.innerWidth > 800 || d.values.some(v => v.selected) },
      el('summary', {}, t(`facet.${d.dim}`)),
      facetValues(d, v => {
        const id = `f-${d.dim}-${v.value}`.replace(/[^\w-]/g, '_');
        return el('label', { for: id },
          el('input', { type: 'checkbox', id, checked: v.selected, 'data-facet': `${d.dim}:${v.value}`,
            onchange: e => toggle(d.dim, v.value, e.target.checked) }),
          el('span', {}, facetLabel(d.dim, v, libs)),
          el('span', { class: 'count' }, fmt.number(v.count)));
      }))));
}

/**
 * The first values of a facet, the selected ones and a button that shows the rest: a reader can reach every
 * CLC class and every library, not only the eight most frequent.
 */
function facetValues(d, item) {
  const rest = d.values.length - FACET_VALUES_SHOWN;
  const items = d.values.map((v, i) => el('li', { hidden: i >= FACET_VALUES_SHOWN && !v.selected }, item(v)));
  const list = el('ul', { id: `values-${d.dim}` }, items);
  const more = rest > 0 ? el('button', { type: 'button', class: 'secondary more', id: `more-${d.dim}`, 'aria-controls': `values-${d.dim}`,
    'aria-expanded': 'false', onclick: () => {
      const open = more.getAttribute('aria-expanded') !== 'true';
      items.forEach((li, i) => { li.hidden = !open && i >= FACET_VALUES_SHOWN && !d.values[i].selected; });
      more.setAttribute('aria-expanded', String(open));
      more.textContent = open ? t('search.fewer') : t('search.more', { n: fmt.number(rest) });
    } }, t('search.more', { n: fmt.number(rest) })) : null;
  return [list, more];
}

function facetLabel(dim, v, libs) {
  if (dim === 'library') return libraryName(libs.get(v.value), v.value);
  if (dim === 'kind' || dim === 'format' || dim === 'available') return label(dim, v.value);
  if (dim === 'language') return languageName(v.value);
  return v.label ?? v.value;
}

function hitItem(h, libs) {
  const title = h.volume ? `${h.title} ${h.volume}` : h.title;
  return el('li', {},
    el('a', { class: 'hit-title', href: `#/record/${encodeURIComponent(h.id)}` }, title),
    el('div', { class: 'meta' }, [h.authors.join('; '), h.publisher, h.year, label('format', h.format)].filter(Boolean).join(' · ')),
    el('div', { class: 'availability' }, h.availability.map(a => availabilityBadge(a, libs))));
}

function availabilityBadge(a, libs) {
  const lib = libraryName(libs.get(a.servicePoint), a.servicePoint);
  return a.available > 0
    ? el('span', { class: 'badge on' }, t('badge.onShelf', { lib, a: fmt.number(a.available), c: fmt.number(a.copies) }))
    : el('span', { class: 'badge off' }, t('badge.allOut', { lib, c: fmt.number(a.copies) }));
}

// ---- suggestions (a combobox: arrow keys move, Enter takes one, Escape closes)

const list = document.getElementById('suggestions');
let active = -1;
let suggestEndpoint = true;

async function suggestions(q) {
  if (suggestEndpoint) {
    const r = await fetch('/api/suggest?q=' + encodeURIComponent(q));
    if (r.ok) return normalise(await r.json());
    if (r.status === 404) suggestEndpoint = false;
  }
  // Until the hub has /api/suggest: the titles of the best hits, which the index finds by pinyin too.
  const page = await api('/api/search?size=8&q=' + encodeURIComponent(q));
  return [...new Set(page.hits.map(h => h.title))];
}

function normalise(answer) {
  const items = Array.isArray(answer) ? answer : answer.suggestions ?? [];
  return items.map(s => typeof s === 'string' ? s : s.text ?? s.title ?? s.value).filter(Boolean);
}

function closeSuggestions() {
  list.hidden = true;
  box.setAttribute('aria-expanded', 'false');
  box.removeAttribute('aria-activedescendant');
  active = -1;
}

function highlight(i) {
  const items = [...list.children];
  items.forEach((li, n) => li.setAttribute('aria-selected', String(n === i)));
  active = i;
  if (items[i]) box.setAttribute('aria-activedescendant', items[i].id);
}

let typed = 0;
box.addEventListener('input', () => {
  const mine = ++typed;
  const q = box.value.trim();
  if (!q) return closeSuggestions();
  setTimeout(async () => {
    if (mine !== typed) return;
    const found = await suggestions(q);
    if (mine !== typed) return;
    list.replaceChildren(...found.map((s, i) => el('li', { role: 'option', id: `sugg-${i}`, 'aria-selected': 'false',
      onmousedown: e => { e.preventDefault(); pick(s); } }, s)));
    list.hidden = found.length === 0;
    box.setAttribute('aria-expanded', String(found.length > 0));
    active = -1;
  }, 150);
});

box.addEventListener('keydown', e => {
  const n = list.children.length;
  if (list.hidden || n === 0) return;
  if (e.key === 'ArrowDown') { e.preventDefault(); highlight((active + 1) % n); }
  else if (e.key === 'ArrowUp') { e.preventDefault(); highlight((active - 1 + n) % n); }
  else if (e.key === 'Escape') closeSuggestions();
  else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); pick(list.children[active].textContent); }
});
box.addEventListener('blur', () => setTimeout(closeSuggestions, 100));

function pick(s) {
  box.value = s;
  typed++;
  closeSuggestions();
  location.hash = searchHash(s, []);
}

document.getElementById('search').addEventListener('submit', e => {
  e.preventDefault();
  typed++;
  closeSuggestions();
  const next = searchHash(box.value.trim(), []);
  if (location.hash === next) route(); else location.hash = next;
});

// ---- the reader's library: where distances are measured from

function homeLibrary(libs) {
  return libs.get(localStorage.getItem('tongjie.home'))
    ?? sortedLibraries(libs).find(l => l.kind === 'CENTRAL') ?? sortedLibraries(libs)[0];
}

async function fillHomeChoice() {
  const libs = await libraries();
  const chosen = homeLibrary(libs);
  home.replaceChildren(...sortedLibraries(libs).map(l =>
    el('option', { value: l.id, selected: l.id === chosen?.id }, libraryName(l))));
}
home.addEventListener('change', () => { localStorage.setItem('tongjie.home', home.value); route(); });

function distanceKm(a, b) {
  if (!a?.coordinates || !b?.coordinates) return Infinity;
  const rad = d => d * Math.PI / 180;
  const [la1, la2] = [rad(a.coordinates.latitude), rad(b.coordinates.latitude)];
  const dLat = la2 - la1;
  const dLon = rad(b.coordinates.longitude - a.coordinates.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(la1) * Math.cos(la2) * Math.sin(dLon / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(h));
}

// ---- a record

async function showRecord(id) {
  latest++;
  let record;
  try {
    record = await api('/api/records/' + encodeURIComponent(id));
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return view.replaceChildren(el('p', {}, t('record.notFound')));
    throw e;
  }
  const libs = await libraries();
  const d = record.description;
  const title = d.volume ? `${d.titles[0]} ${d.volume}` : d.titles[0] ?? '—';
  const facts = [
    ['record.authors', d.authors.join('; ')],
    ['record.publisher', [d.publicationPlace, d.publisher, d.year].filter(Boolean).join(' : ')],
    ['record.isbn', d.isbns.join(', ')],
    ['record.clc', d.classification.clc.join(', ')],
    ['record.subjects', d.subjects.join('; ')],
    ['record.series', d.series.join('; ')],
    ['record.extent', d.extent],
    ['record.language', d.language && languageName(d.language)],
  ].filter(([, v]) => v);
  const back = history.length > 1 ? el('a', { href: '#', onclick: e => { e.preventDefault(); history.back(); } }, t('record.back')) : null;
  const requestPanel = el('section', { class: 'panel', id: 'request', 'aria-labelledby': 'request-title' });
  view.replaceChildren(el('article', { class: 'record' },
    back,
    el('h1', {}, title),
    el('p', { class: 'meta' }, label('format', d.format), ' · ', t('record.sources', { n: record.members.length })),
    el('dl', {}, facts.map(([k, v]) => [el('dt', {}, t(k)), el('dd', {}, String(v))])),
    holdingsSection(record.holdings, libs),
    requestPanel));
  renderRequestForm(requestPanel, record, libs);
}

function holdingsSection(holdings, libs) {
  const from = homeLibrary(libs);
  const byLibrary = Map.groupBy(holdings, h => h.libraryId);
  const ordered = [...byLibrary.entries()].map(([id, copies]) => ({ id, copies, km: distanceKm(from, libs.get(id)) }))
    .sort((a, b) => a.km - b.km || fmt.compare(libraryName(libs.get(a.id), a.id), libraryName(libs.get(b.id), b.id)));
  return el('section', { 'aria-labelledby': 'holdings-title', id: 'holdings' },
    el('h2', { id: 'holdings-title' }, t('record.holdings')),
    el('p', { class: 'muted' }, t('record.nearestFrom', { lib: libraryName(from, '') })),
    ordered.map(({ id, copies, km }) => {
      const lib = libs.get(id);
      const points = Map.groupBy(copies, h => h.servicePoint);
      return el('section', { class: 'library', 'data-library': id },
        el('h3', {}, libraryName(lib, id),
          lib ? el('span', { class: 'badge' }, label('kind', lib.kind)) : null,
          Number.isFinite(km) ? el('span', { class: 'muted' }, t('record.distance', { km: fmt.number(Math.round(km * 10) / 10) })) : null),
        [...points.entries()].map(([point, items]) => {
          const onShelf = items.filter(h => h.status === 'AVAILABLE').length;
          return el('div', {},
            point !== id ? el('h4', {}, libraryName(libs.get(point), point)) : null,
            el('p', { class: onShelf ? 'badge on' : 'badge off' }, t('record.onShelf', { a: fmt.number(onShelf), c: fmt.number(items.length) })),
            el('div', { class: 'table-wrap' }, table(null, ['record.location', 'record.callNumber', 'record.barcode', 'record.status'],
              items.map(h => [h.location ? label('location', h.location) : '', h.callNumber ?? '', h.barcode ?? '',
                label('status', h.status)]))));
        }));
    }));
}

// ---- signing in as a reader (card number + PIN as HTTP Basic, kept in this tab)

function readerAuth() {
  return session.get('reader');
}

function signInForm(onDone) {
  const card = el('input', { id: 'card', name: 'card', required: true, autocomplete: 'username', inputmode: 'numeric' });
  const pin = el('input', { id: 'pin', name: 'pin', type: 'password', required: true, autocomplete: 'current-password' });
  const status = el('p', { role: 'status' });
  return el('form', { id: 'signin', 'aria-labelledby': 'signin-title', onsubmit: async e => {
    e.preventDefault();
    const auth = basicAuth(card.value.trim(), pin.value);
    try {
      const me = await api('/api/ill/me', { headers: { Authorization: auth } });
      session.set('reader', { auth, card: me.card, home: me.homeLibraryId });
      if (!localStorage.getItem('tongjie.home')) localStorage.setItem('tongjie.home', me.homeLibraryId);
      showWho();
      fillHomeChoice();
      onDone();
    } catch (err) {
      message(status, err.message, 'error');
    }
  } },
  el('h2', { id: 'signin-title' }, t('signin.reader')),
  el('label', { for: 'card' }, t('signin.card')), card,
  el('label', { for: 'pin' }, t('signin.pin')), pin,
  el('p', { class: 'muted' }, t('signin.readerNote')),
  el('button', { type: 'submit' }, t('signin.go')), status);
}

function showWho() {
  const who = document.getElementById('who');
  const me = readerAuth();
  who.replaceChildren(me ? t('signin.as', { who: me.card }) : '', me ? ' ' : '',
    me ? el('button', { type: 'button', class: 'secondary', onclick: () => { session.clear('reader'); showWho(); route(); } }, t('signin.out')) : '');
}

// ---- the request form

const PICKUP_KINDS = { BRANCH: ['CENTRAL', 'BRANCH'], KIOSK_24H: ['KIOSK_24H'], SMART_LOCKER: ['SMART_LOCKER'] };

function renderRequestForm(panel, record, libs) {
  const title = el('h2', { id: 'request-title' }, t('request.title'));
  if (!readerAuth()) return panel.replaceChildren(title, signInForm(() => renderRequestForm(panel, record, libs)));
  const status = el('p', { role: 'status', id: 'request-status' });
  const type = el('fieldset', {}, el('legend', {}, t('request.type')), ['LOAN', 'COPY'].map((v, i) =>
    el('label', { class: 'choice' }, el('input', { type: 'radio', name: 'serviceType', value: v, checked: i === 0 }), label('type', v))));
  const where = el('select', { id: 'pickup-library', name: 'pickupLibrary' });
  const address = el('textarea', { id: 'address', name: 'address', rows: 2, autocomplete: 'street-address' });
  const whereField = el('div', {}, el('label', { for: 'pickup-library' }, t('request.where')), where);
  const addressField = el('div', { hidden: true }, el('label', { for: 'address' }, t('request.address')), address);
  const fillPoints = kind => {
    const points = kind === 'HOME' ? [] : sortedLibraries(libs, l => PICKUP_KINDS[kind].includes(l.kind));
    const near = homeLibrary(libs);
    points.sort((a, b) => distanceKm(near, a) - distanceKm(near, b));
    where.replaceChildren(...points.map(l => el('option', { value: l.id }, libraryName(l))));
    whereField.hidden = kind === 'HOME';
    addressField.hidden = kind !== 'HOME';
    if (kind !== 'HOME' && points.length === 0) message(status, t('request.noPoints'), 'error'); else status.textContent = '';
  };
  const pickup = el('fieldset', {}, el('legend', {}, t('request.pickup')), ['BRANCH', 'KIOSK_24H', 'SMART_LOCKER', 'HOME'].map((v, i) =>
    el('label', { class: 'choice' }, el('input', { type: 'radio', name: 'pickupKind', value: v, checked: i === 0,
      onchange: () => fillPoints(v) }), label('pickup', v))));
  const form = el('form', { id: 'request-form', onsubmit: once(async () => {
    const data = new FormData(form);
    const kind = data.get('pickupKind');
    const body = { recordId: record.id, serviceType: data.get('serviceType'),
      pickup: kind === 'HOME' ? { homeAddress: address.value.trim() } : { libraryId: where.value, kind } };
    try {
      const created = await api('/api/ill/requests', { method: 'POST', body, headers: { Authorization: readerAuth().auth } });
      status.replaceChildren(t('request.placed', { id: created.id, state: label('state', created.state) }), ' ',
        el('a', { href: '#/requests' }, t('request.seeMine')));
      status.className = 'message ok';
    } catch (err) {
      message(status, err.message, 'error');
    }
  }) }, type, pickup, whereField, addressField, el('button', { type: 'submit' }, t('request.submit')), status);
  panel.replaceChildren(title, form);
  fillPoints('BRANCH');
}

// ---- my requests, each with its timeline

async function showRequests() {
  latest++;
  const me = readerAuth();
  if (!me) return view.replaceChildren(signInForm(showRequests));
  const headers = { Authorization: me.auth };
  const [mine, libs] = await Promise.all([api('/api/ill/me', { headers }), libraries()]);
  const details = await Promise.all(mine.requests.map(r => api(`/api/ill/requests/${r.id}`, { headers })));
  view.replaceChildren(el('section', { 'aria-labelledby': 'mine-title' },
    el('h1', { id: 'mine-title' }, t('mine.title')),
    details.length === 0 ? el('p', {}, t('mine.none')) : null,
    el('ul', { class: 'requests', id: 'my-requests' }, details.map(r => requestItem(r, libs, headers)))));
}

function pickupText(pickup, libs) {
  return pickup.kind === 'HOME' ? label('pickup', 'HOME') : `${label('pickup', pickup.kind)} · ${libraryName(libs.get(pickup.libraryId), pickup.libraryId)}`;
}

function requestItem(r, libs, headers) {
  const status = el('p', { role: 'status' });
  const act = async action => {
    if (!confirmed(action)) return;
    try {
      await api(`/api/ill/requests/${r.id}/actions`, { method: 'POST', headers, body: { action, version: r.version } });
      showRequests();
    } catch (err) {
      message(status, err.message, 'error');
    }
  };
  const p = r.progress;
  return el('li', { 'data-request': r.id },
    el('div', { class: 'hit-title' }, el('a', { href: `#/record/${encodeURIComponent(r.citation.recordId)}` }, r.citation.title), ' ', stateBadge(r.state)),
    el('div', { class: 'meta' }, [`#${r.id}`, t('mine.pickupAt', { p: pickupText(r.pickup, libs) }),
      p.lender ? t('mine.lender', { l: libraryName(libs.get(p.lender), p.lender) }) : null,
      p.holdUntil ? t('mine.holdUntil', { d: fmt.date(p.holdUntil) }) : null,
      p.due ? t('mine.due', { d: fmt.date(p.due) }) : null].filter(Boolean).join(' · ')),
    r.allowedActions.map(a => el('button', { type: 'button', class: 'secondary', 'data-action': a, onclick: once(() => act(a)) }, label('action', a))),
    el('details', { open: true }, el('summary', {}, t('mine.timeline')),
      el('ol', { class: 'timeline' }, r.timeline.map(e => el('li', {},
        el('time', { datetime: e.at }, fmt.dateTime(e.at)), label('action', e.action), ' → ', label('state', e.to),
        e.note ? el('div', { class: 'muted' }, eventNote(e.note, id => libraryName(libs.get(id), id))) : null)))),
    status);
}

// ---- start

header('nav.reader');
applyStatic();
showWho();
window.addEventListener('hashchange', route);
window.addEventListener('tongjie:lang', () => { fillHomeChoice(); showWho(); route(); });
fillHomeChoice();
route();
