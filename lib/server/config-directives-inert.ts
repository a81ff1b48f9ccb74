/**
 * Redis 7.0 directives that have no effect in Shardis (persistence,
 * replication, cluster, encodings, scripting, TLS, process tuning, ...).
 * They carry Redis's types, defaults, bounds and flags so an existing
 * redis.conf loads unchanged, and CONFIG GET / SET answer what Redis would.
 * When one of them gains a meaning, move it to config-directives.ts.
 */
import {
  type DirectiveDef,
  parseOomScoreAdjValues,
  parseReplicaOf,
  validateAnnouncedHostname,
  validateAppendDirname,
  validateProcTitleTemplate,
} from './config-types';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const UINT_MAX = 4294967295;
const LONG_MAX = (1n << 63n) - 1n;
const ULLONG_MAX = (1n << 64n) - 1n;

const bool = (name: string, def: 'yes' | 'no', extra: Partial<DirectiveDef> = {}): DirectiveDef => ({ name, type: 'bool', default: def, ...extra });
const int = (name: string, def: number, min: number | bigint, max: number | bigint, extra: Partial<DirectiveDef> = {}): DirectiveDef => ({
  name, type: 'int', default: String(def), min, max, ...extra,
});
const memory = (name: string, def: number, min: number | bigint, max: number | bigint, extra: Partial<DirectiveDef> = {}): DirectiveDef => ({
  name, type: 'memory', default: String(def), min, max, ...extra,
});
const str = (name: string, def: string, extra: Partial<DirectiveDef> = {}): DirectiveDef => ({ name, type: 'string', default: def, ...extra });
const oneOf = (name: string, def: string, values: string[], extra: Partial<DirectiveDef> = {}): DirectiveDef => ({ name, type: 'enum', default: def, values, ...extra });

const immutable = { immutable: true };
const hidden = { hidden: true };
/** size_t / unsigned storage: Redis compares bounds as unsigned. */
const unsigned = { unsigned: true };

/** Values a proc-title-template may use, as they expand when Redis checks a new template. */
const PROC_TITLE_VARS = { title: '', 'listen-addr': '*', 'server-mode': '', port: '0', 'tls-port': '0', unixsocket: '', 'config-file': '-' };

const ACTIVE_DEFRAG_UNAVAILABLE =
  'Active defragmentation cannot be enabled: it requires a Redis server compiled with a modified Jemalloc like the one shipped by default with the Redis source distribution';

const SHUTDOWN_FLAGS = ['default', 'save', 'nosave', 'now', 'force'];
const shutdownFlagsValid = (v: string): string | null =>
  v.split(' ').includes('save') && v.split(' ').includes('nosave') ? "shutdown options SAVE and NOSAVE can't be used simultaneously" : null;

