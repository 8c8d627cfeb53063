/**
 * `npm run eval`: precision per rule on the verdict corpus (the editor's
 * verdicts on every finding in the real drafts of the fixtures).
 *
 *   npm run eval               the table, then what needs a reader's attention
 *   npm run eval -- --list     also every finding with its context and verdict
 *   npm run eval -- --pending  the findings without a verdict, as verdict-file entries to fill in
 *   npm run eval -- --readme   also rewrite the table in the README
 *
 * Exit code 1 when a finding has no verdict, a dismissed finding is reported,
 * an accepted one is gone, a verdict file is malformed or a rule is below its
 * precision target; 0 otherwise.
 */
import * as fs from 'fs';
import { README, belowTarget, formatTable, lintCorpus, loadVerdicts, pair, replaceEvalBlock, summarize } from './verdicts';
import type { Paired } from './verdicts';

function where(p: Paired): string {
  const f = p.finding;
  return `${f.draft} ${f.line}:${f.column} ${f.rule} [${f.severity}] «${f.text}» — ${f.context.replace(/\s+/g, ' ')}`;
}

async function run(args: string[]): Promise<number> {
  const findings = await lintCorpus();
  const { verdicts, problems } = loadVerdicts();
  const pairing = pair(findings, verdicts);
  const { rows, total } = summarize(pairing.paired);
  const log = (s = '') => process.stdout.write(s + '\n');
  if (args.includes('--pending')) {
    const pending = pairing.paired.filter((p) => !p.verdict);
    log(JSON.stringify(pending.map((p) => ({ draft: p.finding.draft, rule: p.finding.rule, line: p.finding.line, column: p.finding.column, excerpt: p.finding.text.slice(0, 20), message: p.finding.message, context: p.finding.context })), null, 2));
    return pending.length ? 1 : 0;
  }
  const table = formatTable(rows, total);
  log(table);
  if (args.includes('--readme')) {
    const before = fs.readFileSync(README, 'utf8');
    const after = replaceEvalBlock(before, table);
    if (after !== before) fs.writeFileSync(README, after);
    log(after !== before ? '\nREADME.md: eval table updated' : '\nREADME.md: eval table up to date');
  }
  if (args.includes('--list')) {
    log('\nEvery finding:');
    for (const p of pairing.paired) log(`  ${p.verdict?.verdict ?? 'NO VERDICT'}: ${where(p)}${p.verdict ? `\n      (${p.verdict.reason})` : ''}`);
  }
  const issues: string[] = [...problems, ...pairing.problems];
  for (const p of pairing.paired) {
    if (!p.verdict) issues.push(`no verdict: ${where(p)}`);
    else if (p.verdict.verdict === 'dismiss') issues.push(`dismissed but reported: ${where(p)} (${p.verdict.reason})`);
  }
  for (const v of pairing.gone) if (v.verdict === 'accept') issues.push(`accepted but gone: ${v.file} ${v.rule} ${v.line}:${v.column} «${v.excerpt}»`);
  for (const r of belowTarget(rows)) issues.push(`below target: ${r.rule} ${Math.round((r.precision ?? 0) * 100)}% < ${Math.round(r.target * 100)}%`);
  const fixed = pairing.gone.filter((v) => v.verdict === 'dismiss').length;
  log(`\n${verdicts.length} verdicts; ${fixed} dismissed finding${fixed === 1 ? '' : 's'} no longer reported.`);
  if (issues.length) {
    log(`\n${issues.length} to look at:`);
    for (const s of issues) log('  ' + s);
  }
  return issues.length ? 1 : 0;
}

run(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e) => {
    process.stderr.write(`eval: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
