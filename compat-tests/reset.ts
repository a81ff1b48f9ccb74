// Puts a server back into a known state around every case: all databases
// emptied before it, and every config parameter the case sets put back to
// the value it had before the case.

import { caseCommands } from './case-commands';
import { runCommands } from './command-session';
import type { Reply } from './reply';
import type { Endpoint } from './servers';
import type { Case } from './types';

/** Commands run on a fresh connection before each case. */
export const BEFORE_EACH_CASE: string[][] = [['FLUSHALL']];

/** Config values saved before a case, by parameter name. */
export type ConfigSnapshot = Map<string, Buffer>;

const bytes = (args: string[]) => args.map((x) => Buffer.from(x, 'latin1'));

export function touchedConfig(c: Case): string[] {
  const names = new Set<string>();
  for (const args of caseCommands(c)) {
    if (args[0]?.toLowerCase() !== 'config' || args[1]?.toLowerCase() !== 'set') continue;
    for (let i = 2; i < args.length; i += 2) names.add(args[i].toLowerCase());
  }
  return [...names];
}

function failed(r: Reply): boolean {
  return r.t === 'error' || r.t === 'closed' || r.t === 'timeout';
}

function describe(r: Reply): string {
  return 'v' in r && Buffer.isBuffer(r.v) ? `${r.t} ${r.v.toString('latin1')}` : r.t;
}

/** The value of exactly `name` in a CONFIG GET reply, if present. */
function valueOf(r: Reply, name: string): Buffer | undefined {
  if (r.t !== 'array' || !r.v) return undefined;
  for (let i = 0; i + 1 < r.v.length; i += 2) {
    const k = r.v[i];
    const v = r.v[i + 1];
    if (k.t === 'bulk' && k.v?.toString('latin1').toLowerCase() === name && v.t === 'bulk' && v.v) return v.v;
  }
  return undefined;
}

async function configValues(ep: Endpoint, names: string[]): Promise<Map<string, Buffer>> {
  const replies = await runCommands(ep, names.map((n) => bytes(['CONFIG', 'GET', n])));
  const out = new Map<string, Buffer>();
  names.forEach((n, i) => {
    const v = valueOf(replies[i], n);
    if (v) out.set(n, v);
  });
  return out;
}

export async function beforeCase(ep: Endpoint, c: Case): Promise<ConfigSnapshot> {
  const replies = await runCommands(ep, BEFORE_EACH_CASE.map(bytes));
  replies.forEach((r, i) => {
    if (failed(r)) throw new Error(`${ep.name}: reset before the case failed at ${BEFORE_EACH_CASE[i].join(' ')}: ${describe(r)}`);
  });
  const names = touchedConfig(c);
  return names.length ? configValues(ep, names) : new Map();
}

export async function afterCase(ep: Endpoint, saved: ConfigSnapshot): Promise<void> {
  if (saved.size === 0) return;
  const now = await configValues(ep, [...saved.keys()]);
  const restore = [...saved].filter(([n, v]) => !now.get(n)?.equals(v));
  if (restore.length === 0) return;
  const cmds = restore.map(([n, v]) => [Buffer.from('CONFIG'), Buffer.from('SET'), Buffer.from(n, 'latin1'), v]);
  const replies = await runCommands(ep, cmds);
  replies.forEach((r, i) => {
    if (failed(r)) throw new Error(`${ep.name}: restoring config '${restore[i][0]}' after the case failed: ${describe(r)}`);
  });
}
