/**
 * The verdict corpus as a test: every finding speechlint reports on the real
 * drafts of the fixtures (placeholders aside) carries an editor's verdict in
 * test/fixtures/verdicts/<family>/<draft>.json; an accepted finding must keep
 * being found, a dismissed one must not come back, and every rule meets its
 * precision target. `npm run eval` prints the same pairing as a table.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import type { CorpusFinding, Pairing } from '../../server/src/tools/verdicts';
import { EVAL_END, EVAL_START, README, belowTarget, corpusDrafts, formatTable, lintCorpus, loadVerdicts, pair, summarize } from '../../server/src/tools/verdicts';

function show(f: CorpusFinding): string {
  return `${f.draft} ${f.line}:${f.column} ${f.rule} «${f.text.slice(0, 20)}» (${f.context.replace(/\s+/g, ' ')})`;
}

describe('verdict corpus (test/fixtures/verdicts)', () => {
  let pairing: Pairing;
  let problems: string[];

  before(async function () {
    this.timeout(60000);
    const loaded = loadVerdicts();
    problems = loaded.problems;
    pairing = pair(await lintCorpus(), loaded.verdicts);
  });

  it('covers the real drafts of the fixtures', () => {
    const drafts = corpusDrafts();
    assert.ok(drafts.length >= 33, `${drafts.length} drafts`);
    assert.ok(drafts.some((d) => d.endsWith('web-30.txt')) && drafts.some((d) => d.endsWith('000_d9e124108a59f07c.txt')));
  });

  it('every verdict file is well formed', () => {
    assert.deepEqual([...problems, ...pairing.problems], []);
  });

  it('every finding has a verdict', () => {
    const missing = pairing.paired.filter((p) => !p.verdict).map((p) => show(p.finding));
    assert.deepEqual(missing, [], 'findings without a verdict: read them as an editor and add them to test/fixtures/verdicts');
  });

  it('every accepted finding is still found', () => {
    const lost = pairing.gone.filter((v) => v.verdict === 'accept').map((v) => `${v.file} ${v.rule} ${v.line}:${v.column} «${v.excerpt}»`);
    assert.deepEqual(lost, []);
  });

  it('no dismissed finding is reported', () => {
    const back = pairing.paired.filter((p) => p.verdict?.verdict === 'dismiss').map((p) => `${show(p.finding)}: ${p.verdict!.reason}`);
    assert.deepEqual(back, [], 'a finding the editor dismissed is reported again');
  });

  it('every rule meets its precision target (85%; 90% for warning-level rules)', () => {
    const { rows } = summarize(pairing.paired);
    assert.deepEqual(
      belowTarget(rows).map((r) => `${r.rule} ${Math.round((r.precision ?? 0) * 100)}% < ${Math.round(r.target * 100)}%`),
      [],
    );
  });

  it("the README's table is the eval's (npm run eval -- --readme)", () => {
    const readme = fs.readFileSync(README, 'utf8');
    const block = readme.slice(readme.indexOf(EVAL_START) + EVAL_START.length, readme.indexOf(EVAL_END)).trim();
    const { rows, total } = summarize(pairing.paired);
    assert.equal(block, formatTable(rows, total));
  });
});
