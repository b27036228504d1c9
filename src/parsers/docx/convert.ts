import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../types.js';

/**
 * Legacy .doc / .wps → .docx through LibreOffice, only when the user asks for it (--convert-legacy): it runs
 * an external program on the file and takes seconds. The conversion runs with a private LibreOffice profile in
 * a temporary folder, so it neither attaches to a LibreOffice the user has open nor leaves anything behind.
 */

const CANDIDATES = ['soffice', 'libreoffice'];
const TIMEOUT_MS = 120_000;

export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of CANDIDATES) {
    for (const d of dirs) {
      const p = join(d, name);
      if (existsSync(p)) return p;
    }
  }
  for (const p of ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice']) {
    if (existsSync(p)) return p;
  }
  return undefined;
}

export async function convertLegacy(path: string, soffice = findSoffice()): Promise<Uint8Array> {
  const ext = extname(path).toLowerCase();
  if (!soffice) {
    throw new InputError(`旧版 Word/WPS 二进制格式（${ext}）需要 LibreOffice 转换，但没有找到 soffice`, '安装 LibreOffice，或用 Word/WPS 另存为 .docx 后再检查');
  }
  const dir = await mkdtemp(join(tmpdir(), 'gwlint-convert-'));
  try {
    // A plain ASCII name: the original may hold characters a shell or LibreOffice mangles.
    const input = join(dir, `input${ext}`);
    await copyFile(path, input);
    const out = join(dir, 'out');
    const args = ['--headless', '--norestore', '--nologo', `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--convert-to', 'docx', '--outdir', out, input];
    await new Promise<void>((resolve, reject) => {
      execFile(soffice, args, { timeout: TIMEOUT_MS, windowsHide: true }, (err, _stdout, stderr) => {
        if (err) {
          const why = (err as NodeJS.ErrnoException & { killed?: boolean }).killed ? `超过 ${TIMEOUT_MS / 1000} 秒未完成` : String(stderr || err.message).trim().split('\n')[0];
          reject(new InputError(`LibreOffice 转换 ${ext} 失败（${why}）`, '用 Word/WPS 打开后另存为 .docx 再检查'));
        } else resolve();
      });
    });
    const produced = existsSync(out) ? (await readdir(out)).find((n) => n.endsWith('.docx')) : undefined;
    if (!produced) {
      throw new InputError(`LibreOffice 未能把这个 ${ext} 文件转换为 .docx（文件可能已损坏或加密）`, '用 Word/WPS 打开后另存为 .docx 再检查');
    }
    return new Uint8Array(await readFile(join(out, produced)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
