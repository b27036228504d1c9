import type { Cite, Rule } from '../engine/types.js';
import type { GwBlock } from '../model/types.js';
import { SIGNER } from '../structure/patterns.js';
import { basisOf } from './lib/basis.js';

export const JINGHAI_51: Cite = {
  regulation: '天津市静海区人民政府工作规则（津静海政发〔2023〕19号）',
  article: '第五十一条',
  clause: '区政府常务会议、区长办公会议纪要由区长签发;区政府专题会议纪要由主持会议的领导同志签发。',
  short: '静海 第五十一条',
};

/** Leaders' titles, longest first so that 常务副区长 is not read as 区长. */
const ROLES = ['常务副区长', '副区长', '区长', '党组书记', '副局长', '局长', '副主任', '主任', '副书记', '书记', '副市长', '市长', '副县长', '县长'];
const ROLE_RE = ROLES.join('|');
const NAME = '[\\u4e00-\\u9fa5·]{2,4}?';

export interface SignerSpec {
  /** The meeting as the 纪要's title or opening names it: 常务会议, 区长办公会议, 专题会议, 党组会议 … */
  meeting: string;
  /** Titles allowed to sign. */
  roles?: string[];
  /** The leader who presided signs (专题会议). */
  presider?: boolean;
}

interface Signer {
  block: GwBlock;
  start: number;
  end: number;
  name?: string;
  role?: string;
}

/** "签发人：区长　王明", "签发人：王明（区长）", "签发人：王明". */
function readSigner(block: GwBlock): Signer | undefined {
  const t = block.data.norm;
  const m = SIGNER.exec(t) ?? /签\s*发\s*[:：]\s*(.*)$/.exec(t);
  if (!m) return undefined;
  const valueStart = m.index + m[0].length - m[1]!.length;
  const value = m[1]!;
  const lead = value.length - value.trimStart().length;
  const v = value.trim();
  const start = valueStart + lead;
  const end = start + v.length;
  if (!v) return { block, start: m.index, end: m.index + m[0].length };
  const a = new RegExp(`^(${ROLE_RE})[\\s\\u3000]*(${NAME})$`).exec(v);
  if (a) return { block, start, end, role: a[1]!, name: a[2]! };
  const b = new RegExp(`^(${NAME})[\\s\\u3000]*[（(](${ROLE_RE})[）)]$`).exec(v);
  if (b) return { block, start, end, role: b[2]!, name: b[1]! };
  const c = new RegExp(`^(${NAME})$`).exec(v);
  if (c) return { block, start, end, name: c[1]! };
  return { block, start, end };
}

