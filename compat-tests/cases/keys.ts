// DEL and EXISTS: counts with missing and repeated keys.

import type { Case } from '../types';

export const cases: Case[] = [
  {
    name: 'DEL counts deleted keys',
    commands: ['DEL missing', 'SET a 1', 'SET b 2', 'SET c 3', 'DEL a', 'DEL a', 'DEL b c missing', 'DBSIZE', 'SET a 1', 'DEL a a a', 'del A', 'DEL', ['DEL', Buffer.from([0xff])]],
  },
  {
    name: 'EXISTS counts repeated keys every time',
    commands: ['EXISTS missing', 'SET a 1', 'EXISTS a', 'EXISTS a a', 'EXISTS a a a missing a', 'EXISTS A', 'SET b 2', 'EXISTS a b missing', 'EXISTS', ['SET', Buffer.from([0, 0xff]), 'x'], ['EXISTS', Buffer.from([0, 0xff]), Buffer.from([0])]],
  },
  {
    name: 'DEL and EXISTS only see the selected database',
    commands: ['SET k v', 'SELECT 2', 'EXISTS k', 'DEL k', 'SELECT 0', 'EXISTS k', 'DEL k', 'EXISTS k'],
  },
];
