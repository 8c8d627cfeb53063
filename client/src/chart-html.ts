/**
 * The structure chart (讲稿结构图): the opening, every section at every level
 * and the closing as horizontal bars on a speaking-time axis (minutes),
 * coloured by level, with problems and placeholders marked. Pure HTML and
 * CSS generated here (no script, no remote or local resources), so the
 * webview runs under the strictest Content-Security-Policy and works the same
 * in VS Code and code-server; colours come from the theme's CSS variables
 * (--vscode-charts-*), so it follows light, dark and high-contrast themes.
 * Positions are classes in one nonce'd <style> block (inline style
 * attributes would need 'unsafe-inline'). Rows are links to a command URI
 * (when given) that reveals the section in the draft. Pure (no `vscode`).
 */
import type { OutlineNode, OutlineResult } from '../../server/src/protocol';
import { durationText, lengthText, type Translate } from './status-format';
import { elementLabel } from './structure-model';

export interface ChartOptions {
  /** Nonce of the one <style> element. */
  nonce: string;
  t: Translate;
  /** The draft's name, for the heading. */
  name?: string;
  /** A command URI that reveals the node in the draft; no links when absent. */
  linkFor?: (node: OutlineNode) => string | undefined;
}

export interface ChartRow {
  node: OutlineNode;
  /** Indentation: 0 top level. */
  depth: number;
  /** Colour level 1-4; 0 for the opening and the closing. */
  colour: number;
  label: string;
  startSeconds: number;
  seconds: number;
}

/** HTML-escape text and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The rows of the chart, in document order: opening, sections (every level), closing. */
export function chartRows(outline: OutlineResult | undefined, t: Translate): ChartRow[] {
  const rows: ChartRow[] = [];
  if (!outline) return rows;
  const walk = (nodes: readonly OutlineNode[], depth: number, sectionDepth: number) => {
    for (const n of nodes) {
      if (n.kind === 'section') {
        const colour = Math.min(4, Math.max(1, n.level > 0 ? n.level : sectionDepth + 1));
        rows.push({ node: n, depth, colour, label: elementLabel(n, t), startSeconds: n.startSeconds ?? 0, seconds: n.seconds });
        walk(n.children ?? [], depth + 1, sectionDepth + 1);
      } else if (n.kind === 'opening' || n.kind === 'closing') {
        rows.push({ node: n, depth, colour: 0, label: elementLabel(n, t), startSeconds: n.startSeconds ?? 0, seconds: n.seconds });
      }
    }
  };
  walk(outline.nodes ?? [], 0, 0);
  return rows;
}

/** Tick step in minutes: at most about ten ticks on the axis. */
export function tickStep(totalMinutes: number): number {
  for (const s of [0.5, 1, 2, 5, 10, 15, 30, 60, 120]) if (totalMinutes / s <= 10) return s;
  return Math.ceil(totalMinutes / 10 / 60) * 60;
}

function pct(x: number): string {
  const v = Number.isFinite(x) ? Math.max(0, Math.min(100, x)) : 0;
  return `${Math.round(v * 100) / 100}%`;
}

function minutesLabel(m: number, t: Translate): string {
  const v = Math.round(m * 10) / 10;
  return t('{0} min', v);
}

