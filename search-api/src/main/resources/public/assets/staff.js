// The ILL staff desk: queues with counts, actions on one or many requests, a request's rota and timeline,
// the printable pick list, and the statistics as charts. Staff sign in with their library's ILL API key.
import { api, confirmed, el, header, libraries, libraryName, message, once, session, sortedLibraries, stateBadge, table } from './common.js';
import { eventNote, routingReason } from './reasons.js';
import { applyStatic, lang, clcLabel, fmt, label, t } from './i18n.js';

const view = document.getElementById('view');
const QUEUES = ['to-fill', 'to-ship', 'to-receive', 'to-send-home', 'expired-at-pickup', 'to-check-in', 'overdue'];
/** What staff usually do to the requests of each queue; the hub still decides, request by request. */
const QUEUE_ACTIONS = {
  'to-fill': ['WILL_SUPPLY', 'UNFILLED'], 'to-ship': ['PICK', 'SHIP', 'UNFILLED'], 'to-receive': ['SHELVE_FOR_PICKUP', 'LOAN'],
  'to-send-home': ['SEND_HOME'], 'expired-at-pickup': ['SEND_HOME'], 'to-check-in': ['CHECK_IN', 'COMPLETE'],
  overdue: ['RETURN', 'RECALL', 'DECLARE_LOST'],
};
const POINT_KIND = { KIOSK_24H: 'KIOSK_24H', SMART_LOCKER: 'SMART_LOCKER' };

const me = () => session.get('staff');
const call = (path, options = {}) => api(path, { ...options, headers: { 'X-Api-Key': me().key } });

// ---- sign in

async function signIn() {
  const libs = await libraries();
  const library = el('select', { id: 'library', name: 'library', required: true },
    sortedLibraries(libs).map(l => el('option', { value: l.id }, libraryName(l))));
  const key = el('input', { id: 'key', name: 'key', type: 'password', required: true, autocomplete: 'off' });
  const status = el('p', { role: 'status' });
  view.replaceChildren(el('form', { id: 'signin', class: 'panel', onsubmit: async e => {
    e.preventDefault();
    session.set('staff', { library: library.value, key: key.value.trim() });
    try {
      await call(`/api/ill/libraries/${encodeURIComponent(library.value)}/queues/to-fill`);
      route();
    } catch (err) {
      session.clear('staff');
      message(status, err.message, 'error');
    }
  } },
  el('h1', {}, t('signin.staff')),
  el('label', { for: 'library' }, t('signin.library')), library,
  el('label', { for: 'key' }, t('signin.key')), key,
  el('p', { class: 'muted' }, t('signin.keyNote')),
  el('button', { type: 'submit' }, t('signin.go')), status));
}

// ---- layout: who, tabs with counts

async function frame(current, ...content) {
  const libs = await libraries();
  const lib = me().library;
  const counts = await Promise.all(QUEUES.map(q => call(`/api/ill/libraries/${encodeURIComponent(lib)}/queues/${q}`).then(r => r.length)));
  const tab = (href, text, key, count) => el('li', {}, el('a', { href, 'aria-current': key === current ? 'page' : null, id: `tab-${key}` },
    text, count === undefined ? null : el('span', { class: 'count-pill', 'aria-label': `(${count})` }, fmt.number(count))));
  view.replaceChildren(
    el('p', { class: 'muted no-print' }, t('signin.as', { who: libraryName(libs.get(lib), lib) }), ' ',
      el('button', { type: 'button', class: 'secondary', onclick: () => { session.clear('staff'); route(); } }, t('signin.out'))),
    el('nav', { 'aria-label': t('staff.queues') }, el('ul', { class: 'tabs' },
      QUEUES.map((q, i) => tab(`#/queue/${q}`, t(`queue.${q}`), q, counts[i])),
      tab('#/pick-list', t('staff.pickList'), 'pick-list'),
      tab('#/statistics', t('staff.statistics'), 'statistics'))),
    ...content);
}

// ---- details some actions need

