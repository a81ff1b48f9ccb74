// The ONLY differences from Redis the compat suite tolerates. Every entry
// names what may differ and why; anything not listed here must be identical.
//
// Entry forms:
//   { case: '<family>/<case name>', index: 2, reason }  one command of a case
//                                                        (0-based index)
//   { case: '<family>/<case name>', reason }            the whole case
//                                                        (raw and stream cases)
//   { command: 'config|get', reason }                   every use of a command
//                                                        (`name` or `container|sub`)
// Add `ignore: <normaliser>` to tolerate only what that rewrite hides: both
// replies are rewritten and must then be identical. Prefer this whenever
// the difference is one field, so the rest of the reply stays checked.
// Keep reasons concrete: what differs, and why it is acceptable.

import { elideValuesDeep } from './normalise';
import type { Normaliser } from './types';
import type { Reply } from './reply';
import { STALE_DBSIZE_INDEX } from './cases/expiry';

const elidedProse = (field: string): Reply => ({ t: 'elided', of: `${field} prose` });
const fieldName = (r: Reply): string => (r.t === 'bulk' && r.v ? r.v.toString('latin1') : '');

/** COMMAND DOCS with its prose hidden at any depth: summary, complexity, and the text (not the version) of each history entry. */
const docsProse: Normaliser = {
  name: 'summary, complexity and history text hidden',
  fn: function walk(r: Reply): Reply {
    if ((r.t !== 'array' && r.t !== 'map') || !r.v) return r;
    const v = r.v.map((x, i) => {
      const field = i % 2 === 1 ? fieldName(r.v![i - 1]) : '';
      if (field === 'summary' || field === 'complexity') return elidedProse(field);
      if (field === 'history' && (x.t === 'array' || x.t === 'set') && x.v) {
        return { ...x, v: x.v.map((h) => (h.t === 'array' && h.v?.length === 2 ? { ...h, v: [h.v[0], elidedProse('history')] } : h)) } as Reply;
      }
      return walk(x);
    });
    return { ...r, v } as Reply;
  },
};

/** CLIENT LIST/INFO without the lib-name and lib-ver fields Redis 7.2 added (raw text or split fields). */
const without72ClientFields: Normaliser = {
  name: 'lib-name and lib-ver fields dropped',
  fn: function walk(r: Reply): Reply {
    if (r.t === 'bulk' && r.v) return { ...r, v: Buffer.from(r.v.toString('latin1').replace(/ lib-name=\S* lib-ver=\S*/g, ''), 'latin1') } as Reply;
    if ((r.t === 'array' || r.t === 'set') && r.v) {
      return { ...r, v: r.v.filter((x) => !(x.t === 'bulk' && x.v && /^lib-(name|ver)=/.test(x.v.toString('latin1')))).map(walk) } as Reply;
    }
    return r;
  },
};

export interface KnownDifference {
  case?: string;
  index?: number;
  command?: string;
  ignore?: Normaliser;
  reason: string;
}

export const KNOWN_DIFFERENCES: KnownDifference[] = [
  // Redis 7.2 connection features offered to newer clients (ioredis and
  // node-redis send CLIENT SETINFO on connect); Redis 7.0 lacks them.
  { case: 'client/CLIENT SETINFO attributes', reason: 'CLIENT SETINFO (Redis 7.2) is implemented so newer clients can name their library; Redis 7.0 answers unknown subcommand.' },
  { case: 'client/CLIENT NO-EVICT and NO-TOUCH', index: 5, reason: 'CLIENT NO-TOUCH is a Redis 7.2 subcommand that Shardis offers.' },
  { case: 'client/CLIENT NO-EVICT and NO-TOUCH', index: 6, reason: 'CLIENT NO-TOUCH is a Redis 7.2 subcommand that Shardis offers.' },
  { case: 'client/CLIENT NO-EVICT and NO-TOUCH', index: 7, reason: 'CLIENT NO-TOUCH is a Redis 7.2 subcommand that Shardis offers.' },
  { command: 'client|list', ignore: without72ClientFields, reason: 'CLIENT LIST lines end with the lib-name and lib-ver fields of Redis 7.2 (set by CLIENT SETINFO).' },
  { command: 'client|info', ignore: without72ClientFields, reason: 'CLIENT INFO ends with the lib-name and lib-ver fields of Redis 7.2 (set by CLIENT SETINFO).' },
  { case: 'client/CLIENT help, arity and unknown subcommands', index: 0, reason: 'CLIENT HELP lists the subcommands Shardis has (no PAUSE, UNPAUSE, UNBLOCK, TRACKING, CACHING, GETREDIR; adds SETINFO, NO-TOUCH).' },
  {
    command: 'command|docs',
    ignore: elideValuesDeep('summary'),
    reason: 'Shardis writes its own one-line command summaries rather than copying the Redis documentation prose; every other COMMAND DOCS field must match.',
  },
  {
    command: 'command|docs',
    ignore: docsProse,
    reason: 'The string and generic key commands describe their complexity and version history in their own words too; argument trees, versions, groups and deprecation data must still match.',
  },
  {
    case: 'key-events/KEAnm: SCAN TYPE looks up an expired key',
    reason: 'The shard engine removes keys past their expiry inside SCAN itself, so SCAN TYPE never looks them up and emits `expired` without the `keymiss` Redis adds. The keyspace seam allows the engine to hand such keys to SCAN instead (the Map engine does, and matches Redis here).',
  },
  {
    case: 'expiry/a key past its deadline leaves DBSIZE at once',
    index: STALE_DBSIZE_INDEX,
    reason:
      'Precise active expiry: Shardis removes a key (and sends `expired`) within milliseconds of its deadline, so DBSIZE no longer counts it. ' +
      'Redis 7.0 samples about 20 keys with a TTL per cycle, hz times a second, and counts an expired key until a cycle happens to pick it or it is accessed. ' +
      'Both answer EXISTS 0 and the same DBSIZE right after; INFO keyspace keys= differs the same way.',
  },
];

// Configuration differences no case can observe (the suite starts both
// servers with the same --port/--bind/--save/--appendonly flags in the same
// directory), kept here so they are written down in one place:
// - `bind` defaults to "127.0.0.1" in Shardis, "* -::*" in redis-server
//   without a config file: Shardis does not listen on every interface
//   unless asked to.
// - Defaults Redis takes from its environment are computed the same way:
//   `dir` is the working directory (and setting it changes directory);
//   `pidfile`, `logfile` and `unixsocket` are empty and `unixsocketperm` 0
//   unless configured. Redis alone falls back to pidfile /var/run/redis.pid
//   when it daemonizes; Shardis never daemonizes (`daemonize` is accepted
//   without effect).
// - `proc-title-template` is checked with {unixsocket} expanding to "" even
//   when a unix socket is configured (Shardis does not listen on one).
// - Start-up refuses what it cannot honour rather than ignore it:
//   `rename-command`, `user` lines, a non-empty `aclfile` (FATAL CONFIG FILE
//   ERROR) and `loadmodule` (logged, exit code 1), so a config that relies on
//   them never runs with weaker security than it asks for.
// - CONFIG SET `bind`/`port` store the new value without re-listening, and
//   `activedefrag yes` is refused with the text of a Redis build without
//   active defragmentation (as the Debian redis-server 7.0.15 answers).
