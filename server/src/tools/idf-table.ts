/**
 * Writes the prepared idf table of the topic keywords (node/keywords.ts,
 * TfIdf.toBuffer) to the file named on the command line: run by
 * scripts/bundle.js, which writes dist/idf.bin beside the bundles.
 */
import { writeKeywordTable } from '../node/jieba';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: idf-table <output file>\n');
  process.exit(2);
}
writeKeywordTable(file);
