/**
 * The whole engine on generated and mutated drafts: every registered rule,
 * both phases (the segmented one with the real jieba), on corpus drafts with
 * random inserts and deletes of corpus text, emoji, CRLF and lone CR, NUL,
 * lone surrogates, a 10,000-character line, deep nesting of markers, markers
 * without bodies, Markdown headings, placeholders and directives.
 *
 * Asserted for every draft:
 * - no rule throws (lint() would swallow it: onRuleError is recorded);
 * - what each rule reports (before lint() clamps it) and what lint() returns:
 *   spans, related spans and fix edits inside [0, text.length], start ≤ end,
 *   never between the two halves of a surrogate pair; fix edits do not
 *   overlap, so lint() drops none of them;
 * - applying any single offered fix (safe or not) does not throw, changes
 *   only the text inside its edit ranges and leaves no new lone surrogate;
 * - fix-all (collectSafeEdits + applyEdits, as `speechlint --fix` and the
 *   server's fix-all do) reaches a fixed point within three passes.
 *
 * fast-check prints the seed and the shrunk counterexample on failure; the
 * seeds are fixed so `npm test` is reproducible. For a longer hunt:
 * SPEECHLINT_FUZZ_RUNS=20 (times the runs) and SPEECHLINT_FUZZ_SEED=<n>.
 */
import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import { resolveConfig } from '../../server/src/core/config';
import type { ResolvedConfig } from '../../server/src/core/config';
import { applyEdits, collectSafeEdits, lint } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parse';
import { Registry } from '../../server/src/core/registry';
import type { AnyRule, Finding, Fix, Report, TextEdit } from '../../server/src/core/rule';
import { allRules } from '../../server/src/core/rules';
import { SegmentCache, segmentDocument } from '../../server/src/core/segment';
import type { Span } from '../../server/src/core/text';
import { CORPUS, fixture } from './helpers';
import { realJieba } from './repetition-helpers';

const CORPUS_TEXTS = Object.values(CORPUS).map(fixture);

/** Passes of fix-all the CLI and the server allow (MAX_FIX_PASSES in cli.ts). */
const FIX_PASSES = 3;

const RUNS = Math.max(1, Number(process.env.SPEECHLINT_FUZZ_RUNS) || 1);
const SEED = process.env.SPEECHLINT_FUZZ_SEED ? Number(process.env.SPEECHLINT_FUZZ_SEED) : undefined;
const params = (numRuns: number, seed: number): fc.Parameters<unknown> => ({ numRuns: numRuns * RUNS, seed: SEED ?? seed });

// ---------------------------------------------------------------- generators

const NASTY = [
  '😀', '👍🏽', '𠀀', '\ud800', '\udc00', '\udbff\n', '\0', '\r\n', '\r', '\n', '\n\n', '\ufeff', '\u3000', '\t', ' ',
  'XX', '××', 'X', '某某', '【待补充】', '〔〕', '（）', '（', '）', '“', '”', '《', '》', '的的', '我们我们', '。', '，', '；', '：',
  '<!-- speechlint-disable -->', '<!-- speechlint-enable -->', '<!-- speechlint-disable-next-line numbering/sequence -->', '<!-- ',
  '# ', '## 一、', '### （二）', '#', '---\n',
  '\n一、', '\n二、', '\n四、', '\n（一）', '\n（三）', '\n1.', '\n2．', '\n（1）', '\n①', '\n第一，', '\n第三部分', '\n首先，', '\n其次，', '\n最后，',
  '一是', '二是', '四是', '讲三点意见：', '一方面', '另一方面', '同志们：', '谢谢大家！',
];

/** 一、（一）1.（1）① repeated, with and without bodies. */
function deepNesting(depth: number, withBodies: boolean): string {
  const levels = [(i: number) => `${'一二三四五六七八九十'[i % 10]}、`, (i: number) => `（${'一二三四五六七八九十'[i % 10]}）`, (i: number) => `${i + 1}.`, (i: number) => `（${i + 1}）`, (i: number) => '①②③④⑤⑥⑦⑧⑨⑩'[i % 10]];
  const out: string[] = [];
  for (let d = 0; d < depth; d++) out.push(levels[d % levels.length](Math.floor(d / levels.length)) + (withBodies ? '加强党的建设，推进改革发展。' : ''));
  return '\n' + out.join('\n') + '\n';
}

