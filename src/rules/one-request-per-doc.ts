import type { Rule } from '../engine/types.js';
import type { GwBlock } from '../model/types.js';
import { contentWords, findAsks, type Ask, MAY_ASK, sentencesToRead } from './lib/requests.js';
import { TIAOLI_15_4 } from './lib/cites.js';
import { ZHIFU_54_REQUESTS } from './lib/routing-cites.js';

interface Matter {
  block: GwBlock;
  ask: Ask;
  /** Content words of the sentences that ask, and of their headings. */
  words: Set<string>;
  /** Content words of the asks themselves: what is asked for. */
  own: Set<string>;
  label: string | undefined;
}

/**
 * 一文一事: a 请示 asks for one matter. Counting request verbs is not enough — "恳请批准建设档案馆" and "恳请给予
 * 建设资金支持" are one matter asked twice, "恳请批准建设档案馆" and "恳请增加事业编制5名" are two. So each ask is
 * read with what it names (the content words of the ask itself, of its sentence and of the "关于…" heading it
 * sits under) and joins a matter when:
 *   - it names nothing but money or support ("恳请区财政予以保障"), or asks to submit papers later (缓报);
 *   - it asks for money or land and the title names one specific matter ("关于建设档案馆新馆的请示");
 *   - it goes on in the same paragraph, unless it turns ("另外，…恳请…");
 *   - it shares what it asks for with the matter (or two words of its sentence), words too common in 请示
 *     (建设, 社区, 项目 …) aside; after "另外/此外" only if it names nothing new.
 * Asks under different "关于…" headings are different matters. The closing (妥否，请批示) asks for the whole.
 */
export const oneRequestPerDoc: Rule = {
  meta: {
    id: 'one-request-per-doc',
    description: {
      zh: '请示应当一文一事：一份请示只请求一个事项',
      en: 'A 请示 asks for one matter only (一文一事)',
    },
    severity: 'error',
    recommended: true,
    fixable: false,
    cites: [TIAOLI_15_4, ZHIFU_54_REQUESTS],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { maxMatters: { type: 'integer', minimum: 1 } },
    },
    defaultOptions: { maxMatters: 1 },
    messages: {
      another: {
        zh: '请示应当一文一事：此处另提请求“{{phrase}}”，与第 {{firstLine}} 行的“{{first}}”是不同事项，应分别行文',
        en: 'One matter per 请示: “{{phrase}}” is a second request besides “{{first}}” on line {{firstLine}}; send them separately',
      },
    },
    docs: {
      rationale: {
        zh: '一份请示只请求一个事项，上级才能一次批复；几个事项放在一份请示里，往往因其中一项需要研究而整体搁置。同一事项的几个请求（批准立项并给予资金支持）是一个事项，不报；结语“妥否，请批示”不算事项。',
        en: 'One 请示, one matter, so the superior can answer it at once. Several asks about the same matter (approve the project and fund it) are one matter; the closing formula is not a matter.',
      },
      examples: {
        invalid: [
          {
            code: '# 关于建设档案馆和增加编制的请示\n\n市政府：\n\n一、恳请批准建设区档案馆新馆。\n\n二、恳请增加事业编制5名。\n\n妥否，请批示。',
          },
        ],
        valid: [
          {
            code: '# 关于建设档案馆新馆的请示\n\n市政府：\n\n恳请批准建设区档案馆新馆。\n\n新馆建设资金缺口800万元，恳请市政府给予新馆建设资金支持。\n\n妥否，请批示。',
          },
        ],
      },
    },
  },
  create(context) {
    if (context.docType !== '请示') return {};
    const max = (context.options.maxMatters as number) ?? 1;
    const body: GwBlock[] = [];
    return {
      'role:正文'(block) {
        body.push(block);
      },
      'document:exit'() {
        const candidates = body.filter((b) => MAY_ASK.test(b.data.norm));
        // Fewer sentences that may ask than matters allowed: nothing to compare, no segmenter to load.
        if (candidates.reduce((n, b) => n + sentencesToRead(b.data.norm), 0) <= max) return;
        const segmenter = context.segmenter();
        const title = context.blocksWithRole('标题').map((b) => b.data.norm.replace(/[\s\u3000]+/g, '')).join('');
        const subject = /关于(.+?)的?请示/.exec(title)?.[1] ?? '';
        // A title naming one specific matter holds every ask about its money; a general one ("关于…有关问题的请示",
        // "关于建设档案馆和增加编制的请示") announces several.
        const general = !subject || GENERAL_SUBJECT.test(subject);
        const titleWords = general ? new Set<string>() : contentWords(subject, segmenter);
        const matters: Matter[] = [];
        let heading: GwBlock | undefined;
        for (const block of body) {
          if (block.data.headingLevel === 1) heading = block;
          if (!candidates.includes(block)) continue;
          const asks = findAsks(block.data.norm, { segmenter }).filter((a) => !a.closing && a.kind !== 'present');
          for (const ask of asks) {
            const sentence = block.data.norm.slice(ask.sentence[0], ask.sentence[1]);
            const words = strong(contentWords(sentence, segmenter));
            const label = labelOf(block) ?? (heading && heading !== block ? labelOf(heading) : undefined);
            if (label) for (const w of strong(contentWords(label, segmenter))) words.add(w);
            const own = strong(contentWords(ask.phrase, segmenter));
            for (const w of FUNDING) own.delete(w);
            const funding = FUNDING_ASK.test(ask.phrase);
            const last = matters[matters.length - 1];
            const join = (m: Matter): void => {
              for (const w of words) m.words.add(w);
              for (const w of own) m.own.add(w);
            };
            if (!last) {
              for (const w of titleWords) {
                words.add(w);
                own.add(w);
              }
              matters.push({ block, ask, words, own, label });
              continue;
            }
            // Asking only for money or support, naming nothing new: the matter just described. Asking to submit
            // the matter's materials later (缓报, which 静海 第五十六条 puts in the 请示 itself) is not a matter either.
            if (own.size === 0 || PROCEDURAL.test(ask.phrase)) {
              join(last);
              continue;
            }
            // Money or land for the one matter a specific title names.
            if (funding && !general) {
              join(matters[0]!);
              continue;
            }
            const turning = NEW_MATTER.test(sentence);
            // The same paragraph goes on with its matter, unless it turns to another ("另外，…").
            if (last.block === block && !turning) {
              join(last);
              continue;
            }
            // Under a heading of its own ("二、关于增加编制"): another matter.
            const labelled = label !== undefined && matters.some((m) => m.label !== undefined && m.label !== label);
            const same = labelled
              ? undefined
              : matters.find((m) => {
                  const ownShared = shared(own, m.own);
                  // "另外，…" brings a new matter unless it names nothing the matter has not named.
                  if (turning) return ownShared > 0 && [...own].every((w) => has(m.own, w) || has(m.words, w));
                  return ownShared > 0 || shared(words, m.words) >= 2;
                });
            if (same) {
              join(same);
              continue;
            }
            matters.push({ block, ask, words, own, label });
          }
        }
        if (matters.length <= max) return;
        const first = matters[0]!;
        for (const m of matters.slice(max)) {
          context.report({
            messageId: 'another',
            block: m.block,
            start: m.ask.start,
            end: m.ask.end,
            data: {
              phrase: m.block.data.text.slice(m.ask.start, m.ask.end),
              first: first.block.data.text.slice(first.ask.start, first.ask.end),
              firstLine: first.block.position.start.line,
            },
          });
        }
      },
    };
  },
};

