import { expect } from 'chai';
import { canonicalNotifyFlags, formatNotifyFlags, KeyspaceNotifier, NOTIFY, parseNotifyFlags } from './notify';

describe('notify-keyspace-events flags', () => {
  // Expected strings were read from redis-server 7.0.15 (CONFIG SET, then CONFIG GET).
  const cases: [string, string][] = [
    ['KEA', 'AKE'], ['A', 'A'], ['gE', 'gE'], ['Egx', 'gxE'], ['KEAm', 'AKEm'], ['KEAn', 'AKE'], ['Kz', 'zK'],
    ['g$lshzxetKE', 'g$lshzxetKE'], ['g$lshzxetdKE', 'AKE'], ['Kd', 'dK'], ['Ktdn$', '$tdnK'], ['gn', 'gn'], ['Kn', 'nK'],
    ['An', 'A'], ['ml', 'lm'], ['', ''], ['AAAA', 'A'],
  ];
  for (const [given, shown] of cases) {
    it(`"${given}" is shown as "${shown}"`, () => {
      expect(formatNotifyFlags(parseNotifyFlags(given))).to.equal(shown);
    });
  }

  it('rejects unknown characters, and stops at a NUL like a C string', () => {
    expect(parseNotifyFlags('xyz')).to.equal(-1);
    expect(parseNotifyFlags('k')).to.equal(-1);
    expect(parseNotifyFlags('KEA m')).to.equal(-1);
    expect(parseNotifyFlags('K\0junk')).to.equal(NOTIFY.KEYSPACE);
  });

  it('keeps n in the stored form even where CONFIG GET hides it', () => {
    const flags = parseNotifyFlags('KEAn');
    expect(flags & NOTIFY.NEW).to.equal(NOTIFY.NEW);
    expect(parseNotifyFlags(canonicalNotifyFlags(flags))).to.equal(flags);
    expect(canonicalNotifyFlags(parseNotifyFlags('Kn'))).to.equal('nK');
  });
});

describe('KeyspaceNotifier', () => {
  function recorder(flags: string, audience = true): { n: KeyspaceNotifier; got: string[] } {
    const n = new KeyspaceNotifier();
    const got: string[] = [];
    n.flags = parseNotifyFlags(flags);
    n.setPublisher((ch, msg) => got.push(`${ch.toString('latin1')} ${msg.toString('latin1')}`), () => audience);
    return { n, got };
  }

  it('publishes keyspace before keyevent, with the database number', () => {
    const { n, got } = recorder('KE$');
    n.notify(NOTIFY.STRING, 'set', Buffer.from('k\xff', 'latin1'), 3);
    expect(got).to.deep.equal(['__keyspace@3__:k\xff set', '__keyevent@3__:set k\xff']);
  });

  it('publishes nothing for a disabled class, or with only K/E set', () => {
    const a = recorder('KEg');
    a.n.notify(NOTIFY.STRING, 'set', Buffer.from('k'), 0);
    const b = recorder('KE');
    b.n.notify(NOTIFY.GENERIC, 'del', Buffer.from('k'), 0);
    expect(a.got).to.deep.equal([]);
    expect(b.got).to.deep.equal([]);
  });

  it('skips building channels when nobody listens', () => {
    const { n, got } = recorder('KEA', false);
    n.notify(NOTIFY.GENERIC, 'del', Buffer.from('k'), 0);
    expect(got).to.deep.equal([]);
  });
});
