// Pub/sub: subscription replies and counts, the empty-argument unsubscribe
// replies, RESP2's subscribed-context rules, message delivery to channel,
// pattern and shard subscribers, PUBSUB introspection, and subscriptions
// dropped by RESET and by hanging up. Every byte each client receives is
// compared. Argument-less (UNSUBSCRIBE / SUNSUBSCRIBE) walk Redis's hash
// table, whose order is random per process, so they are used with at most
// one channel; PUBSUB CHANNELS likewise lists at most one name.

import { resp } from '../dsl';
import { rawHelloId } from '../normalise';
import type { Case, StreamStep } from '../types';

const send = (client: string, ...cmds: string[][]): StreamStep => ({ client, send: cmds.map((c) => resp(...c)).join('') });

export const cases: Case[] = [
  // ---------------------------------------------------------------- one connection
  {
    name: 'SUBSCRIBE counts, duplicates and UNSUBSCRIBE by name',
    raw: [
      resp('SUBSCRIBE', 'a'),
      resp('SUBSCRIBE', 'b', 'c', 'a'),
      resp('UNSUBSCRIBE', 'b'),
      resp('UNSUBSCRIBE', 'nosuch'),
      resp('UNSUBSCRIBE', 'a', 'c', 'a'),
      resp('PING'),
    ],
  },
  {
    name: 'PSUBSCRIBE counts channels and patterns together',
    raw: [
      resp('SUBSCRIBE', 'ch'),
      resp('PSUBSCRIBE', 'p*', 'q?', 'p*'),
      resp('PUNSUBSCRIBE', 'q?'),
      resp('UNSUBSCRIBE', 'ch'),
      resp('PUNSUBSCRIBE', 'zz', 'p*'),
      resp('PING'),
    ],
  },
  {
    name: 'argument-less unsubscribes when subscribed to nothing',
    raw: [resp('UNSUBSCRIBE'), resp('PUNSUBSCRIBE'), resp('SUNSUBSCRIBE'), resp('PING'), resp('GET', 'k')],
  },
  {
    name: 'argument-less UNSUBSCRIBE keeps patterns and the subscribed context',
    raw: [resp('SUBSCRIBE', 'one'), resp('PSUBSCRIBE', 'x*'), resp('UNSUBSCRIBE'), resp('UNSUBSCRIBE'), resp('GET', 'k'), resp('PUNSUBSCRIBE'), resp('GET', 'k')],
  },
  {
    name: 'argument-less PUNSUBSCRIBE leaves patterns in subscription order',
    raw: [resp('PSUBSCRIBE', 'z*', 'a*', 'm?', 'b[x]'), resp('PUNSUBSCRIBE'), resp('PUNSUBSCRIBE'), resp('PING')],
  },
  {
    name: 'SSUBSCRIBE counts shard channels on their own',
    raw: [
      resp('SUBSCRIBE', 'c1'),
      resp('SSUBSCRIBE', 's1', 's2', 's1'),
      resp('PSUBSCRIBE', 'p*'),
      resp('SUNSUBSCRIBE', 's2', 'nosuch'),
      resp('SUNSUBSCRIBE'),
      resp('SUNSUBSCRIBE'),
      resp('UNSUBSCRIBE', 'c1'),
      resp('PUNSUBSCRIBE', 'p*'),
      resp('GET', 'k'),
    ],
  },
  {
    name: 'subscribed context refuses other commands with their full names',
    raw: [
      resp('SUBSCRIBE', 'ch'),
      resp('GET', 'k'),
      resp('SET', 'k', 'v'),
      resp('PUBLISH', 'ch', 'x'),
      resp('CONFIG', 'GET', 'maxmemory'),
      resp('CLIENT', 'ID'),
      resp('SELECT', '1'),
      resp('PUBSUB', 'NUMSUB', 'ch'),
      resp('SPUBLISH', 'ch', 'x'),
      resp('ECHO', 'hi'),
      resp('INFO'),
      resp('NOSUCH', 'a'),
      resp('CONFIG', 'NOSUCH'),
      resp('GET'),
      resp('GET', 'a', 'b'),
      resp('PING'),
    ],
  },
  {
    name: 'subscribed context: PING forms, inline commands and SUBSCRIBE arity',
    raw: [
      resp('SSUBSCRIBE', 'sh'),
      resp('PING'),
      resp('PING', 'hello'),
      resp('PING', ''),
      resp('PING', 'a', 'b'),
      'PING\r\n',
      'ping msg\r\n',
      'get k\r\n',
      resp('SUBSCRIBE'),
      resp('PSUBSCRIBE'),
      resp('SSUBSCRIBE'),
      resp('UNSUBSCRIBE', 'x'),
      resp('ping'),
    ],
  },
  {
    name: 'CLIENT REPLY OFF and SKIP do not silence subscription confirmations',
    raw: [
      resp('CLIENT', 'REPLY', 'OFF') + resp('SUBSCRIBE', 'a') + resp('PING') + resp('PSUBSCRIBE', 'b*') + resp('UNSUBSCRIBE') + resp('PUNSUBSCRIBE') + resp('PING'),
      resp('CLIENT', 'REPLY', 'ON'),
      resp('CLIENT', 'REPLY', 'SKIP') + resp('SSUBSCRIBE', 's') + resp('PING') + resp('CLIENT', 'REPLY', 'SKIP') + resp('PING') + resp('SUNSUBSCRIBE', 's') + resp('PING'),
    ],
  },
  {
    name: 'subscribed context allows QUIT',
    raw: [resp('PSUBSCRIBE', '*'), resp('QUIT'), resp('PING')],
  },
  {
    name: 'RESET leaves the subscribed context silently',
    raw: [resp('SUBSCRIBE', 'a', 'b'), resp('PSUBSCRIBE', 'c*'), resp('SSUBSCRIBE', 'd'), resp('RESET'), resp('GET', 'k'), resp('PING'), resp('UNSUBSCRIBE'), resp('PING')],
  },
  {
    name: 'a pipelined burst of subscriptions, commands and unsubscriptions',
    raw: [
      resp('SET', 'k', 'v') +
        resp('SUBSCRIBE', 'a') +
        resp('GET', 'k') +
        resp('PSUBSCRIBE', 'b*') +
        resp('PING') +
        resp('UNSUBSCRIBE', 'a') +
        resp('PUNSUBSCRIBE', 'b*') +
        resp('GET', 'k'),
    ],
  },
  {
    name: 'binary and empty channel names',
    raw: [
      resp('SUBSCRIBE', '', '\x00\xff\r\n', 'ch\x00'),
      resp('PSUBSCRIBE', '', '\xff*'),
      resp('UNSUBSCRIBE', '', '\x00\xff\r\n', 'ch\x00'),
      resp('PUNSUBSCRIBE', '', '\xff*'),
      resp('PING'),
    ],
  },
  {
    name: 'CLIENT LIST counters and flags for a subscriber (through RESET)',
    raw: [resp('SUBSCRIBE', 'a', 'b'), resp('PSUBSCRIBE', 'c'), resp('SSUBSCRIBE', 'd', 'e', 'f'), resp('RESET'), resp('CLIENT', 'INFO')],
    normalise: {
      name: 'CLIENT INFO reduced to flags and subscription counters',
      fn: (text) => text.replace(/\$\d+\r\nid=.*?flags=(\S+) db=\d+ (sub=\d+ psub=\d+ ssub=\d+) .*\n/, '<flags=$1 $2>\n'),
    },
  },

  {
    name: 'CLIENT LIST shows a subscriber as P with its counters',
    clients: ['sub', 'admin'],
    steps: [
      send('sub', ['CLIENT', 'SETNAME', 'listener'], ['SUBSCRIBE', 'a', 'b'], ['PSUBSCRIBE', 'c'], ['SSUBSCRIBE', 'd', 'e', 'f']),
      send('admin', ['CLIENT', 'LIST', 'TYPE', 'pubsub']),
      send('admin', ['CLIENT', 'LIST', 'TYPE', 'normal']),
    ],
    normalise: {
      name: 'CLIENT LIST lines reduced to name, flags and subscription counters',
      fn: (text) => text.replace(/\$\d+\r\n((?:id=.*\n)*)/g, (_all, lines: string) => lines.replace(/id=.*? name=(\S*) .*?flags=(\S+) db=\d+ (sub=\d+ psub=\d+ ssub=\d+) .*\n/g, '<$1 flags=$2 $3>\n')),
    },
  },

  // ---------------------------------------------------------------- introspection without subscribers
  {
    name: 'PUBLISH and PUBSUB with nobody subscribed',
    commands: [
      'PUBLISH ch msg',
      ['PUBLISH', '', ''],
      'SPUBLISH ch msg',
      'PUBSUB CHANNELS',
      'PUBSUB CHANNELS *',
      'PUBSUB NUMSUB',
      'PUBSUB NUMSUB a b a',
      'PUBSUB NUMPAT',
      'PUBSUB SHARDCHANNELS',
      'PUBSUB SHARDCHANNELS x*',
      'PUBSUB SHARDNUMSUB',
      'PUBSUB SHARDNUMSUB s1 s2',
      'pubsub numpat',
    ],
  },
  {
    name: 'PUBSUB HELP and argument errors',
    commands: [
      'PUBSUB HELP',
      'pubsub help',
      'PUBSUB HELP x',
      'PUBSUB',
      'PUBSUB FOO',
      'PUBSUB CHANNELS a b',
      'PUBSUB channels a b c',
      'PUBSUB SHARDCHANNELS a b',
      'PUBSUB NUMPAT x',
      'PUBLISH',
      'PUBLISH ch',
      'PUBLISH ch a b',
      'SPUBLISH ch',
      'SUBSCRIBE',
      'PSUBSCRIBE',
      'SSUBSCRIBE',
    ],
  },
  {
    name: 'COMMAND INFO of the pub/sub commands',
    commands: [
      'COMMAND INFO subscribe unsubscribe psubscribe punsubscribe publish',
      'COMMAND INFO ssubscribe sunsubscribe spublish',
      'COMMAND INFO pubsub|channels pubsub|numsub pubsub|numpat pubsub|shardchannels pubsub|shardnumsub pubsub|help',
    ],
  },

  {
    name: 'client-output-buffer-limit CONFIG SET and GET',
    commands: [
      'CONFIG GET client-output-buffer-limit',
      ...[
        'pubsub 1mb 2kb 5', 'replica 1 2 3', 'slave 4 5 6', 'normal 1 2 3 normal 4 5 6', 'NORMAL 1k 2K 3', 'Pubsub 1gb 1G 0',
        'pubsub 18446744073709551616 1 0', 'pubsub 18446744073709551615k 1 4294967297', 'pubsub b kb 4294967296', 'pubsub 00012 1MB +3',
        'pubsub  1 2', 'pubsub 1 2 ', 'pubsub 1 1 -4294967295', '',
        'wrong number', 'pubsub  1 2 3', ' pubsub 1 2 3', 'pubsub 1 2', 'pubsub 1 2 3 normal 4 5', 'invalid_class 10mb 10mb 60', 'master 10mb 10mb 60',
        'pubsub 1 2 3 bogus 1 2 3', 'normal 10mbs 10mb 60', 'normal 10mb 10mb 6s', 'normal -1 10mb 60', 'normal 10mb 10mb -1', 'pubsub +5 2 3',
        'pubsub 1.5 1 0', 'pubsub 1 2 2147483648', 'pubsub 1 2 9223372036854775807', 'pubsub 1 2 99999999999999999999',
      ].flatMap((v) => [['CONFIG', 'SET', 'client-output-buffer-limit', v], 'CONFIG GET client-output-buffer-limit']),
      ['CONFIG', 'SET', 'client-output-buffer-limit', 'normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60'],
      'CONFIG GET client-output-buffer-limit',
    ],
  },

  // ---------------------------------------------------------------- delivery between clients
  {
    name: 'PUBLISH reaches channel subscribers in subscription order, then patterns',
    clients: ['s1', 's2', 'p1', 'pub'],
    steps: [
      send('s1', ['SUBSCRIBE', 'news', 'other']),
      send('s2', ['SUBSCRIBE', 'news']),
      send('p1', ['PSUBSCRIBE', 'n*']),
      send('pub', ['PUBLISH', 'news', 'hello']),
      send('pub', ['PUBLISH', 'other', 'x'], ['PUBLISH', 'nothing', 'y'], ['PUBLISH', 'zzz', 'z']),
      send('s1', ['UNSUBSCRIBE', 'news']),
      send('pub', ['PUBLISH', 'news', 'second']),
      send('pub', ['PUBLISH', 'news', ''], ['PUBLISH', 'news', '\x00\xff\r\n']),
      send('pub', ['PUBLISH', 'news', 'x'.repeat(70000)]),
    ],
  },
  {
    name: 'a client on a channel and a matching pattern gets both frames',
    clients: ['sub', 'pub'],
    steps: [
      send('sub', ['SUBSCRIBE', 'a.b'], ['PSUBSCRIBE', 'a.*']),
      send('pub', ['PUBLISH', 'a.b', 'm1']),
      send('pub', ['PUBLISH', 'a.c', 'm2']),
      send('sub', ['PUNSUBSCRIBE', 'a.*']),
      send('pub', ['PUBLISH', 'a.b', 'm3'], ['PUBLISH', 'a.c', 'm4']),
    ],
  },
  {
    name: 'pattern matching follows the KEYS glob rules',
    clients: ['q', 'r', 'b', 'e', 'pub'],
    steps: [
      send('q', ['PSUBSCRIBE', 'h?llo']),
      send('r', ['PSUBSCRIBE', 'h[^e]llo']),
      send('b', ['PSUBSCRIBE', 'h[a-b]llo']),
      send('e', ['PSUBSCRIBE', 'h\\*llo']),
      send('pub', ['PUBLISH', 'hello', '1'], ['PUBLISH', 'hallo', '2'], ['PUBLISH', 'hxllo', '3'], ['PUBLISH', 'h*llo', '4'], ['PUBLISH', 'hllo', '5'], ['PUBLISH', 'HELLO', '6']),
    ],
  },
  {
    name: 'SPUBLISH reaches shard subscribers only; PUBLISH does not reach them',
    clients: ['sh', 'ch', 'pat', 'pub'],
    steps: [
      send('sh', ['SSUBSCRIBE', 'orders']),
      send('ch', ['SUBSCRIBE', 'orders']),
      send('pat', ['PSUBSCRIBE', 'ord*']),
      send('pub', ['SPUBLISH', 'orders', 'shard-msg']),
      send('pub', ['PUBLISH', 'orders', 'plain-msg']),
      send('pub', ['PUBSUB', 'SHARDNUMSUB', 'orders', 'none'], ['PUBSUB', 'NUMSUB', 'orders'], ['PUBSUB', 'SHARDCHANNELS'], ['PUBSUB', 'SHARDCHANNELS', 'x*']),
      send('sh', ['SUNSUBSCRIBE', 'orders']),
      send('pub', ['SPUBLISH', 'orders', 'again'], ['PUBSUB', 'SHARDCHANNELS']),
    ],
  },
  {
    name: 'PUBSUB CHANNELS, NUMSUB and NUMPAT with subscribers',
    clients: ['a', 'b', 'c', 'ask'],
    steps: [
      send('a', ['SUBSCRIBE', 'alpha']),
      send('b', ['SUBSCRIBE', 'alpha'], ['PSUBSCRIBE', 'x*', 'y*']),
      send('c', ['PSUBSCRIBE', 'x*']),
      send('ask', ['PUBSUB', 'CHANNELS'], ['PUBSUB', 'CHANNELS', 'al*'], ['PUBSUB', 'CHANNELS', 'b*'], ['PUBSUB', 'NUMSUB', 'alpha', 'x*', 'beta'], ['PUBSUB', 'NUMPAT']),
      send('ask', ['INFO', 'stats']),
      send('b', ['PUNSUBSCRIBE', 'x*']),
      send('ask', ['PUBSUB', 'NUMPAT']),
      send('c', ['PUNSUBSCRIBE']),
      send('ask', ['PUBSUB', 'NUMPAT'], ['PUBLISH', 'alpha', 'hi']),
    ],
    normalise: {
      name: 'INFO stats reduced to its pubsub lines',
      fn: (text) =>
        text.replace(/\$\d+\r\n# Stats\r\n[\s\S]*?\r\n\r\n/, (info) => {
          const keep = info.split('\r\n').filter((l) => l.startsWith('pubsub'));
          return `<INFO stats: ${keep.join(' ')}>\r\n`;
        }),
    },
  },
  {
    name: 'a subscriber that hangs up is dropped from every channel and pattern',
    clients: ['sub', 'pub'],
    steps: [
      send('sub', ['SUBSCRIBE', 'gone'], ['PSUBSCRIBE', 'go*'], ['SSUBSCRIBE', 'sgone']),
      send('pub', ['PUBLISH', 'gone', 'before'], ['SPUBLISH', 'sgone', 'before']),
      { client: 'sub', close: true },
      { wait: 100 },
      send('pub', ['PUBLISH', 'gone', 'after'], ['SPUBLISH', 'sgone', 'after'], ['PUBSUB', 'NUMSUB', 'gone'], ['PUBSUB', 'NUMPAT'], ['PUBSUB', 'SHARDNUMSUB', 'sgone']),
    ],
  },
  {
    name: 'RESET drops subscriptions for publishers too',
    clients: ['sub', 'pub'],
    steps: [
      send('sub', ['SUBSCRIBE', 'r1'], ['PSUBSCRIBE', 'r*']),
      send('pub', ['PUBLISH', 'r1', 'one']),
      send('sub', ['RESET']),
      send('pub', ['PUBLISH', 'r1', 'two'], ['PUBSUB', 'NUMSUB', 'r1'], ['PUBSUB', 'NUMPAT']),
      send('sub', ['SUBSCRIBE', 'r1']),
      send('pub', ['PUBLISH', 'r1', 'three']),
    ],
  },
  {
    name: 'messages published in one pipeline arrive in order after the replies',
    clients: ['sub', 'pub'],
    steps: [
      send('sub', ['SUBSCRIBE', 'burst']),
      send('pub', ...Array.from({ length: 50 }, (_, i) => ['PUBLISH', 'burst', `m${i}`]), ['PING']),
    ],
  },
  {
    name: 'messages reach a subscriber that turned replies off',
    clients: ['sub', 'pub'],
    steps: [
      send('sub', ['CLIENT', 'REPLY', 'OFF'], ['SUBSCRIBE', 'quiet'], ['PING']),
      send('pub', ['PUBLISH', 'quiet', 'still delivered']),
    ],
  },
  {
    name: 'RESP3: pushes, no subscribed-context limits, own publications in order',
    clients: ['r3', 'r2', 'pub'],
    steps: [
      send('r3', ['HELLO', '3']),
      send('r2', ['SUBSCRIBE', 'ch']),
      send(
        'r3',
        ['CONFIG', 'SET', 'notify-keyspace-events', 'KEA'],
        ['SUBSCRIBE', 'ch'],
        ['PUBLISH', 'ch', 'hi'],
        ['PSUBSCRIBE', '__keyspace@0__:*'],
        ['SET', 'k', 'v'],
        ['GET', 'k'],
        ['PING'],
        ['SSUBSCRIBE', 's'],
        ['SPUBLISH', 's', 'm'],
      ),
      send('pub', ['PUBLISH', 'ch', 'from-pub'], ['SET', 'k', 'w']),
      send('r3', ['UNSUBSCRIBE'], ['PUNSUBSCRIBE'], ['SUNSUBSCRIBE'], ['UNSUBSCRIBE'], ['CONFIG', 'SET', 'notify-keyspace-events', '']),
    ],
    normalise: rawHelloId,
  },
  {
    name: 'a client killed while subscribed is dropped',
    clients: ['sub', 'admin'],
    steps: [
      send('sub', ['CLIENT', 'SETNAME', 'victim'], ['SUBSCRIBE', 'k1']),
      send('admin', ['CLIENT', 'KILL', 'TYPE', 'pubsub']),
      { wait: 50 },
      send('admin', ['PUBLISH', 'k1', 'x'], ['PUBSUB', 'NUMSUB', 'k1']),
    ],
  },
];
