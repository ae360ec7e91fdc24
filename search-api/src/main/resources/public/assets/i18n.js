// Chinese first, English too. Every text the pages show is here, keyed, [Chinese, English]; t('key', {n: 3}) fills {n}.
// Dates, numbers and sorting follow the language through the browser's Intl API (no library needed).
const TEXT = {
  'app.name': ['通借 · 区域联合目录', 'Tongjie union catalogue'],
  'nav.reader': ['读者检索', 'Search'],
  'nav.requests': ['我的申请', 'My requests'],
  'nav.member': ['成员馆', 'Member libraries'],
  'nav.staff': ['馆际互借工作台', 'ILL desk'],
  'lang.switch': ['English', '中文'],
  'lang.switchLabel': ['Switch to English', '切换到中文'],
  'skip': ['跳到正文', 'Skip to content'],
  'search.label': ['检索词', 'Search terms'],
  'search.placeholder': ['题名、著者、主题、ISBN，可用拼音', 'Title, author, subject, ISBN; pinyin works too'],
  'search.go': ['检索', 'Search'],
  'search.total': ['共 {n} 条结果', '{n} results'],
  'search.none': ['没有找到结果，换个词试试。', 'Nothing found; try other words.'],
  'search.facets': ['筛选', 'Refine'],
  'search.prev': ['上一页', 'Previous'],
  'search.next': ['下一页', 'Next'],
  'search.page': ['第 {page} / {pages} 页', 'Page {page} of {pages}'],
  'search.suggestions': ['检索建议', 'Suggestions'],
  'search.clear': ['清除筛选', 'Clear filters'],
  'search.myLibrary': ['我的图书馆', 'My library'],
  'facet.library': ['馆藏地', 'Library'],
  'facet.kind': ['服务点类型', 'Service point'],
  'facet.available': ['可借状态', 'Availability'],
  'facet.format': ['文献类型', 'Format'],
  'facet.language': ['语种', 'Language'],
  'facet.decade': ['出版年代', 'Decade'],
  'facet.clc': ['中图法分类', 'CLC class'],
  'facet.lcc': ['国会分类', 'LC class'],
  'facet.ddc': ['杜威分类', 'Dewey'],
  'badge.onShelf': ['{lib} 在架 {a}/{c}', '{lib}: {a}/{c} on shelf'],
  'badge.allOut': ['{lib} 借出 0/{c}', '{lib}: 0/{c}, all out'],
  'record.back': ['返回结果', 'Back to results'],
  'record.authors': ['著者', 'Authors'],
  'record.publisher': ['出版', 'Published'],
  'record.isbn': ['ISBN', 'ISBN'],
  'record.clc': ['中图法分类号', 'CLC number'],
  'record.subjects': ['主题', 'Subjects'],
  'record.series': ['丛编', 'Series'],
  'record.language': ['语种', 'Language'],
  'record.extent': ['载体形态', 'Extent'],
  'record.sources': ['来源记录 {n} 条', '{n} source records'],
  'record.holdings': ['馆藏（由近及远）', 'Holdings, nearest first'],
  'record.onShelf': ['在架 {a} / 共 {c} 册', '{a} of {c} on shelf'],
  'record.distance': ['约 {km} 公里', 'about {km} km'],
  'record.location': ['位置', 'Location'],
  'record.callNumber': ['索书号', 'Call number'],
  'record.barcode': ['条码', 'Barcode'],
  'record.status': ['状态', 'Status'],
  'record.request': ['申请借阅', 'Request it'],
  'record.notFound': ['没有这条记录。', 'No such record.'],
  'record.nearestFrom': ['距离按“我的图书馆”计算：{lib}', 'Distances from your library: {lib}'],
  'status.AVAILABLE': ['在架', 'On shelf'],
  'status.ON_LOAN': ['借出', 'On loan'],
  'status.IN_TRANSIT': ['在途', 'In transit'],
  'status.ON_HOLD': ['预约保留', 'On hold'],
  'status.LOST': ['遗失', 'Lost'],
  'status.NOT_FOR_LOAN': ['不外借', 'Not for loan'],
  'status.UNKNOWN': ['未知', 'Unknown'],
  'status.MISSING': ['缺失', 'Missing'],
  'request.title': ['申请借阅', 'Request this'],
  'request.type': ['服务类型', 'Service'],
  'type.LOAN': ['借书', 'Loan'],
  'type.COPY': ['文献传递（复制件）', 'Copy (document delivery)'],
  'request.pickup': ['取书方式', 'Pick up'],
  'pickup.BRANCH': ['到馆自取（总馆/分馆）', 'At a library desk'],
  'pickup.KIOSK_24H': ['24 小时自助图书馆', '24-hour kiosk'],
  'pickup.SMART_LOCKER': ['智能书柜', 'Smart locker'],
  'pickup.HOME': ['送书上门', 'Home delivery'],
  'request.where': ['取书地点', 'Pickup point'],
  'request.address': ['送书地址', 'Delivery address'],
  'request.submit': ['提交申请', 'Place request'],
  'request.placed': ['已提交申请 #{id}：{state}', 'Request #{id} placed: {state}'],
  'request.seeMine': ['查看我的申请', 'See my requests'],
  'request.noPoints': ['没有这类取书点。', 'No pickup point of this kind.'],
  'signin.reader': ['读者登录', 'Reader sign-in'],
  'signin.card': ['读者证号', 'Library card number'],
  'signin.pin': ['密码 (PIN)', 'PIN'],
  'signin.go': ['登录', 'Sign in'],
  'signin.out': ['退出', 'Sign out'],
  'signin.as': ['已登录：{who}', 'Signed in: {who}'],
  'signin.key': ['API 密钥', 'API key'],
  'signin.library': ['图书馆', 'Library'],
  'signin.staff': ['馆员登录', 'Staff sign-in'],
  'signin.member': ['成员馆登录', 'Member library sign-in'],
  'signin.readerNote': ['读者证号和密码只保存在本标签页（sessionStorage），关闭标签页即清除。', 'Your card number and PIN are kept in this tab only (sessionStorage) and are gone when you close it.'],
  'signin.keyNote': ['API 密钥只保存在本标签页（sessionStorage），关闭标签页即清除。', 'The API key is kept in this tab only (sessionStorage) and is gone when you close it.'],
  'mine.title': ['我的申请', 'My requests'],
  'mine.none': ['还没有申请。', 'No requests yet.'],
  'mine.timeline': ['处理进度', 'Timeline'],
  'mine.pickupAt': ['取书：{p}', 'Pick up: {p}'],
  'mine.due': ['应还：{d}', 'Due: {d}'],
  'mine.holdUntil': ['保留至：{d}', 'Held until: {d}'],
  'mine.lender': ['借出馆：{l}', 'Lender: {l}'],
  'state.REQUESTED': ['已提交', 'Requested'],
  'state.ROUTED': ['已分配', 'Routed'],
  'state.AT_LENDER': ['待借出馆处理', 'With the lender'],
  'state.WILL_SUPPLY': ['借出馆同意提供', 'Lender will supply'],
  'state.UNFILLED': ['无法满足', 'Unfilled'],
  'state.PICKED': ['已取书', 'Picked'],
  'state.SHIPPED': ['已发货', 'Shipped'],
  'state.IN_TRANSIT': ['运送中', 'In transit'],
  'state.READY_FOR_PICKUP': ['可取书', 'Ready for pickup'],
  'state.ON_LOAN': ['借阅中', 'On loan'],
  'state.RENEWED': ['已续借', 'Renewed'],
  'state.RETURNED': ['已归还', 'Returned'],
  'state.IN_TRANSIT_HOME': ['返还途中', 'Going home'],
  'state.CHECKED_IN': ['已还回借出馆', 'Checked in'],
  'state.COMPLETED': ['已完成', 'Completed'],
  'state.CANCELLED': ['已取消', 'Cancelled'],
  'state.EXPIRED_AT_PICKUP': ['逾期未取', 'Not collected'],
  'state.OVERDUE': ['已逾期', 'Overdue'],
  'state.RECALLED': ['已召回', 'Recalled'],
  'state.LOST': ['已遗失', 'Lost'],
  'action.ROUTE': ['分配借出馆', 'Route'],
  'action.SEND_TO_LENDER': ['发送给借出馆', 'Send to lender'],
  'action.WILL_SUPPLY': ['同意提供', 'Will supply'],
  'action.UNFILLED': ['无法满足', 'Unfilled'],
  'action.PICK': ['已取书', 'Picked'],
  'action.SHIP': ['发货', 'Ship'],
  'action.DEPART': ['快递已揽收', 'Courier collected'],
  'action.SHELVE_FOR_PICKUP': ['上架待取', 'Shelve for pickup'],
  'action.LOAN': ['借出给读者', 'Lend to reader'],
  'action.RENEW': ['续借', 'Renew'],
  'action.RETURN': ['归还', 'Return'],
  'action.SEND_HOME': ['寄回借出馆', 'Send home'],
  'action.CHECK_IN': ['签收入库', 'Check in'],
  'action.COMPLETE': ['完成', 'Complete'],
  'action.CANCEL': ['取消', 'Cancel'],
  'action.EXPIRE': ['标记逾期未取', 'Expire'],
  'action.MARK_OVERDUE': ['标记逾期', 'Mark overdue'],
  'action.RECALL': ['召回', 'Recall'],
  'action.DECLARE_LOST': ['登记遗失', 'Declare lost'],
  'staff.queues': ['工作队列', 'Queues'],
  'queue.to-fill': ['待处理', 'To fill'],
  'queue.to-ship': ['待发货', 'To ship'],
  'queue.to-receive': ['待接收', 'To receive'],
  'queue.to-send-home': ['待寄回', 'To send home'],
  'queue.expired-at-pickup': ['逾期未取', 'Not collected'],
  'queue.to-check-in': ['待签收', 'To check in'],
  'queue.overdue': ['逾期', 'Overdue'],
  'staff.pickList': ['拣书单', 'Pick list'],
  'staff.print': ['打印', 'Print'],
  'staff.statistics': ['统计', 'Statistics'],
  'staff.select': ['选择', 'Select'],
  'staff.selectAll': ['全选', 'Select all'],
  'staff.apply': ['对所选执行', 'Apply to selected'],
  'staff.action': ['操作', 'Action'],
  'staff.empty': ['队列为空。', 'Nothing in this queue.'],
  'staff.courier': ['快递公司', 'Courier'],
  'staff.waybill': ['运单号', 'Waybill'],
  'staff.slot': ['格口/架位', 'Slot / shelf'],
  'staff.returnPoint': ['归还地点', 'Returned at'],
  'staff.note': ['备注', 'Note'],
  'staff.outcome': ['#{id}：{result}', '#{id}: {result}'],
  'staff.requestId': ['申请号', 'Request'],
  'staff.titleCol': ['题名', 'Title'],
  'staff.state': ['状态', 'State'],
  'staff.pickupCol': ['取书', 'Pickup'],
  'staff.reader': ['读者', 'Reader'],
  'staff.rota': ['借出馆轮转表', 'Rota'],
  'staff.reason': ['原因', 'Reason'],
  'staff.rotaStatus': ['轮转状态', 'Status'],
  'staff.do': ['执行', 'Do it'],
  'staff.done': ['完成：{state}', 'Done: {state}'],
  'staff.servicePoint': ['服务点', 'Service point'],
  'staff.position': ['顺序', '#'],
  'staff.noActions': ['当前没有您可执行的操作。', 'Nothing you may do now.'],
  'stats.byClass': ['按中图法大类的借阅量', 'Loans by CLC main class'],
  'stats.fillRate': ['满足率', 'Fill rate'],
  'stats.turnaround': ['周转时间', 'Turnaround'],
  'stats.loans': ['借阅', 'Loans'],
  'stats.period': ['时段', 'Period'],
  'stats.requests': ['申请', 'Requests'],
  'stats.filled': ['满足', 'Filled'],
  'stats.notFilled': ['未满足', 'Not filled'],
  'stats.rate': ['满足率', 'Fill rate'],
  'stats.median': ['中位数 {h} 小时（共 {n} 笔）', 'Median {h} hours ({n} requests)'],
  'stats.upTo': ['≤ {h} 小时', '≤ {h} h'],
  'stats.more': ['> {h} 小时', '> {h} h'],
  'stats.table': ['数据表', 'Data'],
  'stats.day': ['按日', 'By day'],
  'stats.month': ['按月', 'By month'],
  'stats.unclassified': ['未分类', 'Unclassified'],
  'member.harvest': ['采集状态', 'Harvest status'],
  'member.source': ['来源', 'Source'],
  'member.schedule': ['周期', 'Every'],
  'member.identity': ['记录标识字段', 'Record id field'],
  'identity.oai': ['OAI 标识符', 'OAI identifier'],
  'identity.orContent': ['{field}（没有时按记录内容摘要）', '{field} (without one: a digest of the record)'],
  'member.next': ['下次采集', 'Next harvest'],
  'member.running': ['正在采集：#{id}', 'Harvesting now: run #{id}'],
  'member.harvestNow': ['立即采集', 'Harvest now'],
  'member.uploadOnly': ['本馆以上传文件方式提交记录，没有定时采集。', 'This member sends files; it has no harvest schedule.'],
  'member.history': ['采集历史', 'Harvest history'],
  'member.none': ['暂无记录。', 'Nothing yet.'],
  'member.started': ['开始', 'Started'],
  'member.status': ['状态', 'Status'],
  'member.records': ['记录', 'Records'],
  'member.added': ['新增', 'Added'],
  'member.updated': ['更新', 'Updated'],
  'member.deleted': ['删除', 'Deleted'],
  'member.quarantined': ['隔离', 'Quarantined'],
  'member.quarantine': ['隔离区', 'Quarantine'],
  'member.position': ['位置', 'Position'],
  'member.sourceId': ['记录号', 'Record id'],
  'member.reason': ['原因', 'Reason'],
  'member.bytes': ['字节', 'Bytes'],
  'member.received': ['收到时间', 'Received'],
  'member.upload': ['上传记录文件', 'Upload records'],
  'member.file': ['MARC 文件（ISO 2709 或 MARCXML）', 'MARC file (ISO 2709 or MARCXML)'],
  'member.mode': ['方式', 'Mode'],
  'mode.incremental': ['增量（新增和更新）', 'Incremental (add and update)'],
  'mode.full': ['全量替换（文件即本馆全部记录）', 'Full replace (the file is everything we hold)'],
  'member.send': ['上传', 'Upload'],
  'member.progress': ['上传进度', 'Upload progress'],
  'member.report': ['处理报告', 'Report'],
  'member.unchanged': ['未变', 'Unchanged'],
  'member.accepted': ['新增', 'New'],
  'member.problems': ['有问题的记录', 'Records with problems'],
  'rota.WAITING': ['待询', 'Waiting'],
  'rota.CURRENT': ['当前借出馆', 'Asked now'],
  'rota.UNFILLED': ['无法满足', 'Unfilled'],
  'rota.SUPPLYING': ['提供中', 'Supplying'],
  'rota.SKIPPED': ['跳过', 'Skipped'],
  'source.upload': ['上传文件', 'File upload'],
  'source.oai-pmh': ['OAI-PMH 采集', 'OAI-PMH harvest'],
  'source.z3950': ['Z39.50 采集', 'Z39.50 harvest'],
  'every.hours': ['每 {n} 小时', 'every {n} hours'],
  'every.minutes': ['每 {n} 分钟', 'every {n} minutes'],
  'every.days': ['每 {n} 天', 'every {n} days'],
  'member.uploaded': ['已上传 {pct}%', '{pct}% sent'],
  'kind.CENTRAL': ['总馆', 'Central library'],
  'kind.BRANCH': ['分馆', 'Branch'],
  'kind.KIOSK_24H': ['24小时自助图书馆', '24-hour kiosk'],
  'kind.SMART_LOCKER': ['智能书柜', 'Smart locker'],
  'kind.MOBILE_VAN': ['流动图书车', 'Mobile van'],
  'kind.CIRCULATION_POINT': ['流通点', 'Circulation point'],
  'format.BOOK': ['图书', 'Book'],
  'format.SERIAL': ['连续出版物', 'Serial'],
  'format.MUSIC_RECORDING': ['音乐录音', 'Music recording'],
  'format.SOUND_RECORDING': ['录音', 'Sound recording'],
  'format.MICROFORM': ['缩微品', 'Microform'],
  'format.COMPUTER_FILE': ['电子资源', 'Electronic'],
  'format.MAP': ['地图', 'Map'],
  'format.SCORE': ['乐谱', 'Score'],
  'format.VIDEO': ['视频', 'Video'],
  'format.OTHER': ['其他', 'Other'],
  'available.yes': ['在架可借', 'On shelf'],
  'available.no': ['暂不可借', 'Not available now'],
  'error.network': ['连接失败：{msg}', 'Could not reach the hub: {msg}'],
  'loading': ['加载中…', 'Loading…'],
};