/** A 10,000-character line of corpus text (no line break inside). */
function longLine(from: number): string {
  const flat = CORPUS_TEXTS[from % CORPUS_TEXTS.length].replace(/[\r\n]+/g, '');
  let s = '';
  while (s.length < 10000) s += flat;
  return '\n' + s.slice(0, 10000) + '\n';
}

type Piece = { kind: 'nasty'; s: string } | { kind: 'corpus'; k: number; at: number; len: number } | { kind: 'nest'; depth: number; bodies: boolean } | { kind: 'long'; k: number };

const pieceArb: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...NASTY).map((s): Piece => ({ kind: 'nasty', s })) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('corpus' as const), k: fc.nat(2), at: fc.nat(20000), len: fc.integer({ min: 1, max: 300 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nest' as const), depth: fc.integer({ min: 1, max: 40 }), bodies: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('long' as const), k: fc.nat(2) }) },
);

function pieceText(p: Piece): string {
  switch (p.kind) {
    case 'nasty':
      return p.s;
    case 'corpus': {
      const t = CORPUS_TEXTS[p.k];
      const at = p.at % t.length;
      return t.slice(at, at + p.len);
    }
    case 'nest':
      return deepNesting(p.depth, p.bodies);
    case 'long':
      return longLine(p.k);
  }
}

type Op = { op: 'insert'; at: number; piece: Piece } | { op: 'delete'; at: number; len: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), piece: pieceArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 1, max: 400 }) }) },
);

type Base = { kind: 'corpus'; k: number; from: number; len: number } | { kind: 'empty' } | { kind: 'crlf'; k: number; from: number; len: number };

const baseArb: fc.Arbitrary<Base> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('corpus' as const), k: fc.nat(2), from: fc.nat(20000), len: fc.integer({ min: 200, max: 4000 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('crlf' as const), k: fc.nat(2), from: fc.nat(20000), len: fc.integer({ min: 200, max: 3000 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'empty' as const }) },
);

function baseText(b: Base): string {
  if (b.kind === 'empty') return '';
  const t = CORPUS_TEXTS[b.k];
  // mostly from the start (title, greeting, announced points), sometimes from anywhere
  const from = b.from % 3 === 0 ? 0 : b.from % t.length;
  const s = t.slice(from, from + b.len);
  return b.kind === 'crlf' ? s.replace(/\n/g, '\r\n') : s;
}

function mutate(text: string, ops: readonly Op[]): string {
  let t = text;
  for (const o of ops) {
    const at = Math.floor(o.at * t.length);
    if (o.op === 'insert') t = t.slice(0, at) + pieceText(o.piece) + t.slice(at);
    else t = t.slice(0, at) + t.slice(at + o.len);
  }
  return t;
}

const draftArb = fc.record({ base: baseArb, ops: fc.array(opArb, { maxLength: 25 }), final: fc.boolean() });

// ---------------------------------------------------------------- the engine, watched

interface Raw {
  ruleId: string;
  report: Report;
}

/** Every registered rule, wrapped to record what it reports before lint() clamps it. */
function watchedRegistry(raw: Raw[]): Registry {
  return new Registry(
    allRules.map(
      (rule): AnyRule => ({
        ...rule,
        check(ctx) {
          rule.check({ ...ctx, report: (r) => (raw.push({ ruleId: rule.meta.id, report: r }), ctx.report(r)) });
        },
      }),
    ),
  );
}

const raw: Raw[] = [];
const registry = watchedRegistry(raw);

/** Every rule runs, the opt-in ones too (at their suggested severity). */
const OPT_IN = { rules: Object.fromEntries(allRules.filter((r) => r.meta.optIn).map((r) => [r.meta.id, r.meta.defaultSeverity])) };

