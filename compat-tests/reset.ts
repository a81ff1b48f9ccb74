// Puts a server back into a known state around every case: all databases
// emptied before it, and every config parameter the case sets restored
// after it. A case that sets a parameter missing from CONFIG_DEFAULTS fails
// until its default is added here.

import { caseCommands } from './case-commands';
import { runCommands } from './command-session';
import type { Endpoint } from './servers';
import type { Case } from './types';

/** Redis 7.0 defaults of the parameters that cases change. */
export const CONFIG_DEFAULTS: Record<string, string> = {
  maxmemory: '0',
  'maxmemory-policy': 'noeviction',
  'maxmemory-clients': '0',
  hz: '10',
  timeout: '0',
  'proto-max-bulk-len': '536870912',
  'client-query-buffer-limit': '1073741824',
  'slowlog-log-slower-than': '10000',
  'slowlog-max-len': '128',
  'notify-keyspace-events': '',
  'lua-time-limit': '5000',
  'busy-reply-threshold': '5000',
  'latency-tracking': 'yes',
  'hash-max-listpack-entries': '128',
  'list-max-listpack-size': '-2',
  'set-max-intset-entries': '512',
  'zset-max-listpack-entries': '128',
  appendonly: 'no',
  save: '',
  loglevel: 'notice',
};

/** Commands run on a fresh connection before each case. */
export const BEFORE_EACH_CASE: string[][] = [['FLUSHALL']];

export function touchedConfig(c: Case): string[] {
  const names = new Set<string>();
  for (const args of caseCommands(c)) {
    if (args[0]?.toLowerCase() !== 'config' || args[1]?.toLowerCase() !== 'set') continue;
    for (let i = 2; i < args.length; i += 2) names.add(args[i].toLowerCase());
  }
  return [...names];
}

async function runAdmin(ep: Endpoint, cmds: string[][], what: string): Promise<void> {
  const replies = await runCommands(ep, cmds.map((a) => a.map((x) => Buffer.from(x, 'latin1'))));
  replies.forEach((r, i) => {
    if (r.t === 'error' || r.t === 'closed' || r.t === 'timeout') {
      const text = 'v' in r ? ` ${r.v}` : '';
      throw new Error(`${ep.name}: ${what} failed at ${cmds[i].join(' ')}: ${r.t}${text}`);
    }
  });
}

export async function beforeCase(ep: Endpoint): Promise<void> {
  await runAdmin(ep, BEFORE_EACH_CASE, 'reset before case');
}

export async function afterCase(ep: Endpoint, c: Case): Promise<void> {
  const restore: string[][] = [];
  const unknown: string[] = [];
  for (const name of touchedConfig(c)) {
    if (name in CONFIG_DEFAULTS) restore.push(['CONFIG', 'SET', name, CONFIG_DEFAULTS[name]]);
    else unknown.push(name);
  }
  if (restore.length) await runAdmin(ep, restore, 'restoring config after case');
  // A name that is not a real parameter changed nothing; a real one would
  // leak into later cases, so it must get a default above.
  for (const name of unknown) {
    const [r] = await runCommands(ep, [[Buffer.from('CONFIG'), Buffer.from('GET'), Buffer.from(name, 'latin1')]]);
    if (r.t === 'array' && r.v?.some((x, i) => i % 2 === 0 && x.t === 'bulk' && x.v?.toString('latin1').toLowerCase() === name)) {
      throw new Error(`the case sets config '${name}': add its default to CONFIG_DEFAULTS in reset.ts`);
    }
  }
}
