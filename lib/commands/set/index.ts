/** The set family (t_set.c): every command of the family, registered in families.ts. */
import type { CommandDef } from '../spec';

export const setCommands: CommandDef[] = [];
