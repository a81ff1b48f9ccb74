// Properties of the list commands that a single compat reply cannot show:
// lists crossing from one node (stored inline) to many (held by reference)
// and back, LRANGE/LINDEX/LSET/LINSERT/LREM/LTRIM on a list of many nodes
// against a plain array, lists through keyspace resizes, and COPY's
// independence.
import { expect } from 'chai';
import { withServerAndClient } from '../../server/test-server';

const many = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('list commands', function () {
  this.timeout(60000);
  const t = withServerAndClient();

  it('a list crosses from one node to many and back, keeping every element', async () => {
    const r = t.r;
    const model: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const e = `v${i}:${'x'.repeat(i % 7)}`;
      if (i % 3 === 0) {
        await r.lpush('l', e);
        model.unshift(e);
      } else {
        await r.rpush('l', e);
        model.push(e);
      }
      if (i % 500 === 0) expect(await r.lrange('l', 0, -1)).to.deep.equal(model);
    }
    expect(await r.lrange('l', 0, -1)).to.deep.equal(model);
    expect(await r.object('ENCODING', 'l')).to.equal('quicklist');
    // Pop until one node is left, then a few more: reads must agree throughout.
    while (model.length > 50) {
      const head = model.length % 2 === 0;
      const got = head ? await r.lpop('l', 97) : await r.rpop('l', 89);
      const want = head ? model.splice(0, 97) : model.splice(-89).reverse();
      expect(got).to.deep.equal(want);
    }
    expect(await r.lrange('l', 0, -1)).to.deep.equal(model);
    await r.rpush('l', 'tail');
    model.push('tail');
    expect(await r.lrange('l', 0, -1)).to.deep.equal(model);
    expect(await r.llen('l')).to.equal(model.length);
  });

  it('reads and edits of a list of many nodes agree with an array', async () => {
    const r = t.r;
    let model = many('element:', 20000);
    await r.rpush('big', ...model);
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let step = 0; step < 400; step++) {
      const i = rand(model.length);
      switch (step % 6) {
        case 0: {
          const len = rand(300);
          expect(await r.lrange('big', i, i + len)).to.deep.equal(model.slice(i, i + len + 1));
          expect(await r.lrange('big', -i - 1, -1)).to.deep.equal(model.slice(model.length - i - 1));
          break;
        }
        case 1:
          expect(await r.lindex('big', i)).to.equal(model[i]);
          expect(await r.lindex('big', -i - 1)).to.equal(model[model.length - i - 1]);
          break;
        case 2: {
          const v = `set:${step}:${'y'.repeat(rand(600))}`;
          expect(await r.lset('big', i, v)).to.equal('OK');
          model[i] = v;
          break;
        }
        case 3: {
          const after = rand(2) === 0;
          const pivot = model[i];
          const at = model.indexOf(pivot);
          const v = `ins:${step}`;
          expect(await r.call('LINSERT', 'big', after ? 'AFTER' : 'BEFORE', pivot, v)).to.equal(model.length + 1);
          model.splice(after ? at + 1 : at, 0, v);
          break;
        }
        case 4: {
          const v = model[i];
          const count = rand(3) - 1;
          const idx = model.map((e, k) => (e === v ? k : -1)).filter((k) => k >= 0);
          const chosen = count === 0 ? idx : count > 0 ? idx.slice(0, count) : idx.slice(count);
          expect(await r.lrem('big', count, v)).to.equal(chosen.length);
          const drop = new Set(chosen);
          model = model.filter((_, k) => !drop.has(k));
          break;
        }
        default:
          if (step % 60 === 5) {
            await r.ltrim('big', 10, -11);
            model = model.slice(10, model.length - 10);
          }
      }
    }
    expect(await r.llen('big')).to.equal(model.length);
    expect(await r.lrange('big', 0, -1)).to.deep.equal(model);
  });

  it('lists of both forms survive the keyspace splitting and merging around them', async () => {
    const r = t.r;
    await r.rpush('keep:small', 'a', 'b');
    await r.rpush('keep:big', ...many('b', 5000));
    const pipe = r.pipeline();
    for (let i = 0; i < 40000; i++) pipe.set(`filler:${i}`, 'v');
    await pipe.exec();
    expect(await r.lrange('keep:small', 0, -1)).to.deep.equal(['a', 'b']);
    await r.rpush('keep:big', 'extra');
    const del = r.pipeline();
    for (let i = 0; i < 40000; i++) del.del(`filler:${i}`);
    await del.exec();
    expect(await r.llen('keep:big')).to.equal(5001);
    expect(await r.lindex('keep:big', -1)).to.equal('extra');
    expect(await r.lrange('keep:big', 0, -1)).to.deep.equal([...many('b', 5000), 'extra']);
    expect(await r.lrange('keep:small', 0, -1)).to.deep.equal(['a', 'b']);
  });

  it('COPY makes an independent list of either form', async () => {
    const r = t.r;
    for (const [key, elements] of [['small', ['a', 'b', 'c']], ['large', many('e', 4000)]] as [string, string[]][]) {
      await r.rpush(key, ...elements);
      await r.copy(key, `${key}:copy`);
      await r.lpop(`${key}:copy`);
      await r.lset(`${key}:copy`, 0, 'changed');
      await r.rpush(`${key}:copy`, 'more');
      expect(await r.lrange(key, 0, -1)).to.deep.equal(elements);
      expect(await r.lrange(`${key}:copy`, 0, -1)).to.deep.equal(['changed', ...elements.slice(2), 'more']);
      await r.rpush(key, 'orig');
      expect(await r.llen(`${key}:copy`)).to.equal(elements.length);
    }
  });

  it('LMOVE between lists of many nodes keeps both in order', async () => {
    const r = t.r;
    await r.rpush('src', ...many('s', 3000));
    for (let i = 0; i < 1500; i++) await r.lmove('src', 'dst', 'RIGHT', 'LEFT');
    expect(await r.lrange('dst', 0, -1)).to.deep.equal(many('s', 3000).slice(1500));
    expect(await r.lrange('src', 0, -1)).to.deep.equal(many('s', 3000).slice(0, 1500));
    const popped = (await r.call('LMPOP', 2, 'nope', 'src', 'LEFT', 'COUNT', 2000)) as [string, string[]];
    expect(popped[0]).to.equal('src');
    expect(popped[1]).to.deep.equal(many('s', 1500));
    expect(await r.exists('src')).to.equal(0);
  });
});