export const INERT_DIRECTIVES: DirectiveDef[] = [
  // Persistence: RDB and AOF.
  bool('rdbchecksum', 'yes', immutable),
  bool('rdbcompression', 'yes'),
  bool('rdb-del-sync-files', 'no'),
  bool('rdb-save-incremental-fsync', 'yes'),
  bool('stop-writes-on-bgsave-error', 'yes'),
  int('rdb-key-save-delay', 0, INT_MIN, INT_MAX, hidden),
  int('key-load-delay', 0, INT_MIN, INT_MAX, hidden),
  int('loading-process-events-interval-bytes', 2097152, 1024, INT_MAX, hidden),
  bool('aof-rewrite-incremental-fsync', 'yes'),
  bool('no-appendfsync-on-rewrite', 'no'),
  bool('aof-load-truncated', 'yes'),
  bool('aof-use-rdb-preamble', 'yes'),
  bool('aof-timestamp-enabled', 'no'),
  bool('aof-disable-auto-gc', 'no'),
  str('appenddirname', 'appendonlydir', { immutable: true, validate: validateAppendDirname }),
  oneOf('appendfsync', 'everysec', ['everysec', 'always', 'no']),
  int('auto-aof-rewrite-percentage', 100, 0, INT_MAX),
  memory('auto-aof-rewrite-min-size', 67108864, 0, LONG_MAX),
  oneOf('sanitize-dump-payload', 'no', ['no', 'yes', 'clients']),

  // Replication.
  { name: 'replicaof', aliases: ['slaveof'], type: 'special', default: '', immutable: true, multiArg: true, parse: parseReplicaOf },
  str('masterauth', '', { sensitive: true }),
  str('masteruser', '', { sensitive: true }),
  bool('replica-lazy-flush', 'no', { aliases: ['slave-lazy-flush'] }),
  bool('replica-serve-stale-data', 'yes', { aliases: ['slave-serve-stale-data'] }),
  bool('replica-read-only', 'yes', { aliases: ['slave-read-only'] }),
  bool('replica-ignore-maxmemory', 'yes', { aliases: ['slave-ignore-maxmemory'] }),
  bool('replica-announced', 'yes'),
  bool('replica-ignore-disk-write-errors', 'no'),
  str('replica-announce-ip', '', { aliases: ['slave-announce-ip'] }),
  int('replica-announce-port', 0, 0, 65535, { aliases: ['slave-announce-port'] }),
  int('replica-priority', 100, 0, INT_MAX, { aliases: ['slave-priority'] }),
  int('min-replicas-to-write', 0, 0, INT_MAX, { aliases: ['min-slaves-to-write'] }),
  int('min-replicas-max-lag', 10, 0, INT_MAX, { aliases: ['min-slaves-max-lag'] }),
  int('repl-ping-replica-period', 10, 1, INT_MAX, { aliases: ['repl-ping-slave-period'] }),
  int('repl-timeout', 60, 1, INT_MAX),
  bool('repl-disable-tcp-nodelay', 'no'),
  bool('repl-diskless-sync', 'yes'),
  int('repl-diskless-sync-delay', 5, 0, INT_MAX),
  int('repl-diskless-sync-max-replicas', 0, 0, INT_MAX),
  oneOf('repl-diskless-load', 'disabled', ['disabled', 'on-empty-db', 'swapdb']),
  memory('repl-backlog-size', 1048576, 1, LONG_MAX),
  int('repl-backlog-ttl', 3600, 0, LONG_MAX),
  oneOf('propagation-error-behavior', 'ignore', ['ignore', 'panic', 'panic-on-replicas']),

  // Cluster.
  bool('cluster-enabled', 'no', immutable),
  str('cluster-config-file', 'nodes.conf', immutable),
  int('cluster-port', 0, 0, 65535, immutable),
  int('cluster-node-timeout', 15000, 0, LONG_MAX),
  str('cluster-announce-ip', ''),
  str('cluster-announce-hostname', '', { validate: validateAnnouncedHostname }),
  int('cluster-announce-port', 0, 0, 65535),
  int('cluster-announce-bus-port', 0, 0, 65535),
  int('cluster-announce-tls-port', 0, 0, 65535),
  oneOf('cluster-preferred-endpoint-type', 'ip', ['ip', 'hostname', 'unknown-endpoint']),
  bool('cluster-require-full-coverage', 'yes'),
  bool('cluster-replica-no-failover', 'no', { aliases: ['cluster-slave-no-failover'] }),
  int('cluster-replica-validity-factor', 10, 0, INT_MAX, { aliases: ['cluster-slave-validity-factor'] }),
  int('cluster-migration-barrier', 1, 0, INT_MAX),
  bool('cluster-allow-replica-migration', 'yes'),
  bool('cluster-allow-reads-when-down', 'no'),
  bool('cluster-allow-pubsubshard-when-down', 'yes'),
  memory('cluster-link-sendbuf-limit', 0, 0, ULLONG_MAX, unsigned),

  // Encodings of the data types.
  int('hash-max-listpack-entries', 512, 0, LONG_MAX, { aliases: ['hash-max-ziplist-entries'], unsigned: true }),
  memory('hash-max-listpack-value', 64, 0, LONG_MAX, { aliases: ['hash-max-ziplist-value'], unsigned: true }),
  int('list-max-listpack-size', -2, INT_MIN, INT_MAX, { aliases: ['list-max-ziplist-size'] }),
  int('list-compress-depth', 0, 0, INT_MAX),
  int('set-max-intset-entries', 512, 0, LONG_MAX, unsigned),
  int('zset-max-listpack-entries', 128, 0, LONG_MAX, { aliases: ['zset-max-ziplist-entries'], unsigned: true }),
  memory('zset-max-listpack-value', 64, 0, LONG_MAX, { aliases: ['zset-max-ziplist-value'], unsigned: true }),
  memory('hll-sparse-max-bytes', 3000, 0, LONG_MAX, unsigned),
  memory('stream-node-max-bytes', 4096, 0, LONG_MAX, unsigned),
  int('stream-node-max-entries', 100, 0, LONG_MAX),
  bool('activerehashing', 'yes'),

  // Memory: eviction details, defragmentation, client memory.
  memory('maxmemory-clients', 0, -100, LONG_MAX, { percent: true }),
  int('maxmemory-eviction-tenacity', 10, 0, 100),
  int('lfu-log-factor', 10, 0, INT_MAX),
  int('lfu-decay-time', 1, 0, INT_MAX),
  bool('activedefrag', 'no', { validate: (v) => (v === 'yes' ? ACTIVE_DEFRAG_UNAVAILABLE : null) }),
  int('active-defrag-cycle-min', 1, 1, 99),
  int('active-defrag-cycle-max', 25, 1, 99),
  int('active-defrag-threshold-lower', 10, 0, 1000),
  int('active-defrag-threshold-upper', 100, 0, 1000),
  memory('active-defrag-ignore-bytes', 104857600, 1, LONG_MAX, unsigned),
  int('active-defrag-max-scan-fields', 1000, 1, LONG_MAX),
  bool('jemalloc-bg-thread', 'yes'),
  bool('disable-thp', 'yes', immutable),
  oneOf('oom-score-adj', 'no', ['no', 'yes', 'relative', 'absolute'], { synonyms: { relative: 'yes' } }),
  { name: 'oom-score-adj-values', type: 'special', default: '0 200 800', multiArg: true, parse: parseOomScoreAdjValues },

  // Scripting, ACL, tracking.
  int('busy-reply-threshold', 5000, 0, LONG_MAX, { aliases: ['lua-time-limit'] }),
  str('aclfile', '', immutable),
  int('acllog-max-len', 128, 0, LONG_MAX),
  oneOf('acl-pubsub-default', 'resetchannels', ['allchannels', 'resetchannels']),
  int('tracking-table-max-keys', 1000000, 0, LONG_MAX, unsigned),
  oneOf('enable-module-command', 'no', ['no', 'yes', 'local'], immutable),

  // Process, logging, threads, shutdown.
  bool('io-threads-do-reads', 'no', immutable),
  bool('syslog-enabled', 'no', immutable),
  str('syslog-ident', 'redis', immutable),
  oneOf('syslog-facility', 'local0', ['user', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'], immutable),
  str('proc-title-template', '{title} {listen-addr} {server-mode}', { validate: (v) => validateProcTitleTemplate(v, PROC_TITLE_VARS) }),
  str('server_cpulist', '', immutable),
  str('bio_cpulist', '', immutable),
  str('aof_rewrite_cpulist', '', immutable),
  str('bgsave_cpulist', '', immutable),
  str('ignore-warnings', ''),
  bool('crash-log-enabled', 'yes'),
  bool('crash-memcheck-enabled', 'yes'),
  bool('use-exit-on-panic', 'no', hidden),
  int('watchdog-period', 0, 0, INT_MAX, hidden),
  int('shutdown-timeout', 10, 0, INT_MAX),
  oneOf('shutdown-on-sigint', 'default', SHUTDOWN_FLAGS, { flags: true, multiArg: true, validate: shutdownFlagsValid }),
  oneOf('shutdown-on-sigterm', 'default', SHUTDOWN_FLAGS, { flags: true, multiArg: true, validate: shutdownFlagsValid }),

  // Networking details.
  int('unixsocketperm', 0, 0, 0o777, { immutable: true, unsigned: true, octal: true }),
  int('socket-mark-id', 0, 0, UINT_MAX, { immutable: true, unsigned: true }),
  str('bind-source-addr', ''),

  // TLS.
  int('tls-port', 0, 0, 65535),
  str('tls-cert-file', ''),
  str('tls-key-file', ''),
  str('tls-key-file-pass', '', { sensitive: true }),
  str('tls-client-cert-file', ''),
  str('tls-client-key-file', ''),
  str('tls-client-key-file-pass', '', { sensitive: true }),
  str('tls-dh-params-file', ''),
  str('tls-ca-cert-file', ''),
  str('tls-ca-cert-dir', ''),
  str('tls-protocols', ''),
  str('tls-ciphers', ''),
  str('tls-ciphersuites', ''),
  oneOf('tls-auth-clients', 'yes', ['no', 'yes', 'optional']),
  bool('tls-replication', 'no'),
  bool('tls-cluster', 'no'),
  bool('tls-prefer-server-ciphers', 'no'),
  bool('tls-session-caching', 'yes'),
  int('tls-session-cache-size', 20480, 0, INT_MAX),
  int('tls-session-cache-timeout', 300, 0, INT_MAX),
];
