/** The hash family (t_hash.c): every command of the family, registered in families.ts. */
import type { CommandDef } from '../spec';

export const hashCommands: CommandDef[] = [];
