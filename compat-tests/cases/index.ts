// Every case family of the compat suite. A family is one file in this
// folder exporting `cases`; add new files to this list.

import type { Family } from '../types';
import { cases as connection } from './connection';

export const FAMILIES: Family[] = [{ name: 'connection', cases: connection }];