function detailFields(libs) {
  const courier = el('input', { id: 'courier', name: 'courier' });
  const waybill = el('input', { id: 'waybill', name: 'waybill' });
  const slot = el('input', { id: 'slot', name: 'slot' });
  const note = el('input', { id: 'note', name: 'note' });
  const fields = { SHIP: [el('label', { for: 'courier' }, t('staff.courier')), courier, el('label', { for: 'waybill' }, t('staff.waybill')), waybill],
    SHELVE_FOR_PICKUP: [el('label', { for: 'slot' }, t('staff.slot')), slot] };
  const box = el('span', { class: 'bulk' });
  return {
    node: el('span', { class: 'bulk' }, box, el('span', {}, el('label', { for: 'note' }, t('staff.note')), note)),
    show(action) { box.replaceChildren(...(fields[action] ?? []).map(f => el('span', {}, f))); },
    body(action) {
      const lib = libs.get(me().library);
      const body = { action, note: note.value.trim() || undefined };
      if (action === 'SHIP') Object.assign(body, { courier: courier.value.trim(), waybill: waybill.value.trim() });
      if (action === 'SHELVE_FOR_PICKUP') body.slot = slot.value.trim();
      if (action === 'RETURN') body.returnPoint = { libraryId: me().library, kind: POINT_KIND[lib?.kind] ?? 'BRANCH' };
      return body;
    },
  };
}

// ---- a queue, with actions on the selected requests

async function showQueue(queue) {
  const libs = await libraries();
  const lib = encodeURIComponent(me().library);
  const rows = await call(`/api/ill/libraries/${lib}/queues/${queue}`);
  const status = el('div', { role: 'status', id: 'bulk-status' });
  const actions = QUEUE_ACTIONS[queue];
  const action = el('select', { id: 'bulk-action', onchange: () => details.show(action.value) },
    actions.map(a => el('option', { value: a }, label('action', a))));
  const details = detailFields(libs);
  details.show(actions[0]);
  const checks = rows.map(r => el('input', { type: 'checkbox', id: `pick-${r.id}`, 'data-id': r.id, 'data-version': r.version }));
  const all = el('input', { type: 'checkbox', id: 'select-all', onchange: e => checks.forEach(c => { c.checked = e.target.checked; }) });
  const apply = async () => {
    const items = checks.filter(c => c.checked).map(c => ({ id: Number(c.dataset.id), version: Number(c.dataset.version) }));
    if (items.length === 0 || !confirmed(action.value)) return;
    const outcomes = await call(`/api/ill/libraries/${lib}/bulk`, { method: 'POST', body: { ...details.body(action.value), items } });
    await showQueue(queue);
    const list = el('ul', { id: 'outcomes' }, outcomes.map(o => el('li', { class: o.result === 'DONE' ? 'message ok' : 'message error' },
      t('staff.outcome', { id: o.id, result: o.result === 'DONE' ? label('state', o.state) : label('bulk', o.result) }))));
    document.getElementById('bulk-status').replaceChildren(list);
  };
  await frame(queue, el('section', { 'aria-labelledby': 'queue-title' },
    el('h1', { id: 'queue-title' }, t(`queue.${queue}`)),
    rows.length === 0 ? el('p', {}, t('staff.empty')) : el('div', {},
      el('div', { class: 'bulk panel no-print' },
        el('span', {}, el('label', { for: 'bulk-action' }, t('staff.action')), action), details.node,
        el('button', { type: 'button', id: 'bulk-apply', onclick: once(apply) }, t('staff.apply'))),
      el('p', { class: 'select-all' }, all, el('label', { for: 'select-all' }, t('staff.selectAll'))),
      el('div', { class: 'table-wrap' }, table(null, ['staff.select', 'staff.requestId', 'staff.titleCol', 'staff.state', 'staff.pickupCol', 'staff.reader'],
        rows.map((r, i) => [[el('label', { for: `pick-${r.id}`, class: 'visually-hidden' }, `${t('staff.select')} #${r.id}`), checks[i]],
          el('a', { href: `#/request/${r.id}` }, `#${r.id}`), r.title, stateBadge(r.state), pickupText(r.pickup, libs),
          libraryName(libs.get(r.homeLibraryId), r.homeLibraryId)]), { id: 'queue' }))),
    status));
}

function pickupText(p, libs) {
  return p.kind === 'HOME' ? label('pickup', 'HOME') : `${label('pickup', p.kind)} · ${libraryName(libs.get(p.libraryId), p.libraryId)}`;
}