function configFor(final: boolean): ResolvedConfig {
  const { config, problems } = resolveConfig(registry, [OPT_IN, { mode: final ? 'final' : 'draft' }]);
  assert.deepEqual(problems, []);
  return config;
}
const CONFIGS = { draft: configFor(false), final: configFor(true) };

const segCache = new SegmentCache();

/** Both phases with the real jieba; a rule that throws fails the test. */
function runAll(text: string, config: ResolvedConfig): { findings: Finding[]; raw: Raw[] } {
  raw.length = 0;
  const errors: string[] = [];
  const doc = parse(text);
  const segmentation = segmentDocument(doc, realJieba(), segCache);
  const findings = lint(doc, registry, config, {
    phase: 'all',
    segmentation,
    onRuleError: (id, e) => errors.push(`${id}: ${e instanceof Error ? e.stack : String(e)}`),
  });
  assert.deepEqual(errors, [], `rules threw on ${JSON.stringify(text.slice(0, 300))}`);
  return { findings, raw: [...raw] };
}

// ---------------------------------------------------------------- properties

const isHi = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLo = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function splitsPair(text: string, o: number): boolean {
  return o > 0 && o < text.length && isHi(text.charCodeAt(o - 1)) && isLo(text.charCodeAt(o));
}

function assertSpan(text: string, s: Span, what: string): void {
  assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: integer offsets ${JSON.stringify(s)}`);
  assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${what}: ${s.start}-${s.end} inside [0, ${text.length}]`);
  assert.ok(!splitsPair(text, s.start) && !splitsPair(text, s.end), `${what}: ${s.start}-${s.end} splits a surrogate pair`);
}

function assertEdits(text: string, edits: readonly TextEdit[], what: string): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 0; i < sorted.length; i++) {
    assertSpan(text, sorted[i], `${what} edit`);
    assert.equal(typeof sorted[i].newText, 'string', `${what}: newText is a string`);
    if (i > 0) assert.ok(sorted[i].start >= sorted[i - 1].end, `${what}: edits ${JSON.stringify(sorted[i - 1])} and ${JSON.stringify(sorted[i])} overlap`);
  }
}

function loneSurrogates(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHi(c) && isLo(text.charCodeAt(i + 1))) i++;
    else if (isHi(c) || isLo(c)) n++;
  }
  return n;
}

/** Apply one fix and check, independently of applyEdits, that only its ranges changed. */
function assertFixLocal(text: string, fix: Fix, what: string): void {
  const out = applyEdits(text, fix.edits);
  const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first) {
    assert.equal(out, text, `${what}: a fix without edits changes nothing`);
    return;
  }
  assert.ok(out.startsWith(text.slice(0, first.start)), `${what}: text before the fix unchanged`);
  assert.ok(out.endsWith(text.slice(last.end)), `${what}: text after the fix unchanged`);
  // between the edits: walk the output and compare the untouched gaps
  let pos = first.start;
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    assert.equal(out.slice(pos, pos + e.newText.length), e.newText, `${what}: edit ${i} inserted as given`);
    pos += e.newText.length;
    const gapEnd = i + 1 < sorted.length ? sorted[i + 1].start : text.length;
    const gap = text.slice(e.end, gapEnd);
    assert.equal(out.slice(pos, pos + gap.length), gap, `${what}: text between edits unchanged`);
    pos += gap.length;
  }
  assert.equal(pos, out.length);
  assert.ok(loneSurrogates(out) <= loneSurrogates(text) + loneSurrogates(fix.edits.map((e) => e.newText).join('')), `${what}: no new lone surrogate`);
}