// 中图法 main classes, for the statistics.
const CLC = {
  A: ['马列主义、毛泽东思想、邓小平理论', 'Marxism-Leninism'],
  B: ['哲学、宗教', 'Philosophy, religion'],
  C: ['社会科学总论', 'Social sciences'],
  D: ['政治、法律', 'Politics, law'],
  E: ['军事', 'Military'],
  F: ['经济', 'Economics'],
  G: ['文化、科学、教育、体育', 'Culture, education, sport'],
  H: ['语言、文字', 'Languages'],
  I: ['文学', 'Literature'],
  J: ['艺术', 'Arts'],
  K: ['历史、地理', 'History, geography'],
  N: ['自然科学总论', 'Natural sciences'],
  O: ['数理科学和化学', 'Mathematics, physics, chemistry'],
  P: ['天文学、地球科学', 'Astronomy, earth sciences'],
  Q: ['生物科学', 'Biology'],
  R: ['医药、卫生', 'Medicine'],
  S: ['农业科学', 'Agriculture'],
  T: ['工业技术', 'Technology'],
  U: ['交通运输', 'Transport'],
  V: ['航空、航天', 'Aviation, space'],
  X: ['环境科学、安全科学', 'Environment, safety'],
  Z: ['综合性图书', 'General works'],
};

