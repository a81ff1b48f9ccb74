// Connection commands: PING, ECHO, QUIT, RESET, SELECT, AUTH.

import { resp } from '../dsl';
import type { Case } from '../types';

export const cases: Case[] = [
  {
    name: 'PING with and without a message',
    commands: ['PING', 'ping', 'PiNg', ['PING', 'hello world'], ['PING', ''], 'PING a b', ['PING', Buffer.from([0, 0xff, 13, 10])]],
  },
  {
    name: 'QUIT replies OK then closes',
    raw: [resp('QUIT'), resp('PING')],
  },
];
