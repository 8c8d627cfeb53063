/**
 * speechlint/exportDocx: the open draft's current text as a .docx with the
 * layout of its .speechlintrc.json; final mode refuses with each left-over
 * and where.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { ExportDocxResult } from '../../server/src/protocol';
import { Requests } from '../../server/src/protocol';
import { readDocx } from '../../server/src/node/docx-read';
import { TestClient, fileUri, rmTemp, tempDir } from './client';

const DRAFT = '关于工作的讲话\n同志们：\n一、总体要求\n今年实现收入XX亿元。\n';

describe('language server: speechlint/exportDocx', function () {
  this.timeout(60000);
  let c: TestClient;
  let dir: string;
  before(async () => {
    dir = tempDir();
    fs.writeFileSync(path.join(dir, '.speechlintrc.json'), JSON.stringify({ export: { margins: { top: 30 } } }));
    c = await TestClient.start({ locale: 'en', workspaceFolder: dir, initializationOptions: { debounceMs: 0 } });
  });
  after(async () => {
    await c?.stop();
    rmTemp(dir);
  });

  it('exports the open text (not the file on disk) in the configured layout, placeholders highlighted', async () => {
    const file = path.join(dir, 'draft.speech');
    fs.writeFileSync(file, '旧的内容\n');
    const uri = fileUri(file);
    const mark = c.mark();
    c.open(uri, DRAFT);
    await c.waitForDiagnostics(uri, mark);
    const res = await c.request<ExportDocxResult>(Requests.exportDocx, { uri });
    assert.ok(res.ok);
    assert.deepEqual(res.highlighted.map((h) => [h.line, h.character, h.excerpt, h.ruleId]), [[3, 6, 'XX', 'placeholder/marker']]);
    const bytes = Buffer.from(res.base64, 'base64');
    const back = readDocx(bytes);
    assert.ok(back.ok);
    assert.equal(back.draft.text, DRAFT.trimEnd());
    assert.match(strFromU8(unzipSync(bytes)['word/document.xml']), /<w:pgMar w:top="1701"/);
  });

  it('final mode: refuses, listing each left-over with where it is', async () => {
    const sub = path.join(dir, 'final');
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, '.speechlintrc.json'), JSON.stringify({ mode: 'final' }));
    const uri = fileUri(path.join(sub, 'draft.speech'));
    const mark = c.mark();
    c.open(uri, DRAFT);
    await c.waitForDiagnostics(uri, mark);
    const res = await c.request<ExportDocxResult>(Requests.exportDocx, { uri });
    assert.equal(res.ok, false);
    if (!res.ok) assert.deepEqual(res.blockers.map((b) => [b.line, b.character, b.message]), [[3, 6, 'Placeholder "XX" has not been filled in']]);
  });
});