const LOCALES = { zh: 'zh-CN', en: 'en-GB' };
const STORE = 'tongjie.lang';

const INDEX = { zh: 0, en: 1 };

export function lang() {
  const chosen = localStorage.getItem(STORE);
  return chosen in INDEX ? chosen : 'zh';
}

export function setLang(code) {
  localStorage.setItem(STORE, code);
  applyStatic();
  window.dispatchEvent(new Event('tongjie:lang'));
}

export function t(key, params = {}) {
  const text = TEXT[key]?.[INDEX[lang()]] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}

/** A label for an enum value the API sends (state.ON_LOAN, format.BOOK), or the value itself if we have none. */
export function label(prefix, value) {
  return TEXT[`${prefix}.${value}`]?.[INDEX[lang()]] ?? value;
}

/** An ISO-8601 duration of days, hours or minutes as words ("PT6H" → "每 6 小时"); other forms as they are. */
export function every(duration) {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(duration ?? '');
  if (!m) return duration;
  const [, days, hours, minutes] = m.map(Number);
  if (days && !hours && !minutes) return t('every.days', { n: fmt.number(days) });
  if (minutes && !days && !hours) return t('every.minutes', { n: fmt.number(minutes) });
  return hours && !days && !minutes ? t('every.hours', { n: fmt.number(hours) }) : duration;
}

