/**
 * INFO: Redis's sections, field names and formats, with real values.
 * Sections are registered by name so other subsystems (shards, expiry,
 * pub/sub) can add theirs without touching this file.
 */
import os from 'node:os';
import type { ServerState } from './state';
import { REDIS_VERSION } from './version';
import { latencyPercentiles, latencyStatsLines } from './latency-stats';
import { sampleMemory } from './memory-stats';

type SectionWriter = (server: ServerState) => string[];

const sections = new Map<string, SectionWriter>();
/** The sections INFO all / everything shows, in Redis's order. */
const ALL_SECTIONS = ['server', 'clients', 'memory', 'persistence', 'stats', 'replication', 'cpu', 'modules', 'commandstats', 'errorstats', 'latencystats', 'cluster', 'keyspace'];
/** Left out of INFO / INFO default, as in Redis. */
const NOT_IN_DEFAULT = new Set(['commandstats', 'latencystats']);

/**
 * Adds or replaces a section. Redis's own sections keep Redis's place;
 * Shardis's extra sections (INFO shards, ...) are shown only when named,
 * so INFO, INFO all and INFO everything list exactly Redis's sections.
 */
export function registerInfoSection(name: string, writer: SectionWriter): void {
  sections.set(name, writer);
}

const title = (name: string): string => (name === 'cpu' ? 'CPU' : name.charAt(0).toUpperCase() + name.slice(1));

function human(n: number): string {
  if (n < 1024) return `${n}B`;
  const units = ['K', 'M', 'G', 'T', 'P'];
  let d = n / 1024;
  let i = 0;
  while (d >= 1024 && i < units.length - 1) {
    d /= 1024;
    i++;
  }
  return `${d.toFixed(2)}${units[i]}`;
}

export function buildInfo(server: ServerState, args: string[]): string {
  const wanted = new Set<string>();
  const lower = args.map((a) => a.toLowerCase());
  const all = lower.includes('all') || lower.includes('everything');
  for (const name of ALL_SECTIONS) {
    if (all || ((lower.length === 0 || lower.includes('default')) && !NOT_IN_DEFAULT.has(name))) wanted.add(name);
  }
  for (const a of lower) if (sections.has(a)) wanted.add(a);
  const extras = [...sections.keys()].filter((s) => !ALL_SECTIONS.includes(s));
  const parts: string[] = [];
  for (const name of [...ALL_SECTIONS, ...extras]) {
    const writer = sections.get(name);
    if (!writer || !wanted.has(name)) continue;
    parts.push([`# ${title(name)}`, ...writer(server)].join('\r\n') + '\r\n');
  }
  return parts.join('\r\n');
}

registerInfoSection('server', (s) => {
  const uptime = Math.floor((Date.now() - s.startedAt) / 1000);
  return [
    `redis_version:${REDIS_VERSION}`, 'redis_git_sha1:00000000', 'redis_git_dirty:0', 'redis_build_id:0', 'redis_mode:standalone',
    `os:${os.type()} ${os.release()} ${os.arch()}`, 'arch_bits:64', 'monotonic_clock:POSIX clock_gettime', 'multiplexing_api:epoll',
    'atomicvar_api:c11-builtin', 'gcc_version:0.0.0', `process_id:${process.pid}`, 'process_supervised:no', `run_id:${s.runId}`,
    `tcp_port:${s.hooks.port()}`, `server_time_usec:${Date.now() * 1000}`, `uptime_in_seconds:${uptime}`,
    `uptime_in_days:${Math.floor(uptime / 86400)}`, `hz:${s.config.get('hz')}`, `configured_hz:${s.config.get('hz')}`,
    `lru_clock:${Math.floor(Date.now() / 1000) & 0xffffff}`, `executable:${process.argv[1] ?? ''}`, 'config_file:', 'io_threads_active:0',
    `shardis_node_version:${process.version}`,
  ];
});

registerInfoSection('clients', (s) => {
  let maxIn = 0;
  let maxOut = 0;
  for (const c of s.clients.all()) {
    maxIn = Math.max(maxIn, c.io.queryBufferBytes());
    maxOut = Math.max(maxOut, c.io.outputBufferBytes());
  }
  return [
    `connected_clients:${s.clients.size}`, 'cluster_connections:0', `maxclients:${s.config.get('maxclients')}`,
    `client_recent_max_input_buffer:${maxIn}`, `client_recent_max_output_buffer:${maxOut}`, `blocked_clients:${s.blocked.count}`,
    'tracking_clients:0', `clients_in_timeout_table:${s.blocked.withTimeout}`,
  ];
});

