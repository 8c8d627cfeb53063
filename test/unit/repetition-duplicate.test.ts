/**
 * repetition/duplicate-sentence: runs in the fast phase (no jieba), exact
 * duplicates as warnings, near-duplicates as information, related info on the
 * other copy; the similarity join agrees with brute force.
 */
import { strict as assert } from 'assert';
import { lint } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parse';
import { nearDuplicates, normalizeSentence } from '../../server/src/core/rules/repetition/duplicate-sentence';
import duplicateSentence from '../../server/src/core/rules/repetition/duplicate-sentence';
import { config, registry } from './repetition-helpers';

const RULE = 'repetition/duplicate-sentence';

function run(text: string, raw?: Parameters<typeof config>[0]) {
  const doc = parse(text);
  // the fast phase: no segmentation at all
  return lint(doc, registry, config(raw), { phase: 'fast', only: [RULE] });
}

/** Dice over character bigram sets, the slow way. */
function dice(a: string, b: string): number {
  const g = (s: string) => {
    const out = new Set<string>();
    for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
    return out;
  };
  const x = g(a);
  const y = g(b);
  let ov = 0;
  for (const v of x) if (y.has(v)) ov++;
  return x.size + y.size === 0 ? 0 : (2 * ov) / (x.size + y.size);
}

/** A small deterministic generator (no Math.random in tests). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

describe('repetition/duplicate-sentence', () => {
  it('needs no segmentation: it runs in the fast phase', () => {
    assert.equal(duplicateSentence.meta.needsSegmentation, false);
    const f = run('今年的重点工作要抓紧落实到位。明年的工作计划也要尽快研究制定。今年的重点工作要抓紧落实到位。');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'warning');
  });

  it('the finding is on the later copy and its related information points at the first', () => {
    const text = '要加快推进回迁区建设，让老百姓早日回迁。\n\n城市形象是一个地区的脸面。\n\n要加快推进回迁区建设,让老百姓早日回迁!';
    const f = run(text);
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0].span.start, f[0].span.end), '要加快推进回迁区建设,让老百姓早日回迁!');
    assert.match(f[0].message.zh, /第 1 行/);
    assert.equal(f[0].related.length, 1);
    assert.equal(f[0].related[0].span.start, 0);
    assert.equal(text.slice(f[0].related[0].span.start, f[0].related[0].span.end), '要加快推进回迁区建设，让老百姓早日回迁。');
  });

  it('three copies: two findings, each pointing at the other two', () => {
    const s = '我们要坚定信心迎难而上。';
    const f = run(`${s}\n\n${s}\n\n${s}`);
    assert.equal(f.length, 2);
    for (const x of f) assert.equal(x.related.length, 2);
  });

  it('sentences shorter than minLength (8 characters without punctuation) are ignored', () => {
    assert.deepEqual(run('谢谢大家！\n谢谢大家！\n同志们，加油干！\n同志们，加油干！'), []);
    assert.equal(run('谢谢大家！\n谢谢大家！', { rules: { [RULE]: ['warning', { minLength: 4 }] } }).length, 1);
  });

  it('near-duplicates are information, with their similarity; similarity 1 turns them off', () => {
    const text = '今年的重点工作要抓紧落实到位，确保各项任务按期完成。明年的工作计划要尽快研究制定。今年重点工作要抓紧落实到位，确保各项任务按期完成！';
    const f = run(text);
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'info');
    assert.match(f[0].message.zh, /高度相似（\d+%）/);
    assert.deepEqual(run(text, { rules: { [RULE]: ['warning', { similarity: 1 }] } }), []);
  });

  it('near-duplicates stay information when the rule is an error (a delivery gate fails on exact copies only), and follow a lower setting', () => {
    const text = '今年的重点工作要抓紧落实到位，确保各项任务按期完成。今年重点工作要抓紧落实到位，确保各项任务按期完成！';
    assert.equal(run(text, { rules: { [RULE]: 'error' } })[0].severity, 'info');
    assert.equal(run(text, { rules: { [RULE]: 'hint' } })[0].severity, 'hint');
    const exact = '今年的重点工作要抓紧落实到位。今年的重点工作要抓紧落实到位。';
    assert.equal(run(exact, { rules: { [RULE]: 'error' } })[0].severity, 'error');
  });

  it('parallel sentences of a series are not near-duplicates', () => {
    assert.deepEqual(run('一是加强基层党组织建设，提升组织力。二是加强干部队伍建设，提升战斗力。三是加强党风廉政建设，提升公信力。'), []);
  });

  it('normalisation drops punctuation, spaces and case, and folds full-width letters', () => {
    const t = '我们要推进ＧＤＰ增长，  不断提高 Quality！';
    assert.equal(normalizeSentence(t, 0, t.length), '我们要推进gdp增长不断提高quality');
  });

  it('the similarity join finds exactly the pairs brute force finds', () => {
    const next = rng(7);
    const alphabet = Array.from('发展改革创新建设推进落实加强提升服务企业项目园区工作群众');
    const base: string[] = [];
    for (let i = 0; i < 40; i++) {
      let s = '';
      const n = 15 + Math.floor(next() * 30);
      for (let k = 0; k < n; k++) s += alphabet[Math.floor(next() * alphabet.length)];
      base.push(s);
    }
    // near copies: drop, change or insert a character or two
    const norms = [...base];
    for (let i = 0; i < 40; i++) {
      const s = base[Math.floor(next() * base.length)];
      const at = Math.floor(next() * s.length);
      const variants = [s.slice(0, at) + s.slice(at + 1), s.slice(0, at) + '治' + s.slice(at + 1), s.slice(0, at) + '理政' + s.slice(at)];
      norms.push(variants[i % 3]);
    }
    for (const threshold of [0.6, 0.8, 0.9]) {
      const got = nearDuplicates(norms, threshold);
      assert.ok(got.length >= 20, `${got.length} pairs at ${threshold}`);
      const byA = new Map(got.map((p) => [p.a, p]));
      for (let a = 0; a < norms.length; a++) {
        let bestB = -1;
        let best = 0;
        for (let b = 0; b < a; b++) {
          const d = dice(norms[a], norms[b]);
          if (d >= threshold && d > best) {
            best = d;
            bestB = b;
          }
        }
        const p = byA.get(a);
        if (bestB < 0) assert.equal(p, undefined, `sentence ${a} at ${threshold}`);
        else {
          assert.ok(p, `sentence ${a} at ${threshold}: missed`);
          assert.ok(Math.abs(p.dice - best) < 1e-9, `sentence ${a}: ${p.dice} vs ${best}`);
        }
      }
    }
  });

  it('a draft of one sentence pasted 30,000 times: bounded findings (100 copies) and no blow-up', () => {
    const text = '推进产业升级，推进园区建设，加强党的建设。'.repeat(30000);
    const f = run(text);
    assert.equal(f.length, 100);
    for (const x of f) assert.ok(x.related.length <= 20);
  });

  it('a 1 MB draft of distinct sentences finishes with near-duplicates only where they are', () => {
    const next = rng(11);
    const alphabet = Array.from('的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严');
    const parts: string[] = [];
    let len = 0;
    while (len < 1_000_000) {
      let s = '';
      const n = 20 + Math.floor(next() * 40);
      for (let k = 0; k < n; k++) s += alphabet[Math.floor(next() * alphabet.length)];
      s += '。';
      parts.push(s);
      len += s.length;
    }
    const f = run(parts.join(''));
    // random sentences over a large alphabet are neither equal nor similar
    assert.deepEqual(f, []);
  });
});
