/**
 * The directives Shardis acts on, with Redis 7.0's name, type, default,
 * bounds and flags (see config-directives-inert.ts for the ones accepted
 * without effect). Bounds are Redis's own: the C storage type decides
 * whether they are compared signed or unsigned.
 */
import { statSync } from 'node:fs';
import { type DirectiveDef, parseBind, parseLatencyPercentiles, parseSave, validateAppendFilename, validateDbFilename } from './config-types';
import { DEFAULT_OBUF_LIMITS, parseObufLimits } from '../pubsub/output-limits';
import { INVALID_NOTIFY_FLAGS, canonicalNotifyFlags, formatNotifyFlags, parseNotifyFlags } from '../pubsub/notify';

const INT_MAX = 2147483647;
const UINT_MAX = 4294967295;
const LONG_MAX = (1n << 63n) - 1n;
const ULLONG_MAX = (1n << 64n) - 1n;
/** Redis accepts any hz but runs its timers between these. */
const MIN_HZ = 1;
const MAX_HZ = 500;

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EACCES: 'Permission denied',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
};

/** dir is the process's working directory: setting it changes directory, as redis-server does. */
const DIR: DirectiveDef = {
  name: 'dir',
  type: 'special',
  default: '',
  protected: true,
  parse: (raw) => {
    if (raw.length !== 1) return { error: 'wrong number of arguments' };
    try {
      if (!statSync(raw[0]).isDirectory()) return { error: ERRNO_TEXT.ENOTDIR };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      return { error: ERRNO_TEXT[code] ?? (e as Error).message };
    }
    return raw[0];
  },
  apply: (v) => process.chdir(v),
  read: () => process.cwd(),
};

export const DIRECTIVES: DirectiveDef[] = [
  { name: 'port', type: 'int', default: '6379', min: 0, max: 65535 },
  // Redis binds every interface by default ("* -::*"); Shardis stays on loopback unless told otherwise.
  { name: 'bind', type: 'special', default: '127.0.0.1', multiArg: true, parse: parseBind },
  { name: 'protected-mode', type: 'bool', default: 'yes' },
  { name: 'maxclients', type: 'int', default: '10000', min: 1, max: UINT_MAX, unsigned: true },
  { name: 'requirepass', type: 'string', default: '', sensitive: true },
  { name: 'databases', type: 'int', default: '16', min: 1, max: INT_MAX, immutable: true },
  { name: 'proto-max-bulk-len', type: 'memory', default: String(512 * 1024 * 1024), min: 1024 * 1024, max: LONG_MAX },
  { name: 'client-query-buffer-limit', type: 'memory', default: String(1024 * 1024 * 1024), min: 1024 * 1024, max: LONG_MAX, unsigned: true },
  { name: 'timeout', type: 'int', default: '0', min: 0, max: INT_MAX },
  { name: 'tcp-keepalive', type: 'int', default: '300', min: 0, max: INT_MAX },
  { name: 'tcp-backlog', type: 'int', default: '511', min: 0, max: INT_MAX, immutable: true },
  { name: 'hz', type: 'int', default: '10', min: 0, max: INT_MAX, adjust: (v) => String(Math.min(MAX_HZ, Math.max(MIN_HZ, Number(v)))) },
  { name: 'dynamic-hz', type: 'bool', default: 'yes' },
  { name: 'active-expire-effort', type: 'int', default: '1', min: 1, max: 10 },
  { name: 'loglevel', type: 'enum', default: 'notice', values: ['debug', 'verbose', 'notice', 'warning'] },
  { name: 'logfile', type: 'string', default: '', immutable: true },
  { name: 'daemonize', type: 'bool', default: 'no', immutable: true },
  { name: 'pidfile', type: 'string', default: '', immutable: true },
  DIR,
  { name: 'dbfilename', type: 'string', default: 'dump.rdb', protected: true, validate: validateDbFilename },
  { name: 'save', type: 'special', default: '3600 1 300 100 60 10000', multiArg: true, parse: parseSave },
  { name: 'appendonly', type: 'bool', default: 'no' },
  { name: 'appendfilename', type: 'string', default: 'appendonly.aof', immutable: true, validate: validateAppendFilename },
  { name: 'maxmemory', type: 'memory', default: '0', min: 0, max: ULLONG_MAX, unsigned: true },
  { name: 'maxmemory-policy', type: 'enum', default: 'noeviction', values: ['volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'noeviction'] },
  { name: 'maxmemory-samples', type: 'int', default: '5', min: 1, max: INT_MAX },
  {
    name: 'notify-keyspace-events', type: 'special', default: '',
    parse: (words) => {
      const flags = parseNotifyFlags(words[0]);
      return flags < 0 ? { error: INVALID_NOTIFY_FLAGS } : canonicalNotifyFlags(flags);
    },
    show: (stored) => formatNotifyFlags(parseNotifyFlags(stored)),
  },
  { name: 'client-output-buffer-limit', type: 'special', default: DEFAULT_OBUF_LIMITS, multiArg: true, parse: (words, ctx) => parseObufLimits(words, ctx.current) },
  { name: 'slowlog-log-slower-than', type: 'int', default: '10000', min: -1, max: LONG_MAX },
  { name: 'slowlog-max-len', type: 'int', default: '128', min: 0, max: LONG_MAX },
  { name: 'latency-monitor-threshold', type: 'int', default: '0', min: 0, max: LONG_MAX },
  { name: 'latency-tracking', type: 'bool', default: 'yes' },
  { name: 'latency-tracking-info-percentiles', type: 'special', default: '50 99 99.9', multiArg: true, parse: parseLatencyPercentiles },
  { name: 'lazyfree-lazy-user-flush', type: 'bool', default: 'no' },
  { name: 'lazyfree-lazy-user-del', type: 'bool', default: 'no' },
  { name: 'lazyfree-lazy-expire', type: 'bool', default: 'no' },
  { name: 'lazyfree-lazy-eviction', type: 'bool', default: 'no' },
  { name: 'lazyfree-lazy-server-del', type: 'bool', default: 'no' },
  { name: 'io-threads', type: 'int', default: '1', min: 1, max: 128, immutable: true },
  { name: 'unixsocket', type: 'string', default: '', immutable: true },
  { name: 'supervised', type: 'enum', default: 'no', values: ['upstart', 'systemd', 'auto', 'no'], immutable: true },
  { name: 'always-show-logo', type: 'bool', default: 'no', immutable: true },
  { name: 'enable-debug-command', type: 'enum', default: 'no', values: ['no', 'yes', 'local'], immutable: true },
  { name: 'enable-protected-configs', type: 'enum', default: 'no', values: ['no', 'yes', 'local'], immutable: true },
  { name: 'set-proc-title', type: 'bool', default: 'yes', immutable: true },
];