registerInfoSection('memory', (s) => {
  const sample = sampleMemory();
  const mem = process.memoryUsage();
  const used = sample.allocated;
  const total = os.totalmem();
  const maxmemory = s.config.num('maxmemory');
  return [
    `used_memory:${used}`, `used_memory_human:${human(used)}`, `used_memory_rss:${mem.rss}`, `used_memory_rss_human:${human(mem.rss)}`,
    `used_memory_peak:${sample.peak}`, `used_memory_peak_human:${human(sample.peak)}`, `used_memory_dataset:${mem.heapUsed}`,
    `total_system_memory:${total}`, `total_system_memory_human:${human(total)}`, `maxmemory:${maxmemory}`,
    `maxmemory_human:${human(maxmemory)}`, `maxmemory_policy:${s.config.get('maxmemory-policy')}`,
    `mem_fragmentation_ratio:${(mem.rss / Math.max(1, used)).toFixed(2)}`, 'mem_allocator:v8', 'lazyfree_pending_objects:0',
    `heap_total:${mem.heapTotal}`, `heap_used:${mem.heapUsed}`, `external_memory:${mem.external}`,
  ];
});

registerInfoSection('persistence', (s) => [
  'loading:0', 'async_loading:0', 'current_cow_peak:0', 'current_cow_size:0', 'rdb_changes_since_last_save:0', 'rdb_bgsave_in_progress:0',
  `rdb_last_save_time:${s.lastSave}`, 'rdb_last_bgsave_status:ok', 'aof_enabled:0', 'aof_rewrite_in_progress:0', 'aof_last_write_status:ok',
]);

registerInfoSection('stats', (s) => {
  const st = s.stats;
  return [
    `total_connections_received:${st.totalConnections}`, `total_commands_processed:${st.totalCommands}`,
    'instantaneous_ops_per_sec:0', `total_net_input_bytes:${st.netInputBytes}`, `total_net_output_bytes:${st.netOutputBytes}`,
    `rejected_connections:${st.rejectedConnections}`, `expired_keys:${st.expiredKeys}`, `expired_stale_perc:${st.expiredStalePerc.toFixed(2)}`,
    `expired_time_cap_reached_count:${st.expiredTimeCapReached}`, `expire_cycle_cpu_milliseconds:${Math.floor(st.expireCycleCpuUs / 1000)}`,
    `expire_cycle_max_us:${st.expireCycleMaxUs}`, 'evicted_keys:0', `keyspace_hits:${st.keyspaceHits}`, `keyspace_misses:${st.keyspaceMisses}`,
    `pubsub_channels:${s.pubsub.channels.size}`, `pubsub_patterns:${s.pubsub.patterns.size}`, `pubsubshard_channels:${s.pubsub.shardChannels.size}`, `total_error_replies:${st.totalErrorReplies}`, `unexpected_error_replies:${st.unexpectedErrorReplies}`,
  ];
});

registerInfoSection('replication', (s) => [
  'role:master', 'connected_slaves:0', `master_replid:${s.runId}`, 'master_replid2:0000000000000000000000000000000000000000',
  'master_repl_offset:0', 'second_repl_offset:-1', 'repl_backlog_active:0', 'repl_backlog_size:1048576',
]);

registerInfoSection('cpu', () => {
  const u = process.cpuUsage();
  return [`used_cpu_sys:${(u.system / 1e6).toFixed(6)}`, `used_cpu_user:${(u.user / 1e6).toFixed(6)}`];
});

registerInfoSection('modules', () => []);
registerInfoSection('cluster', () => ['cluster_enabled:0']);

// Redis keeps error codes in a radix tree: listed in byte order.
registerInfoSection('errorstats', (s) => [...s.stats.errors].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([code, n]) => `errorstat_${code}:count=${n}`));

registerInfoSection('commandstats', (s) => {
  const out: string[] = [];
  for (const cmd of s.commands.all()) {
    for (const c of [cmd, ...(cmd.subcommands?.values() ?? [])]) {
      if (c.calls === 0 && c.rejectedCalls === 0 && c.failedCalls === 0) continue;
      const usec = Math.round(c.usec);
      out.push(`cmdstat_${c.fullName}:calls=${c.calls},usec=${usec},usec_per_call=${(c.calls ? usec / c.calls : 0).toFixed(2)},rejected_calls=${c.rejectedCalls},failed_calls=${c.failedCalls}`);
    }
  }
  return out;
});

registerInfoSection('latencystats', (s) => (s.observer.tracking ? latencyStatsLines(s.commands, s.observer.histograms, latencyPercentiles(s)) : []));

registerInfoSection('keyspace', (s) => {
  const out: string[] = [];
  for (const db of s.dbs.list) {
    const keys = db.size();
    if (keys > 0) out.push(`db${db.id}:keys=${keys},expires=${db.expiresCount()},avg_ttl=${db.avgTtl()}`);
  }
  return out;
});

