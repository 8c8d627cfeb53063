/**
 * The README's Neovim set-up, run as a new user would: `nvim --headless`
 * with the README's Lua block for the installed Neovim as its init.lua and
 * `speechlint-language-server` on PATH (this repository's bin), on
 * - a `.speech` draft: its problems, the segmented ones too, in Chinese
 *   (Neovim sends no locale: the server takes LANG);
 * - a real draft saved as `.txt` (Neovim's filetype `text`): checked;
 * - this project's README.md (filetype `markdown`, English): no problems.
 * The diagnostics Neovim holds are written out by a small Lua harness and
 * printed. Skipped when there is no `nvim` (CI installs Debian's).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, SERVER_BIN, corpus, rmTemp, tempDir } from './client';

/** The README's Lua block for a Neovim version, by the bold label above it. */
export function readmeNeovimConfig(readme: string, version: [number, number]): string | undefined {
  const [major, minor] = version;
  const label = major > 0 || minor >= 11 ? '**Neovim 0.11 and later**' : minor >= 8 ? '**Neovim 0.8 to 0.10**' : minor === 7 ? '**Neovim 0.7**' : undefined;
  if (!label) return undefined;
  const at = readme.indexOf(label);
  if (at < 0) return undefined;
  const m = /```lua\n([\s\S]*?)```/.exec(readme.slice(at));
  return m?.[1];
}

/** Waits in Neovim's event loop (so LSP messages are handled), then writes what each buffer holds. */
const HARNESS = `
local out = assert(io.open(os.getenv('SPEECHLINT_NVIM_OUT'), 'w'))
local function has(bufnr, pred)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if pred(d) then return true end
  end
  return false
end
local function dump(tag, bufnr)
  out:write(tag .. '\\tfiletype\\t' .. vim.api.nvim_buf_get_option(bufnr, 'filetype') .. '\\n')
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    out:write(string.format('%s\\t%d\\t%s\\t%s\\n', tag, d.lnum + 1, tostring(d.code), (d.message:gsub('\\n', ' '))))
  end
end
local function open(file)
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  return vim.api.nvim_get_current_buf()
end
-- the draft: wait for the segmented phase (repetition/stutter needs jieba)
local draft = vim.api.nvim_get_current_buf()
out:write('draft\\twaited\\t' .. tostring(vim.wait(90000, function() return has(draft, function(d) return d.code == 'repetition/stutter' end) end, 50)) .. '\\n')
local text = open('corpus.txt')
out:write('text\\twaited\\t' .. tostring(vim.wait(60000, function() return #vim.diagnostic.get(text) > 0 end, 50)) .. '\\n')
local readme = open('README.md')
-- a speech draft opened after the README: once it has its problems, the README's would have come first
local barrier = open('barrier.speech')
out:write('barrier\\twaited\\t' .. tostring(vim.wait(60000, function() return #vim.diagnostic.get(barrier) > 0 end, 50)) .. '\\n')
dump('draft', draft)
dump('text', text)
dump('readme', readme)
out:close()
vim.cmd('qa!')
`;

interface Row {
  tag: string;
  line: string;
  code: string;
  message: string;
}

describe("the README's Neovim set-up, in nvim --headless", function () {
  this.timeout(240000);
  let version: [number, number] | undefined;
  let dir: string;

  before(function () {
    const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    const m = r.error ? null : /NVIM v(\d+)\.(\d+)/.exec(r.stdout);
    if (!m) this.skip(); // no Neovim here; CI installs Debian's
    version = [Number(m![1]), Number(m![2])];
    if (version[0] === 0 && version[1] < 7) this.skip(); // older than any set-up in the README (no nvim_create_autocmd)
    dir = tempDir('speechlint-nvim-');
  });
  after(() => {
    if (dir) rmTemp(dir);
  });

  it('problems of a draft and of a Chinese .txt, in Chinese from LANG; none for the English README', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const config = readmeNeovimConfig(readme, version!);
    assert.ok(config, `the README has a set-up for Neovim ${version!.join('.')}`);
    fs.writeFileSync(path.join(dir, 'init.lua'), config!);
    fs.writeFileSync(path.join(dir, 'harness.lua'), HARNESS);
    fs.copyFileSync(path.join(ROOT, 'examples', 'sample.speech'), path.join(dir, 'sample.speech'));
    fs.writeFileSync(path.join(dir, 'corpus.txt'), corpus('004').text);
    fs.writeFileSync(path.join(dir, 'README.md'), readme);
    fs.writeFileSync(path.join(dir, 'barrier.speech'), '关于工作的讲话\n一、总体要求\n今年实现收入XX亿元。\n');
    // `speechlint-language-server` on PATH, as `npm install -g` puts it
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    fs.symlinkSync(SERVER_BIN, path.join(bin, 'speechlint-language-server'));
    const out = path.join(dir, 'out.tsv');
    const env: Record<string, string | undefined> = {
      ...process.env,
      PATH: `${bin}${path.delimiter}${process.env.PATH}`,
      LANG: 'zh_CN.UTF-8',
      LC_ALL: undefined,
      LC_MESSAGES: undefined,
      SPEECHLINT_NVIM_OUT: out,
      // nothing of the user's Neovim: no shada, state or data of theirs
      XDG_CONFIG_HOME: path.join(dir, 'xdg', 'config'),
      XDG_DATA_HOME: path.join(dir, 'xdg', 'data'),
      XDG_STATE_HOME: path.join(dir, 'xdg', 'state'),
      XDG_CACHE_HOME: path.join(dir, 'xdg', 'cache'),
    };
    const r = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', 'init.lua', '-c', 'luafile harness.lua', 'sample.speech'], { cwd: dir, env, encoding: 'utf8', timeout: 220000 });
    assert.ok(fs.existsSync(out), `nvim wrote no results (exit ${r.status}, signal ${r.signal})\n${r.stdout}\n${r.stderr}`);
    const text = fs.readFileSync(out, 'utf8');
    console.log(`      Neovim ${version!.join('.')}: what each buffer holds\n${text.replace(/^/gm, '        ')}`);
    const rows: Row[] = text
      .trim()
      .split('\n')
      .map((l) => {
        const [tag, line, code, message] = l.split('\t');
        return { tag, line, code, message };
      });
    const of = (tag: string) => rows.filter((x) => x.tag === tag && /^\d+$/.test(x.line));
    const get = (tag: string, key: string) => rows.find((x) => x.tag === tag && x.line === key)?.code;

    assert.equal(get('draft', 'filetype'), 'speech', 'vim.filetype.add made .speech a filetype');
    assert.equal(get('draft', 'waited'), 'true', 'the segmented diagnostics arrived');
    const draft = of('draft');
    assert.ok(
      draft.some((d) => d.code === 'repetition/stutter' && d.line === '22'),
      '的的 on line 22',
    );
    const announced = draft.find((d) => d.code === 'numbering/announced-count');
    assert.ok(announced, 'numbering/announced-count');
    assert.match(announced!.message, /[\u4e00-\u9fff]/, 'Chinese messages: LANG=zh_CN.UTF-8, no locale from Neovim');
    assert.ok(draft.some((d) => d.code === 'placeholder/marker'));

    assert.equal(get('text', 'filetype'), 'text');
    assert.equal(get('text', 'waited'), 'true');
    assert.ok(of('text').some((d) => d.code === 'placeholder/marker'), 'the real draft as .txt is checked');

    assert.equal(get('readme', 'filetype'), 'markdown');
    assert.equal(get('barrier', 'waited'), 'true');
    assert.deepEqual(of('readme'), [], 'the English README gets no problems');
  });
});
