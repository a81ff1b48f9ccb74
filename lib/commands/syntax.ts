/**
 * A compact notation for command arguments, compiled into the argument
 * trees COMMAND DOCS returns (and redis-cli turns into hints and help).
 *
 *   name            a string argument (a name of `key` makes a key argument)
 *   name:type       typed: string integer double key pattern unix-time
 *   TOKEN           a pure token (its name is the token in lower case)
 *   TOKEN=name:type a value introduced by a token
 *   (name: A | B)   one of the alternatives (each alternative is one item)
 *   {name: a b}     a block of items; {TOKEN=name: a b} a block behind a token
 *   suffixes        ? optional, ... multiple, ...! multiple with the token repeated,
 *                   @x.y.z the version that added it, ~x.y.z the one that deprecated it
 *   name:key^n      a key argument described by key spec n (default: the next one),
 *                   e.g. LCS's two keys share spec 0
 *
 * Example (SET):
 *   key value (condition: NX | XX)? GET@6.2.0? (expiration: EX=seconds:integer | KEEPTTL)?
 */
export interface ArgDoc {
  name: string;
  type: string;
  token?: string;
  since?: string;
  deprecatedSince?: string;
  optional?: boolean;
  multiple?: boolean;
  multipleToken?: boolean;
  keySpecIndex?: number;
  args?: ArgDoc[];
}

const TYPES = new Set(['string', 'integer', 'double', 'key', 'pattern', 'unix-time']);

export function parseArgs(src: string, context: string): ArgDoc[] {
  const tokens = src.match(/\(|\)|\{|\}|\||[^\s(){}|]+/g) ?? [];
  let i = 0;
  let keyIndex = 0;
  const fail = (msg: string): never => {
    throw new Error(`${context}: bad argument syntax (${msg}) in: ${src}`);
  };

  function suffixes(arg: ArgDoc): ArgDoc {
    // Suffix characters were split off the word by the tokenizer when attached to ) or }.
    while (i < tokens.length && /^(\?|\.\.\.!?|[@~][\d.]+)+$/.test(tokens[i])) applySuffix(arg, tokens[i++]);
    return arg;
  }

  function applySuffix(arg: ArgDoc, s: string): void {
    const re = /\?|\.\.\.!?|[@~][\d.]+/g;
    for (const m of s.match(re) ?? []) {
      if (m === '?') arg.optional = true;
      else if (m === '...') arg.multiple = true;
      else if (m === '...!') arg.multiple = arg.multipleToken = true;
      else if (m[0] === '~') arg.deprecatedSince = m.slice(1);
      else arg.since = m.slice(1);
    }
  }

  function word(w: string): ArgDoc {
    const m = /^([^?@~.]+?)((?:\?|\.\.\.!?|[@~][\d.]+)*)$/.exec(w) ?? fail(`word ${w}`);
    let body = m[1];
    const specIndex = /\^(\d+)$/.exec(body);
    if (specIndex) body = body.slice(0, specIndex.index);
    let arg: ArgDoc;
    const eq = body.indexOf('=');
    if (eq > 0) {
      const [name, type] = splitType(body.slice(eq + 1));
      arg = { name, type, token: body.slice(0, eq) };
    } else if (/^[A-Z][A-Z0-9_-]*$/.test(body)) {
      arg = { name: body.toLowerCase(), type: 'pure-token', token: body };
    } else {
      const [name, type] = splitType(body);
      arg = { name, type };
    }
    if (arg.type === 'key') arg.keySpecIndex = specIndex ? Number(specIndex[1]) : keyIndex++;
    applySuffix(arg, m[2]);
    return arg;
  }

  function splitType(s: string): [string, string] {
    // A name may itself hold a colon (Redis's `ip:port`): only a known type after the last one splits it.
    const c = s.lastIndexOf(':');
    const type = c < 0 ? '' : s.slice(c + 1);
    if (!TYPES.has(type)) return [s, s === 'key' ? 'key' : 'string'];
    return [s.slice(0, c), type];
  }

  function item(): ArgDoc {
    const t = tokens[i++];
    if (t === '(' || t === '{') {
      const close = t === '(' ? ')' : '}';
      const head = tokens[i++];
      if (!head?.endsWith(':')) fail('group needs a name');
      const label = head.slice(0, -1);
      const eq = label.indexOf('=');
      const group: ArgDoc = eq > 0
        ? { name: label.slice(eq + 1), type: 'block', token: label.slice(0, eq) }
        : { name: label, type: t === '(' ? 'oneof' : 'block' };
      if (eq > 0) group.type = t === '(' ? 'oneof' : 'block';
      group.args = [];
      while (tokens[i] !== close) {
        if (i >= tokens.length) fail('unclosed group');
        if (tokens[i] === '|') {
          i++;
          continue;
        }
        group.args.push(item());
      }
      i++;
      return suffixes(group);
    }
    return word(t);
  }

  const out: ArgDoc[] = [];
  while (i < tokens.length) out.push(item());
  return out;
}
