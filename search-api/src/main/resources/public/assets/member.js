// A member library's page: harvest status and history, the quarantine with each record's reason, and
// an upload form with a progress bar and the per-record report. Signed in with the member's API key.
import { api, el, header, libraries, libraryName, message, once, problemText, session, sortedLibraries, table } from './common.js';
import { applyStatic, every, fmt, label, lang, t } from './i18n.js';

// The member's key: starting a harvest and reading the quarantine (the records as sent) need it.
const signedIn = () => ({ Authorization: `Bearer ${me().key}` });

const view = document.getElementById('view');
const me = () => session.get('member');
const path = suffix => `/api/libraries/${encodeURIComponent(me().library)}${suffix}`;

async function signIn() {
  const libs = await libraries();
  const library = el('select', { id: 'library', name: 'library' }, sortedLibraries(libs).map(l => el('option', { value: l.id }, libraryName(l))));
  const key = el('input', { id: 'key', name: 'key', type: 'password', required: true, autocomplete: 'off' });
  const status = el('p', { role: 'status' });
  view.replaceChildren(el('form', { id: 'signin', class: 'panel', onsubmit: once(async () => {
    // the member's quarantine opens to its own key only: reading one line of it checks the key
    const tried = { library: library.value, key: key.value.trim() };
    try {
      await api(`/api/libraries/${encodeURIComponent(tried.library)}/quarantine?size=1`, { headers: { Authorization: `Bearer ${tried.key}` } });
    } catch (err) {
      return message(status, err.message, 'error');
    }
    session.set('member', tried);
    show();
  }) },
  el('h1', {}, t('signin.member')),
  el('label', { for: 'library' }, t('signin.library')), library,
  el('label', { for: 'key' }, t('signin.key')), key,
  el('p', { class: 'muted' }, t('signin.keyNote')),
  el('button', { type: 'submit' }, t('signin.go')), status));
}

async function show() {
  if (!me()) return signIn();
  const libs = await libraries();
  const lib = libs.get(me().library);
  const [harvests, quarantine] = await Promise.all([api(path('/harvests')), api(path('/quarantine?size=50'), { headers: signedIn() })]);
  view.replaceChildren(
    el('h1', {}, libraryName(lib, me().library), ' ', el('span', { class: 'badge' }, label('kind', lib?.kind))),
    el('p', { class: 'muted' }, el('button', { type: 'button', class: 'secondary',
      onclick: () => { session.clear('member'); show(); } }, t('signin.out'))),
    uploadSection(),
    harvestSection(harvests, lib),
    quarantineSection(quarantine));
  // while a harvest runs, its page and record counts move: look again in a second
  if (harvests.runningRun) setTimeout(() => { if (me()) show(); }, 1000);
}

// ---- harvests

// which field identifies the member's records: "001", "999$c", "035$a (OCoLC)", "oai", "001 or content"
function identity(spec) {
  const field = spec.replace(/ or content$/, '');
  const shown = field === 'oai' ? t('identity.oai') : field;
  return field === spec ? shown : t('identity.orContent', { field: shown });
}

function harvestSection(h, lib) {
  const status = el('p', { role: 'status', id: 'harvest-status' });
  const trigger = once(async () => {
    try {
      await api(path('/harvests'), { method: 'POST', headers: signedIn() });
      show();
    } catch (err) {
      message(status, err.message, 'error');
    }
  });
  const facts = [
    [t('member.source'), label('source', h.source ?? 'upload')],
    lib?.recordIdentity ? [t('member.identity'), identity(lib.recordIdentity)] : null,
    h.schedule ? [t('member.schedule'), every(h.schedule)] : null,
    h.nextRun ? [t('member.next'), fmt.dateTime(h.nextRun)] : null,
  ].filter(Boolean);
  return el('section', { 'aria-labelledby': 'harvest-title', id: 'harvests' },
    el('h2', { id: 'harvest-title' }, t('member.harvest')),
    el('ul', { class: 'counts' }, facts.map(([k, v]) => el('li', {}, el('span', { class: 'muted' }, k), el('b', {}, v)))),
    h.runningRun ? el('p', { class: 'message ok' }, t('member.running', { id: h.runningRun })) : null,
    h.source === 'upload' || !h.source ? el('p', { class: 'muted' }, t('member.uploadOnly'))
      : el('button', { type: 'button', id: 'harvest-now', onclick: trigger, disabled: Boolean(h.runningRun) }, t('member.harvestNow')),
    status,
    el('h3', {}, t('member.history')),
    h.runs.length === 0 ? el('p', {}, t('member.none')) : el('div', { class: 'table-wrap' }, table(null,
      ['member.started', 'member.source', 'member.status', 'member.records', 'member.added', 'member.updated', 'member.deleted', 'member.quarantined'],
      h.runs.map(r => [fmt.dateTime(r.startedAt), `${label('source', r.kind)} · ${label('trigger', r.trigger)}`,
        [label('harvestStatus', r.status), r.error ? technical(null, r.error) : null],
        fmt.number(r.records), fmt.number(r.added), fmt.number(r.updated), fmt.number(r.deleted), fmt.number(r.quarantined)]),
      { id: 'harvest-runs' })));
}

