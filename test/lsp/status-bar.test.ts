import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatStatus } from '../../vscode-extension/src/strings.js';
import type { DraftStatus } from '../../src/lsp/protocol.js';
import { TestClient, uriOf } from './client.js';

const base: DraftStatus = {
  uri: 'file:///d/报告.md',
  version: 3,
  charCount: 4213,
  cap: { limit: 5000, basis: '静海 第六十条' },
  docType: '报告',
  direction: '上行',
  category: '文件稿',
  reasons: { docType: '标题以“报告”结尾', direction: '报告通常为上行文', category: '未声明类别，按文件稿（综合性文件）计' },
  errorCount: 2,
  warningCount: 1,
  trusted: true,
  profile: 'jinghai',
};

describe('the extension’s status bar text', () => {
  it('reads "字数 4,213 / 5,000 · 报告 · 上行", with the basis and reasons in the tooltip', () => {
    const f = formatStatus(base, false)!;
    expect(f.text).toBe('字数 4,213 / 5,000 · 报告 · 上行');
    expect(f.overCap).toBe(false);
    expect(f.tooltip.split('\n')).toEqual([
      '字数上限 5,000，依据 静海 第六十条',
      '文种：报告（标题以“报告”结尾）',
      '行文方向：上行（报告通常为上行文）',
      '类别：文件稿（未声明类别，按文件稿（综合性文件）计）',
      '错误 2，警告 1',
      '工作规则：jinghai',
    ]);
    expect(formatStatus(base, true)!.text).toBe('Chars 4,213 / 5,000 · 报告 · 上行');
  });

  it('marks a draft over its cap, one without a cap or 文种, an untrusted workspace, and an unreadable draft', () => {
    expect(formatStatus({ ...base, charCount: 5001 }, false)!).toMatchObject({ overCap: true, text: '字数 5,001 / 5,000 · 报告 · 上行' });
    expect(formatStatus({ ...base, charCount: 5001 }, false)!.tooltip).toContain('超过 5,000 的字数上限（静海 第六十条）');
    expect(formatStatus({ ...base, cap: null, docType: null, direction: null }, false)!.text).toBe('字数 4,213 · 文种未定');
    const u = formatStatus({ ...base, trusted: false }, false)!;
    expect(u.text).toBe('$(shield) 字数 4,213 / 5,000 · 报告 · 上行');
    expect(u.tooltip).toContain('受限模式');
    expect(formatStatus({ ...base, charCount: null }, false)).toBeNull();
  });

  it('shows what the server reports for a draft', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gwlint-lsp-status-'));
    const c = new TestClient();
    try {
      await c.initialize({ folder: dir });
      const uri = uriOf(join(dir, '请示.md'));
      await c.open(uri, '# 关于购置车辆的请示\n\n区政府：\n\n恳请批准购置执法车辆2辆。\n\n妥否，请批示。\n\n某某局\n\n2024年3月1日\n');
      const s = (await c.status(uri))!;
      expect(formatStatus(s, false)!.text).toBe(`字数 ${s.charCount} / 5,000 · 请示 · 上行`);
    } finally {
      await c.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
