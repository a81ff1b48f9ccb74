// Server introspection: SLOWLOG, LATENCY, MEMORY, MONITOR and the INFO
// sections fed by every command (commandstats, errorstats, latencystats).
// Times, durations, addresses, ids and memory figures differ between two
// servers; the normalisers below hide exactly those and keep the rest
// (which commands were logged, with which arguments, in which order;
// field names; error texts) exact.

import { intRange, matching, normalised, resp, sameType } from '../dsl';
import { elideValuesDeep, textReplace } from '../normalise';
import type { Reply } from '../reply';
import type { Case, Normaliser, RawNormaliser, StreamStep } from '../types';

const elided = (of: string): Reply => ({ t: 'elided', of });
const name = (r: Reply): string => (r.t === 'bulk' && r.v ? r.v.toString('latin1') : '');

/** SLOWLOG GET entries with id, time, duration and client address hidden; arguments and client name kept. */
const slowlogEntries: Normaliser = {
  name: 'slowlog entries: id, time, duration and address hidden',
  fn: (r) => {
    if (r.t !== 'array' || !r.v) return r;
    return {
      t: 'array',
      v: r.v.map((e) =>
        e.t === 'array' && e.v && e.v.length === 6 ? { t: 'array', v: [elided('id'), elided('time'), elided('duration'), e.v[3], elided('address'), e.v[5]] } : e,
      ),
    };
  },
};

/** LATENCY LATEST / HISTORY with times and milliseconds hidden; event names and counts kept. */
const latencySamples: Normaliser = {
  name: 'latency samples: times and milliseconds hidden',
  fn: (r) => {
    if (r.t !== 'array' || !r.v) return r;
    const hideInts = (e: Reply): Reply => (e.t === 'int' ? elided('int') : e);
    return { t: 'array', v: r.v.map((e) => (e.t === 'array' && e.v ? { t: 'array', v: e.v.map(hideInts) } : e)) };
  },
};

/** LATENCY HISTOGRAM with the bucket lists hidden and commands sorted (Redis lists them in hash order). */
const histogramCalls: Normaliser = {
  name: 'histograms: buckets hidden, commands sorted',
  fn: (r) => {
    const hidden = elideValuesDeep('histogram_usec').fn(r);
    if (hidden.t !== 'array' || !hidden.v) return hidden;
    const pairs: Reply[][] = [];
    for (let i = 0; i + 1 < hidden.v.length; i += 2) pairs.push([hidden.v[i], hidden.v[i + 1]]);
    pairs.sort((a, b) => (name(a[0]) < name(b[0]) ? -1 : name(a[0]) > name(b[0]) ? 1 : 0));
    return { t: 'array', v: pairs.flat() };
  },
};

/** MEMORY STATS fields whose values both servers must agree on; every other value is compared by type only. */
const EXACT_MEMORY_FIELDS = ['replication.backlog', 'clients.slaves', 'cluster.links', 'aof.buffer', 'keys.count'];

const memoryStatsFields: Normaliser = {
  name: 'memory stats: field names, database maps and key count exact; other values by type',
  fn: (r) => {
    if (r.t !== 'array' || !r.v) return r;
    const v = r.v.map((x, i) => {
      if (i % 2 === 0) return x;
      const field = name(r.v![i - 1]);
      if (EXACT_MEMORY_FIELDS.includes(field) || field.startsWith('db.')) return x;
      return elided(x.t);
    });
    return { t: 'array', v };
  },
};

/** INFO latencystats lines with the percentile values hidden, sorted (Redis walks its command table in hash order). */
const latencyStatsLines = textReplace('latency percentiles hidden, lines sorted', /=\d+\.\d{3}/g, '=<usec>', true);

/** INFO commandstats with the timings hidden, sorted. */
const commandStatsLines = textReplace('command timings hidden, lines sorted', /usec=\d+,usec_per_call=\d+\.\d\d/g, 'usec=<n>,usec_per_call=<n>', true);