export const minutesSigner: Rule = {
  meta: {
    id: 'minutes-signer',
    description: {
      zh: '纪要由工作规则规定的领导签发：常务会议纪要由区长签发，专题会议纪要由主持会议的领导签发等',
      en: 'Minutes (纪要) are signed by the leader the work rules name: the district head for executive meetings, the presiding leader for topical meetings, …',
    },
    severity: 'error',
    recommended: false,
    fixable: false,
    cites: [JINGHAI_51],
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['signers'],
      properties: {
        signers: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['meeting'],
            properties: {
              meeting: { type: 'string', minLength: 1 },
              roles: { type: 'array', items: { type: 'string' }, minItems: 1 },
              presider: { type: 'boolean' },
              article: { type: 'string', description: '消息中引用的条款（多条依据时选取）' },
            },
          },
        },
        requireSigner: { type: 'boolean', description: '纪要未标注签发人时也报告（GB/T 9704 的纪要格式不印签发人，默认不报）' },
      },
    },
    defaultOptions: {
      signers: [
        { meeting: '常务会议', roles: ['区长'] },
        { meeting: '区长办公会议', roles: ['区长'] },
        { meeting: '专题会议', presider: true },
      ],
    },
    messages: {
      missing: {
        zh: '{{meeting}}纪要应由{{expected}}签发，但未标注签发人（依据 {{basis}}）',
        en: 'Minutes of a {{meeting}} are signed by {{expected}}, but no signer is marked (per {{basis}})',
      },
      wrongRole: {
        zh: '{{meeting}}纪要应由{{expected}}签发，签发人“{{signer}}”是{{role}}（依据 {{basis}}）',
        en: 'Minutes of a {{meeting}} are signed by {{expected}}; “{{signer}}” is {{role}} (per {{basis}})',
      },
      roleUnknown: {
        zh: '{{meeting}}纪要应由{{expected}}签发，无法确认签发人“{{signer}}”的职务：请在签发人处注明职务（如“签发人：{{expected}} {{signer}}”；依据 {{basis}}）',
        en: 'Minutes of a {{meeting}} are signed by {{expected}}; the office of “{{signer}}” is not stated (per {{basis}})',
      },
      notPresider: {
        zh: '{{meeting}}纪要应由主持会议的领导签发：会议由{{presider}}主持，签发人为“{{signer}}”（依据 {{basis}}）',
        en: 'Minutes of a {{meeting}} are signed by the leader who presided: {{presider}} presided, the signer is “{{signer}}” (per {{basis}})',
      },
      noPresider: {
        zh: '{{meeting}}纪要应由主持会议的领导签发，但纪要未写明会议由谁主持（如“副区长李强主持召开……”；依据 {{basis}}）',
        en: 'Minutes of a {{meeting}} are signed by the presiding leader, but the minutes do not say who presided (per {{basis}})',
      },
    },
    docs: {
      rationale: {
        zh: '各地工作规则规定了各类会议纪要的签发人。GB/T 9704 的纪要格式不印签发人，签字在发文稿纸上；草稿标注了签发人（“签发人：”或“签发：”）时，核对其是否为规定的领导（选项 requireSigner 为 true 时，未标注也报告）。签发人可注明职务（“签发人：区长 王明”）；未注明时，从纪要正文中“区长王明”“副区长李强主持召开”等处推断。专题会议纪要由主持会议的领导签发，比对签发人和“××主持”的姓名。会议类别按标题、版头和开头一段判断，按配置顺序取第一个匹配的（“区长专题会议”应排在“专题会议”之前）。',
        en: 'Each body’s rules say who signs which minutes. The signer is read from “签发人：”, with the office if given; otherwise the office is inferred from the minutes’ text (“区长王明”). For topical meetings the signer must be the leader who presided (“李强主持召开”).',
      },
      examples: {
        invalid: [{ code: '区政府常务会议纪要\n\n签发人：副区长　李强\n\n2024年5月10日，区长王明主持召开区政府第12次常务会议，研究防汛工作。\n\n会议要求，各街道做好防汛准备。' }],
        valid: [{ code: '区政府常务会议纪要\n\n签发人：区长　王明\n\n2024年5月10日，区长王明主持召开区政府第12次常务会议，研究防汛工作。\n\n会议要求，各街道做好防汛准备。' }],
      },
    },
  },
  create(context) {
    if (context.docType !== '纪要') return {};
    const specs = (context.options.signers as (SignerSpec & { article?: string })[] | undefined) ?? [];
    return {
      'document:exit'(doc) {
        const blocks = doc.children;
        const head = blocks.filter((b) => b.data.role === '标题' || b.data.role === '发文机关标志' || b.data.role === '其他');
        const opening = blocks.filter((b) => b.data.role === '正文').slice(0, 2);
        const where = [...head, ...opening].map((b) => b.data.norm.replace(/[\s\u3000]+/g, '')).join('\n');
        const spec = specs.find((s) => where.includes(s.meeting));
        if (!spec) return;
        const basis = basisOf(context.cites, spec.article);
        const meeting = spec.meeting;
        const expected = spec.presider ? '主持会议的领导' : (spec.roles ?? []).join('或');
        const title = blocks.find((b) => b.data.role === '标题') ?? blocks[0];
        let signer: Signer | undefined;
        for (const b of blocks) {
          signer = readSigner(b);
          if (signer) break;
        }
        if (!signer || !signer.name) {
          if (signer && !signer.name && signer.end > signer.start && signer.block.data.norm.slice(signer.start, signer.end).trim()) {
            // Something is written but it is not a name: a title alone ("签发人：区长").
            const written = signer.block.data.text.slice(signer.start, signer.end);
            const role = ROLES.find((r) => written.trim() === r);
            if (role && !spec.presider && !(spec.roles ?? []).includes(role)) {
              context.report({ messageId: 'wrongRole', block: signer.block, start: signer.start, end: signer.end, data: { meeting, expected, signer: written, role, basis } });
            }
            return;
          }
          // GB/T 9704's 纪要 format prints no 签发人: the signature is on the processing sheet. Only a profile that
          // wants the signer marked in the draft asks for it.
          if (context.options.requireSigner) context.report({ messageId: 'missing', ...(title ? { block: title } : {}), data: { meeting, expected, basis } });
          return;
        }
        const text = blocks.map((b) => b.data.norm).join('\n');
        const name = signer.name;
        const shown = signer.block.data.text.slice(signer.start, signer.end);
        const at = { block: signer.block, start: signer.start, end: signer.end };
        if (spec.presider) {
          const p = new RegExp(`(?:(${ROLE_RE})[\\s\\u3000]*)?(${NAME})(?:同志)?(?:主持召开|主持|召集并主持|召集)`).exec(text);
          if (!p) {
            context.report({ messageId: 'noPresider', ...at, data: { meeting, basis } });
          } else if (p[2] !== name) {
            context.report({ messageId: 'notPresider', ...at, data: { meeting, presider: `${p[1] ?? ''}${p[2]}`, signer: shown, basis } });
          }
          return;
        }
        const allowed = spec.roles ?? [];
        const role =
          signer.role ??
          new RegExp(`(${ROLE_RE})[\\s\\u3000]*${name}`).exec(text)?.[1] ??
          new RegExp(`${name}(?:同志)?[（(](${ROLE_RE})[）)]`).exec(text)?.[1];
        if (!role) context.report({ messageId: 'roleUnknown', ...at, data: { meeting, expected, signer: shown, basis } });
        else if (!allowed.includes(role)) context.report({ messageId: 'wrongRole', ...at, data: { meeting, expected, signer: shown, role, basis } });
      },
    };
  },
};
