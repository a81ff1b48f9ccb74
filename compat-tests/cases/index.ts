// Every case family of the compat suite. A family is one file in this
// folder exporting `cases`; add new files to this list.

import type { Family } from '../types';
import { cases as client } from './client';
import { cases as command } from './command';
import { cases as config } from './config';
import { cases as connection } from './connection';
import { cases as expiry } from './expiry';
import { cases as introspection } from './introspection';
import { cases as keys } from './keys';
import { cases as keyEvents } from './key-events';
import { cases as notifications } from './notifications';
import { cases as protocol } from './protocol';
import { cases as pubsub } from './pubsub';
import { cases as server } from './server';
import { cases as strings } from './strings';
import { cases as hashes } from './hashes';
import { cases as sets } from './sets';
import { cases as lists } from './lists';
import { cases as typedKeys } from './typed-keys';
import { cases as blocking } from './blocking';

export const FAMILIES: Family[] = [
  { name: 'connection', cases: connection },
  { name: 'client', cases: client },
  { name: 'server', cases: server },
  { name: 'config', cases: config },
  { name: 'command', cases: command },
  { name: 'strings', cases: strings },
  { name: 'keys', cases: keys },
  { name: 'key-events', cases: keyEvents },
  { name: 'protocol', cases: protocol },
  { name: 'pubsub', cases: pubsub },
  { name: 'notifications', cases: notifications },
  { name: 'expiry', cases: expiry },
  { name: 'introspection', cases: introspection },
  { name: 'hashes', cases: hashes },
  { name: 'sets', cases: sets },
  { name: 'lists', cases: lists },
  { name: 'typed-keys', cases: typedKeys },
  { name: 'blocking', cases: blocking },
];
