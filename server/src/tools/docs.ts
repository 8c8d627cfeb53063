/** `npm run docs`: regenerate the README's rules section from the registry. */
import * as fs from 'fs';
import * as path from 'path';
import { replaceRulesBlock, rulesMarkdown } from '../core/docs';
import { allRules } from '../core/rules';

const readmePath = path.resolve(__dirname, '../../../../README.md');
const before = fs.readFileSync(readmePath, 'utf8');
const after = replaceRulesBlock(before, rulesMarkdown(allRules));
if (after !== before) {
  fs.writeFileSync(readmePath, after);
  console.log('README.md: rules section updated');
} else {
  console.log('README.md: rules section up to date');
}
