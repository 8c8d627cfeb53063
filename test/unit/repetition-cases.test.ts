/**
 * Table-driven: real repetition faults and look-alikes written for the tests
 * (test/fixtures/repetition/cases.json), checked with the real jieba, plus a
 * whole draft full of look-alikes that must yield nothing.
 */
import { strict as assert } from 'assert';
import { fixture } from './helpers';
import { check, realJieba, registry } from './repetition-helpers';

interface Fault {
  rule: string;
  text: string;
  expect: string[];
  severity?: string;
  note: string;
}
interface Lookalike {
  text: string;
  note: string;
}

const cases = JSON.parse(fixture('repetition/cases.json')) as { faults: Fault[]; lookalikes: Lookalike[] };

describe('repetition: faults and look-alikes (real jieba)', () => {
  before(function () {
    this.timeout(20000);
    realJieba();
  });

  it('has at least 20 of each', () => {
    assert.ok(cases.faults.length >= 20, `${cases.faults.length} faults`);
    assert.ok(cases.lookalikes.length >= 20, `${cases.lookalikes.length} look-alikes`);
  });

  describe('faults: each yields exactly the expected finding and nothing else', () => {
    for (const f of cases.faults) {
      it(`${f.rule}: ${f.note}`, () => {
        const r = check(f.text);
        assert.deepEqual(r.texts(f.rule), f.expect, r.labels.join('\n'));
        assert.equal(r.findings.length, f.expect.length, `other repetition findings: ${r.labels.join(', ')}`);
        if (f.severity) for (const x of r.findings) assert.equal(x.severity, f.severity);
      });
    }
  });

  describe('look-alikes: no repetition finding', () => {
    for (const l of cases.lookalikes) {
      it(l.note, () => {
        assert.deepEqual(check(l.text).labels, []);
      });
    }
  });

  it('a whole draft of look-alikes (parallel series, topic words, reduplication, 的的确确, 目的的) yields nothing', () => {
    const text = fixture('repetition/lookalikes-draft.txt');
    const r = check(text);
    assert.deepEqual(r.labels, []);
    // the draft is long enough for jieba's keywords to count as topics, and 高质量发展 is among them
    assert.ok(r.seg.topics.some((t) => '高质量发展'.includes(t)), r.seg.topics.join(' '));
  });
});

describe('repetition: the README examples', () => {
  before(function () {
    this.timeout(20000);
    realJieba();
  });
  for (const rule of ['repetition/stutter', 'repetition/duplicate-sentence', 'repetition/overused-phrase', 'repetition/filler']) {
    it(`${rule}: the wrong example is reported, the right one is not`, () => {
      const r = registry.get(rule);
      assert.ok(r);
      assert.ok(check(r.meta.examples.wrong, { only: [rule] }).findings.length > 0, r.meta.examples.wrong);
      assert.deepEqual(check(r.meta.examples.right, { only: [rule] }).labels, []);
    });
  }
});

describe('repetition/stutter: a 、-list heading run into its first sentence', () => {
  before(function () {
    this.timeout(20000);
    realJieba();
  });

  it('says "heading run into its text?" and offers the lost line break, not deleting the word', () => {
    const text = '下面讲几点意见。\n一、凝聚共识、扩大共识共识，是团结奋斗的动力。';
    const [f] = check(text, { only: ['repetition/stutter'] }).findings;
    assert.equal(f.message.zh, '标题疑与正文连在了一起（丢了换行）：标题“凝聚共识、扩大共识”后接正文“共识……”，不是“共识”写了两遍');
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0].safe, false);
    const e = f.fixes[0].edits[0];
    assert.equal(text.slice(0, e.start) + e.newText + text.slice(e.end), '下面讲几点意见。\n一、凝聚共识、扩大共识\n共识，是团结奋斗的动力。');
  });

  it('a doubled word inside an ordinary sentence keeps the typed-twice message and the delete fix', () => {
    const [f] = check('我们要凝聚共识、扩大共识共识，推动发展。', { only: ['repetition/stutter'] }).findings;
    assert.equal(f.message.zh, '“共识”连写了两遍');
    assert.equal(f.fixes[0].title.zh, '删除重复的“共识”');
  });
});
