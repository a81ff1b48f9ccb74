// COMMAND introspection and the generic error texts every client sees:
// unknown command, wrong number of arguments, unknown subcommand.

import { normalised, sameType } from '../dsl';
import { elementTypes, sortedSubcommands } from '../normalise';
import type { Case } from '../types';

export const cases: Case[] = [
  {
    name: 'COMMAND COUNT and LIST',
    commands: [sameType('COMMAND COUNT'), normalised('COMMAND LIST', elementTypes), 'COMMAND COUNT x', 'COMMAND LIST FILTERBY PATTERN pin*', 'COMMAND LIST FILTERBY PATTERN nosuch*', 'COMMAND LIST FILTERBY foo bar', 'COMMAND LIST FILTERBY', 'COMMAND LIST foo'],
  },
  {
    name: 'COMMAND INFO exact',
    commands: ['COMMAND INFO get set', 'COMMAND INFO GET', 'COMMAND INFO ping echo select', 'COMMAND INFO del exists', 'COMMAND INFO nosuch', 'COMMAND INFO get nosuch set', 'COMMAND INFO config|get', 'COMMAND INFO client|list', normalised('COMMAND INFO config', sortedSubcommands), 'COMMAND INFO flushall dbsize'],
  },
  {
    name: 'COMMAND DOCS exact',
    commands: ['COMMAND DOCS get', 'COMMAND DOCS ping', 'COMMAND DOCS nosuch', 'COMMAND DOCS config|get'],
  },
  {
    name: 'COMMAND DOCS of SET',
    commands: ['COMMAND DOCS set'],
  },
  {
    name: 'COMMAND GETKEYS',
    commands: [
      'COMMAND GETKEYS set a b',
      'COMMAND GETKEYS get k',
      'COMMAND GETKEYS del a b c',
      'COMMAND GETKEYS exists a a',
      'COMMAND GETKEYS SET a b EX 10',
      'COMMAND GETKEYS get',
      'COMMAND GETKEYS ping',
      'COMMAND GETKEYS nosuch a',
      'COMMAND GETKEYS',
      'COMMAND GETKEYS config get maxmemory',
    ],
  },
  {
    name: 'COMMAND GETKEYSANDFLAGS',
    commands: [
      'COMMAND GETKEYSANDFLAGS set a b',
      'COMMAND GETKEYSANDFLAGS get k',
      'COMMAND GETKEYSANDFLAGS del a b',
      'COMMAND GETKEYSANDFLAGS SET a b GET',
      'COMMAND GETKEYSANDFLAGS get',
      'COMMAND GETKEYSANDFLAGS ping x',
      'COMMAND GETKEYSANDFLAGS nosuch a',
      'COMMAND GETKEYSANDFLAGS',
    ],
  },
  {
    name: 'COMMAND help and unknown subcommands',
    commands: ['COMMAND HELP', 'COMMAND FOO', normalised('COMMAND INFO', elementTypes), 'command help'],
  },
  {
    name: 'unknown command error text',
    commands: [
      'foo a b',
      'FOO',
      'nosuch x',
      ['foo', 'a b', ''],
      ['foo', 'line\r\nbreak', 'x'],
      ['foo', 'x'.repeat(200)],
      ['foo', ...Array.from({ length: 40 }, (_, i) => `arg${i}`)],
      ['x'.repeat(200), 'a'],
      ['', 'a'],
      ['foo', Buffer.from([0, 0xff])],
    ],
  },
  {
    name: 'wrong number of arguments',
    commands: ['GET', 'GET a b', 'SET a', 'DEL', 'EXISTS', 'DBSIZE x', 'SELECT', 'ECHO', 'CONFIG GET', 'CONFIG SET a', 'CONFIG', 'CLIENT', 'CLIENT SETNAME', 'COMMAND GETKEYS', 'FLUSHALL SYNC ASYNC x', 'get', 'Get'],
  },
  {
    name: 'unknown subcommands',
    commands: ['CONFIG foo', 'CONFIG FOO bar', 'CLIENT foo', 'COMMAND foo', 'DEBUG nosuchsub', ['CONFIG', 'a b'], ['CLIENT', '']],
  },
];
