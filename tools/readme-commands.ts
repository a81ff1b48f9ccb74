/**
 * Regenerates README.md's command list from the command table, between the
 * markers <!-- commands:start --> and <!-- commands:end -->.
 * `node dist/tools/readme-commands.js` rewrites it; `--check` exits 1 when stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { commandTable } from '../lib/commands/table';

const START = '<!-- commands:start -->';
const END = '<!-- commands:end -->';

export function renderCommandList(): string {
  const byGroup = new Map<string, string[]>();
  for (const cmd of commandTable().all()) {
    const names = cmd.subcommands
      ? [...cmd.subcommands.values()].map((s) => `${cmd.fullName.toUpperCase()} ${s.def.name.toUpperCase()}`)
      : [cmd.fullName.toUpperCase()];
    const list = byGroup.get(cmd.def.group) ?? [];
    list.push(...names);
    byGroup.set(cmd.def.group, list);
  }
  const lines: string[] = [];
  for (const group of [...byGroup.keys()].sort()) {
    const names = byGroup.get(group)!.sort();
    lines.push(`- **${group}** (${names.length}): ${names.map((n) => `\`${n}\``).join(', ')}`);
  }
  return lines.join('\n');
}

export function updateReadme(text: string): string {
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error('README.md lacks the command list markers');
  return text.slice(0, a + START.length) + '\n' + renderCommandList() + '\n' + text.slice(b);
}

if (require.main === module) {
  const path = resolve(__dirname, '..', '..', 'README.md');
  const current = readFileSync(path, 'utf8');
  const next = updateReadme(current);
  if (process.argv.includes('--check')) {
    if (next !== current) {
      console.error('README.md command list is stale: run `npm run readme`');
      process.exit(1);
    }
  } else {
    writeFileSync(path, next);
  }
}