/** The whole webview document. */
export function chartHtml(outline: OutlineResult | undefined, opts: ChartOptions): string {
  const { t, nonce } = opts;
  const rows = chartRows(outline, t);
  const total = Math.max(1, outline?.totalSeconds ?? 0, ...rows.map((r) => r.startSeconds + r.seconds));
  const step = tickStep(total / 60);
  const ticks: number[] = [];
  for (let m = 0; m * 60 <= total + 1e-9; m += step) ticks.push(m);

  const css: string[] = [
    `:root { color-scheme: light dark; }`,
    `body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); margin: 0; padding: 12px 16px; }`,
    `h1 { font-size: 1.15em; font-weight: 600; margin: 0 0 2px; }`,
    `.sub { color: var(--vscode-descriptionForeground); margin: 0 0 12px; }`,
    `.chart { display: grid; grid-template-columns: minmax(8em, 34%) 1fr 6.5em; column-gap: 8px; row-gap: 3px; align-items: center; }`,
    `.axis-label { grid-column: 1; }`,
    `.axis { grid-column: 2; position: relative; height: 1.4em; border-bottom: 1px solid var(--vscode-editorWidget-border, var(--vscode-panel-border, currentColor)); }`,
    `.tick { position: absolute; bottom: 2px; transform: translateX(-50%); color: var(--vscode-descriptionForeground); font-size: 0.85em; white-space: nowrap; }`,
    `.tick.first { transform: none; }`,
    `.row { display: contents; color: inherit; text-decoration: none; }`,
    `.label { grid-column: 1; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }`,
    `.track { grid-column: 2; position: relative; height: 1.1em; background: var(--vscode-editorWidget-background, transparent); }`,
    `.grid { position: absolute; top: 0; bottom: 0; width: 0; border-left: 1px dotted var(--vscode-editorWidget-border, var(--vscode-panel-border, currentColor)); opacity: 0.5; }`,
    `.bar { position: absolute; top: 1px; bottom: 1px; min-width: 2px; border-radius: 2px; }`,
    `.value { grid-column: 3; text-align: right; white-space: nowrap; color: var(--vscode-descriptionForeground); font-variant-numeric: tabular-nums; }`,
    `a.row:hover .label, a.row:focus .label { text-decoration: underline; color: var(--vscode-textLink-activeForeground); }`,
    `a.row:focus { outline: none; } a.row:focus .track { outline: 1px solid var(--vscode-focusBorder); }`,
    `.c0 { background: var(--vscode-descriptionForeground); opacity: 0.55; }`,
    `.c1 { background: var(--vscode-charts-blue); }`,
    `.c2 { background: var(--vscode-charts-green); }`,
    `.c3 { background: var(--vscode-charts-orange); }`,
    `.c4 { background: var(--vscode-charts-purple); }`,
    `.warn { outline: 2px solid var(--vscode-charts-red, var(--vscode-editorWarning-foreground)); outline-offset: 0; }`,
    `.mark { color: var(--vscode-editorWarning-foreground, var(--vscode-charts-yellow)); margin-left: 0.4em; }`,
    `.ph { color: var(--vscode-editorInfo-foreground, var(--vscode-charts-blue)); margin-left: 0.4em; }`,
    `.legend { margin-top: 14px; color: var(--vscode-descriptionForeground); display: flex; flex-wrap: wrap; gap: 14px; }`,
    `.swatch { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 2px; vertical-align: -0.1em; margin-right: 4px; }`,
    `.empty { color: var(--vscode-descriptionForeground); }`,
    `body.vscode-high-contrast .bar, body.vscode-high-contrast-light .bar { border: 1px solid var(--vscode-contrastBorder); }`,
  ];
  for (let d = 1; d <= 6; d++) css.push(`.d${d} { padding-left: ${(d * 1.2).toFixed(1)}em; }`);
  ticks.forEach((m, i) => css.push(`.x${i} { left: ${pct(((m * 60) / total) * 100)}; }`));
  rows.forEach((r, i) => css.push(`.b${i} { left: ${pct((r.startSeconds / total) * 100)}; width: ${pct((r.seconds / total) * 100)}; }`));

  const title = t('Structure chart');
  const heading = opts.name ? `${title} · ${opts.name}` : title;
  const body: string[] = [];
  body.push(`<h1>${escapeHtml(heading)}</h1>`);
  if (!outline || rows.length === 0) {
    body.push(`<p class="empty">${escapeHtml(outline ? t('No sections found in this draft.') : t('Open a speech draft to see its structure.'))}</p>`);
  } else {
    body.push(
      `<p class="sub">${escapeHtml(lengthText(outline.totalChars, outline.totalSeconds, t))} · ${escapeHtml(t('{0} characters a minute', outline.speakingRate))}</p>`,
    );
    body.push(`<div class="chart" role="table" aria-label="${escapeHtml(title)}">`);
    body.push(`<div class="axis-label"></div><div class="axis" aria-hidden="true">`);
    ticks.forEach((m, i) => body.push(`<span class="tick x${i}${i === 0 ? ' first' : ''}">${escapeHtml(minutesLabel(m, t))}</span>`));
    body.push(`</div><div></div>`);
    rows.forEach((r, i) => {
      const n = r.node;
      const marks: string[] = [];
      if (n.problems > 0) marks.push(`<span class="mark" title="${escapeHtml(t('{0} problems', n.problems))}">⚠ ${n.problems}</span>`);
      if (n.placeholders > 0) marks.push(`<span class="ph" title="${escapeHtml(t('{0} placeholders', n.placeholders))}">✎ ${n.placeholders}</span>`);
      const tip = `${r.label} · ${lengthText(n.chars, n.seconds, t)}`;
      const href = opts.linkFor?.(n);
      const open = href ? `<a class="row" role="row" href="${escapeHtml(href)}" title="${escapeHtml(tip)}">` : `<div class="row" role="row" title="${escapeHtml(tip)}">`;
      const close = href ? '</a>' : '</div>';
      const grid = ticks.map((_, k) => `<span class="grid x${k}"></span>`).join('');
      body.push(
        open +
          `<span class="label${r.depth ? ` d${Math.min(6, r.depth)}` : ''}" role="cell">${escapeHtml(r.label)}${marks.join('')}</span>` +
          `<span class="track" role="cell">${grid}<span class="bar b${i} c${r.colour}${n.problems > 0 ? ' warn' : ''}"></span></span>` +
          `<span class="value" role="cell">${escapeHtml(durationText(n.seconds, t))}</span>` +
          close,
      );
    });
    body.push(`</div>`);
    body.push(
      `<div class="legend">` +
        [
          ['c1', t('Level 1 (一、)')],
          ['c2', t('Level 2 (（一）)')],
          ['c3', t('Level 3 (1.)')],
          ['c4', t('Level 4 (（1）)')],
          ['c0', t('Opening and closing')],
        ]
          .map(([c, l]) => `<span><span class="swatch ${c}"></span>${escapeHtml(l)}</span>`)
          .join('') +
        `<span>⚠ ${escapeHtml(t('problems'))}</span><span>✎ ${escapeHtml(t('placeholders'))}</span>` +
        `</div>`,
    );
  }
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'none'; script-src 'none'; font-src 'none'; connect-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'`;
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<title>${escapeHtml(heading)}</title>`,
    `<style nonce="${escapeHtml(nonce)}">\n${css.join('\n')}\n</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
  ].join('\n');
}
