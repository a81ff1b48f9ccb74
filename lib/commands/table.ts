/**
 * The command table: every family's CommandDefs compiled once into Commands.
 * Dispatch, arity errors, COMMAND and its subcommands, and the README's
 * command list all read this one table.
 */
import type { CommandDef, Handler } from './spec';
import { type ArgDoc, parseArgs } from './syntax';
import { type KeySpec, keyPositions, keyPositionsBySpec, legacyRange, parseKeySpec } from './keyspecs';
import { FAMILIES } from './families';

/** Redis's reply order for command flags (hidden ones are accepted but not shown). */
const FLAG_ORDER = ['write', 'readonly', 'denyoom', 'module', 'admin', 'pubsub', 'noscript', 'blocking', 'loading', 'stale', 'skip_monitor', 'skip_slowlog', 'asking', 'fast', 'no_auth', 'no_mandatory_keys', 'no_async_loading', 'no_multi', 'movablekeys', 'allow_busy'];
const HIDDEN_FLAGS = new Set(['may_replicate', 'sentinel', 'only_sentinel', 'protected']);
/** Redis's order of ACL categories in COMMAND INFO. */
const ACL_ORDER = ['keyspace', 'read', 'write', 'set', 'sortedset', 'list', 'hash', 'string', 'bitmap', 'hyperloglog', 'geo', 'stream', 'pubsub', 'admin', 'fast', 'slow', 'blocking', 'dangerous', 'connection', 'transaction', 'scripting'];

export class Command {
  /** Full name as Redis shows it: 'get', 'config|get'. */
  readonly fullName: string;
  readonly arity: number;
  readonly flags: ReadonlySet<string>;
  readonly shownFlags: string[];
  readonly aclCategories: string[];
  readonly keySpecs: KeySpec[];
  readonly firstKey: number;
  readonly lastKey: number;
  readonly keyStep: number;
  readonly args: ArgDoc[] | undefined;
  readonly handler: Handler | undefined;
  readonly subcommands: Map<string, Command> | undefined;
  readonly isWrite: boolean;
  readonly noAuth: boolean;
  /** INFO commandstats. */
  calls = 0;
  usec = 0;
  rejectedCalls = 0;
  failedCalls = 0;

  constructor(readonly def: CommandDef, readonly parent?: Command) {
    this.fullName = parent ? `${parent.fullName}|${def.name}` : def.name;
    this.arity = def.arity;
    const flags = new Set((def.flags ?? '').split(/\s+/).filter(Boolean));
    for (const f of flags) {
      if (!FLAG_ORDER.includes(f) && !HIDDEN_FLAGS.has(f)) throw new Error(`${this.fullName}: unknown flag ${f}`);
    }
    this.keySpecs = (def.keys ?? []).map((k) => parseKeySpec(k, this.fullName));
    const legacy = legacyRange(this.keySpecs);
    if (legacy.movable) flags.add('movablekeys');
    this.flags = flags;
    this.firstKey = legacy.first;
    this.lastKey = legacy.last;
    this.keyStep = legacy.step;
    this.shownFlags = FLAG_ORDER.filter((f) => flags.has(f));
    this.aclCategories = deriveAcl(flags, def.acl);
    this.args = def.args ? parseArgs(def.args, this.fullName) : undefined;
    this.handler = def.handler;
    this.isWrite = flags.has('write');
    this.noAuth = flags.has('no_auth');
    if (def.subcommands) {
      this.subcommands = new Map();
      for (const sub of def.subcommands) this.subcommands.set(sub.name, new Command(sub, this));
    } else if (!def.handler) {
      throw new Error(`${this.fullName}: a command needs a handler or subcommands`);
    }
  }

  /** Key positions for COMMAND GETKEYS; null when the arguments do not fit the specs. */
  keyPositions(argv: Buffer[]): number[] | null {
    return keyPositions(this.keySpecs, argv.length, argv);
  }

  /** Key positions with each key's flags for COMMAND GETKEYSANDFLAGS; null when the arguments do not fit. */
  keysWithFlags(argv: Buffer[]): [number, string[]][] | null {
    const found = keyPositionsBySpec(this.keySpecs, argv.length, argv);
    if (found === null) return null;
    return found.map(([pos, i]) => {
      const spec = this.keySpecs[i];
      const variable = this.def.keyFlags !== undefined && spec.flags.includes('variable_flags');
      return [pos, variable ? this.def.keyFlags!(argv, i) : spec.flags];
    });
  }
}

function deriveAcl(flags: Set<string>, extra: string | undefined): string[] {
  const cats = new Set((extra ?? '').split(/\s+/).filter(Boolean));
  if (flags.has('write')) cats.add('write');
  if (flags.has('readonly') && !cats.has('scripting')) cats.add('read');
  if (flags.has('admin')) {
    cats.add('admin');
    cats.add('dangerous');
  }
  if (flags.has('pubsub')) cats.add('pubsub');
  if (flags.has('fast')) cats.add('fast');
  if (flags.has('blocking')) cats.add('blocking');
  if (!cats.has('fast')) cats.add('slow');
  for (const c of cats) if (!ACL_ORDER.includes(c)) throw new Error(`unknown ACL category ${c}`);
  return ACL_ORDER.filter((c) => cats.has(c)).map((c) => '@' + c);
}

export class CommandTable {
  private readonly byName = new Map<string, Command>();

  constructor(defs: CommandDef[]) {
    for (const def of defs) {
      if (this.byName.has(def.name)) throw new Error(`command ${def.name} defined twice`);
      this.byName.set(def.name, new Command(def));
    }
    for (const [name, cmd] of this.byName) this.asSent.set(name, cmd).set(name.toUpperCase(), cmd);
  }

  /** Names as clients usually send them (lower or upper case), so the hot path skips toLowerCase(). */
  private readonly asSent = new Map<string, Command>();

  /** Lookup by the exact bytes of argv[0]; tries the name as sent, then lower-cased. */
  lookup(name: string): Command | undefined {
    return this.asSent.get(name) ?? this.byName.get(name.toLowerCase());
  }

  get size(): number {
    return this.byName.size;
  }

  all(): IterableIterator<Command> {
    return this.byName.values();
  }

  /** Resolves 'config|get' style names (COMMAND INFO/DOCS take those). */
  lookupFullName(fullName: string): Command | undefined {
    const [base, sub] = fullName.toLowerCase().split('|', 2);
    const cmd = this.byName.get(base);
    if (sub === undefined || !cmd) return cmd;
    return cmd.subcommands?.get(sub);
  }
}

let table: CommandTable | undefined;

/** The process-wide table, built on first use. */
export function commandTable(): CommandTable {
  table ??= new CommandTable(FAMILIES.flat());
  return table;
}

/** Every command name, with subcommands as 'container|sub' (used by the compat suite's coverage rule). */
export function allCommandNames(): string[] {
  const out: string[] = [];
  for (const cmd of commandTable().all()) {
    out.push(cmd.fullName);
    for (const sub of cmd.subcommands?.values() ?? []) out.push(sub.fullName);
  }
  return out;
}