function checkDraft(text: string, config: ResolvedConfig): void {
  const { findings, raw: reports } = runAll(text, config);

  for (const { ruleId, report } of reports) {
    assertSpan(text, report.span, `${ruleId} reported span`);
    for (const r of report.related ?? []) assertSpan(text, r.span, `${ruleId} related`);
    for (const f of report.fixes ?? []) assertEdits(text, f.edits, `${ruleId} fix "${f.title.en}"`);
  }
  // (lint() drops a fix with bad edits silently; the checks above make sure there is none to drop)

  for (const f of findings) {
    assertSpan(text, f.span, `${f.ruleId} finding`);
    for (const r of f.related) assertSpan(text, r.span, `${f.ruleId} related`);
    for (const fix of f.fixes) {
      assertEdits(text, fix.edits, `${f.ruleId} fix "${fix.title.en}"`);
      assertFixLocal(text, fix, `${f.ruleId} fix "${fix.title.en}"`);
    }
  }

  // fix-all, as `speechlint --fix` does it
  let current = text;
  let now = findings;
  for (let pass = 0; pass < FIX_PASSES; pass++) {
    const edits = collectSafeEdits(now);
    if (edits.length === 0) break;
    assertEdits(current, edits, `fix-all pass ${pass + 1}`);
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
    now = runAll(current, config).findings;
  }
  const left = collectSafeEdits(now);
  assert.ok(
    left.length === 0 || applyEdits(current, left) === current,
    `fix-all reaches a fixed point within ${FIX_PASSES} passes; still offered: ${JSON.stringify(
      now.filter((f) => f.fixes.some((x) => x.safe)).map((f) => [f.ruleId, current.slice(f.span.start, f.span.end)]),
    )}`,
  );
}

describe('robustness: the whole engine on generated drafts', function () {
  this.timeout(120000 * RUNS);

  before(function () {
    this.timeout(30000);
    realJieba();
  });

  it('registers every rule of the engine (the wrapped registry is complete)', () => {
    assert.equal(registry.all().length, allRules.length);
    assert.ok(allRules.length >= 15);
    for (const r of allRules) assert.notEqual(CONFIGS.draft.rules.get(r.meta.id)?.severity, 'off', `${r.meta.id} runs`);
    // the watcher sees what rules report
    runAll('一、甲\n三、乙\nXX的的', CONFIGS.draft);
    assert.ok(raw.length > 0);
  });

  it('mutated corpus drafts (fixed seed)', () => {
    fc.assert(
      fc.property(draftArb, ({ base, ops, final }) => checkDraft(mutate(baseText(base), ops), final ? CONFIGS.final : CONFIGS.draft)),
      params(80, 20250110),
    );
  });

  it('drafts built only from markers, placeholders and control characters (fixed seed)', () => {
    fc.assert(
      fc.property(fc.array(pieceArb, { maxLength: 120 }), fc.boolean(), (pieces, final) => checkDraft(pieces.map(pieceText).join(''), final ? CONFIGS.final : CONFIGS.draft)),
      params(100, 777),
    );
  });

  it('random full-unicode strings (fixed seed)', () => {
    fc.assert(
      fc.property(fc.fullUnicodeString({ maxLength: 300 }), (s) => checkDraft(s, CONFIGS.draft)),
      params(100, 31337),
    );
  });

  it('edge drafts: empty, only breaks, only NUL, lone surrogates, a 10,000-character line, 200 nested markers without bodies', () => {
    const edges = [
      '',
      '\n',
      '\r\n\r\n',
      '\r\r',
      '\0\0\0',
      '\ufeff',
      '\ud800',
      '\udc00\ud800',
      '😀',
      '一、\ud800\n二、\udc00\n',
      longLine(0),
      longLine(1).replace(/\n/g, '\r\n'),
      deepNesting(200, false),
      deepNesting(60, true),
      '# 标题\n\n## 一、总体要求\n\n### （一）\n\n#### 1.\n\n##### （1）\n',
      CORPUS_TEXTS[2].replace(/\n/g, '\r\n'),
      CORPUS_TEXTS[1].replace(/\n/g, '\r'),
    ];
    for (const t of edges) {
      checkDraft(t, CONFIGS.draft);
      checkDraft(t, CONFIGS.final);
    }
  });
});
