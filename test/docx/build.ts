import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * Builds .docx packages from WordprocessingML written out in the test, so each test states exactly the markup
 * it feeds the reader (the `docx` library cannot write tracked changes, hidden text, broken parts …).
 */

export const NS = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'xmlns:w10="urn:schemas-microsoft-com:office:word"',
].join(' ');

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface PackageParts {
  /** Inner XML of w:body. */
  body: string;
  styles?: string;
  numbering?: string;
  settings?: string;
  theme?: string;
  footnotes?: string;
  comments?: string;
  /** header1.xml …: inner XML of w:hdr, referenced as rIdH1 … */
  headers?: string[];
  /** footer1.xml …: inner XML of w:ftr, referenced as rIdF1 … */
  footers?: string[];
  /** Extra or replacement entries (raw bytes or text). */
  extra?: Record<string, string | Uint8Array>;
  /** Leave these entries out. */
  omit?: string[];
  /** Use this prefix for the WordprocessingML namespace in document.xml (default w). */
  prefix?: string;
}

export const p = (text: string, pPr = '', rPr = ''): string =>
  `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

export const r = (text: string, rPr = ''): string => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;

export function stylesXml(inner: string, docDefaults = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${NS}><w:docDefaults>${docDefaults}</w:docDefaults>${inner}</w:styles>`;
}

export function buildDocx(parts: PackageParts, level = 6): Uint8Array {
  const files: Zippable = {};
  const put = (name: string, content: string | Uint8Array): void => {
    if (parts.omit?.includes(name)) return;
    files[name] = typeof content === 'string' ? strToU8(content) : content;
  };
  const rels: string[] = [];
  const overrides: string[] = [];
  const addPart = (name: string, type: string, ct: string, xml: string, id: string): void => {
    put(`word/${name}`, xml);
    rels.push(`<Relationship Id="${id}" Type="${REL}/${type}" Target="${name}"/>`);
    overrides.push(`<Override PartName="/word/${name}" ContentType="application/vnd.openxmlformats-officedocument.${ct}"/>`);
  };
  const pre = parts.prefix ?? 'w';
  const docNs = pre === 'w' ? NS : NS.replace('xmlns:w=', `xmlns:${pre}=`);
  let body = parts.body;
  if (pre !== 'w') body = body.replace(/<(\/?)w:/g, `<$1${pre}:`).replace(/ w:/g, ` ${pre}:`);
  put('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${pre}:document ${docNs}><${pre}:body>${body}</${pre}:body></${pre}:document>`);
  if (parts.styles) addPart('styles.xml', 'styles', 'wordprocessingml.styles+xml', parts.styles, 'rId1');
  if (parts.numbering) addPart('numbering.xml', 'numbering', 'wordprocessingml.numbering+xml', `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${NS}>${parts.numbering}</w:numbering>`, 'rId2');
  if (parts.settings !== undefined) addPart('settings.xml', 'settings', 'wordprocessingml.settings+xml', `<?xml version="1.0" encoding="UTF-8"?><w:settings ${NS}>${parts.settings}</w:settings>`, 'rId3');
  if (parts.theme) addPart('theme/theme1.xml', 'theme', 'theme+xml', parts.theme, 'rId4');
  if (parts.footnotes) addPart('footnotes.xml', 'footnotes', 'wordprocessingml.footnotes+xml', `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${NS}>${parts.footnotes}</w:footnotes>`, 'rId5');
  if (parts.comments) addPart('comments.xml', 'comments', 'wordprocessingml.comments+xml', `<?xml version="1.0" encoding="UTF-8"?><w:comments ${NS}>${parts.comments}</w:comments>`, 'rId6');
  (parts.headers ?? []).forEach((h, i) =>
    addPart(`header${i + 1}.xml`, 'header', 'wordprocessingml.header+xml', `<?xml version="1.0" encoding="UTF-8"?><w:hdr ${NS}>${h}</w:hdr>`, `rIdH${i + 1}`),
  );
  (parts.footers ?? []).forEach((f, i) =>
    addPart(`footer${i + 1}.xml`, 'footer', 'wordprocessingml.footer+xml', `<?xml version="1.0" encoding="UTF-8"?><w:ftr ${NS}>${f}</w:ftr>`, `rIdF${i + 1}`),
  );
  put('word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  put(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  put(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>${overrides.join('')}</Types>`,
  );
  for (const [k, v] of Object.entries(parts.extra ?? {})) put(k, v);
  return zipSync(files, { level: level as 0 | 6 | 9 });
}
