/**
 * The report's only script, serialised into the page with Function.prototype.toString, so it must not refer
 * to anything outside itself. It draws the file list and the per-file pages (document with its findings
 * highlighted) from the JSON in the page. Document text is untrusted: it only ever goes in via textContent,
 * and a .docx rendering only into a sandboxed iframe.
 */
export function clientMain(): void {
  type Finding = { rule: string | null; sev: string; msg: string; l: number; c: number; el: number; ec: number; cites: string | null; ctx: string | null };
  type File = {
    id: number;
    path: string;
    rel: string;
    status: string;
    reason: string | null;
    kind: string | null;
    docType: string | null;
    category: string | null;
    office: string;
    year: number | null;
    date: string | null;
    docNumber: string | null;
    title: string | null;
    charCount: number | null;
    cap: number | null;
    capBasis: string | null;
    errors: number;
    warnings: number;
    findings: Finding[];
    preview: { kind: string; text: string | null; html: string | null; truncated: boolean } | null;
  };
  const UNKNOWN = '（未识别）';
  const STATUS: Record<string, string> = { checked: '已检查', unreadable: '无法读取', timeout: '超时', memory: '内存超限', crashed: '检查崩溃' };
  // Unpack what html.ts packed: strings stored once, findings as arrays of indexes.
  type Packed = Omit<File, 'findings' | 'office'> & { office: number; f: number[][] };
  const raw = JSON.parse(document.getElementById('gw-data')!.textContent!) as { strings: string[]; files: Packed[]; omitted: number };
  const S = (i: number): string | null => (i < 0 ? null : raw.strings[i]!);
  const data: { files: File[]; omitted: number } = {
    omitted: raw.omitted,
    files: raw.files.map(({ f, office, ...rest }) => ({
      ...rest,
      office: S(office) ?? UNKNOWN,
      findings: f.map((a) => ({ rule: S(a[0]!), sev: a[1] ? 'error' : 'warning', msg: S(a[2]!) ?? '', l: a[3]!, c: a[4]!, el: a[5]!, ec: a[6]!, cites: S(a[7]!), ctx: S(a[8]!) })),
    })),
  };
  const byId = new Map<number, File>();
  for (const f of data.files) byId.set(f.id, f);

  const dash = document.getElementById('dashboard')!;
  const listView = document.getElementById('files')!;
  const fileView = document.getElementById('file')!;

  function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...kids: (Node | string | null)[]): HTMLElementTagNameMap[K] {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    for (const k of kids) if (k !== null) e.append(typeof k === 'string' ? document.createTextNode(k) : k);
    return e;
  }
  const fmt = (n: number): string => n.toLocaleString('en-US');

  function show(which: HTMLElement): void {
    for (const v of [dash, listView, fileView]) v.hidden = v !== which;
    window.scrollTo(0, 0);
  }

  function params(q: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const part of q.split('&')) {
      if (!part) continue;
      const i = part.indexOf('=');
      out[decodeURIComponent(i < 0 ? part : part.slice(0, i))] = i < 0 ? '' : decodeURIComponent(part.slice(i + 1));
    }
    return out;
  }

  function renderList(q: Record<string, string>): void {
    const page = Math.max(0, Number(q.page ?? 0) || 0);
    const text = (q.q ?? '').trim();
    const match = (f: File): boolean =>
      (!q.rule || f.findings.some((x) => (x.rule ?? UNKNOWN) === q.rule)) &&
      (!q.office || f.office === q.office) &&
      (!q.year || String(f.year ?? UNKNOWN) === q.year) &&
      (!q.type || (f.docType ?? UNKNOWN) === q.type) &&
      (!q.status || (q.status === 'failed' ? f.status !== 'checked' : f.status === q.status)) &&
      (!text || f.rel.includes(text) || (f.title ?? '').includes(text) || (f.docNumber ?? '').includes(text));
    const rows = data.files.filter(match);
    const per = 100;
    listView.replaceChildren();
    const filters = ['rule', 'office', 'year', 'type', 'status'].filter((k) => q[k]).map((k) => `${({ rule: '规则', office: '机关', year: '年份', type: '文种', status: '状态' } as Record<string, string>)[k]}：${k === 'status' && q[k] !== 'failed' ? STATUS[q[k]!] ?? q[k] : q[k] === 'failed' ? '无法检查' : q[k]}`);
    const input = el('input', { type: 'search', placeholder: '按文件名、标题或发文字号筛选', value: text, id: 'filter' });
    input.addEventListener('change', () => {
      const next = { ...q, q: input.value, page: '0' };
      location.hash = '#files?' + Object.entries(next).filter(([, v]) => v).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
    });
    listView.append(
      el('p', {}, el('a', { href: '#' }, '← 返回总览')),
      el('h2', {}, `文件（${fmt(rows.length)}）`, filters.length ? el('span', { class: 'muted' }, ' · ' + filters.join(' · ')) : null),
      input,
    );
    const table = el('table', { class: 'list' });
    table.append(el('thead', {}, el('tr', {}, ...['文件', '文种', '发文机关', '年份', '错误', '警告', '状态'].map((h) => el('th', {}, h)))));
    const tb = el('tbody');
    for (const f of rows.slice(page * per, page * per + per)) {
      tb.append(
        el(
          'tr',
          {},
          el('td', {}, el('a', { href: `#file-${f.id}` }, f.rel), f.title ? el('div', { class: 'muted small' }, f.title) : null),
          el('td', {}, f.docType ?? '—'),
          el('td', {}, f.office),
          el('td', {}, f.year !== null ? String(f.year) : '—'),
          el('td', { class: f.errors ? 'n err' : 'n' }, fmt(f.errors)),
          el('td', { class: f.warnings ? 'n warn' : 'n' }, fmt(f.warnings)),
          el('td', { class: f.status === 'checked' ? '' : 'err' }, STATUS[f.status] ?? f.status),
        ),
      );
    }
    table.append(tb);
    listView.append(table);
    const pages = Math.ceil(rows.length / per);
    if (pages > 1) {
      const nav = el('p', { class: 'pager' });
      for (let i = 0; i < pages; i++) {
        const next = { ...q, page: String(i) };
        const href = '#files?' + Object.entries(next).filter(([, v]) => v).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
        nav.append(i === page ? el('b', {}, String(i + 1)) : el('a', { href }, String(i + 1)), ' ');
      }
      listView.append(nav);
    }
    if (data.omitted) listView.append(el('p', { class: 'muted' }, `另有 ${fmt(data.omitted)} 个文件未收入本报告的逐文件页面（--report-pages）；数据库中有全部结果。`));
    show(listView);
  }

  /** The document's text with each finding's span marked; findings without a span get a pin. */
  function renderText(text: string, findings: Finding[]): HTMLElement {
    const lines = text.split('\n');
    const starts: number[] = [];
    let o = 0;
    for (const l of lines) {
      starts.push(o);
      o += l.length + 1;
    }
    const off = (line: number, col: number): number => {
      const i = Math.max(0, Math.min(lines.length - 1, line - 1));
      return Math.min(starts[i]! + Math.max(0, col - 1), starts[i]! + lines[i]!.length);
    };
    const spans = findings.map((f, k) => {
      const s = off(f.l, f.c);
      const e = Math.max(s, off(f.el, f.ec));
      return { k, s, e, sev: f.sev };
    });
    const box = el('div', { class: 'doc' });
    const anchored = new Set<number>();
    lines.forEach((line, i) => {
      const ls = starts[i]!;
      const le = ls + line.length;
      const row = el('div', { class: 'ln' }, el('span', { class: 'no' }, String(i + 1)));
      const tx = el('span', { class: 'tx' });
      const cuts = new Set<number>([ls, le]);
      const here = spans.filter((s) => (s.e > s.s ? s.s < le && s.e > ls : s.s >= ls && s.s <= le));
      for (const s of here) {
        if (s.e > s.s) {
          cuts.add(Math.max(ls, s.s));
          cuts.add(Math.min(le, s.e));
        } else cuts.add(s.s);
      }
      const pts = [...cuts].sort((a, b) => a - b);
      for (let j = 0; j < pts.length; j++) {
        const a = pts[j]!;
        // Findings without a span (about the whole document, or a missing part) share one pin per place.
        const pinned = here.filter((s) => s.e === s.s && s.s === a && !anchored.has(s.k));
        if (pinned.length) {
          const sev = pinned.some((s) => s.sev === 'error') ? 'error' : 'warning';
          const pin = el('span', { class: `pin ${sev}`, title: pinned.map((s) => findings[s.k]!.msg).join('\n') }, pinned.length > 1 ? `▲${pinned.length}` : '▲');
          for (const s of pinned) {
            anchored.add(s.k);
            pin.prepend(el('span', { id: `f-${s.k}`, class: 'anchor' }));
          }
          tx.append(pin);
        }
        if (j === pts.length - 1) break;
        const b = pts[j + 1]!;
        const piece = line.slice(a - ls, b - ls);
        const cover = here.filter((s) => s.e > s.s && s.s <= a && s.e >= b);
        if (!cover.length) {
          tx.append(piece);
          continue;
        }
        const sev = cover.some((s) => s.sev === 'error') ? 'error' : 'warning';
        const m = el('mark', { class: sev, title: cover.map((s) => findings[s.k]!.msg).join('\n') }, piece);
        for (const s of cover) {
          if (!anchored.has(s.k)) {
            anchored.add(s.k);
            m.prepend(el('span', { id: `f-${s.k}`, class: 'anchor' }));
          }
        }
        tx.append(m);
      }
      if (!line.length && !tx.childNodes.length) tx.append('\u00a0');
      row.append(tx);
      box.append(row);
    });
    return box;
  }

  function renderFile(id: number): void {
    const f = byId.get(id);
    fileView.replaceChildren();
    if (!f) {
      fileView.append(el('p', {}, '没有这个文件的页面。'), el('a', { href: '#' }, '← 返回总览'));
      show(fileView);
      return;
    }
    const facts: [string, string | null][] = [
      ['状态', STATUS[f.status] ?? f.status],
      ['标题', f.title],
      ['发文字号', f.docNumber],
      ['发文机关', f.office === UNKNOWN ? null : f.office],
      ['成文日期', f.date],
      ['文种', f.docType],
      ['类别', f.category],
      ['字数', f.charCount !== null ? `${fmt(f.charCount)}${f.cap !== null ? ` / 上限 ${fmt(f.cap)}${f.capBasis ? `（${f.capBasis}）` : ''}` : ''}` : null],
      ['问题', `${fmt(f.errors)} 个错误，${fmt(f.warnings)} 个警告`],
    ];
    const dl = el('dl', { class: 'facts' });
    for (const [k, v] of facts) if (v) dl.append(el('dt', {}, k), el('dd', { class: k === '字数' && f.cap !== null && (f.charCount ?? 0) > f.cap ? 'err' : '' }, v));
    fileView.append(el('p', {}, el('a', { href: '#' }, '← 返回总览'), ' · ', el('a', { href: '#files' }, '全部文件')), el('h2', { class: 'path' }, f.rel), el('div', { class: 'muted small' }, f.path), dl);
    if (f.status !== 'checked') fileView.append(el('p', { class: 'reason' }, f.reason ?? '无法检查'));
    const body = el('div', { class: 'filebody' });
    if (f.findings.length) {
      const ol = el('ol', { class: 'findings' });
      f.findings.forEach((x, k) => {
        const li = el(
          'li',
          { class: x.sev },
          el('span', { class: `sev ${x.sev}` }, x.sev === 'error' ? '错误' : '警告'),
          ' ',
          el('a', { href: `#file-${f.id}`, 'data-k': String(k), class: 'jump' }, `${x.l}:${x.c}`),
          ' ',
          el('code', {}, x.rule ?? ''),
          ' ',
          x.msg,
          x.cites ? el('div', { class: 'muted small' }, '依据：' + x.cites) : null,
          x.ctx ? el('div', { class: 'muted small' }, '原文：' + x.ctx) : null,
        );
        ol.append(li);
      });
      ol.addEventListener('click', (ev) => {
        const a = (ev.target as HTMLElement).closest('a.jump');
        if (!a) return;
        ev.preventDefault();
        const t = document.getElementById(`f-${a.getAttribute('data-k')}`);
        if (t) {
          t.scrollIntoView({ block: 'center' });
          const target = t.classList.contains('anchor') && t.parentElement ? t.parentElement : t;
          target.classList.remove('flash');
          void target.offsetWidth;
          target.classList.add('flash');
        }
      });
      // Findings beside the document on a wide screen, so a click on one shows its place without scrolling away.
      const side = el('div', { class: 'side' }, el('h3', {}, `问题（${f.findings.length}）`), ol);
      body.append(side);
    }
    const p = f.preview;
    if (p && p.text !== null) {
      body.append(
        el(
          'div',
          { class: 'main' },
          el('h3', {}, p.kind === 'docx' ? '文档内容（按段落，问题已标出）' : '文档内容（问题已标出）'),
          renderText(p.text, f.findings),
          p.truncated ? el('p', { class: 'muted' }, '（文档较长，预览只收入开头部分）') : null,
        ),
      );
    }
    if (body.childNodes.length) fileView.append(body);
    if (p) {
      if (p.html) {
        const frame = el('iframe', { sandbox: '', class: 'docx', title: '版式预览' });
        frame.srcdoc = p.html;
        fileView.append(el('h3', {}, '版式预览'), frame);
      }
    }
    show(fileView);
  }

  function route(): void {
    const h = decodeURIComponent(location.hash.slice(1));
    const m = /^file-(\d+)$/.exec(h);
    if (m) return renderFile(Number(m[1]));
    if (h === 'files' || h.startsWith('files?')) return renderList(params(location.hash.slice(1).replace(/^files\??/, '')));
    show(dash);
    if (h) document.getElementById(h)?.scrollIntoView();
  }
  window.addEventListener('hashchange', route);
  route();
}
