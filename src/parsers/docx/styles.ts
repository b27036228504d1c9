import type { RunFormat } from '../../model/types.js';
import { mergeP, mergeR, pPrOf, rPrOf, toRunFormat, type PProps, type RProps } from './props.js';
import { child, children, type XmlNode } from './xml.js';

interface StyleDef {
  id: string;
  type: string;
  name?: string;
  basedOn?: string;
  r: RProps;
  p: PProps;
}

export interface ResolvedRun {
  format: RunFormat;
  vanish: boolean;
}

/** East-Asian script of the theme's per-script font list, from the document's East-Asian language. */
function scriptOf(lang: string | undefined): string {
  const l = (lang ?? 'zh-CN').toLowerCase();
  if (l.startsWith('zh-tw') || l.startsWith('zh-hk') || l.startsWith('zh-mo') || l === 'zh-hant') return 'Hant';
  if (l.startsWith('ja')) return 'Jpan';
  if (l.startsWith('ko')) return 'Hang';
  return 'Hans';
}

/**
 * styles.xml and the theme: resolves what formatting a run or paragraph ends up with. Resolutions are cached
 * by their inputs because a document has few distinct combinations but many runs (and sharing one RunFormat
 * object per combination keeps a large document's tree small).
 */
export class Styles {
  private readonly defs = new Map<string, StyleDef>();
  private docR: RProps = {};
  private docP: PProps = {};
  readonly defaultParagraph?: string;
  readonly defaultCharacter?: string;
  readonly defaultTable?: string;
  readonly themeFonts: Record<string, string> = {};
  /** paragraph style → table style → run key → resolution (nested: no key strings built per run). */
  private readonly runCache = new Map<string, Map<string, Map<string, ResolvedRun>>>();
  private readonly paraCache = new Map<string, { p: PProps; r: RProps }>();
  private lastPara?: { pStyle: string | undefined; tableStyle: string | undefined; hit: { p: PProps; r: RProps } };

  constructor(styles: XmlNode | undefined, theme: XmlNode | undefined, themeLang: string | undefined) {
    const root = child(styles, 'w:styles');
    const dd = child(root, 'w:docDefaults');
    this.docR = rPrOf(child(child(dd, 'w:rPrDefault'), 'w:rPr'));
    this.docP = pPrOf(child(child(dd, 'w:pPrDefault'), 'w:pPr'));
    let defP: string | undefined;
    let defC: string | undefined;
    let defT: string | undefined;
    for (const s of children(root, 'w:style')) {
      const id = s.attrs['w:styleId'];
      if (!id) continue;
      const type = s.attrs['w:type'] ?? 'paragraph';
      const def: StyleDef = {
        id,
        type,
        name: child(s, 'w:name')?.attrs['w:val'],
        basedOn: child(s, 'w:basedOn')?.attrs['w:val'],
        r: rPrOf(child(s, 'w:rPr')),
        p: pPrOf(child(s, 'w:pPr')),
      };
      // Table styles keep their whole-table properties here; conditional parts (first row …) are not applied.
      this.defs.set(id, def);
      const isDefault = s.attrs['w:default'] === '1' || s.attrs['w:default'] === 'true';
      if (isDefault && type === 'paragraph') defP ??= id;
      if (isDefault && type === 'character') defC ??= id;
      if (isDefault && type === 'table') defT ??= id;
    }
    this.defaultParagraph = defP;
    this.defaultCharacter = defC;
    this.defaultTable = defT;

    const lang = themeLang ?? this.docR_lang(root);
    const script = scriptOf(lang);
    const fontScheme = child(child(child(theme, 'a:theme'), 'a:themeElements'), 'a:fontScheme');
    for (const [kind, node] of [
      ['major', child(fontScheme, 'a:majorFont')],
      ['minor', child(fontScheme, 'a:minorFont')],
    ] as const) {
      if (!node) continue;
      const latin = child(node, 'a:latin')?.attrs['typeface'];
      let ea = child(node, 'a:ea')?.attrs['typeface'];
      // An empty a:ea means "the per-script font for the document's language".
      if (!ea) ea = children(node, 'a:font').find((f) => f.attrs['script'] === script)?.attrs['typeface'];
      if (latin) {
        this.themeFonts[`${kind}Ascii`] = latin;
        this.themeFonts[`${kind}HAnsi`] = latin;
      }
      if (ea) this.themeFonts[`${kind}EastAsia`] = ea;
    }
  }

  private docR_lang(root: XmlNode | undefined): string | undefined {
    const rpr = child(child(child(root, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr');
    return child(rpr, 'w:lang')?.attrs['w:eastAsia'];
  }

  styleName(id: string | undefined): string | undefined {
    return id ? this.defs.get(id)?.name : undefined;
  }

  has(id: string): boolean {
    return this.defs.has(id);
  }

  /** The basedOn chain from the root ancestor down to `id` (cycles cut). */
  private chain(id: string | undefined): StyleDef[] {
    const out: StyleDef[] = [];
    const seen = new Set<string>();
    let cur = id;
    while (cur && !seen.has(cur) && out.length < 32) {
      seen.add(cur);
      const d = this.defs.get(cur);
      if (!d) break;
      out.unshift(d);
      cur = d.basedOn;
    }
    return out;
  }

  /** A paragraph style's properties with its ancestors', over the table style and document defaults. */
  paragraphStyle(pStyle: string | undefined, tableStyle: string | undefined): { p: PProps; r: RProps } {
    // Paragraph after paragraph asks for the same style: answered without building the key.
    const last = this.lastPara;
    if (last && last.pStyle === pStyle && last.tableStyle === tableStyle) return last.hit;
    const key = `${pStyle ?? ''}\u0001${tableStyle ?? ''}`;
    let hit = this.paraCache.get(key);
    if (hit) {
      this.lastPara = { pStyle, tableStyle, hit };
      return hit;
    }
    const p = mergeP({}, this.docP);
    const r = mergeR({}, this.docR);
    for (const d of this.chain(tableStyle)) {
      mergeP(p, d.p);
      mergeR(r, d.r);
    }
    for (const d of this.chain(pStyle ?? this.defaultParagraph)) {
      mergeP(p, d.p);
      mergeR(r, d.r);
    }
    delete p.pStyle;
    delete r.rStyle;
    hit = { p, r };
    this.paraCache.set(key, hit);
    this.lastPara = { pStyle, tableStyle, hit };
    return hit;
  }

  themeFont = (name: string): string | undefined => this.themeFonts[name];

  /** What a run ends up with. `directKey` must identify `direct` and `numbering` (the caller serialises them). */
  run(pStyle: string | undefined, tableStyle: string | undefined, direct: RProps, directKey: string, numbering?: RProps): ResolvedRun {
    let byTable = this.runCache.get(pStyle ?? '');
    if (!byTable) this.runCache.set(pStyle ?? '', (byTable = new Map()));
    let byKey = byTable.get(tableStyle ?? '');
    if (!byKey) byTable.set(tableStyle ?? '', (byKey = new Map()));
    const hit = byKey.get(directKey);
    if (hit) return hit;
    const r = mergeR({}, this.paragraphStyle(pStyle, tableStyle).r);
    for (const d of this.chain(direct.rStyle ?? this.defaultCharacter)) mergeR(r, d.r);
    // A numbering level's run properties format its label over the paragraph's (§17.9.24).
    if (numbering) mergeR(r, numbering);
    else mergeR(r, direct);
    const resolved: ResolvedRun = { format: toRunFormat(r, this.themeFont), vanish: !!r.vanish };
    byKey.set(directKey, resolved);
    return resolved;
  }
}