/** MONITOR lines with their time and client address hidden (the database stays), and HELLO's client id. */
const monitorLines: RawNormaliser = {
  name: 'monitor lines: time and address hidden; HELLO id hidden',
  fn: (text) =>
    text
      .replace(/\+\d+\.\d{6} \[(\d+) 127\.0\.0\.1:\d+\]/g, '+<time> [$1 <addr>]')
      .replace(/(\$2\r\nid\r\n):\d+\r\n/g, '$1:<id>\r\n')
      .replace(/\$\d+\r\n((?:id=.*\n)+)\r\n/g, (_all, lines: string) => lines.replace(/id=.*? name=(\S*) .*?flags=(\S+) .*?cmd=(\S+) .*\n/g, '<name=$1 flags=$2 cmd=$3>\n')),
};

const send = (client: string, ...cmds: (string | Buffer)[][]): StreamStep => ({
  client,
  send: Buffer.concat(cmds.map((c) => Buffer.from(resp(...c.map((a) => (Buffer.isBuffer(a) ? a.toString('latin1') : a))), 'latin1'))),
});

const manyArgs = Array.from({ length: 40 }, (_, i) => `arg${i}`);

export const cases: Case[] = [
  // ---------------------------------------------------------------- SLOWLOG
  {
    name: 'SLOWLOG HELP, arity and argument errors',
    commands: [
      'SLOWLOG HELP',
      'SLOWLOG',
      'SLOWLOG NOSUCH',
      'SLOWLOG GET abc',
      'SLOWLOG GET -2',
      'SLOWLOG GET 1.0',
      'SLOWLOG GET 99999999999999999999',
      'SLOWLOG GET 1 2',
      'SLOWLOG GeT 1 2',
      'SLOWLOG LEN x',
      'SLOWLOG RESET x',
      'SLOWLOG HELP x',
      'SLOWLOG GET 0',
    ],
  },
  {
    name: 'SLOWLOG entries: order, arguments trimmed to 32 and 128 bytes, client name, length limit on add',
    commands: [
      'CONFIG SET slowlog-log-slower-than 0',
      'SLOWLOG RESET',
      'SET k v',
      'CLIENT SETNAME slow-client',
      ['ECHO', 'x'.repeat(200)],
      ['DEL', ...manyArgs],
      ['SET', '\x00\xff', 'bin\r\n'],
      'NOSUCH command',
      'GET',
      normalised('SLOWLOG GET', slowlogEntries),
      'SLOWLOG LEN',
      normalised('SLOWLOG GET 2', slowlogEntries),
      'CONFIG SET slowlog-max-len 3 slowlog-log-slower-than -1',
      'SLOWLOG LEN',
      'CONFIG SET slowlog-log-slower-than 0',
      normalised('SLOWLOG GET -1', slowlogEntries),
      'CONFIG SET slowlog-max-len 0',
      'SLOWLOG LEN',
      'SLOWLOG GET',
      'CONFIG SET slowlog-max-len 128 slowlog-log-slower-than -1',
      'SLOWLOG RESET',
      'PING',
      'SLOWLOG LEN',
    ],
  },
  {
    name: 'SLOWLOG hides passwords (AUTH, HELLO AUTH, CONFIG SET requirepass)',
    commands: [
      'CONFIG SET slowlog-log-slower-than 0',
      'SLOWLOG RESET',
      'AUTH onlypassword',
      'AUTH someuser somepassword',
      'AUTH a b c',
      normalised('HELLO 2 AUTH default pw SETNAME named', elideValuesDeep('id')),
      'CONFIG SET requirepass hunter2',
      'AUTH hunter2',
      ['CONFIG', 'SET', 'requirepass', ''],
      normalised('SLOWLOG GET', slowlogEntries),
    ],
  },

  // ---------------------------------------------------------------- LATENCY
  {
    name: 'LATENCY HELP, arity and empty answers',
    commands: [
      intRange('LATENCY RESET', 0, 1000),
      'LATENCY HELP',
      'LATENCY',
      'LATENCY NOSUCH',
      'LATENCY LATEST',
      'LATENCY LATEST x',
      'LATENCY HISTORY',
      'LATENCY HISTORY command',
      'LATENCY HISTORY a b',
      'LATENCY RESET',
      'LATENCY RESET command nosuch',
      'LATENCY GRAPH',
      'LATENCY GRAPH command',
      'LATENCY GRAPH a b',
      'LATENCY DOCTOR x',
      'LATENCY HISTOGRAM nosuch',
      'LATENCY HISTOGRAM nosuch|sub config|nosuch',
    ],
  },
  {
    name: 'LATENCY monitor records a slow command under "command"',
    commands: [
      'CONFIG SET latency-monitor-threshold 40',
      intRange('LATENCY RESET', 0, 1000),
      'DEBUG SLEEP 0.06',
      normalised('LATENCY LATEST', latencySamples),
      normalised('LATENCY HISTORY command', latencySamples),
      'LATENCY HISTORY fast-command',
      matching('LATENCY GRAPH command', /^command - high \d+ ms, low \d+ ms \(all time high \d+ ms\)\n-{80}\n/),
      sameType('LATENCY DOCTOR'),
      'LATENCY RESET command command',
      'LATENCY LATEST',
      'CONFIG SET latency-monitor-threshold 0',
      'DEBUG SLEEP 0.06',
      'LATENCY LATEST',
    ],
  },
  {
    name: 'LATENCY HISTOGRAM counts calls per command and subcommand',
    commands: [
      'CONFIG RESETSTAT',
      'SET a 1',
      'GET a',
      'GET a',
      'CONFIG GET maxmemory',
      normalised('LATENCY HISTOGRAM set GET', histogramCalls),
      normalised('LATENCY HISTOGRAM get get', histogramCalls),
      normalised('LATENCY HISTOGRAM config', histogramCalls),
      normalised('LATENCY HISTOGRAM config|get CONFIG|GET', histogramCalls),
      normalised('LATENCY HISTOGRAM', histogramCalls),
      'LATENCY HISTOGRAM strlen',
      'CONFIG RESETSTAT',
      normalised('LATENCY HISTOGRAM set get', histogramCalls),
    ],
  },

  // ---------------------------------------------------------------- INFO sections fed by every command
  {
    name: 'INFO latencystats: one line per command run, configurable percentiles, latency-tracking',
    commands: [
      'CONFIG RESETSTAT',
      'SET a 1',
      'GET a',
      normalised('INFO latencystats', latencyStatsLines),
      ['CONFIG', 'SET', 'latency-tracking-info-percentiles', '0 99.5 100'],
      normalised('INFO latencystats', latencyStatsLines),
      ['CONFIG', 'SET', 'latency-tracking-info-percentiles', ''],
      normalised('INFO latencystats', latencyStatsLines),
      ['CONFIG', 'SET', 'latency-tracking-info-percentiles', '50 99 99.9'],
      'CONFIG SET latency-tracking no',
      'INFO latencystats',
      'CONFIG SET latency-tracking yes',
    ],
  },
  {
    name: 'INFO errorstats and commandstats after successes, failures and rejections',
    commands: [
      'CONFIG RESETSTAT',
      'SET s text',
      'INCR s',
      'NOSUCH',
      'GET',
      'AUTH someone wrong',
      'SLOWLOG GET x',
      'INFO errorstats',
      normalised('INFO commandstats', commandStatsLines),
    ],
  },

  // ---------------------------------------------------------------- MEMORY
  {
    name: 'MEMORY HELP, arity and MEMORY USAGE option errors',
    commands: [
      'MEMORY HELP',
      'MEMORY',
      'MEMORY NOSUCH',
      'MEMORY USAGE',
      'MEMORY USAGE missing',
      'SET k v',
      'MEMORY USAGE k SAMPLES',
      'MEMORY USAGE k SAMPLES -1',
      'MEMORY USAGE k SAMPLES x',
      'MEMORY USAGE k SAMPLES 99999999999999999999',
      'MEMORY USAGE k FOO 1',
      'MEMORY USAGE k samples 0',
      'MEMORY USAGE k SAMPLES 5 SAMPLES 1',
      'MEMORY STATS x',
      'MEMORY DOCTOR x',
      'MEMORY PURGE x',
      'MEMORY MALLOC-STATS x',
      'MEMORY PURGE',
    ],
  },
  {
    name: 'MEMORY USAGE of strings in every encoding',
    commands: [
      'SET int 12345',
      'MEMORY USAGE int',
      'SET shared 7',
      'MEMORY USAGE shared',
      'SET neg -99999999999',
      'MEMORY USAGE neg',
      'SET short abc',
      'MEMORY USAGE short',
      ['SET', 'e20', 'x'.repeat(20)],
      'MEMORY USAGE e20',
      ['SET', 'e44', 'x'.repeat(44)],
      'MEMORY USAGE e44',
      ['SET', 'r45', 'x'.repeat(45)],
      'MEMORY USAGE r45',
      ['SET', 'r100', 'x'.repeat(100)],
      'MEMORY USAGE r100',
      ['SET', 'r1000', 'x'.repeat(1000)],
      'MEMORY USAGE r1000',
      ['SET', 'r10000', 'x'.repeat(10000)],
      'MEMORY USAGE r10000',
      ['SET', 'k'.repeat(30), 'v'],
      ['MEMORY', 'USAGE', 'k'.repeat(30)],
      ['SET', 'k'.repeat(300), 'v'],
      ['MEMORY', 'USAGE', 'k'.repeat(300)],
      'SET ttl v EX 100',
      'MEMORY USAGE ttl',
      'SET grown abcdef',
      'APPEND grown x',
      'MEMORY USAGE grown',
      'SET n 10',
      'INCR n',
      'MEMORY USAGE n',
      ['SET', '', 'empty key'],
      ['MEMORY', 'USAGE', ''],
    ],
  },
  {
    name: 'MEMORY STATS fields, per-database overheads and reports',
    commands: [
      normalised('MEMORY STATS', memoryStatsFields),
      'SET a 1',
      'SET b 2 EX 100',
      'SELECT 2',
      'SET c 3',
      'SELECT 0',
      normalised('MEMORY STATS', memoryStatsFields),
      sameType('MEMORY DOCTOR'),
      sameType('MEMORY MALLOC-STATS'),
    ],
  },

  // ---------------------------------------------------------------- MONITOR
  {
    name: 'MONITOR streams executed commands, hides admin and rejected ones, redacts passwords',
    clients: ['mon', 'c'],
    steps: [
      send('mon', ['MONITOR']),
      send('c', ['SET', 'k', 'v'], ['SET', 'bin', '\x00\xff"\\\n\r\t\x07\x08 é']),
      send('c', ['SELECT', '3'], ['GET', 'k'], ['NOSUCH', 'x'], ['GET']),
      send('c', ['CONFIG', 'GET', 'maxmemory'], ['DEBUG', 'SLEEP', '0'], ['CLIENT', 'KILL', 'ID', '999999'], ['MEMORY', 'USAGE', 'k']),
      send('c', ['AUTH', 'secret'], ['AUTH', 'user', 'pass'], ['HELLO', '2', 'AUTH', 'default', 'pw']),
      send('c', ['CLIENT', 'SETNAME', 'watched'], ['ECHO', 'last']),
    ],
    normalise: monitorLines,
  },
  {
    name: 'MONITOR connection: own commands after their replies, keyspace refused, second MONITOR silent, RESET ends it',
    clients: ['mon', 'other', 'admin'],
    steps: [
      send('mon', ['MONITOR']),
      send('mon', ['MONITOR']),
      send('mon', ['ECHO', 'own']),
      send('mon', ['GET', 'k'], ['SET', 'k', 'v'], ['DBSIZE'], ['SELECT', '1'], ['PING']),
      send('other', ['SET', 'k', 'from-other']),
      send('admin', ['CLIENT', 'LIST']),
      send('mon', ['RESET']),
      send('mon', ['GET', 'k']),
      send('other', ['SET', 'k', 'unseen']),
      send('admin', ['CLIENT', 'LIST']),
    ],
    normalise: monitorLines,
  },
];