export function clcLabel(letter) {
  return CLC[letter] ? `${letter} ${CLC[letter][INDEX[lang()]]}` : t('stats.unclassified');
}

export const fmt = {
  locale: () => LOCALES[lang()],
  number: n => new Intl.NumberFormat(LOCALES[lang()]).format(n),
  percent: x => new Intl.NumberFormat(LOCALES[lang()], { style: 'percent', maximumFractionDigits: 0 }).format(x),
  date: iso => new Intl.DateTimeFormat(LOCALES[lang()], { dateStyle: 'medium' }).format(new Date(iso)),
  dateTime: iso => new Intl.DateTimeFormat(LOCALES[lang()], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
  // Chinese names sort by pinyin, as readers expect in a list of libraries.
  compare: (a, b) => new Intl.Collator(lang() === 'zh' ? 'zh-CN-u-co-pinyin' : 'en').compare(a, b),
};

/** Fills every element marked data-i18n (text), data-i18n-placeholder and data-i18n-label (aria-label). */
export function applyStatic(root = document) {
  document.documentElement.lang = LOCALES[lang()];
  root.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach(e => { e.placeholder = t(e.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-label]').forEach(e => { e.setAttribute('aria-label', t(e.dataset.i18nLabel)); });
}

// MARC language codes (ISO 639-2/B) to the two-letter codes the browser can name in the page's language.
const MARC_LANGUAGES = { chi: 'zh', eng: 'en', jpn: 'ja', kor: 'ko', fre: 'fr', ger: 'de', rus: 'ru', spa: 'es', ita: 'it',
  lat: 'la', por: 'pt', ara: 'ar', dut: 'nl' };

export function languageName(code) {
  const iso = MARC_LANGUAGES[code] ?? code;
  try {
    return new Intl.DisplayNames([LOCALES[lang()]], { type: 'language' }).of(iso) ?? code;
  } catch {
    return code;
  }
}
