/**
 * The `export` section of .speechlintrc.json: defaults are GB/T 9704, each
 * bad value is a problem naming its key and keeps its default.
 */
import * as assert from 'node:assert/strict';
import { createRegistry, resolveConfig } from '../../server/src/core';
import { defaultExportLayout } from '../../server/src/core/export-layout';

function resolve(exportSection: unknown) {
  return resolveConfig(createRegistry(), [{ export: exportSection }]);
}

describe('config: the export section', () => {
  it('defaults to GB/T 9704 as used for speeches', () => {
    const l = resolveConfig(createRegistry(), []).config.exportLayout;
    assert.deepEqual(l.margins, { top: 37, bottom: 35, left: 28, right: 26 });
    assert.equal(l.linesPerPage, 22);
    assert.equal(l.charsPerLine, 28);
    assert.deepEqual(l.fonts.body, ['仿宋_GB2312', '方正仿宋_GBK', '仿宋', 'FangSong']);
    assert.deepEqual(l.sizes, { title: 22, body: 16, pageNumber: 14 });
    assert.equal(l.pageNumbers, 'outer');
  });

  it('takes valid values, a single font name as a list, and names each bad key', () => {
    const margins = JSON.parse('{ "top": 30, "left": "wide", "__proto__": { "top": 1 } }') as unknown;
    const { config, problems } = resolve({ margins, fonts: { heading2: ' 方正楷体_GBK ', title: [] }, charsPerLine: 28.5, pageNumbers: 'left', sizes: 3 });
    const l = config.exportLayout;
    assert.equal(l.margins.top, 30);
    assert.equal(l.margins.left, 28);
    assert.deepEqual(l.fonts.heading2, ['方正楷体_GBK']);
    assert.deepEqual(l.fonts.title, defaultExportLayout().fonts.title);
    assert.equal(l.charsPerLine, 28);
    assert.equal(l.pageNumbers, 'outer');
    assert.deepEqual(problems.map((p) => p.key).sort(), ['export.charsPerLine', 'export.fonts.title', 'export.margins.__proto__', 'export.margins.left', 'export.pageNumbers', 'export.sizes'].sort());
    assert.equal(Object.getPrototypeOf(l.margins), Object.prototype);
  });

  it('an export section that is not an object is one problem', () => {
    const { config, problems } = resolve('A4');
    assert.deepEqual(problems.map((p) => p.key), ['export']);
    assert.deepEqual(config.exportLayout, defaultExportLayout());
  });
});