const GENERAL_SUBJECT = /有关(问题|事项|事宜)|若干|几个|等(问题|事项)|[和及与、]|以及|同时/;
/** Words of an ask that ask for means, not for a matter. */
const FUNDING = new Set(['用地', '土地', '场地', '建设用地', '资金', '经费', '财政', '区财政', '市财政', '保障', '支持', '补助', '投资', '预算', '拨款', '列支', '安排', '所需', '所需资金', '配套', '资金支持', '经费保障']);
/** Asks about the 请示's own paperwork. */
const PROCEDURAL = /缓报|延期报送|推迟报送|延期提交|暂缓报送|补报|后补/;
const FUNDING_ASK = /资金|经费|投资|预算|补助|拨付|拨款|财政|用地|土地|场地/;
/** Words too common in 请示 to tie two asks to one matter ("新建社区食堂" and "招聘社区工作者"). */
const WEAK = new Set(['建设', '新建', '实施', '社区', '项目', '工程', '改造', '管理', '服务', '设立', '开展', '提高', '推进', '加强', '完善', '建立', '组织', '举办', '办理', '用房', '人员', '单位', '部门', '政府', '区政府', '主要', '北部', '南部', '东部', '西部', '新区', '区委', '市委', '县委', '省委', '领导', '出席', '讲话', '致辞', '参加', '一批', '批次']);
/** A sentence that turns to another matter within a paragraph. */
const NEW_MATTER = /^[\s\u3000]*(另外|此外|另|还有|再者|其次|二是|三是|四是)/;

function strong(words: Set<string>): Set<string> {
  return new Set([...words].filter((w) => !WEAK.has(w)));
}

/** Whether a set holds the word, or a word containing it or contained in it ("出席会议" and "会议"). */
function has(set: Set<string>, w: string): boolean {
  if (set.has(w)) return true;
  for (const x of set) if (x.length >= 2 && w.length >= 2 && (x.includes(w) || w.includes(x))) return true;
  return false;
}

function shared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (has(b, w)) n++;
  return n;
}

/** The matter a numbered heading names: "二、关于增加事业编制", "（一）关于设立科技创新专项资金。…". */
function labelOf(block: GwBlock): string | undefined {
  const m = /^[\s\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])?\s*关于([^。；：:]{2,40})/.exec(block.data.norm);
  return m ? m[1] : undefined;
}
