/**
 * Configuration over the protocol: `.speechlintrc.json` found above the
 * draft, broken files and settings (one message naming the file and the key,
 * defaults apply), `speechlint.*` settings as an override layer, re-checks on
 * didChangeConfiguration and on didChangeWatchedFiles, the client's locale,
 * and the debounce (initializationOptions.debounceMs, speechlint.debounceMs).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Diagnostic, DocumentSymbol, PublishDiagnosticsParams, SymbolInformation } from 'vscode-languageserver/node';
import type { StatsResult } from '../../server/src/protocol';
import { Requests } from '../../server/src/protocol';
import { TestClient, codes, corpus, fileUri, rmTemp, tempDir, writeIn as write } from './client';

const MARKER = 'placeholder/marker';
const DRAFT = '关于工作的讲话\n一、总体要求\n今年实现收入XX亿元，增长XX%。\n';

function markers(p: PublishDiagnosticsParams): Diagnostic[] {
  return codes(p, MARKER);
}

describe('language server configuration, locale and debounce', function () {
  this.timeout(60000);

  describe('config files and settings', () => {
    let c: TestClient;
    let dir: string;

    before(async () => {
      dir = tempDir();
      c = await TestClient.start({ locale: 'en', workspaceFolder: dir, initializationOptions: { debounceMs: 0 } });
    });
    after(async () => {
      await c?.stop();
      rmTemp(dir);
    });

    it('a broken .speechlintrc.json: one warning naming the file and each key; the defaults apply, the valid keys too', async () => {
      const cfg = write(
        dir,
        'broken/.speechlintrc.json',
        JSON.stringify({ speakingRate: 'fast', mode: 'final', allow: 7, rules: { [MARKER]: 'loud', 'no/such-rule': 'error', 'placeholder/instruction': 'off', 'numbering/sequence': ['warning', { nope: 1 }] } }),
      );
      const draft = write(dir, 'broken/draft.speech', DRAFT);
      const uri = fileUri(draft);
      const before = c.messages.length;
      const mark = c.mark();
      c.open(uri, DRAFT);
      const p = await c.waitForDiagnostics(uri, mark);
      // defaults for the broken keys: the placeholder rule still reports, at the severity final mode gives it
      assert.equal(markers(p).length, 2);
      assert.ok(markers(p).every((d) => d.severity === 1), 'mode "final" (a valid key) applies: placeholders are errors');
      const stats = await c.request<StatsResult>(Requests.stats, { uri });
      assert.equal(stats.speakingRate, 220, 'the broken speakingRate keeps its default');
      assert.equal(stats.mode, 'final');
      // exactly one message for the file, naming every key at fault
      const mine = c.messages.slice(before);
      assert.equal(mine.length, 1, JSON.stringify(mine));
      const m = mine[0];
      assert.equal(m.type, 2, 'a warning');
      assert.ok(m.message.startsWith(`speechlint: ${cfg}: 5 problems: `), m.message);
      for (const key of ['speakingRate', 'allow', `rules.${MARKER}`, 'rules.no/such-rule', 'rules.numbering/sequence.nope']) assert.ok(m.message.includes(`${key}: `), `${key} in ${m.message}`);
      assert.match(m.message, /unknown rule "no\/such-rule" ignored/);
      assert.ok(!m.message.includes('rules.placeholder/instruction') && !m.message.includes('mode'), 'valid keys are not named');
      assert.ok(c.logs.some((l) => l.message === m.message), 'the problem is logged too');

      // the server keeps working: an edit is checked and published
      const mark1 = c.mark();
      c.change(uri, 2, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '收入XX万元。' }]);
      const p1 = await c.waitForDiagnostics(uri, mark1, (x) => x.version === 2);
      assert.equal(markers(p1).length, 3);
      assert.equal(c.messages.length, before + 1, 'no repeated message for the same file');

      // a second draft under the same config: no second message
      const count = c.messages.length;
      const other = write(dir, 'broken/sub/other.speech', DRAFT);
      const mark2 = c.mark();
      c.open(fileUri(other), DRAFT);
      await c.waitForDiagnostics(fileUri(other), mark2);
      assert.equal(c.messages.length, count);
      c.close(fileUri(other));
      c.close(uri);
    });

    it('invalid JSON: one message naming the file; defaults apply', async () => {
      const cfg = write(dir, 'badjson/.speechlintrc.json', '{ "rules": { ');
      const draft = write(dir, 'badjson/draft.speech', DRAFT);
      const uri = fileUri(draft);
      const mark = c.mark();
      c.open(uri, DRAFT);
      const p = await c.waitForDiagnostics(uri, mark);
      assert.equal(markers(p).length, 2);
      const m = c.messages.filter((x) => x.message.includes(cfg));
      assert.equal(m.length, 1);
      assert.equal(m[0].message, `speechlint: ${cfg}: invalid JSON at line 1, column 14: expected a property name in double quotes or "}", found the end of the file (defaults apply)`);
      c.close(uri);
    });

    it('the nearest config file applies; a change to it (didChangeWatchedFiles) re-checks open drafts', async () => {
      const cfg = write(dir, 'good/.speechlintrc.json', JSON.stringify({ rules: { [MARKER]: 'warning' } }));
      const draft = write(dir, 'good/a/b/draft.speech', DRAFT);
      const uri = fileUri(draft);
      const mark = c.mark();
      c.open(uri, DRAFT);
      const p = await c.waitForDiagnostics(uri, mark);
      assert.ok(markers(p).length === 2 && markers(p).every((d) => d.severity === 2));

      fs.writeFileSync(cfg, JSON.stringify({ rules: { [MARKER]: 'error' } }));
      const mark2 = c.mark();
      c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(cfg), type: 2 }] });
      const p2 = await c.waitForDiagnostics(uri, mark2);
      assert.equal(p2.version, 1, 'same text, new config');
      assert.ok(markers(p2).length === 2 && markers(p2).every((d) => d.severity === 1));

      fs.writeFileSync(cfg, JSON.stringify({ rules: { [MARKER]: 'off' } }));
      const mark3 = c.mark();
      c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(cfg), type: 2 }] });
      const p3 = await c.waitForDiagnostics(uri, mark3);
      assert.equal(markers(p3).length, 0);
      c.close(uri);
    });

    it('the server asks to watch .speechlintrc.json files and for configuration changes', () => {
      const watch = c.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
      assert.ok(watch);
      assert.deepEqual(watch.registerOptions, { watchers: [{ globPattern: '**/.speechlintrc.json' }] });
      assert.ok(c.registrations.some((r) => r.method === 'workspace/didChangeConfiguration'));
    });

    it('speechlint.* settings override the file; didChangeConfiguration re-checks', async () => {
      write(dir, 'settings/.speechlintrc.json', JSON.stringify({ rules: { [MARKER]: 'warning' }, speakingRate: 200 }));
      const draft = write(dir, 'settings/draft.speech', DRAFT);
      const uri = fileUri(draft);
      const mark = c.mark();
      c.open(uri, DRAFT);
      const p = await c.waitForDiagnostics(uri, mark);
      assert.ok(markers(p).every((d) => d.severity === 2));
      assert.equal((await c.request<StatsResult>(Requests.stats, { uri })).speakingRate, 200);
      assert.ok(c.configRequests.some((r) => r.items.some((i) => i.scopeUri === uri && i.section === 'speechlint')));

      // final mode raises placeholders to errors; settings' speakingRate wins over the file's
      c.settings = { mode: 'final', speakingRate: 180, rules: {}, allow: [], dictionary: null };
      const mark2 = c.mark();
      c.notify('workspace/didChangeConfiguration', { settings: null });
      const p2 = await c.waitForDiagnostics(uri, mark2);
      assert.ok(markers(p2).length === 2 && markers(p2).every((d) => d.severity === 1));
      const s = await c.request<StatsResult>(Requests.stats, { uri });
      assert.equal(s.speakingRate, 180);
      assert.equal(s.mode, 'final');

      // rules from settings
      c.settings = { rules: { [MARKER]: 'off' } };
      const mark3 = c.mark();
      c.notify('workspace/didChangeConfiguration', { settings: null });
      const p3 = await c.waitForDiagnostics(uri, mark3);
      assert.equal(markers(p3).length, 0);

      // allow words from settings
      c.settings = { allow: ['XX亿元'] };
      const mark4 = c.mark();
      c.notify('workspace/didChangeConfiguration', { settings: null });
      const p4 = await c.waitForDiagnostics(uri, mark4);
      assert.equal(markers(p4).length, 1, 'XX亿元 is allowed, XX% is not');
      c.settings = {};
      c.close(uri);
    });

    it('settings the client does not send leave the file in charge; a setting it sends wins, even one equal to the default', async () => {
      write(dir, 'defaults/.speechlintrc.json', JSON.stringify({ mode: 'final', speakingRate: 200, rules: { [MARKER]: 'warning' } }));
      const uri = fileUri(write(dir, 'defaults/draft.speech', DRAFT));
      // the VS Code client sends only what the user set (client/src/settings.ts): empty values are "not set" too
      c.settings = { rules: {}, allow: [], dictionary: '', debounceMs: 0 };
      const mark = c.mark();
      c.notify('workspace/didChangeConfiguration', { settings: null });
      c.open(uri, DRAFT);
      const p = await c.waitForDiagnostics(uri, mark);
      assert.ok(markers(p).length === 2 && markers(p).every((d) => d.severity === 1), 'final mode (from the file) raises the explicit warning to an error');
      const s = await c.request<StatsResult>(Requests.stats, { uri });
      assert.deepEqual([s.mode, s.speakingRate], ['final', 200]);
      assert.equal(c.messages.filter((m) => m.message.includes('speechlint settings')).length, 0, 'no complaint about empty settings');
      // "switch to draft mode" writes speechlint.mode = "draft" to the workspace settings: it overrides the file
      c.settings = { mode: 'draft', speakingRate: 220, debounceMs: 0 };
      const mark2 = c.mark();
      c.notify('workspace/didChangeConfiguration', { settings: null });
      const p2 = await c.waitForDiagnostics(uri, mark2);
      assert.ok(markers(p2).length === 2 && markers(p2).every((d) => d.severity === 2), 'draft mode: the explicit warning stays a warning');
      const s2 = await c.request<StatsResult>(Requests.stats, { uri });
      assert.deepEqual([s2.mode, s2.speakingRate], ['draft', 220]);
      c.settings = {};
      c.close(uri);
    });

    it('wrong settings: one message naming speechlint settings and the key', async () => {
      c.settings = { speakingRate: 'slow' };
      const uri = fileUri(write(dir, 'plain/draft.speech', DRAFT));
      const mark = c.mark();
      c.notify('workspace/didChangeConfiguration', { settings: null });
      c.open(uri, DRAFT);
      await c.waitForDiagnostics(uri, mark);
      const m = await c.waitForMessage((x) => x.message.includes('speechlint.speakingRate'));
      assert.match(m.message, /speechlint settings/);
      assert.equal((await c.request<StatsResult>(Requests.stats, { uri })).speakingRate, 220);
      c.settings = {};
      c.close(uri);
    });
  });

  describe('clients without workspace/configuration (Helix-style initializationOptions)', () => {
    it('takes settings, locale and debounce from initializationOptions, and pushed settings from didChangeConfiguration', async () => {
      const c = await TestClient.start({
        capabilities: { workspace: { configuration: false } },
        initializationOptions: { speechlint: { locale: 'en', debounceMs: 0, rules: { [MARKER]: 'error' } } },
      });
      try {
        const uri = 'untitled:helix.speech';
        const mark = c.mark();
        c.open(uri, DRAFT);
        const p = await c.waitForDiagnostics(uri, mark);
        assert.ok(markers(p).length === 2 && markers(p).every((d) => d.severity === 1));
        assert.match(markers(p)[0].message, /^Placeholder /);
        assert.equal(c.configRequests.length, 0);
        const mark2 = c.mark();
        c.notify('workspace/didChangeConfiguration', { settings: { speechlint: { rules: { [MARKER]: 'hint' } } } });
        const p2 = await c.waitForDiagnostics(uri, mark2);
        assert.ok(markers(p2).length === 2 && markers(p2).every((d) => d.severity === 4));
        // debounce 0 from the nested options: a change is checked
        c.change(uri, 2, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'XX' }]);
        const p3 = await c.waitForDiagnostics(uri, mark2, (x) => x.version === 2);
        assert.equal(markers(p3).length, 3);
      } finally {
        await c.stop();
      }
    });
  });

  describe('odd initialize params', () => {
    it('no client capabilities, workspace folders that are not folders, a locale that is not a string: the server starts and checks', async () => {
      const c = await TestClient.start({
        initializationOptions: { debounceMs: 0 },
        initializeParams: { capabilities: {}, workspaceFolders: [null, { uri: 42 }, { uri: 'untitled:x' }], locale: 7 },
      });
      try {
        const uri = 'untitled:odd-init.speech';
        const mark = c.mark();
        c.open(uri, DRAFT);
        const p = await c.waitForDiagnostics(uri, mark);
        assert.equal(markers(p).length, 2);
        assert.equal(c.configRequests.length, 0, 'no capabilities: no workspace/configuration');
      } finally {
        await c.stop();
      }
    });
  });

  describe('locale', () => {
    it('zh-cn: Chinese messages, "字" counts, flat symbols for a client without hierarchy', async () => {
      const c = await TestClient.start({ locale: 'zh-cn', capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: false } } } });
      try {
        const d = corpus('004');
        const mark = c.mark();
        c.open(d.uri, d.text);
        const p = await c.waitForDiagnostics(d.uri, mark);
        const m = markers(p);
        assert.ok(m.length > 0);
        assert.ok(m.every((x) => /^占位符“[×Xx]+”尚未替换$/.test(x.message)), m[0].message);
        const syms = await c.request<SymbolInformation[]>('textDocument/documentSymbol', { textDocument: { uri: d.uri } });
        assert.ok(syms.every((s) => 'location' in s));
        const sub = syms.filter((s) => s.containerName === '二、以更加奋发有为的精神状态推动全会精神落地落实');
        assert.equal(sub.length, 7);
        assert.equal(sub[0].name, '(一)经济运行');
      } finally {
        await c.stop();
      }
    });

    it('no locale: Chinese; "en-US": English; detail in 字 / chars', async () => {
      for (const [locale, re, detail] of [
        [undefined, /^占位符/, /^\d[\d,]*字$/],
        ['en-US', /^Placeholder /, /^\d[\d,]* chars$/],
      ] as const) {
        const c = await TestClient.start({ locale });
        try {
          const uri = 'untitled:locale.speech';
          const mark = c.mark();
          c.open(uri, DRAFT);
          const p = await c.waitForDiagnostics(uri, mark);
          assert.match(markers(p)[0].message, re);
          const syms = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
          assert.match(syms[0].detail!, detail);
        } finally {
          await c.stop();
        }
      }
    });

    it('no locale in initialize (Neovim, Helix): the environment\'s, LC_ALL before LC_MESSAGES before LANG, as on the command line', async () => {
      for (const [env, init, re] of [
        [{ LANG: 'en_US.UTF-8' }, undefined, /^Placeholder /],
        [{ LANG: 'C.UTF-8' }, undefined, /^Placeholder /],
        [{ LANG: 'zh_CN.UTF-8' }, undefined, /^占位符/],
        [{ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' }, undefined, /^Placeholder /],
        [{ LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' }, undefined, /^占位符/],
        [{ LANG: 'en_US.UTF-8' }, { locale: 'zh-cn' }, /^占位符/],
      ] as const) {
        const c = await TestClient.start({ env, initializationOptions: { debounceMs: 0, ...init } });
        try {
          const uri = 'untitled:env-locale.speech';
          const mark = c.mark();
          c.open(uri, DRAFT);
          const p = await c.waitForDiagnostics(uri, mark);
          assert.match(markers(p)[0].message, re, JSON.stringify({ env, init }));
        } finally {
          await c.stop();
        }
      }
    });

    it('the locale in initialize wins over the environment', async () => {
      const c = await TestClient.start({ locale: 'zh-CN', env: { LC_ALL: 'en_US.UTF-8' }, initializationOptions: { debounceMs: 0 } });
      try {
        const uri = 'untitled:client-locale.speech';
        const mark = c.mark();
        c.open(uri, DRAFT);
        assert.match(markers(await c.waitForDiagnostics(uri, mark))[0].message, /^占位符/);
      } finally {
        await c.stop();
      }
    });
  });

  describe('debounce', () => {
    it('initializationOptions.debounceMs holds changes back; speechlint.debounceMs 0 overrides it', async () => {
      const c = await TestClient.start({ locale: 'en', initializationOptions: { debounceMs: 600000 } });
      try {
        const uri = 'untitled:debounce.speech';
        const mark = c.mark();
        c.open(uri, DRAFT);
        const p1 = await c.waitForDiagnostics(uri, mark);
        assert.equal(p1.version, 1, 'opening is checked at once');
        c.change(uri, 2, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'XX' }]);
        // a round trip, then a short grace: with a ten-minute debounce nothing may be published for version 2
        await c.request('textDocument/documentSymbol', { textDocument: { uri } });
        await new Promise((r) => setTimeout(r, 1000));
        assert.equal(c.diagnostics.filter((p) => p.uri === uri && p.version === 2).length, 0);

        c.settings = { debounceMs: 0 };
        c.notify('workspace/didChangeConfiguration', { settings: null });
        const p2 = await c.waitForDiagnostics(uri, mark, (p) => p.version === 2);
        assert.equal(markers(p2).length, 3, 'the configuration change re-checks the pending text');
        c.change(uri, 3, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } }, text: '' }]);
        const p3 = await c.waitForDiagnostics(uri, mark, (p) => p.version === 3);
        assert.equal(markers(p3).length, 2);
      } finally {
        await c.stop();
      }
    });

    it('debounceMs 0 in initializationOptions: every change is checked', async () => {
      const c = await TestClient.start({ locale: 'en', initializationOptions: { debounceMs: 0 } });
      try {
        const uri = 'untitled:zero.speech';
        const mark = c.mark();
        c.open(uri, DRAFT);
        await c.waitForDiagnostics(uri, mark);
        for (let v = 2; v <= 6; v++) {
          c.change(uri, v, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'XX ' }]);
          const p = await c.waitForDiagnostics(uri, mark, (x) => x.version === v);
          assert.equal(markers(p).length, v + 1);
        }
      } finally {
        await c.stop();
      }
    });
  });
});
