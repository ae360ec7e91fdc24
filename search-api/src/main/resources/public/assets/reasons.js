// The router writes its reasons in English clauses ("available and lendable; 2.2 km to pickup point central;
// 0 open lending requests; ahead of branch-lujia: shorter delivery") and notes each routing on the request's
// timeline ("routed to central (rota line 1): …"): each clause it writes becomes a sentence of the catalogue,
// with libraries by name; a clause we do not know is shown on the English page only.
import { fmt, lang, t } from './i18n.js';

const CLAUSES = [
  [/^skipped: (.*)$/, (m, say) => t('route.skipped', { why: clause(m[1], say) })],
  [/^the reader's own library can fill$/, () => t('route.own')],
  [/^available and lendable$/, () => t('route.available')],
  [/^([\d.]+) km to pickup point (\S+)$/, (m, say) => t('route.kmToPoint', { km: fmt.number(Number(m[1])), lib: say(m[2]) })],
  [/^([\d.]+) km to the reader's home library \(home delivery\)$/, m => t('route.kmToHome', { km: fmt.number(Number(m[1])) })],
  [/^distance to .* unknown$/, () => t('route.distanceUnknown')],
  [/^(\d+) open lending requests?$/, m => t('route.load', { n: fmt.number(Number(m[1])) })],
  [/^ahead of (\S+): own library first$/, (m, say) => t('route.aheadOwn', { lib: say(m[1]) })],
  [/^ahead of (\S+): shorter delivery$/, (m, say) => t('route.aheadNearer', { lib: say(m[1]) })],
  [/^ahead of (\S+): same distance band, lighter load \((\d+) vs (\d+)\)$/, (m, say) => t('route.aheadLighter', { lib: say(m[1]), a: m[2], b: m[3] })],
  [/^ahead of (\S+): same distance band and load.*$/, (m, say) => t('route.aheadTie', { lib: say(m[1]) })],
  [/^not lendable on ILL.*$/, () => t('route.notLendable')],
  [/^not available now.*$/, () => t('route.notAvailable')],
  [/^library (\S+) is not in the member directory$/, (m, say) => t('route.notMember', { lib: say(m[1]) })],
  [/^library (\S+) is closed$/, (m, say) => t('route.closed', { lib: say(m[1]) })],
  [/^library (\S+) is over its quota.*$/, (m, say) => t('route.overQuota', { lib: say(m[1]) })],
  [/^another copy at (\S+) is already on the rota$/, (m, say) => t('route.otherCopy', { lib: say(m[1]) })],
];

function clause(text, say) {
  for (const [pattern, sentence] of CLAUSES) {
    const m = pattern.exec(text.trim());
    if (m) return sentence(m, say);
  }
  return lang() === 'en' ? text.trim() : null;
}

export function routingReason(reason, say) {
  if (!reason) return '';
  return reason.split(/;\s*/).filter(Boolean).map(c => clause(c, say)).filter(Boolean).join(lang() === 'en' ? '; ' : '；');
}


const ROUTED = /^routed to (\S+) \(rota line (\d+)\): (.*)$/;

/**
 * A timeline note: the router's as a sentence; anything else is a person's own words, shown as written
 * (staff write them for each other and for the reader).
 */
export function eventNote(note, say) {
  const m = ROUTED.exec(note);
  return m ? t('route.routed', { lib: say(m[1]), n: m[2], why: routingReason(m[3], say) }) : note;
}
