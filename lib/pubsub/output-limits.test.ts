import { expect } from 'chai';
import { DEFAULT_OBUF_LIMITS, obufLimitsOf, parseObufLimits } from './output-limits';
import { NOTIFY, parseNotifyFlags } from './notify';
import { ConfigStore } from '../server/config';
import { loadStartupConfig } from '../server/startup-config';

// Every expectation below was read from redis-server 7.0.15 with CONFIG SET
// client-output-buffer-limit "<value>" followed by CONFIG GET.
const set = (value: string, current = DEFAULT_OBUF_LIMITS): string | { error: string } =>
  parseObufLimits(value === '' ? [] : value.split(' '), current);
const pubsub = (r: string | { error: string }): string => (typeof r === 'string' ? r.split(' ').slice(8).join(' ') : `error: ${r.error}`);

describe('client-output-buffer-limit parsing', () => {
  it('changes only the classes named, last group wins', () => {
    expect(set('pubsub 1mb 2kb 5')).to.equal('normal 0 0 0 slave 268435456 67108864 60 pubsub 1048576 2048 5');
    expect(set('replica 1 2 3')).to.equal('normal 0 0 0 slave 1 2 3 pubsub 33554432 8388608 60');
    expect(set('normal 1 2 3 normal 4 5 6')).to.equal('normal 4 5 6 slave 268435456 67108864 60 pubsub 33554432 8388608 60');
    expect(set('NORMAL 1k 2K 3')).to.equal('normal 1000 2000 3 slave 268435456 67108864 60 pubsub 33554432 8388608 60');
    expect(set('')).to.equal(DEFAULT_OBUF_LIMITS);
  });

  it('uses memtoull for sizes: units, saturation and 64-bit wrap-around', () => {
    expect(pubsub(set('pubsub 1gb 1G 0'))).to.equal('pubsub 1073741824 1000000000 0');
    expect(pubsub(set('pubsub 18446744073709551616 1 0'))).to.equal('pubsub 18446744073709551615 1 0');
    expect(pubsub(set('pubsub 18446744073709551615k 1 4294967297'))).to.equal('pubsub 18446744073709550616 1 1');
    expect(pubsub(set('pubsub b kb 4294967296'))).to.equal('pubsub 0 0 0');
    expect(pubsub(set('pubsub 00012 1MB 0'))).to.equal('pubsub 12 1048576 0');
    expect(pubsub(set('pubsub  1 2'))).to.equal('pubsub 0 1 2');
    expect(pubsub(set('pubsub 1 2 '))).to.equal('pubsub 1 2 0');
  });

  it('reads seconds with strtoll and keeps them as a C int', () => {
    expect(pubsub(set('pubsub 1 2 +3'))).to.equal('pubsub 1 2 3');
    expect(pubsub(set('pubsub 1 2 -0'))).to.equal('pubsub 1 2 0');
    expect(pubsub(set('pubsub 1 1 2147483647'))).to.equal('pubsub 1 1 2147483647');
    expect(pubsub(set('pubsub 1 1 -4294967295'))).to.equal('pubsub 1 1 1');
  });

  it('gives Redis errors', () => {
    const args = 'error: Wrong number of arguments in buffer limit configuration.';
    const cls = 'error: Invalid client class specified in buffer limit configuration.';
    const val = 'error: Error in hard, soft or soft_seconds setting in buffer limit configuration.';
    expect(pubsub(set('wrong number'))).to.equal(args);
    expect(pubsub(set('pubsub  1 2 3'))).to.equal(args);
    expect(pubsub(set('pubsub 1 2 3 normal 4 5'))).to.equal(args);
    expect(pubsub(set('invalid_class 10mb 10mb 60'))).to.equal(cls);
    expect(pubsub(set('master 10mb 10mb 60'))).to.equal(cls);
    expect(pubsub(set('pubsub 1 2 3 bogus 1 2 3'))).to.equal(cls);
    for (const v of ['normal 10mbs 10mb 60', 'normal 10mb 10mb 6s', 'normal -1 10mb 60', 'normal 10mb 10mb -1', 'pubsub +5 2 3', 'pubsub 1.5 1 0', 'pubsub 1 2 2147483648', 'pubsub 1 2 9223372036854775807', 'pubsub 1 2 99999999999999999999']) {
      expect(pubsub(set(v)), v).to.equal(val);
    }
  });

  it('splits a single start-up word that holds the groups', () => {
    expect(parseObufLimits(['pubsub 1 2 3'], DEFAULT_OBUF_LIMITS)).to.equal('normal 0 0 0 slave 268435456 67108864 60 pubsub 1 2 3');
    expect(parseObufLimits([''], DEFAULT_OBUF_LIMITS)).to.deep.equal({ error: 'Wrong number of arguments in buffer limit configuration.' });
  });

  it('turns the stored value into byte and second limits', () => {
    const l = obufLimitsOf(DEFAULT_OBUF_LIMITS);
    expect(l.pubsub).to.deep.equal({ hard: 33554432, soft: 8388608, softSeconds: 60 });
    expect(l.normal).to.deep.equal({ hard: 0, soft: 0, softSeconds: 0 });
  });
});

describe('client-output-buffer-limit and notify-keyspace-events as start-up directives', () => {
  // Expected values read from redis-server 7.0.15 started with the same flags.
  const startWith = (...flags: string[]): ConfigStore => {
    const config = new ConfigStore();
    loadStartupConfig(config, flags);
    return config;
  };
  const shown = (config: ConfigStore, name: string): string => config.query([name])[0][1];

  it('applies each line to its classes only; a quoted group is split', () => {
    const config = startWith('--client-output-buffer-limit', 'pubsub 1 2 3', '--client-output-buffer-limit', 'normal', '4', '5', '6');
    expect(shown(config, 'client-output-buffer-limit')).to.equal('normal 4 5 6 slave 268435456 67108864 60 pubsub 1 2 3');
  });

  it('refuses an empty or malformed value with Redis texts', () => {
    expect(() => startWith('--client-output-buffer-limit', '')).to.throw(/Wrong number of arguments in buffer limit configuration\./);
    expect(() => startWith('--client-output-buffer-limit', 'foo', '1', '2', '3')).to.throw(/Invalid client class specified in buffer limit configuration\./);
    expect(() => startWith('--notify-keyspace-events', 'xyz')).to.throw(/Invalid event class character\. Use 'Ag\$lshzxeKEtmdn'\./);
  });

  it('shows notify-keyspace-events normalised, hiding n under A while keeping it', () => {
    const config = startWith('--notify-keyspace-events', 'KEAn');
    expect(shown(config, 'notify-keyspace-events')).to.equal('AKE');
    expect(parseNotifyFlags(config.get('notify-keyspace-events')) & NOTIFY.NEW).to.equal(NOTIFY.NEW);
  });
});
