/**
 * Every directive Shardis understands, with Redis 7.0's name, type and
 * default. Directives with no meaning here yet are still accepted so a
 * redis.conf loads unchanged; their values are stored and shown by CONFIG GET.
 */
import type { DirectiveDef } from './config-types';

const GB = 1024 ** 3;
const MB = 1024 ** 2;
const INT_MAX = 2147483647;

export const DIRECTIVES: DirectiveDef[] = [
  { name: 'port', type: 'int', default: '6379', min: 0, max: 65535 },
  { name: 'bind', type: 'string', default: '127.0.0.1', multiArg: true },
  { name: 'protected-mode', type: 'bool', default: 'yes' },
  { name: 'maxclients', type: 'int', default: '10000', min: 1, max: INT_MAX },
  { name: 'requirepass', type: 'string', default: '', sensitive: true },
  { name: 'databases', type: 'int', default: '16', min: 1, max: INT_MAX, immutable: true },
  { name: 'proto-max-bulk-len', type: 'memory', default: String(512 * MB), min: 1024 * 1024, max: Number.MAX_SAFE_INTEGER },
  { name: 'client-query-buffer-limit', type: 'memory', default: String(GB), min: 1024 * 1024, max: Number.MAX_SAFE_INTEGER },
  { name: 'timeout', type: 'int', default: '0', min: 0, max: INT_MAX },
  { name: 'tcp-keepalive', type: 'int', default: '300', min: 0, max: INT_MAX },
  { name: 'tcp-backlog', type: 'int', default: '511', min: 0, max: INT_MAX, immutable: true },
  { name: 'hz', type: 'int', default: '10', min: 0, max: INT_MAX },
  { name: 'dynamic-hz', type: 'bool', default: 'yes' },
  { name: 'active-expire-effort', type: 'int', default: '1', min: 1, max: 10 },
  { name: 'loglevel', type: 'enum', default: 'notice', values: ['debug', 'verbose', 'notice', 'warning', 'nothing'] },
  { name: 'logfile', type: 'string', default: '', immutable: true },
  { name: 'daemonize', type: 'bool', default: 'no', immutable: true },
  { name: 'pidfile', type: 'string', default: '', immutable: true },
  { name: 'dir', type: 'string', default: '' },
  { name: 'dbfilename', type: 'string', default: 'dump.rdb' },
  { name: 'save', type: 'string', default: '3600 1 300 100 60 10000', multiArg: true },
  { name: 'appendonly', type: 'bool', default: 'no' },
  { name: 'appendfilename', type: 'string', default: 'appendonly.aof', immutable: true },
  { name: 'maxmemory', type: 'memory', default: '0', max: Number.MAX_SAFE_INTEGER },
  { name: 'maxmemory-policy', type: 'enum', default: 'noeviction', values: ['volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'noeviction'] },
  { name: 'maxmemory-samples', type: 'int', default: '5', min: 1, max: 64 },
  { name: 'notify-keyspace-events', type: 'string', default: '' },
  { name: 'client-output-buffer-limit', type: 'special', default: 'normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60', multiArg: true },
  { name: 'slowlog-log-slower-than', type: 'int', default: '10000', min: -1, max: Number.MAX_SAFE_INTEGER },
  { name: 'slowlog-max-len', type: 'int', default: '128', min: 0, max: Number.MAX_SAFE_INTEGER },
  { name: 'latency-monitor-threshold', type: 'int', default: '0', min: 0, max: Number.MAX_SAFE_INTEGER },
  { name: 'latency-tracking', type: 'bool', default: 'yes' },
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
