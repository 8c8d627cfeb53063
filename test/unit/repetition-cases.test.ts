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