// ---- one request: citation, progress, rota, timeline, and what this desk may do now

async function showRequest(id) {
  const libs = await libraries();
  const r = await call(`/api/ill/requests/${id}`);
  const status = el('div', { role: 'status', id: 'action-status' });
  const details = detailFields(libs);
  const act = async action => {
    if (!confirmed(action)) return;
    try {
      const after = await call(`/api/ill/requests/${id}/actions`, { method: 'POST', body: { ...details.body(action), version: r.version } });
      await showRequest(id);
      message(document.getElementById('action-status'), t('staff.done', { state: label('state', after.state) }));
    } catch (err) {
      message(status, err.message, 'error');
    }
  };
  const choose = el('select', { id: 'one-action', onchange: () => details.show(choose.value) },
    r.allowedActions.map(a => el('option', { value: a }, label('action', a))));
  details.show(r.allowedActions[0]);
  const name = id => libraryName(libs.get(id), id);
  await frame('request', el('article', { 'aria-labelledby': 'request-title' },
    el('h1', { id: 'request-title' }, `#${r.id} ${r.citation.title} `, stateBadge(r.state)),
    el('p', { class: 'meta' }, [r.citation.author, r.citation.isbn, label('type', r.serviceType), pickupText(r.pickup, libs),
      `${t('staff.reader')} ${r.reader.card} (${name(r.reader.homeLibraryId)})`,
      r.progress.due ? t('mine.due', { d: fmt.date(r.progress.due) }) : null].filter(Boolean).join(' · ')),
    r.allowedActions.length === 0 ? el('p', {}, t('staff.noActions')) : el('div', { class: 'bulk panel no-print' },
      el('span', {}, el('label', { for: 'one-action' }, t('staff.action')), choose), details.node,
      el('button', { type: 'button', id: 'do-action', onclick: once(() => act(choose.value)) }, t('staff.do'))),
    status,
    el('h2', {}, t('staff.rota')),
    el('div', { class: 'table-wrap' }, table(null, ['staff.position', 'signin.library', 'record.callNumber', 'staff.rotaStatus', 'staff.reason'],
      r.rota.map(e => [String(e.position), name(e.libraryId), e.callNumber ?? '', label('rota', e.status),
        [routingReason(e.reason, name), e.outcome ? el('div', { class: 'muted' },
          lang() === 'en' || !/[A-Za-z]/.test(e.outcome) ? e.outcome : t('staff.outcomeNoted')) : null]]),
      { id: 'rota' })),
    el('h2', {}, t('mine.timeline')),
    el('ol', { class: 'timeline', id: 'timeline' }, r.timeline.map(e => el('li', {},
      el('time', { datetime: e.at }, fmt.dateTime(e.at)), label('action', e.action), ' → ', label('state', e.to),
      el('span', { class: 'muted' }, ` · ${e.actor === 'system' ? t('actor.system') : e.actor}`),
      e.note ? el('div', { class: 'muted' }, eventNote(e.note, name)) : null)))));
}

// ---- pick list, for printing

async function showPickList() {
  const libs = await libraries();
  const lib = me().library;
  const lines = await call(`/api/ill/libraries/${encodeURIComponent(lib)}/pick-list`);
  await frame('pick-list', el('section', { 'aria-labelledby': 'pick-title' },
    el('h1', { id: 'pick-title' }, `${t('staff.pickList')} · ${libraryName(libs.get(lib), lib)} · ${fmt.date(new Date().toISOString())}`),
    el('button', { type: 'button', onclick: () => window.print() }, t('staff.print')),
    lines.length === 0 ? el('p', {}, t('staff.empty')) : el('div', { class: 'table-wrap' },
      table(null, ['staff.servicePoint', 'record.location', 'record.callNumber', 'record.barcode', 'staff.titleCol', 'staff.requestId'],
        lines.map(l => [libraryName(libs.get(l.servicePoint), l.servicePoint), l.location ?? '', l.callNumber ?? '', l.barcode ?? '', l.title, `#${l.requestId}`]),
        { id: 'pick-list' }))));
}

// ---- statistics as charts, each with its numbers in a table