// ---- quarantine

// Why a record could not be read, as the indexer says it (English, for the member's systems people): a
// sentence for the kinds we know, and the hub's own words folded away under "technical details".
const REASONS = [[/too (large|long)|exceeds|larger than|longer than/i, 'reason.tooLarge'],
  [/leader/i, 'reason.leader'], [/directory/i, 'reason.directory'], [/charset|encoding|utf-?8|marc-?8|escape/i, 'reason.encoding'],
  [/xml|well-formed/i, 'reason.xml'], [/identif|001|id /i, 'reason.identity'], [/empty|no fields|missing/i, 'reason.empty']];

function reasonText(reason) {
  if (!reason) return '—';
  const key = REASONS.find(([pattern]) => pattern.test(reason))?.[1] ?? 'reason.unreadable';
  return technical(t(key), reason);
}

/** A sentence (or none) and the hub's own English words folded under it. */
function technical(sentence, original) {
  return el('span', {}, sentence, ' ', el('details', { class: 'technical' }, el('summary', {}, t('member.technical')),
    el('code', { lang: 'en' }, original)));
}

function quarantineSection(q) {
  return el('section', { 'aria-labelledby': 'quarantine-title', id: 'quarantine' },
    el('h2', { id: 'quarantine-title' }, `${t('member.quarantine')} (${fmt.number(q.total)})`),
    q.entries.length === 0 ? el('p', {}, t('member.none')) : el('div', { class: 'table-wrap' }, table(null,
      ['member.position', 'member.sourceId', 'member.reason', 'member.bytes', 'member.received'],
      q.entries.map(e => [fmt.number(e.position), e.sourceId ?? '—', reasonText(e.reason), fmt.number(e.bytes), fmt.dateTime(e.receivedAt)]),
      { id: 'quarantine-entries' })));
}

// ---- upload, with progress (XMLHttpRequest reports upload progress; fetch does not)

function uploadSection() {
  const file = el('input', { type: 'file', id: 'file', name: 'file', required: true, accept: '.mrc,.marc,.xml,.iso,.gz' });
  const mode = el('fieldset', {}, el('legend', {}, t('member.mode')), ['incremental', 'full'].map((m, i) =>
    el('label', { class: 'choice' }, el('input', { type: 'radio', name: 'mode', value: m, checked: i === 0 }), t(`mode.${m}`))));
  const bar = el('progress', { id: 'progress', max: 100, value: 0, 'aria-labelledby': 'progress-label' });
  const percent = el('span', { id: 'progress-label' }, t('member.progress'));
  const report = el('div', { id: 'report', role: 'status' });
  const form = el('form', { id: 'upload', class: 'panel', onsubmit: e => {
    e.preventDefault();
    const chosen = new FormData(form).get('mode');
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path(`/records?mode=${chosen}`));
    xhr.setRequestHeader('Authorization', `Bearer ${me().key}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = p => {
      if (!p.lengthComputable) return;
      bar.value = Math.round(100 * p.loaded / p.total);
      percent.textContent = t('member.uploaded', { pct: bar.value });
    };
    xhr.onload = () => {
      let answer = null;
      try {
        answer = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: said by its status alone
      }
      if (xhr.status !== 200) return message(report, problemText(xhr.status, answer), 'error');
      bar.value = 100;
      percent.textContent = t('member.uploaded', { pct: 100 });
      showReport(report, answer);
    };
    xhr.onerror = () => message(report, t('error.network'), 'error');
    xhr.send(file.files[0]);
  } },
  el('h2', {}, t('member.upload')),
  el('label', { for: 'file' }, t('member.file')), file, mode,
  el('button', { type: 'submit', id: 'send' }, t('member.send')),
  el('p', {}, percent, bar), report);
  return form;
}

function showReport(region, r) {
  const counts = [['member.accepted', r.accepted], ['member.updated', r.updated], ['member.unchanged', r.unchanged],
    ['member.deleted', r.deleted], ['member.quarantined', r.quarantined]];
  region.className = '';
  region.replaceChildren(
    el('h3', {}, t('member.report')),
    el('ul', { class: 'counts', id: 'report-counts' }, counts.map(([k, n]) => el('li', { 'data-count': k.split('.')[1] },
      el('span', { class: 'muted' }, t(k)), el('b', {}, fmt.number(n))))),
    r.problems.length === 0 ? null : el('div', { class: 'table-wrap' }, table(t('member.problems'),
      ['member.position', 'member.sourceId', 'member.reason'],
      r.problems.map(p => [fmt.number(p.position), p.sourceId ?? '—', reasonText(p.reason)]), { id: 'report-problems' })));
  // the quarantine below may have grown
  api(path('/quarantine?size=50'), { headers: signedIn() }).then(q => document.getElementById('quarantine').replaceWith(quarantineSection(q)));
}

header('nav.member');
applyStatic();
window.addEventListener('tongjie:lang', show);
show();
