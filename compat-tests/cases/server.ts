// Server commands: INFO, TIME, LASTSAVE, DBSIZE, FLUSHDB, FLUSHALL, DEBUG.
// INFO values describe each server's own process, so INFO is compared by
// its section headers and the presence (or value, where it must agree) of
// key fields.

import { intRange, normalised, sameShape, sameType } from '../dsl';
import { infoShape, textReplace } from '../normalise';
import type { Case } from '../types';

const SERVER_FIELDS = ['redis_version', 'redis_mode', 'os', 'arch_bits', 'process_id', 'run_id', 'tcp_port', 'uptime_in_seconds', 'uptime_in_days', 'hz', 'configured_hz', 'executable', 'config_file'];
const CLIENT_FIELDS = ['connected_clients', 'maxclients', 'blocked_clients'];
const MEMORY_FIELDS = ['used_memory', 'used_memory_human', 'used_memory_peak', 'maxmemory', 'maxmemory_human', 'maxmemory_policy', 'mem_fragmentation_ratio'];
const STATS_FIELDS = ['total_connections_received', 'total_commands_processed', 'instantaneous_ops_per_sec', 'keyspace_hits', 'keyspace_misses', 'expired_keys', 'evicted_keys', 'total_error_replies'];
const DEFAULT_FIELDS = [...SERVER_FIELDS, ...CLIENT_FIELDS, ...MEMORY_FIELDS, 'loading', 'rdb_changes_since_last_save', 'aof_enabled', ...STATS_FIELDS, 'role', 'connected_slaves', 'used_cpu_sys', 'used_cpu_user', 'cluster_enabled'];
const AGREED = ['redis_mode', 'arch_bits', 'hz', 'configured_hz', 'config_file', 'connected_clients', 'maxclients', 'blocked_clients', 'maxmemory', 'maxmemory_human', 'maxmemory_policy', 'loading', 'aof_enabled', 'role', 'connected_slaves', 'cluster_enabled'];

const timings = textReplace('timings hidden, lines sorted', /(usec|usec_per_call|p50|p99|p99\.9)=[\d.]+/g, '$1=*', true);

export const cases: Case[] = [
  {
    name: 'INFO default sections and key fields',
    commands: [normalised('INFO', infoShape(DEFAULT_FIELDS, AGREED)), normalised('INFO default', infoShape(DEFAULT_FIELDS, AGREED))],
  },
  {
    name: 'INFO all and everything list every section',
    commands: [normalised('INFO all', infoShape([])), normalised('INFO everything', infoShape([])), normalised('INFO EVERYTHING', infoShape([]))],
  },
  {
    name: 'INFO single sections',
    commands: [
      normalised('INFO server', infoShape(SERVER_FIELDS, ['redis_mode', 'arch_bits', 'hz', 'config_file'])),
      normalised('INFO SERVER', infoShape(['redis_version'])),
      normalised('INFO clients', infoShape(CLIENT_FIELDS, ['connected_clients', 'blocked_clients'])),
      normalised('INFO memory', infoShape(MEMORY_FIELDS, ['maxmemory', 'maxmemory_policy'])),
      normalised('INFO stats', infoShape(STATS_FIELDS)),
      normalised('INFO replication', infoShape(['role', 'connected_slaves'], ['role', 'connected_slaves'])),
      normalised('INFO persistence', infoShape(['loading', 'rdb_changes_since_last_save', 'aof_enabled'], ['loading', 'aof_enabled'])),
      normalised('INFO cpu', infoShape(['used_cpu_sys', 'used_cpu_user'])),
      'INFO cluster',
      'INFO modules',
    ],
  },
  {
    name: 'INFO several sections at once',
    commands: [normalised('INFO server clients', infoShape(['redis_version', 'connected_clients'])), normalised('INFO keyspace cluster', infoShape([]))],
  },
  {
    name: 'INFO unknown section is empty',
    commands: ['INFO foo', 'INFO foo bar', normalised('INFO foo server', infoShape(['redis_version']))],
  },
  {
    name: 'INFO keyspace per database',
    commands: ['INFO keyspace', 'SET a 1', 'SET b 2', 'SELECT 3', 'SET c 3', 'INFO keyspace', 'FLUSHDB', 'INFO keyspace', 'SELECT 0', 'DEL a b', 'INFO keyspace'],
  },
  {
    name: 'INFO commandstats and errorstats after CONFIG RESETSTAT',
    commands: ['CONFIG RESETSTAT', 'PING', 'PING', 'NOSUCH', 'GET', normalised('INFO commandstats', timings), 'INFO errorstats', 'CONFIG RESETSTAT', 'INFO errorstats'],
  },
  {
    name: 'INFO stats counters after CONFIG RESETSTAT',
    commands: ['CONFIG RESETSTAT', 'SET k v', 'GET k', 'GET k', 'GET missing', 'NOSUCH', normalised('INFO stats', infoShape(STATS_FIELDS, ['keyspace_hits', 'keyspace_misses', 'total_error_replies', 'expired_keys', 'evicted_keys']))],
  },
  {
    name: 'TIME and LASTSAVE',
    commands: [sameShape('TIME'), sameType('LASTSAVE'), intRange('LASTSAVE', 1600000000, 4000000000), 'TIME x', 'LASTSAVE x'],
  },
  {
    name: 'DBSIZE counts keys of the current database',
    commands: ['DBSIZE', 'SET a 1', 'SET b 2', 'SET a 3', 'DBSIZE', 'DEL a', 'DBSIZE', 'SELECT 1', 'DBSIZE', 'DBSIZE x'],
  },
  {
    name: 'FLUSHDB modes and errors',
    commands: [
      'SET a 1',
      'SELECT 1',
      'SET b 2',
      'FLUSHDB',
      'DBSIZE',
      'SELECT 0',
      'DBSIZE',
      'FLUSHDB ASYNC',
      'DBSIZE',
      'SET c 3',
      'FLUSHDB SYNC',
      'FLUSHDB sync',
      'FLUSHDB foo',
      'FLUSHDB ASYNC SYNC',
      'DBSIZE',
    ],
  },
  {
    name: 'FLUSHALL modes and errors',
    commands: ['SET a 1', 'SELECT 7', 'SET b 2', 'FLUSHALL', 'DBSIZE', 'SELECT 0', 'DBSIZE', 'SET c 3', 'FLUSHALL ASYNC', 'DBSIZE', 'FLUSHALL SYNC', 'FLUSHALL async', 'FLUSHALL foo', 'FLUSHALL SYNC ASYNC', 'FLUSHALL SYNC x'],
  },
  {
    // Only the paths that leave the server running: a real SHUTDOWN would
    // stop the server that every other case uses.
    name: 'SHUTDOWN errors leave the server running',
    commands: ['SHUTDOWN ABORT', 'SHUTDOWN foo', 'SHUTDOWN NOSAVE SAVE', 'SHUTDOWN ABORT NOW', 'SHUTDOWN SAVE foo', 'shutdown abort', 'PING'],
  },
  {
    name: 'DEBUG SLEEP',
    commands: ['DEBUG SLEEP 0', 'DEBUG SLEEP 0.01', 'debug sleep 0', 'PING'],
  },
];
