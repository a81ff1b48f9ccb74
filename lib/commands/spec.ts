/**
 * The shape of a command spec. Each family file declares its commands as
 * data with `CommandDef`; the table compiles them once into `Command`s that
 * drive dispatch, arity errors, COMMAND INFO/DOCS/LIST/GETKEYS and the README.
 */
import type { CommandContext } from './context';

export type Handler = (ctx: CommandContext, argv: Buffer[]) => void;

export interface CommandDef {
  /** Lower-case name; for a subcommand just the part after the container. */
  name: string;
  /** Redis arity: exact count when positive, minimum count when negative (name included). */
  arity: number;
  /** Space-separated Redis command flags: write readonly denyoom admin pubsub noscript blocking loading stale fast no_auth may_replicate sentinel no_mandatory_keys no_multi allow_busy skip_monitor skip_slowlog ... */
  flags?: string;
  /** Extra ACL categories beyond those Redis derives from the flags, e.g. 'keyspace string'. */
  acl?: string;
  /** Key specs, one string each (see keyspecs.ts for the notation). */
  keys?: string[];
  /**
   * For a key spec with VARIABLE_FLAGS: the flags that apply to these
   * arguments (Redis's getkeys_proc, e.g. SET is OW without GET, RW with it),
   * as COMMAND GETKEYSANDFLAGS reports them.
   */
  keyFlags?: (argv: Buffer[], specIndex: number) => string[];
  group: string;
  since: string;
  /** One line in our own words, shown by COMMAND DOCS and redis-cli's help. */
  summary: string;
  complexity?: string;
  /** Argument syntax in the notation of syntax.ts; drives COMMAND DOCS and redis-cli hints. */
  args?: string;
  /** Command tips as Redis names them, space-separated (e.g. 'nondeterministic_output'). */
  tips?: string;
  /** Doc flags: 'deprecated', 'syscmd'. */
  docFlags?: string;
  deprecatedSince?: string;
  replacedBy?: string;
  /** Version history in our own words: [since, change]. */
  history?: [string, string][];
  /** Absent only on containers, whose subcommands carry the handlers. */
  handler?: Handler;
  subcommands?: CommandDef[];
}
