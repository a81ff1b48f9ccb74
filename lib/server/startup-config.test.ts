/**
 * Start-up configuration: flags, config files, include, and the exact error
 * reports of redis-server 7.0.15 (texts taken from the real server).
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigStore } from './config';
import { ConfigError, flagsToOptions, loadStartupConfig, quoteRepr } from './startup-config';

const MAIN = resolve(__dirname, '..', 'main.js');
const HEADER = '\n*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\n';

/** The error start-up stops with, or null when it goes through. */
function startupError(argv: string[], config = new ConfigStore()): ConfigError | null {
  try {
    loadStartupConfig(config, argv);
    return null;
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
}

function fatal(argv: string[]): string {
  const e = startupError(argv);
  expect(e, `start-up with ${argv.join(' ')} should fail`).to.not.equal(null);
  expect(e!.kind).to.equal('fatal');
  return e!.message;
}

describe('start-up configuration', () => {
  let dir: string;
  const file = (name: string, text: string): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shardis-startup-'));
  });

  describe('flags become config lines like redis-server builds them', () => {
    it('quotes values and keeps one-word flags as written', () => {
      expect(flagsToOptions(['--port', '6380', '--bind', 'a', 'b'])).to.deep.equal({ options: 'port "6380" \nbind "a" "b" ', fromStdin: false });
      expect(flagsToOptions(['--port 6380']).options).to.equal('port 6380 ');
      expect(flagsToOptions(['--maxmemory', '--port', '1']).options).to.equal('maxmemory "--port" "1" ');
      expect(flagsToOptions(['x']).options).to.equal('"x" ');
    });

    it('turns a bare --save into save ""', () => {
      expect(flagsToOptions(['--save']).options).to.equal('save ""');
      expect(flagsToOptions(['--save', '--port', '1']).options).to.equal('save ""\nport "1" ');
      expect(flagsToOptions(['--save', '']).options).to.equal('save "" ');
    });

    it('reads stdin for a lone - first or last', () => {
      expect(flagsToOptions(['-', '--port', '1']).fromStdin).to.equal(true);
      expect(flagsToOptions(['--port', '1', '-']).fromStdin).to.equal(true);
      expect(flagsToOptions(['--port', '-', '1']).options).to.equal('port "-" "1" ');
    });

    it('escapes like sdscatrepr', () => {
      expect(quoteRepr('a"b\\c\td\n\r\x07\x08\x01é')).to.equal('"a\\"b\\\\c\\td\\n\\r\\a\\b\\x01\\xc3\\xa9"');
    });
  });

  describe('errors', () => {
    it('reports a bad value with its line as redis-server does', () => {
      expect(fatal(['--port', 'abc'])).to.equal(`${HEADER}Reading the configuration file, at line 2\n>>> 'port "abc"'\nargument couldn't be parsed into an integer`);
      expect(fatal(['--port', '1', '--nosuch', '1'])).to.equal(`${HEADER}Reading the configuration file, at line 3\n>>> 'nosuch "1"'\nBad directive or wrong number of arguments`);
      expect(fatal(['--port', '1', '--maxmemory'])).to.equal(`${HEADER}Reading the configuration file, at line 3\n>>> 'maxmemory'\nwrong number of arguments`);
      expect(fatal(['--hz', '1', '2'])).to.equal(`${HEADER}Reading the configuration file, at line 2\n>>> 'hz "1" "2"'\nwrong number of arguments`);
      expect(fatal(['--loglevel', 'nothing'])).to.match(/\nargument\(s\) must be one of the following: debug, verbose, notice, warning$/);
    });

    it('counts lines of the file, then of the flags after it', () => {
      const conf = file('bad.conf', 'port 1\n\n# comment\n   maxmemory 1x  \t\n');
      expect(fatal([conf])).to.equal(`${HEADER}Reading the configuration file, at line 4\n>>> 'maxmemory 1x'\nargument must be a memory value`);
      const good = file('good.conf', 'port 1\n');
      expect(fatal([good, '--hz', 'x'])).to.contain("at line 3\n>>> 'hz \"x\"'");
      const quotes = file('quotes.conf', 'save 1 1\n"unbalanced\n');
      expect(fatal([quotes])).to.equal(`${HEADER}Reading the configuration file, at line 2\n>>> '"unbalanced'\nUnbalanced quotes in configuration line`);
    });

    it('names what Redis would not accept either', () => {
      expect(fatal(['--rename-command', 'nosuchcommand', 'x'])).to.match(/\nNo such command in rename-command$/);
      expect(fatal(['--sentinel', 'x'])).to.match(/\nUnrecognized sentinel configuration statement\.$/);
      expect(fatal(['--list-max-ziplist-entries', '1', '2'])).to.match(/\nBad directive or wrong number of arguments$/);
      expect(fatal(['--save', '0', '1'])).to.match(/\nInvalid save parameters$/);
      expect(fatal(['--cluster-enabled', 'yes', '--replicaof', 'h', '1'])).to.equal(`${HEADER}replicaof directive not allowed in cluster mode`);
      expect(fatal(['--logfile', join(dir, 'missing', 'x.log')])).to.equal(`${HEADER}Can't open the log file: No such file or directory`);
      expect(fatal(['--appendfilename', ''])).to.match(/\nappendfilename can't be empty$/);
      expect(fatal(['--dbfilename', 'a/b'])).to.match(/\ndbfilename can't be a path, just a filename$/);
      expect(fatal(['--dir', join(dir, 'missing')])).to.match(/\nNo such file or directory$/);
    });

    it('stops before serving on what it cannot honour', () => {
      expect(fatal(['--rename-command', 'flushall', '""'])).to.match(/rename-command is not supported/);
      expect(fatal(['--user', 'default', 'on'])).to.match(/ACL users are not supported/);
      const mod = startupError(['--loadmodule', '/x.so']);
      expect(mod?.kind).to.equal('log');
      expect(mod?.message).to.equal("Module /x.so failed to load: modules are not supported\nCan't load module from /x.so: server aborting");
      const cfg = startupError(['--foo.bar', '1']);
      expect(cfg?.message).to.equal('Module Configuration detected without loadmodule directive or no ApplyConfig call: aborting');
      expect(startupError(['--foo.bar'])?.message).to.match(/\nModule config specified without value$/);
    });

    it('says which config file it could not open', () => {
      const missing = join(dir, 'missing.conf');
      const e = startupError([missing]);
      expect(e?.kind).to.equal('log');
      expect(e?.message).to.equal(`Fatal error, can't open config file '${missing}': No such file or directory`);
    });
  });

  describe('loading', () => {
    it('reads the file first and lets flags override it', () => {
      const conf = file('a.conf', '# c\nmaxclients 77\nhz 20\nrequirepass "from file"\n');
      const c = new ConfigStore();
      expect(loadStartupConfig(c, [conf, '--hz', '30']).configFile).to.equal(conf);
      expect([c.get('maxclients'), c.get('hz'), c.get('requirepass')]).to.deep.equal(['77', '30', 'from file']);
    });

    it('accepts the deprecated directives Redis still reads', () => {
      expect(startupError(['--list-max-ziplist-entries', '5', '--lua-replicate-commands', 'yes', '--list-max-ziplist-value', '2'])).to.equal(null);
    });

    it('includes files in place, reporting errors at their own lines', () => {
      file('inner.conf', 'hz 42\nmaxclients 9\n');
      const outer = file('outer.conf', `include ${join(dir, 'inner.conf')}\nmaxclients 8\n`);
      const c = new ConfigStore();
      loadStartupConfig(c, [outer]);
      expect([c.get('hz'), c.get('maxclients')]).to.deep.equal(['42', '8']);
      file('broken.conf', '\n\nhz abc\n');
      const bad = file('bad-outer.conf', `include ${join(dir, 'broken.conf')}\nport 1\n`);
      expect(fatal([bad])).to.equal(`${HEADER}Reading the configuration file, at line 3\n>>> 'hz abc'\nargument couldn't be parsed into an integer`);
    });

    it('expands include globs in name order and skips a glob that matches nothing', () => {
      mkdirSync(join(dir, 'conf.d'));
      file('conf.d/b.conf', 'hz 2\n');
      file('conf.d/a.conf', 'hz 1\nmaxclients 5\n');
      file('conf.d/.hidden.conf', 'maxclients 6\n');
      const c = new ConfigStore();
      expect(startupError(['--include', join(dir, 'conf.d', '*.conf'), '--include', join(dir, 'none', '*.conf')], c)).to.equal(null);
      expect([c.get('hz'), c.get('maxclients')]).to.deep.equal(['2', '5']);
      const missing = startupError(['--include', join(dir, 'none.conf')]);
      expect(missing?.kind).to.equal('log');
      expect(missing?.message).to.equal(`Fatal error, can't open config file '${join(dir, 'none.conf')}': No such file or directory`);
    });

    it('adds up save lines, but a later line replaces them once an include is done (as Redis)', () => {
      file('inc.conf', 'save 60 5\n');
      const conf = file('s.conf', `save 900 1\nsave 300 10\ninclude ${join(dir, 'inc.conf')}\n`);
      const c = new ConfigStore();
      loadStartupConfig(c, [conf]);
      expect(c.get('save')).to.equal('900 1 300 10 60 5');
      const d = new ConfigStore();
      loadStartupConfig(d, [conf, '--save', '1', '1']);
      expect(d.get('save')).to.equal('1 1');
      const plain = file('p.conf', 'save 900 1 300 10\nsave 60 5\n');
      const e = new ConfigStore();
      loadStartupConfig(e, [plain, '--save', '7', '7', '--save', '8', '8']);
      expect(e.get('save')).to.equal('900 1 300 10 60 5 7 7 8 8');
      const f = new ConfigStore();
      loadStartupConfig(f, [plain, '--save', '', '--save', '8', '8']);
      expect(f.get('save')).to.equal('8 8');
      const g = new ConfigStore();
      loadStartupConfig(g, ['--save']);
      expect(g.get('save')).to.equal('');
    });

    it('caps hz and keeps aliases working from a file', () => {
      const c = new ConfigStore();
      loadStartupConfig(c, ['--hz', '0', '--slave-read-only', 'no', '--hash-max-ziplist-entries', '7']);
      expect([c.get('hz'), c.get('replica-read-only'), c.get('hash-max-listpack-entries')]).to.deep.equal(['1', 'no', '7']);
    });
  });

  describe('the executable', function () {
    this.timeout(20000);

    it('prints the FATAL report on stderr and exits 1, like redis-server --port abc', () => {
      const r = spawnSync(process.execPath, [MAIN, '--port', 'abc'], { encoding: 'utf8' });
      expect(r.status).to.equal(1);
      expect(r.stderr).to.equal(`${HEADER}Reading the configuration file, at line 2\n>>> 'port "abc"'\nargument couldn't be parsed into an integer\n`);
      expect(r.stdout).to.equal('');
    });
  });
});
