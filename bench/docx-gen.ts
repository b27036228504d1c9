import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * Synthetic .docx packages of a chosen size, written as Word writes them (rsids, several runs per paragraph,
 * direct fonts on every run), for the docx benchmark and the large-document test. Text comes from a seeded
 * generator over ordinary official-prose words, so files are reproducible and compress like real ones.
 */

const WORDS = [
  '根据', '有关', '规定', '结合', '实际', '现将', '工作', '情况', '报告', '如下', '推进', '落实', '加强', '管理', '完善', '制度', '建设',
  '各级', '部门', '单位', '认真', '贯彻', '执行', '确保', '取得', '实效', '进一步', '提高', '服务', '水平', '安全', '生产', '责任',
  '组织', '领导', '统筹', '协调', '监督', '检查', '资金', '项目', '计划', '年度', '目标', '任务', '措施', '保障', '经济', '社会', '发展',
  '群众', '基层', '治理', '改革', '创新', '质量', '效率', '标准', '规范', '程序', '公开', '透明', '依法', '行政', '考核', '评估',
];
const PUNCT = ['，', '，', '，', '。', '；', '、'];

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const RUN_PR = '<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:hint="eastAsia"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>';

function paragraph(next: () => number, chars: number, id: number): { xml: string; text: string } {
  let text = '';
  const runs: string[] = [];
  let run = '';
  while (text.length < chars) {
    const w = WORDS[Math.floor(next() * WORDS.length)]!;
    const add = w + (next() < 0.25 ? PUNCT[Math.floor(next() * PUNCT.length)]! : '');
    text += add;
    run += add;
    // Word splits runs at every edit session (rsid); about one run per 40 characters.
    if (run.length > 40 && next() < 0.5) {
      runs.push(`<w:r w:rsidRPr="00${(id % 9000) + 1000}A1">${RUN_PR}<w:t>${run}</w:t></w:r>`);
      run = '';
    }
  }
  text += '。';
  run += '。';
  runs.push(`<w:r>${RUN_PR}<w:t>${run}</w:t></w:r>`);
  const hex = (id * 2654435761 >>> 0).toString(16).toUpperCase().padStart(8, '0');
  return {
    xml: `<w:p w14:paraId="${hex}" w14:textId="77777777" w:rsidR="00A1B2C3" w:rsidRDefault="00D4E5F6"><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>${runs.join('')}</w:p>`,
    text,
  };
}

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"';

export interface Generated {
  bytes: Uint8Array;
  paragraphs: number;
  /** Characters of body text (no labels, no title). */
  chars: number;
}

/** A document of `paragraphs` body paragraphs of about `chars` characters each, plus `imageBytes` of media. */
export function generateDocx(opts: { paragraphs: number; chars?: number; seed?: number; imageBytes?: number }): Generated {
  const next = rng(opts.seed ?? 9704);
  const parts: string[] = [];
  let total = 0;
  parts.push(`<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr><w:t>关于做好年度工作的通知</w:t></w:r></w:p>`);
  parts.push(`<w:p><w:r>${RUN_PR}<w:t>各区人民政府，市政府各委、办、局：</w:t></w:r></w:p>`);
  for (let i = 0; i < opts.paragraphs; i++) {
    const p = paragraph(next, opts.chars ?? 180, i);
    parts.push(p.xml);
    total += p.text.length;
  }
  const body = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${parts.join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/><w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr></w:body></w:document>`;
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(body),
  };
  if (opts.imageBytes) {
    // Photos and scans: already compressed, so stored as they are.
    const img = new Uint8Array(opts.imageBytes);
    for (let i = 0; i < img.length; i++) img[i] = (next() * 256) | 0;
    files['word/media/image1.png'] = [img, { level: 0 }];
  }
  return { bytes: zipSync(files, { level: 6 }), paragraphs: opts.paragraphs + 2, chars: total };
}

/** About `target` bytes of .docx made of text only (the hardest case for memory: nothing is left unread). */
export function generateTextDocxOfSize(target: number, seed = 9704): Generated {
  // Measured once on a sample, then scaled: compressed size grows linearly with the paragraph count.
  const sample = generateDocx({ paragraphs: 400, seed });
  const per = sample.bytes.length / 400;
  return generateDocx({ paragraphs: Math.max(1, Math.round(target / per)), seed });
}
