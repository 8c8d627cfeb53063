/**
 * The CLI on a pasted draft with the real rules: --fix deletes the web
 * residue, rejoins the lines a PDF broke, makes the punctuation full-width,
 * and what is left is reported; --format json names the new families.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { EslintResult } from '../../server/src/cli-format';
import { cleanup, runMain, tmpDir, writeJson } from './helpers';

const PASTED = [
  '市委书记在全市领导干部警示教育大会上',
  '的讲话',
  '今天我们召开全市领导干部警示教育大会,主要目的是',
  '深入贯彻落实关于全面从严治党的重要论述和系列重要指',
  '示精神,深刻汲取近期发生在我们身边的沉痛教训。',
  '下面,就贯彻落实本次会议精第1页共4页神,我讲三点意见。',
  '一、以案为镜,深入学习贯彻党的二十届三中会精神',
  '前车之覆,后车之鉴。这些曾经是我们的同事、身边的干部。',
  '预览结束,会员登录后免费立即下载',
  '',
].join('\n');

describe('speechlint on a pasted draft (real rules)', () => {
  let dir: string;
  beforeEach(() => {
    dir = tmpDir();
    writeJson(path.join(dir, '.speechlintrc.json'), {});
  });
  afterEach(() => cleanup(dir));

  it('reports residue, typography and reference findings in JSON', async () => {
    fs.writeFileSync(path.join(dir, 'p.txt'), PASTED);
    const r = await runMain(['--format', 'json', '--locale', 'en', 'p.txt'], { cwd: dir });
    const [res] = JSON.parse(r.stdout) as EslintResult[];
    const rules = new Set(res.messages.map((m) => m.ruleId));
    for (const id of ['residue/line', 'residue/inline', 'residue/broken-lines', 'typography/half-width-punctuation', 'reference/meeting-name']) assert.ok(rules.has(id), id);
  });

  it('--fix cleans it: residue deleted, lines joined, full-width marks, 三中全会', async () => {
    const f = path.join(dir, 'p.txt');
    fs.writeFileSync(f, PASTED);
    const r = await runMain(['--fix', '--format', 'json', '--locale', 'en', 'p.txt'], { cwd: dir });
    assert.equal(
      fs.readFileSync(f, 'utf8'),
      [
        '市委书记在全市领导干部警示教育大会上的讲话',
        '今天我们召开全市领导干部警示教育大会，主要目的是深入贯彻落实关于全面从严治党的重要论述和系列重要指示精神，深刻汲取近期发生在我们身边的沉痛教训。',
        '下面，就贯彻落实本次会议精神，我讲三点意见。',
        '一、以案为镜，深入学习贯彻党的二十届三中全会精神',
        '前车之覆，后车之鉴。这些曾经是我们的同事、身边的干部。',
        '',
      ].join('\n'),
    );
    const [res] = JSON.parse(r.stdout) as EslintResult[];
    assert.ok(!res.messages.some((m) => /^(residue|typography|reference)\//.test(m.ruleId)), JSON.stringify(res.messages.map((m) => m.ruleId)));
  });
});
