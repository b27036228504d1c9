/**
 * Font families as GB/T 9704-2012 names them (仿宋, 小标宋, 黑体, 楷体, 宋体) and the names Word, WPS and the
 * font vendors give the same faces. A draft typed on a machine with 方正 fonts says “方正仿宋_GBK”, one with the
 * Windows fonts “仿宋_GB2312” or “仿宋”, a Mac “STFangsong” — all are the 仿宋体 the standard asks for.
 *
 * The table is data: a profile or a config extends it through the rules' `fontAliases` option.
 */

export const FONT_FAMILIES = ['仿宋', '小标宋', '黑体', '楷体', '宋体'] as const;
export type FontFamily = (typeof FONT_FAMILIES)[number];

export type FontAliasTable = Record<FontFamily, string[]>;

export const DEFAULT_FONT_ALIASES: FontAliasTable = {
  仿宋: [
    '仿宋',
    '仿宋体',
    '仿宋_GB2312',
    '仿宋_GB18030',
    'FangSong',
    'FangSong_GB2312',
    '方正仿宋_GBK',
    '方正仿宋_GB2312',
    '方正仿宋_GB18030',
    '方正仿宋简体',
    '方正仿宋简',
    'FZFangSong-Z02S',
    'FZFangSong-Z02',
    'STFangsong',
    '华文仿宋',
  ],
  小标宋: [
    '小标宋',
    '小标宋体',
    '方正小标宋简体',
    '方正小标宋_GBK',
    '方正小标宋_GB2312',
    '方正小标宋简',
    'FZXiaoBiaoSong-B05S',
    'FZXiaoBiaoSong-B05',
    '华康简标题宋',
  ],
  黑体: ['黑体', 'SimHei', '方正黑体_GBK', '方正黑体_GB2312', '方正黑体简体', 'FZHei-B01S', 'FZHei-B01', 'STHeiti', '华文黑体'],
  楷体: [
    '楷体',
    '楷体_GB2312',
    '楷体_GB18030',
    'KaiTi',
    'KaiTi_GB2312',
    '方正楷体_GBK',
    '方正楷体_GB2312',
    '方正楷体简体',
    'FZKai-Z03S',
    'FZKai-Z03',
    'STKaiti',
    '华文楷体',
  ],
  宋体: ['宋体', 'SimSun', '新宋体', 'NSimSun', '方正书宋_GBK', '方正书宋简体', 'FZShuSong-Z01S', 'STSong', '华文宋体', 'Songti SC'],
};

/** JSON schema of the `fontAliases` option: extra names per family, added to the defaults. */
export const FONT_ALIASES_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(FONT_FAMILIES.map((f) => [f, { type: 'array', items: { type: 'string', minLength: 1 } }])),
} as const;

/** Case, spaces and the “_” / “-” people mix up do not tell two names apart. */
function key(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s_\-－＿]+/g, '');
}

export class FontMatcher {
  private readonly byKey = new Map<string, FontFamily>();
  /** Names as documents write them → family: a document names a handful of fonts, on every run. */
  private readonly seen = new Map<string, FontFamily | null>();

  constructor(extra: Partial<Record<FontFamily, string[]>> = {}) {
    for (const fam of FONT_FAMILIES) {
      for (const n of [...DEFAULT_FONT_ALIASES[fam], ...(extra[fam] ?? [])]) this.byKey.set(key(n), fam);
    }
  }

  /** One matcher per alias option (rules build theirs for every file; the table is the same each time). */
  static for(extra: Partial<Record<FontFamily, string[]>> | undefined): FontMatcher {
    const k = extra ? JSON.stringify(extra) : '';
    let m = matchers.get(k);
    if (!m) {
      m = new FontMatcher(extra);
      if (matchers.size >= 16) matchers.clear();
      matchers.set(k, m);
    }
    return m;
  }

  /** The GB/T 9704 family a font name belongs to, or undefined for any other face (等线, Calibri …). */
  familyOf(name: string | undefined): FontFamily | undefined {
    if (!name) return undefined;
    let fam = this.seen.get(name);
    if (fam === undefined) {
      fam = this.byKey.get(key(name)) ?? null;
      if (this.seen.size < 4096) this.seen.set(name, fam);
    }
    return fam ?? undefined;
  }

  is(name: string | undefined, family: FontFamily): boolean {
    return this.familyOf(name) === family;
  }
}

const matchers = new Map<string, FontMatcher>();

/** Chinese size names by half-points, as Word's size list shows them. */
const SIZE_NAMES: [number, string][] = [
  [84, '初号'],
  [72, '小初'],
  [52, '一号'],
  [48, '小一'],
  [44, '二号'],
  [36, '小二'],
  [32, '三号'],
  [30, '小三'],
  [28, '四号'],
  [24, '小四'],
  [21, '五号'],
  [18, '小五'],
  [15, '六号'],
  [13, '小六'],
  [11, '七号'],
  [10, '八号'],
];

/** “三号（16 磅）”, or “13 磅” for a size without a Chinese name. */
export function sizeLabel(halfPoints: number): string {
  const pt = halfPoints / 2;
  const ptText = Number.isInteger(pt) ? String(pt) : pt.toFixed(1);
  const name = SIZE_NAMES.find(([hp]) => hp === halfPoints)?.[1];
  return name ? `${name}（${ptText} 磅）` : `${ptText} 磅`;
}
