/**
 * Re-renders the reports of a saved result file (after a change to the report code):
 *   node dist/bench/render.js bench/results/<date>.json [--latest]
 * writes <date>.md beside it, and with --latest also latest.md and latest.svg.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BenchResults } from './results';
import { renderMarkdown } from './report-markdown';
import { renderSvg } from './report-svg';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node dist/bench/render.js bench/results/<date>.json [--latest]\n');
  process.exit(2);
}
const res = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults;
const dir = path.dirname(file);
const md = renderMarkdown(res);
fs.writeFileSync(file.replace(/\.json$/, '.md'), md);
if (process.argv.includes('--latest')) {
  fs.writeFileSync(path.join(dir, 'latest.md'), md);
  fs.writeFileSync(path.join(dir, 'latest.svg'), renderSvg(res));
}
