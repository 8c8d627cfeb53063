/**
 * The extension manifest and its companions agree with each other and with
 * the client code: commands, keybindings, menus, settings, localization
 * (package.nls*, l10n bundle), language configuration, packaging list.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './helpers';

const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const json = <T = Record<string, unknown>>(rel: string): T => JSON.parse(read(rel)) as T;

interface Pkg {
  main: string;
  l10n: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean | string; restrictedConfigurations?: string[]; description?: string }; virtualWorkspaces: unknown };
  scripts: Record<string, string>;
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string; aliases: string[] }[];
    grammars: { language: string; scopeName: string; path: string }[];
    snippets: { language: string; path: string }[];
    commands: { command: string; title: string; category: string }[];
    keybindings: { command: string; key: string; when: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    configuration: { properties: Record<string, { default: unknown; minimum?: number; maximum?: number; enum?: string[]; markdownDescription?: string }> };
  };
}

const pkg = json<Pkg>('package.json');
const CLIENT = path.join(ROOT, 'client', 'src');
const clientSources = fs
  .readdirSync(CLIENT)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: fs.readFileSync(path.join(CLIENT, f), 'utf8') }));

describe('extension manifest', () => {
  it('runs from the bundle and activates only on the checked languages (and its commands)', () => {
    assert.equal(pkg.main, './dist/extension.js');
    assert.deepEqual(pkg.activationEvents, ['onLanguage:speech', 'onLanguage:plaintext', 'onLanguage:markdown']);
    // an untrusted workspace supplies no dictionary path and no patterns (issue #18)
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['speechlint.dictionary', 'speechlint.rules']);
    assert.equal(pkg.capabilities.untrustedWorkspaces.description, '%capabilities.untrustedWorkspaces%');
    const client = fs.readFileSync(path.join(CLIENT, 'client.ts'), 'utf8');
    assert.match(client, /workspaceTrusted: vscode\.workspace\.isTrusted/);
    assert.match(client, /onDidGrantWorkspaceTrust\([^]*speechlint\/workspaceTrusted/);
    assert.ok(pkg.capabilities.virtualWorkspaces);
    assert.match(pkg.scripts.test, /npm run test:grammar/);
    assert.equal(pkg.scripts.package, 'node scripts/package.js');
    assert.ok(fs.existsSync(path.join(ROOT, 'scripts', 'package.js')));
    assert.match(pkg.scripts['vscode:prepublish'], /bundle\.js --production/);
  });

  it('contributes the speech language, its grammar and snippets, with existing files', () => {
    const lang = pkg.contributes.languages.find((l) => l.id === 'speech')!;
    assert.deepEqual(lang.extensions, ['.speech']);
    assert.ok(lang.aliases.includes('讲话稿'));
    const g = pkg.contributes.grammars.find((x) => x.language === 'speech')!;
    assert.equal(g.scopeName, 'text.speech');
    assert.equal(json<{ scopeName: string }>(g.path).scopeName, 'text.speech');
    for (const p of [lang.configuration, ...pkg.contributes.snippets.map((s) => s.path)]) assert.ok(fs.existsSync(path.join(ROOT, p)), p);
    assert.deepEqual(pkg.contributes.snippets.map((s) => s.language).sort(), ['markdown', 'plaintext', 'speech']);
  });

  it('every registered command is contributed under the speechlint category, and the reverse', () => {
    const ext = clientSources.find((s) => s.file === 'extension.ts')!.text;
    const registered = [...ext.matchAll(/register\('(speechlint\.[A-Za-z]+)'/g)].map((m) => m[1]).sort();
    const contributed = pkg.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(registered, contributed);
    for (const c of pkg.contributes.commands) {
      assert.equal(c.category, 'speechlint');
      assert.match(c.title, /^%command\.[A-Za-z]+%$/);
    }
    for (const id of [
      'checkWorkspace',
      'fixAll',
      'renumber',
      'nextPlaceholder',
      'previousPlaceholder',
      'listPlaceholders',
      'fillPlaceholder',
      'switchMode',
      'showStructure',
      'showBreakdown',
    ]) {
      assert.ok(contributed.includes(`speechlint.${id}`), id);
    }
  });

  it('keybindings and menus name contributed commands', () => {
    const ids = new Set(pkg.contributes.commands.map((c) => c.command));
    for (const k of pkg.contributes.keybindings) {
      assert.ok(ids.has(k.command), k.command);
      assert.match(k.when, /editorLangId in speechlint\.languages/);
    }
    assert.deepEqual(pkg.contributes.keybindings.map((k) => k.key).sort(), ['ctrl+alt+[', 'ctrl+alt+]']);
    for (const items of Object.values(pkg.contributes.menus)) for (const m of items) assert.ok(ids.has(m.command), m.command);
    // the context key the when clauses use is set by the client
    assert.ok(clientSources.some((s) => s.text.includes("'setContext', 'speechlint.languages'")));
  });

  it('declares the settings with the documented defaults', () => {
    const p = pkg.contributes.configuration.properties;
    assert.deepEqual(p['speechlint.languages'].default, ['speech', 'plaintext', 'markdown']);
    assert.equal(p['speechlint.mode'].default, 'draft');
    assert.deepEqual(p['speechlint.mode'].enum, ['draft', 'final']);
    assert.deepEqual([p['speechlint.speakingRate'].default, p['speechlint.speakingRate'].minimum, p['speechlint.speakingRate'].maximum], [220, 150, 270]);
    assert.deepEqual(p['speechlint.rules'].default, {});
    assert.deepEqual(p['speechlint.allow'].default, []);
    assert.equal(p['speechlint.dictionary'].default, '');
    assert.equal(p['speechlint.debounceMs'].default, 250);
    assert.equal(p['speechlint.trace.server'].default, 'off');
    for (const [k, v] of Object.entries(p)) assert.match(v.markdownDescription ?? '', /^%config\.[\w.]+%$/, k);
  });
});

describe('localization', () => {
  const en = json<Record<string, string>>('package.nls.json');
  const zh = json<Record<string, string>>('package.nls.zh-cn.json');
  const bundle = json<Record<string, string>>('l10n/bundle.l10n.zh-cn.json');
  const args = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();

  it('package.nls.json and package.nls.zh-cn.json cover every %key% of package.json, and only those', () => {
    const keys = new Set([...read('package.json').matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]));
    assert.deepEqual(Object.keys(en).sort(), [...keys].sort());
    assert.deepEqual(Object.keys(zh).sort(), [...keys].sort());
    for (const k of keys) assert.match(zh[k], /[\u4e00-\u9fff]/, `zh-cn ${k} is Chinese`);
  });

  it('the l10n bundle translates every vscode.l10n string of the client, and nothing else', () => {
    const used = new Set<string>();
    for (const { text } of clientSources) {
      for (const m of text.matchAll(/\b(?:l10n\.)?t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1].replace(/\\'/g, "'"));
    }
    assert.ok(used.size > 30);
    assert.deepEqual(Object.keys(bundle).sort(), [...used].sort());
    for (const [k, v] of Object.entries(bundle)) {
      assert.deepEqual(args(v), args(k), `arguments kept in "${k}"`);
      assert.match(v, /[\u4e00-\u9fff]/, `"${k}" is translated`);
    }
    assert.equal(pkg.l10n, './l10n');
  });

  it('the modules unit-tested without VS Code do not import it', () => {
    for (const f of ['languages.ts', 'server-path.ts', 'placeholder-nav.ts', 'status-format.ts', 'breakdown-model.ts', 'snippet-expand.ts', 'settings.ts', 'debounce.ts']) {
      const text = clientSources.find((s) => s.file === f)!.text;
      assert.ok(!/from 'vscode'|require\('vscode'\)/.test(text), f);
    }
  });
});

describe('language configuration', () => {
  const conf = json<{
    brackets: string[][];
    autoClosingPairs: { open: string; close: string }[];
    surroundingPairs: string[][];
    comments: { blockComment: string[] };
    wordPattern: { pattern: string; flags: string };
  }>('language-configuration.json');
  const words = (s: string) => s.match(new RegExp(conf.wordPattern.pattern, 'g' + conf.wordPattern.flags)) ?? [];

  it('pairs Chinese brackets and quotes', () => {
    const pairs = conf.brackets.map((b) => b.join(''));
    for (const p of ['“”', '《》', '（）', '【】', '()', '[]']) assert.ok(pairs.includes(p), p);
    const closing = conf.autoClosingPairs.map((p) => p.open + p.close);
    const surround = conf.surroundingPairs.map((p) => p.join(''));
    for (const p of ['“”', '‘’', '《》', '（）', '【】', '「」', '()', '[]']) {
      assert.ok(closing.includes(p), `auto-closing ${p}`);
      assert.ok(surround.includes(p), `surrounding ${p}`);
    }
    assert.deepEqual(conf.comments.blockComment, ['<!--', '-->']);
  });

  it('words: one Han character each; numbers, Latin words and placeholders whole; no punctuation', () => {
    assert.deepEqual(words('同志们，今天XX工业园区收入12.6亿元，增长8.5%。'), ['同', '志', '们', '今', '天', 'XX', '工', '业', '园', '区', '收', '入', '12.6', '亿', '元', '增', '长', '8.5%']);
    assert.deepEqual(words('某某同志在20XX年×××会上说GDP和5G'), ['某某', '同', '志', '在', '20XX', '年', '×××', '会', '上', '说', 'GDP', '和', '5G']);
    assert.deepEqual(words('，。！？、；：“”《》（）【】……—— \t'), []);
    assert.ok(!new RegExp(conf.wordPattern.pattern, conf.wordPattern.flags).test(''), 'never matches the empty string');
  });
});

describe('packaging list (.vscodeignore)', () => {
  const lines = read('.vscodeignore')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it('ignores everything, then ships the bundles, the contributions and the segmenters’ runtime files only', () => {
    assert.equal(lines[0], '**');
    const shipped = lines.filter((l) => l.startsWith('!')).map((l) => l.slice(1));
    for (const f of ['dist/extension.js', 'dist/server.js', 'dist/worker.js', 'syntaxes/speech.tmLanguage.json', 'snippets/speech.json', 'language-configuration.json', 'node_modules/@node-rs/jieba-*/*.node', 'node_modules/jieba-wasm/pkg/nodejs/jieba_rs_wasm_bg.wasm']) {
      assert.ok(shipped.includes(f), f);
    }
    for (const f of shipped) {
      assert.ok(!/^(test|out|server|client|scripts|examples)\/|\.ts$|\.map$|corpus|fixtures/.test(f), `${f} must not ship`);
      if (f.startsWith('node_modules/')) assert.match(f, /^node_modules\/(@node-rs\/jieba\/(package\.json|index\.js|LICENSE|dict\.txt)|@node-rs\/jieba-\*\/(package\.json|\*\.node)|jieba-wasm\/(package\.json|LICENSE|pkg\/nodejs\/jieba_rs_wasm(\.js|_bg\.wasm)))$/);
    }
  });

  it('ships the files the segmenters read at run time', () => {
    // node/jieba.ts reads dict.txt beside @node-rs/jieba's package.json and idf.bin beside itself (dist/); jieba-wasm reads its .wasm beside its JavaScript
    const src = read('server/src/node/jieba.ts');
    assert.ok(src.includes(`'dict.txt'`) && lines.includes('!node_modules/@node-rs/jieba/dict.txt'));
    assert.ok(src.includes(`path.join(__dirname, 'idf.bin')`) && lines.includes('!dist/idf.bin'));
    assert.ok(read('scripts/bundle.js').includes(`path.join(out, 'idf.bin')`));
    assert.match(read('node_modules/jieba-wasm/pkg/nodejs/jieba_rs_wasm.js'), /join\(__dirname, 'jieba_rs_wasm_bg\.wasm'\)/);
  });
});
