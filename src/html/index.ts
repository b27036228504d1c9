/** The HTML view of a .docx with findings marked: used by the audit report and the editor preview. */
export { renderDocxHtml, type DocxHtmlOptions } from './docx-view.js';
