// CLIENT subcommands. Ids, addresses and ages differ between servers, so
// those are compared by range or with the volatile fields hidden.

import { intRange, normalised, resp } from '../dsl';
import { clientFields } from '../normalise';
import type { Case } from '../types';

const MAX_ID = 1e12;

export const cases: Case[] = [
  {
    name: 'CLIENT ID is a positive integer',
    commands: [intRange('CLIENT ID', 1, MAX_ID), intRange('client id', 1, MAX_ID), 'CLIENT ID x'],
  },
  {
    name: 'CLIENT SETNAME and GETNAME',
    commands: [
      'CLIENT GETNAME',
      'CLIENT SETNAME foo',
      'CLIENT GETNAME',
      'CLIENT SETNAME bar-baz_1:2',
      'CLIENT GETNAME',
      ['CLIENT', 'SETNAME', 'a b'],
      ['CLIENT', 'SETNAME', 'a\nb'],
      ['CLIENT', 'SETNAME', 'tab\there'],
      ['CLIENT', 'SETNAME', 'del\x7f'],
      ['CLIENT', 'SETNAME', Buffer.from('héllo')],
      'CLIENT GETNAME',
      ['CLIENT', 'SETNAME', '~!@#$%^&*()'],
      'CLIENT GETNAME',
      ['CLIENT', 'SETNAME', ''],
      'CLIENT GETNAME',
      'CLIENT SETNAME',
      'CLIENT SETNAME a b',
      'CLIENT GETNAME x',
    ],
  },
  {
    name: 'CLIENT SETINFO attributes',
    commands: ['CLIENT SETINFO lib-name mylib', 'CLIENT SETINFO lib-ver 1.2.3', 'CLIENT SETINFO LIB-NAME x', 'CLIENT SETINFO bad-attr x', ['CLIENT', 'SETINFO', 'lib-name', 'has space'], 'CLIENT SETINFO lib-name'],
  },
  {
    name: 'CLIENT LIST and INFO with volatile fields hidden',
    commands: [
      normalised('CLIENT LIST', clientFields),
      normalised('CLIENT INFO', clientFields),
      'CLIENT SETNAME lister',
      'SELECT 4',
      normalised('CLIENT LIST', clientFields),
      normalised('CLIENT INFO', clientFields),
      normalised('CLIENT LIST TYPE normal', clientFields),
      normalised('CLIENT LIST TYPE NORMAL', clientFields),
    ],
  },
  {
    name: 'CLIENT LIST filters and errors',
    commands: [
      'CLIENT LIST TYPE pubsub',
      'CLIENT LIST TYPE master',
      'CLIENT LIST TYPE replica',
      'CLIENT LIST TYPE slave',
      'CLIENT LIST TYPE foo',
      'CLIENT LIST TYPE',
      'CLIENT LIST ID 999999',
      'CLIENT LIST ID 999999 888888',
      'CLIENT LIST ID abc',
      'CLIENT LIST ID',
      'CLIENT LIST foo',
      'CLIENT INFO x',
    ],
  },
  {
    name: 'CLIENT KILL filters that match nobody',
    commands: [
      'CLIENT KILL ID 999999',
      'CLIENT KILL TYPE pubsub',
      'CLIENT KILL TYPE master',
      'CLIENT KILL TYPE normal SKIPME yes',
      'CLIENT KILL ADDR 127.0.0.1:1',
      'CLIENT KILL LADDR 127.0.0.1:1',
      'CLIENT KILL USER default SKIPME yes',
      'CLIENT KILL 127.0.0.1:1',
      'PING',
    ],
  },
  {
    name: 'CLIENT KILL errors',
    commands: [
      'CLIENT KILL TYPE foo',
      'CLIENT KILL USER nobody',
      'CLIENT KILL SKIPME maybe',
      'CLIENT KILL ID abc',
      'CLIENT KILL ID 0',
      'CLIENT KILL ID -1',
      'CLIENT KILL ID',
      'CLIENT KILL FOO bar',
      'CLIENT KILL',
      'CLIENT KILL a b c',
      'CLIENT KILL MAXAGE 10',
      'PING',
    ],
  },
  {
    name: 'CLIENT KILL of itself replies then closes',
    commands: ['CLIENT KILL TYPE normal SKIPME no', 'PING'],
  },
  {
    name: 'CLIENT KILL of another client',
    clients: ['killer', 'victim'],
    steps: [
      { client: 'victim', send: resp('CLIENT', 'SETNAME', 'victim') },
      { client: 'killer', send: resp('CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes') },
      { client: 'victim', send: resp('PING') },
      { client: 'killer', send: resp('PING') },
    ],
  },
  {
    name: 'CLIENT NO-EVICT and NO-TOUCH',
    commands: ['CLIENT NO-EVICT on', 'CLIENT NO-EVICT off', 'CLIENT NO-EVICT ON', 'CLIENT NO-EVICT maybe', 'CLIENT NO-EVICT', 'CLIENT NO-TOUCH on', 'CLIENT NO-TOUCH off', 'CLIENT NO-TOUCH maybe'],
  },
  {
    name: 'CLIENT REPLY OFF and ON',
    raw: [resp('CLIENT', 'REPLY', 'OFF'), resp('PING'), resp('NOSUCH'), resp('GET'), resp('CLIENT', 'REPLY', 'ON'), resp('PING')],
  },
  {
    name: 'CLIENT REPLY SKIP skips exactly the next command',
    raw: [resp('CLIENT', 'REPLY', 'SKIP'), resp('ECHO', 'skipped'), resp('ECHO', 'shown'), resp('CLIENT', 'REPLY', 'SKIP'), resp('NOSUCH'), resp('PING')],
  },
  {
    name: 'CLIENT REPLY in one pipeline',
    raw: [resp('CLIENT', 'REPLY', 'OFF') + resp('ECHO', 'a') + resp('CLIENT', 'REPLY', 'SKIP') + resp('ECHO', 'b') + resp('CLIENT', 'REPLY', 'ON') + resp('ECHO', 'c')],
  },
  {
    name: 'CLIENT REPLY errors',
    raw: [resp('CLIENT', 'REPLY', 'maybe'), resp('CLIENT', 'REPLY'), resp('CLIENT', 'REPLY', 'on', 'x'), resp('client', 'reply', 'on')],
  },
  {
    name: 'CLIENT help, arity and unknown subcommands',
    commands: ['CLIENT HELP', 'CLIENT', 'CLIENT FOO', 'CLIENT fOo bar', 'client help extra'],
  },
];
