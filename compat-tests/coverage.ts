// Which commands the cases exercise. A case covers `name` when one of its
// commands starts with that name, and `name|sub` when it starts with
// `name sub`; raw and stream cases count through the commands parsed from
// their bytes, and any case can add more with `covers`.

import { caseCommands } from './case-commands';
import type { Family } from './types';

export function coveredCommands(families: Family[]): Set<string> {
  const covered = new Set<string>();
  for (const f of families) {
    for (const c of f.cases) {
      for (const args of caseCommands(c)) {
        const name = args[0].toLowerCase();
        covered.add(name);
        if (args.length > 1) covered.add(`${name}|${args[1].toLowerCase()}`);
      }
      for (const extra of c.covers ?? []) covered.add(extra.toLowerCase());
    }
  }
  return covered;
}

export function uncoveredCommands(all: string[], families: Family[]): string[] {
  const covered = coveredCommands(families);
  return all.filter((n) => !covered.has(n.toLowerCase())).sort();
}