const charts = [];

async function showStatistics(period = 'day') {
  const s = await call(`/api/ill/statistics?period=${period}`);
  const canvas = id => el('canvas', { id, role: 'img', 'aria-label': t(`stats.${id}`) });
  const choice = el('select', { id: 'period', onchange: () => showStatistics(choice.value) },
    ['day', 'month'].map(p => el('option', { value: p, selected: p === period }, t(`stats.${p}`))));
  const bucket = b => b.upToHours ? t('stats.upTo', { h: b.upToHours }) : t('stats.more', { h: s.turnaround.buckets.at(-2).upToHours });
  const figure = (id, title, chart, data) => el('figure', { class: 'chart', id: `chart-${id}` },
    el('figcaption', {}, el('h2', {}, title)), el('div', { class: 'chart-box' }, chart),
    el('details', {}, el('summary', {}, t('stats.table')), data));
  await frame('statistics', el('section', { 'aria-labelledby': 'stats-title' },
    el('h1', { id: 'stats-title' }, t('staff.statistics')),
    el('label', { for: 'period' }, t('stats.period')), choice,
    el('div', { class: 'charts' },
      figure('byClass', t('stats.byClass'), canvas('byClass'),
        table(null, ['facet.clc', 'stats.loans'], s.loansByClass.map(c => [clcLabel(c.clcClass), fmt.number(c.loans)]), { id: 'table-byClass' })),
      figure('fillRate', t('stats.fillRate'), canvas('fillRate'),
        table(null, ['stats.period', 'stats.requests', 'stats.filled', 'stats.notFilled', 'stats.rate'],
          s.fillRate.map(f => [f.period, fmt.number(f.requests), fmt.number(f.filled), fmt.number(f.notFilled), fmt.percent(f.rate)]), { id: 'table-fillRate' })),
      figure('turnaround', t('stats.turnaround'), canvas('turnaround'),
        el('div', {}, el('p', {}, t('stats.median', { h: fmt.number(Math.round(s.turnaround.medianHours * 10) / 10), n: fmt.number(s.turnaround.requests) })),
          table(null, ['stats.turnaround', 'stats.requests'], s.turnaround.buckets.map(b => [bucket(b), fmt.number(b.requests)]), { id: 'table-turnaround' }))))));
  charts.splice(0).forEach(c => c.destroy());
  const color = '#9c2a22';
  const options = { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } },
    scales: { y: { beginAtZero: true, ticks: { precision: 0, callback: v => fmt.number(v) } } } };
  charts.push(new Chart(document.getElementById('byClass'), { type: 'bar',
    options: { ...options, indexAxis: 'y', scales: { x: options.scales.y } },
    data: { labels: s.loansByClass.map(c => clcLabel(c.clcClass)), datasets: [{ label: t('stats.loans'), data: s.loansByClass.map(c => c.loans), backgroundColor: color }] } }));
  charts.push(new Chart(document.getElementById('fillRate'), { type: 'line',
    options: { ...options, scales: { y: { min: 0, max: 1, ticks: { callback: v => fmt.percent(v) } } } },
    data: { labels: s.fillRate.map(f => f.period), datasets: [{ label: t('stats.rate'), data: s.fillRate.map(f => f.rate), borderColor: color, backgroundColor: color }] } }));
  charts.push(new Chart(document.getElementById('turnaround'), { type: 'bar', options,
    data: { labels: s.turnaround.buckets.map(bucket), datasets: [{ label: t('stats.requests'), data: s.turnaround.buckets.map(b => b.requests), backgroundColor: '#1b4f8a' }] } }));
}

// ---- routing

function route() {
  if (!me()) return signIn();
  const path = location.hash.slice(1);
  if (path.startsWith('/request/')) return showRequest(Number(path.slice('/request/'.length)));
  if (path === '/pick-list') return showPickList();
  if (path === '/statistics') return showStatistics();
  const queue = path.startsWith('/queue/') ? path.slice('/queue/'.length) : 'to-fill';
  return showQueue(QUEUES.includes(queue) ? queue : 'to-fill');
}

header('nav.staff');
applyStatic();
window.addEventListener('hashchange', route);
window.addEventListener('tongjie:lang', route);
route();
