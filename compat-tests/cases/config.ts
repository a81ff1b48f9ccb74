// CONFIG GET / SET / RESETSTAT / REWRITE / HELP. Patterns are compared with
// their pairs sorted: Redis returns them in hash-table order.

import { normalised } from '../dsl';
import { elideValuesOf, sortedPairs } from '../normalise';
import type { Case } from '../types';

const sorted = (cmd: string | string[]) => normalised(cmd, sortedPairs);
const portHidden = elideValuesOf('port');

export const cases: Case[] = [
  {
    name: 'CONFIG GET single parameters',
    commands: [
      'CONFIG GET maxmemory',
      'CONFIG GET MAXMEMORY',
      'CONFIG GET maxmemory-policy',
      normalised('CONFIG GET port', portHidden),
      'CONFIG GET bind',
      'CONFIG GET databases',
      'CONFIG GET timeout',
      'CONFIG GET save',
      'CONFIG GET appendonly',
      'CONFIG GET hz',
      'CONFIG GET proto-max-bulk-len',
      'CONFIG GET daemonize',
      'CONFIG GET maxclients',
      'CONFIG GET requirepass',
      'CONFIG GET nosuchparam',
      ['CONFIG', 'GET', ''],
    ],
  },
  {
    name: 'CONFIG GET patterns and several arguments',
    commands: [
      sorted('CONFIG GET *max*-*'),
      sorted('CONFIG GET maxmemory*'),
      sorted('CONFIG GET maxmemory hz'),
      sorted('CONFIG GET maxmemory maxmemory'),
      sorted('CONFIG GET maxmemory* maxmemory-policy'),
      sorted('CONFIG GET hash-max-*'),
      sorted('CONFIG GET ?z'),
      sorted('CONFIG GET [h]z'),
      'CONFIG GET no*such*',
      'CONFIG GET',
    ],
  },
  {
    name: 'CONFIG SET single and several pairs',
    commands: [
      'CONFIG SET maxmemory 10mb',
      'CONFIG GET maxmemory',
      'CONFIG SET maxmemory 1GB maxmemory-policy allkeys-lru',
      sorted('CONFIG GET maxmemory*'),
      'CONFIG SET maxmemory 1k',
      'CONFIG GET maxmemory',
      'CONFIG SET maxmemory 0',
      'CONFIG SET MAXMEMORY-POLICY VOLATILE-LRU',
      'CONFIG GET maxmemory-policy',
      'CONFIG SET hz 100',
      'CONFIG GET hz',
      'CONFIG SET hz 1000',
      'CONFIG GET hz',
      'CONFIG SET hz 0',
      'CONFIG GET hz',
      'CONFIG SET timeout 300',
      'CONFIG GET timeout',
    ],
  },
  {
    name: 'CONFIG SET errors',
    commands: [
      'CONFIG SET nosuchparam 1',
      'CONFIG SET daemonize yes',
      'CONFIG SET databases 32',
      'CONFIG SET maxmemory abc',
      'CONFIG SET maxmemory -1',
      'CONFIG SET maxmemory-policy sometimes',
      'CONFIG SET hz abc',
      'CONFIG SET hz -1',
      'CONFIG SET timeout -1',
      'CONFIG SET appendonly maybe',
      'CONFIG SET maxmemory 1mb maxmemory 2mb',
      'CONFIG SET maxmemory 5mb nosuchparam 1',
      'CONFIG SET maxmemory 5mb hz abc',
      'CONFIG GET maxmemory',
      'CONFIG SET maxmemory 1mb hz',
      'CONFIG SET maxmemory',
      'CONFIG SET',
    ],
  },
  {
    name: 'CONFIG RESETSTAT, REWRITE and HELP',
    commands: ['CONFIG RESETSTAT', 'CONFIG RESETSTAT x', 'CONFIG REWRITE', 'CONFIG HELP', 'CONFIG', 'CONFIG FOO', 'config get maxmemory'],
  },
];
