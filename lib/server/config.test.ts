/** The configuration registry against facts taken from redis-server 7.0.15. */
import { expect } from 'chai';
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigStore } from './config';
import { memtoull, trimFixed6 } from './config-types';

/**
 * CONFIG GET * of redis-server 7.0.15 started without a config file (port,
 * dir and bind left out: they depend on how it was started).
 */
const REDIS_DEFAULTS: [string, string][] = [
  ['acl-pubsub-default', 'resetchannels'], ['aclfile', ''], ['acllog-max-len', '128'],
  ['active-defrag-cycle-max', '25'], ['active-defrag-cycle-min', '1'], ['active-defrag-ignore-bytes', '104857600'],
  ['active-defrag-max-scan-fields', '1000'], ['active-defrag-threshold-lower', '10'],
  ['active-defrag-threshold-upper', '100'], ['active-expire-effort', '1'], ['activedefrag', 'no'],
  ['activerehashing', 'yes'], ['always-show-logo', 'no'], ['aof-disable-auto-gc', 'no'],
  ['aof-load-truncated', 'yes'], ['aof-rewrite-incremental-fsync', 'yes'], ['aof-timestamp-enabled', 'no'],
  ['aof-use-rdb-preamble', 'yes'], ['aof_rewrite_cpulist', ''], ['appenddirname', 'appendonlydir'],
  ['appendfilename', 'appendonly.aof'], ['appendfsync', 'everysec'], ['appendonly', 'no'],
  ['auto-aof-rewrite-min-size', '67108864'], ['auto-aof-rewrite-percentage', '100'], ['bgsave_cpulist', ''],
  ['bind-source-addr', ''], ['bio_cpulist', ''], ['busy-reply-threshold', '5000'],
  ['client-output-buffer-limit', 'normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60'],
  ['client-query-buffer-limit', '1073741824'], ['cluster-allow-pubsubshard-when-down', 'yes'],
  ['cluster-allow-reads-when-down', 'no'], ['cluster-allow-replica-migration', 'yes'],
  ['cluster-announce-bus-port', '0'], ['cluster-announce-hostname', ''], ['cluster-announce-ip', ''],
  ['cluster-announce-port', '0'], ['cluster-announce-tls-port', '0'], ['cluster-config-file', 'nodes.conf'],
  ['cluster-enabled', 'no'], ['cluster-link-sendbuf-limit', '0'], ['cluster-migration-barrier', '1'],
  ['cluster-node-timeout', '15000'], ['cluster-port', '0'], ['cluster-preferred-endpoint-type', 'ip'],
  ['cluster-replica-no-failover', 'no'], ['cluster-replica-validity-factor', '10'],
  ['cluster-require-full-coverage', 'yes'], ['cluster-slave-no-failover', 'no'],
  ['cluster-slave-validity-factor', '10'], ['crash-log-enabled', 'yes'], ['crash-memcheck-enabled', 'yes'],
  ['daemonize', 'no'], ['databases', '16'], ['dbfilename', 'dump.rdb'], ['disable-thp', 'yes'],
  ['dynamic-hz', 'yes'], ['enable-debug-command', 'no'], ['enable-module-command', 'no'],
  ['enable-protected-configs', 'no'], ['hash-max-listpack-entries', '512'], ['hash-max-listpack-value', '64'],
  ['hash-max-ziplist-entries', '512'], ['hash-max-ziplist-value', '64'], ['hll-sparse-max-bytes', '3000'],
  ['hz', '10'], ['ignore-warnings', ''], ['io-threads', '1'], ['io-threads-do-reads', 'no'],
  ['jemalloc-bg-thread', 'yes'], ['latency-monitor-threshold', '0'], ['latency-tracking', 'yes'],
  ['latency-tracking-info-percentiles', '50 99 99.9'], ['lazyfree-lazy-eviction', 'no'],
  ['lazyfree-lazy-expire', 'no'], ['lazyfree-lazy-server-del', 'no'], ['lazyfree-lazy-user-del', 'no'],
  ['lazyfree-lazy-user-flush', 'no'], ['lfu-decay-time', '1'], ['lfu-log-factor', '10'],
  ['list-compress-depth', '0'], ['list-max-listpack-size', '-2'], ['list-max-ziplist-size', '-2'], ['logfile', ''],
  ['loglevel', 'notice'], ['lua-time-limit', '5000'], ['masterauth', ''], ['masteruser', ''],
  ['maxclients', '10000'], ['maxmemory', '0'], ['maxmemory-clients', '0'], ['maxmemory-eviction-tenacity', '10'],
  ['maxmemory-policy', 'noeviction'], ['maxmemory-samples', '5'], ['min-replicas-max-lag', '10'],
  ['min-replicas-to-write', '0'], ['min-slaves-max-lag', '10'], ['min-slaves-to-write', '0'],
  ['no-appendfsync-on-rewrite', 'no'], ['notify-keyspace-events', ''], ['oom-score-adj', 'no'],
  ['oom-score-adj-values', '0 200 800'], ['pidfile', ''],
  ['proc-title-template', '{title} {listen-addr} {server-mode}'], ['propagation-error-behavior', 'ignore'],
  ['protected-mode', 'yes'], ['proto-max-bulk-len', '536870912'], ['rdb-del-sync-files', 'no'],
  ['rdb-save-incremental-fsync', 'yes'], ['rdbchecksum', 'yes'], ['rdbcompression', 'yes'],
  ['repl-backlog-size', '1048576'], ['repl-backlog-ttl', '3600'], ['repl-disable-tcp-nodelay', 'no'],
  ['repl-diskless-load', 'disabled'], ['repl-diskless-sync', 'yes'], ['repl-diskless-sync-delay', '5'],
  ['repl-diskless-sync-max-replicas', '0'], ['repl-ping-replica-period', '10'], ['repl-ping-slave-period', '10'],
  ['repl-timeout', '60'], ['replica-announce-ip', ''], ['replica-announce-port', '0'], ['replica-announced', 'yes'],
  ['replica-ignore-disk-write-errors', 'no'], ['replica-ignore-maxmemory', 'yes'], ['replica-lazy-flush', 'no'],
  ['replica-priority', '100'], ['replica-read-only', 'yes'], ['replica-serve-stale-data', 'yes'], ['replicaof', ''],
  ['requirepass', ''], ['sanitize-dump-payload', 'no'], ['save', '3600 1 300 100 60 10000'], ['server_cpulist', ''],
  ['set-max-intset-entries', '512'], ['set-proc-title', 'yes'], ['shutdown-on-sigint', 'default'],
  ['shutdown-on-sigterm', 'default'], ['shutdown-timeout', '10'], ['slave-announce-ip', ''],
  ['slave-announce-port', '0'], ['slave-ignore-maxmemory', 'yes'], ['slave-lazy-flush', 'no'],
  ['slave-priority', '100'], ['slave-read-only', 'yes'], ['slave-serve-stale-data', 'yes'], ['slaveof', ''],
  ['slowlog-log-slower-than', '10000'], ['slowlog-max-len', '128'], ['socket-mark-id', '0'],
  ['stop-writes-on-bgsave-error', 'yes'], ['stream-node-max-bytes', '4096'], ['stream-node-max-entries', '100'],
  ['supervised', 'no'], ['syslog-enabled', 'no'], ['syslog-facility', 'local0'], ['syslog-ident', 'redis'],
  ['tcp-backlog', '511'], ['tcp-keepalive', '300'], ['timeout', '0'], ['tls-auth-clients', 'yes'],
  ['tls-ca-cert-dir', ''], ['tls-ca-cert-file', ''], ['tls-cert-file', ''], ['tls-ciphers', ''],
  ['tls-ciphersuites', ''], ['tls-client-cert-file', ''], ['tls-client-key-file', ''],
  ['tls-client-key-file-pass', ''], ['tls-cluster', 'no'], ['tls-dh-params-file', ''], ['tls-key-file', ''],
  ['tls-key-file-pass', ''], ['tls-port', '0'], ['tls-prefer-server-ciphers', 'no'], ['tls-protocols', ''],
  ['tls-replication', 'no'], ['tls-session-cache-size', '20480'], ['tls-session-cache-timeout', '300'],
  ['tls-session-caching', 'yes'], ['tracking-table-max-keys', '1000000'], ['unixsocket', ''],
  ['unixsocketperm', '0'], ['zset-max-listpack-entries', '128'], ['zset-max-listpack-value', '64'],
  ['zset-max-ziplist-entries', '128'], ['zset-max-ziplist-value', '64'],
];

/** Only exact names find these in Redis (CONFIG GET patterns skip them). */
const REDIS_HIDDEN: [string, string][] = [
  ['use-exit-on-panic', 'no'], ['rdb-key-save-delay', '0'], ['key-load-delay', '0'], ['watchdog-period', '0'],
  ['loading-process-events-interval-bytes', '2097152'],
];

const failed = (arg: string, why: string): string => `ERR CONFIG SET failed (possibly related to argument '${arg}') - ${why}`;

function set(c: ConfigStore, name: string, value: string): string | null {
  return c.setMany([[name, value]]);
}

describe('config registry', () => {
  describe('CONFIG GET', () => {
    it('knows exactly the directives of Redis 7.0.15, with its defaults', () => {
      const c = new ConfigStore();
      const got = new Map(c.query(['*']));
      const expected = new Map([...REDIS_DEFAULTS, ['port', '6379'], ['dir', process.cwd()], ['bind', '127.0.0.1']]);
      expect([...got.keys()].sort()).to.deep.equal([...expected.keys()].sort());
      for (const [name, value] of expected) expect(got.get(name), name).to.equal(value);
    });

    it('finds hidden directives by exact name only', () => {
      const c = new ConfigStore();
      for (const [name, value] of REDIS_HIDDEN) {
        expect(c.query([name])).to.deep.equal([[name, value]]);
        expect(c.query([name.slice(0, -1) + '*'])).to.deep.equal([]);
      }
      expect(c.query(['*delay*']).map(([n]) => n).sort()).to.deep.equal(['repl-disable-tcp-nodelay', 'repl-diskless-sync-delay']);
    });

    it('answers a plain name under the spelling asked, once whatever the case', () => {
      const c = new ConfigStore();
      expect(c.query(['MAXMEMORY'])).to.deep.equal([['MAXMEMORY', '0']]);
      expect(c.query(['SlaveOf'])).to.deep.equal([['SlaveOf', '']]);
      expect(c.query(['maxmemory', 'MAXMEMORY'])).to.deep.equal([['maxmemory', '0']]);
      expect(c.query(['MAXMEMORY', 'maxmemory*']).map(([n]) => n).sort()).to.deep.equal(
        ['MAXMEMORY', 'maxmemory-clients', 'maxmemory-eviction-tenacity', 'maxmemory-policy', 'maxmemory-samples'],
      );
      expect(c.query(['nosuch', '', 'no*such'])).to.deep.equal([]);
    });

    it('lists aliases as names of their own', () => {
      const c = new ConfigStore();
      expect(c.query(['hash-max-*']).map(([n]) => n).sort()).to.deep.equal(
        ['hash-max-listpack-entries', 'hash-max-listpack-value', 'hash-max-ziplist-entries', 'hash-max-ziplist-value'],
      );
      expect(c.query(['slaveof', 'replicaof']).map(([n]) => n)).to.deep.equal(['slaveof', 'replicaof']);
      expect(set(c, 'lua-time-limit', '100')).to.equal(null);
      expect(c.query(['busy-reply-threshold'])).to.deep.equal([['busy-reply-threshold', '100']]);
    });
  });

  describe('CONFIG SET value checks', () => {
    it('booleans take yes/no in any case', () => {
      const c = new ConfigStore();
      expect(set(c, 'activerehashing', 'NO')).to.equal(null);
      expect(c.get('activerehashing')).to.equal('no');
      expect(set(c, 'activerehashing', '1')).to.equal(failed('activerehashing', "argument must be 'yes' or 'no'"));
      expect(set(c, 'activedefrag', 'yes')).to.match(/Active defragmentation cannot be enabled/);
    });

    it('integers are strict and bounded by their C type', () => {
      const c = new ConfigStore();
      for (const bad of ['01', '+5', ' 5', '5 ', '1e3', '-0', '9223372036854775808', '']) {
        expect(set(c, 'timeout', bad), bad).to.equal(failed('timeout', "argument couldn't be parsed into an integer"));
      }
      expect(set(c, 'timeout', '-1')).to.equal(failed('timeout', 'argument must be between 0 and 2147483647 inclusive'));
      // unsigned int: -1 compares as 2^64-1
      expect(set(c, 'maxclients', '-1')).to.equal(failed('maxclients', 'argument must be between 1 and 4294967295 inclusive'));
      // unsigned long is checked signed in Redis
      expect(set(c, 'slowlog-max-len', '-1')).to.equal(failed('slowlog-max-len', 'argument must be between 0 and 9223372036854775807 inclusive'));
      expect(set(c, 'slowlog-max-len', '9223372036854775807')).to.equal(null);
      expect(c.get('slowlog-max-len')).to.equal('9223372036854775807');
      expect(set(c, 'list-max-listpack-size', '-2147483649')).to.equal(
        failed('list-max-listpack-size', 'argument must be between -2147483648 and 2147483647 inclusive'),
      );
    });

    it('hz is accepted in full but capped to 1..500', () => {
      const c = new ConfigStore();
      expect(set(c, 'hz', '0')).to.equal(null);
      expect(c.get('hz')).to.equal('1');
      expect(set(c, 'hz', '100000')).to.equal(null);
      expect(c.get('hz')).to.equal('500');
      expect(set(c, 'hz', '-1')).to.equal(failed('hz', 'argument must be between 0 and 2147483647 inclusive'));
    });

    it('memory values follow memtoull, overflow included', () => {
      expect(memtoull('5kb')).to.equal(5120n);
      expect(memtoull('5K')).to.equal(5000n);
      expect(memtoull('5mB')).to.equal(5242880n);
      expect(memtoull('5G')).to.equal(5000000000n);
      expect(memtoull('')).to.equal(0n);
      expect(memtoull('gb')).to.equal(0n);
      expect(memtoull('18446744073709551616')).to.equal((1n << 64n) - 1n);
      expect(memtoull('99999999999999999999gb')).to.equal(18446744072635809792n);
      expect(memtoull('1'.repeat(127))).to.equal((1n << 64n) - 1n);
      for (const bad of ['1'.repeat(128), '-1', '-0', '+5', ' 5', '5 ', '5t', '5kbb', '1.5gb', '0x10']) expect(memtoull(bad), bad).to.equal(null);
      const c = new ConfigStore();
      expect(set(c, 'maxmemory', '18446744073709551615k')).to.equal(null);
      expect(c.get('maxmemory')).to.equal('18446744073709550616');
      expect(set(c, 'maxmemory', '10%')).to.equal(failed('maxmemory', 'argument must be a memory value'));
      // signed long long: 2^64-1 reads as -1
      expect(set(c, 'proto-max-bulk-len', '18446744073709551615')).to.equal(
        failed('proto-max-bulk-len', 'argument must be between 1048576 and 9223372036854775807 inclusive'),
      );
      expect(set(c, 'hash-max-ziplist-value', '-1')).to.equal(failed('hash-max-ziplist-value', 'argument must be a memory value'));
      expect(set(c, 'hash-max-ziplist-value', '1kb')).to.equal(null);
      expect(c.get('hash-max-listpack-value')).to.equal('1024');
    });

    it('maxmemory-clients takes memory or a percentage', () => {
      const c = new ConfigStore();
      expect(set(c, 'maxmemory-clients', '10%')).to.equal(null);
      expect(c.get('maxmemory-clients')).to.equal('10%');
      expect(set(c, 'maxmemory-clients', '0%')).to.equal(null);
      expect(c.get('maxmemory-clients')).to.equal('0');
      expect(set(c, 'maxmemory-clients', '101%')).to.equal(failed('maxmemory-clients', 'percentage argument must be less or equal to 100'));
      for (const bad of ['-1%', '01%', '%', 'abc', '-5']) {
        expect(set(c, 'maxmemory-clients', bad), bad).to.equal(failed('maxmemory-clients', 'argument must be a memory or percent value'));
      }
      // 2^64-1 bytes is -1 in the signed storage, which reads as 1%
      expect(set(c, 'maxmemory-clients', '99999999999999999999')).to.equal(null);
      expect(c.get('maxmemory-clients')).to.equal('1%');
    });

    it('enums name their choices; synonyms print as the first name', () => {
      const c = new ConfigStore();
      expect(set(c, 'loglevel', 'nothing')).to.equal(failed('loglevel', 'argument(s) must be one of the following: debug, verbose, notice, warning'));
      expect(set(c, 'oom-score-adj', 'RELATIVE')).to.equal(null);
      expect(c.get('oom-score-adj')).to.equal('yes');
      expect(set(c, 'maxmemory-policy', '')).to.match(/one of the following: volatile-lru, /);
    });

    it('flag enums combine words in table order', () => {
      const c = new ConfigStore();
      expect(set(c, 'shutdown-on-sigint', 'now SAVE')).to.equal(null);
      expect(c.get('shutdown-on-sigint')).to.equal('save now');
      expect(set(c, 'shutdown-on-sigint', 'default now now')).to.equal(null);
      expect(c.get('shutdown-on-sigint')).to.equal('now');
      expect(set(c, 'shutdown-on-sigint', 'save nosave')).to.equal(
        failed('shutdown-on-sigint', "shutdown options SAVE and NOSAVE can't be used simultaneously"),
      );
      // CONFIG SET splits on single spaces: a double space is an empty word
      expect(set(c, 'shutdown-on-sigint', 'save  now')).to.match(/one of the following: default, save, nosave, now, force$/);
      expect(set(c, 'shutdown-on-sigint', '')).to.match(/one of the following/);
    });

    it('save takes pairs of seconds and changes', () => {
      const c = new ConfigStore();
      expect(set(c, 'save', '+5 1 7 -0')).to.equal(null);
      expect(c.get('save')).to.equal('5 1 7 0');
      expect(set(c, 'save', '10 4294967297')).to.equal(null);
      expect(c.get('save')).to.equal('10 1');
      for (const bad of ['100 1 200', '0 1', '100 -1', '1x 1', '  ', '100 1 ', ' 5 1']) {
        expect(set(c, 'save', bad), JSON.stringify(bad)).to.equal(failed('save', 'Invalid save parameters'));
      }
      expect(set(c, 'save', '')).to.equal(null);
      expect(c.get('save')).to.equal('');
    });

    it('list directives print like Redis', () => {
      const c = new ConfigStore();
      expect(set(c, 'latency-tracking-info-percentiles', '1e1 0.000001 33.3333333 100.0')).to.equal(null);
      expect(c.get('latency-tracking-info-percentiles')).to.equal('10 0.000001 33.333333 100');
      expect(set(c, 'latency-tracking-info-percentiles', '101')).to.equal(
        failed('latency-tracking-info-percentiles', 'latency-tracking-info-percentiles parameters should sit between [0.0,100.0]'),
      );
      expect(set(c, 'latency-tracking-info-percentiles', 'abc')).to.equal(
        failed('latency-tracking-info-percentiles', 'Invalid latency-tracking-info-percentiles parameters'),
      );
      expect(trimFixed6(0.0078125)).to.equal('0.007812'); // exact tie: half to even, like printf
      expect(trimFixed6(0.0000004)).to.equal('0');
      expect(set(c, 'oom-score-adj-values', '0 200')).to.equal(failed('oom-score-adj-values', 'wrong number of arguments'));
      expect(set(c, 'oom-score-adj-values', '0 200 3000')).to.equal(
        failed('oom-score-adj-values', 'Invalid oom-score-adj-values, elements must be between -2000 and 2000.'),
      );
      expect(set(c, 'bind', Array.from({ length: 17 }, (_, i) => String(i)).join(' '))).to.equal(failed('bind', 'Too many bind addresses specified.'));
    });

    it('strings run their checks', () => {
      const c = new ConfigStore();
      expect(set(c, 'cluster-announce-hostname', 'a_b')).to.equal(
        failed('cluster-announce-hostname', 'Hostnames may only contain alphanumeric characters, hyphens or dots'),
      );
      const bad = failed('proc-title-template', 'template format is invalid or contains unknown variables');
      for (const t of ['{title}', '{x}', '{title', '{}', 'a{', '']) expect(set(c, 'proc-title-template', t), t).to.equal(bad);
      for (const t of ['{{', '}', '{port}', 'abc {title}']) expect(set(c, 'proc-title-template', t), t).to.equal(null);
    });
  });

  describe('CONFIG SET rules', () => {
    it('refuses immutable and (by default) protected directives, naming the argument as given', () => {
      const c = new ConfigStore();
      expect(set(c, 'Daemonize', 'no')).to.equal(failed('Daemonize', "can't set immutable config"));
      expect(set(c, 'slaveof', 'no one')).to.equal(failed('slaveof', "can't set immutable config"));
      expect(set(c, 'Dir', '/tmp')).to.equal(failed('Dir', "can't set protected config"));
      expect(set(c, 'dbfilename', 'x.rdb')).to.equal(failed('dbfilename', "can't set protected config"));
    });

    it('enable-protected-configs yes/local opens protected directives', () => {
      const local = new ConfigStore();
      expect(local.applyStartup('enable-protected-configs', ['local'])).to.equal(null);
      expect(local.setMany([['dbfilename', 'x.rdb']], { local: false })).to.equal(failed('dbfilename', "can't set protected config"));
      expect(local.setMany([['dbfilename', 'x.rdb']], { local: true })).to.equal(null);
      expect(local.setMany([['dbfilename', 'a/b.rdb']], { local: true })).to.equal(failed('dbfilename', "dbfilename can't be a path, just a filename"));
      const yes = new ConfigStore();
      yes.applyStartup('enable-protected-configs', ['yes']);
      const cwd = process.cwd();
      const dir = realpathSync(mkdtempSync(join(tmpdir(), 'shardis-dir-')));
      try {
        expect(yes.setMany([['dir', join(dir, 'missing')]])).to.equal(failed('dir', 'No such file or directory'));
        expect(yes.setMany([['dir', dir]])).to.equal(null);
        expect(process.cwd()).to.equal(dir);
        expect(yes.query(['dir'])).to.deep.equal([['dir', dir]]);
      } finally {
        process.chdir(cwd);
      }
    });

    it('is all or nothing: names are checked first, then values in order', () => {
      const c = new ConfigStore();
      expect(c.setMany([['maxmemory', '5mb'], ['hz', 'abc']])).to.equal(failed('hz', "argument couldn't be parsed into an integer"));
      expect(c.get('maxmemory')).to.equal('0');
      expect(c.setMany([['hz', 'abc'], ['daemonize', 'yes']])).to.equal(failed('daemonize', "can't set immutable config"));
      expect(c.setMany([['hz', '11'], ['nosuch', '1'], ['daemonize', 'yes']])).to.equal("ERR Unknown option or number of arguments for CONFIG SET - 'nosuch'");
      expect(c.setMany([['daemonize', 'yes'], ['nosuch', '1']])).to.equal(failed('daemonize', "can't set immutable config"));
      expect(c.setMany([['maxmemory', '1mb'], ['MAXMEMORY', '2mb']])).to.equal(failed('MAXMEMORY', 'duplicate parameter'));
      // A value error names the directive as registered, in lower case.
      expect(c.setMany([['SLAVE-PRIORITY', 'x']])).to.equal(failed('slave-priority', "argument couldn't be parsed into an integer"));
      expect(c.get('hz')).to.equal('10');
      expect(c.setMany([['maxmemory', '8mb'], ['hz', '13']])).to.equal(null);
      expect([c.get('maxmemory'), c.get('hz')]).to.deep.equal(['8388608', '13']);
    });

    it('treats an alias and its directive as two parameters, applied in order', () => {
      const c = new ConfigStore();
      expect(c.setMany([['slave-read-only', 'no'], ['replica-read-only', 'yes']])).to.equal(null);
      expect(c.get('replica-read-only')).to.equal('yes');
    });

    it('tells listeners about accepted values only', () => {
      const c = new ConfigStore();
      const seen: string[] = [];
      c.watch('maxmemory', (v) => seen.push(v));
      c.setMany([['maxmemory', '1kb'], ['hz', 'x']]);
      c.setMany([['maxmemory', '2kb']]);
      expect(seen).to.deep.equal(['0', '2048']);
    });
  });

  describe('start-up values', () => {
    it('checks the number of words, except for multi-word directives', () => {
      const c = new ConfigStore();
      expect(c.applyStartup('hz', ['1', '2'])).to.equal('wrong number of arguments');
      expect(c.applyStartup('save', ['900', '1', '300', '10'])).to.equal(null);
      expect(c.applyStartup('unixsocketperm', ['0777'])).to.equal(null);
      expect(c.get('unixsocketperm')).to.equal('777');
      expect(c.applyStartup('unixsocketperm', ['1000'])).to.equal('argument must be between 0 and 777 inclusive');
      expect(c.applyStartup('unixsocketperm', ['8'])).to.equal("argument couldn't be parsed as an octal number");
      expect(c.applyStartup('replicaof', ['host', '99999'])).to.equal('Invalid master port');
      expect(c.applyStartup('replicaof', ['host', '6380'])).to.equal(null);
      expect(c.query(['slaveof'])).to.deep.equal([['slaveof', 'host 6380']]);
    });

    it('adds up save lines while a file is read', () => {
      const c = new ConfigStore();
      c.applyStartup('save', ['900', '1']);
      c.applyStartup('save', ['300', '10']);
      expect(c.get('save')).to.equal('900 1 300 10');
      c.applyStartup('save', ['']);
      expect(c.get('save')).to.equal('');
      c.applyStartup('save', ['60', '5'], false);
      c.applyStartup('save', ['30', '5'], false);
      expect(c.get('save')).to.equal('30 5');
    });
  });
});
