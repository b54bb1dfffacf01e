import { SESSION_CACHE_TTL_MS, SessionCache } from './session-cache';

describe('SessionCache (issue 18: the guard reads a login once per TTL)', () => {
  const setup = () => {
    let now = 1_000;
    let version = 1;
    const reads: string[] = [];
    const cache = new SessionCache<{ tv: number }>(() => now);
    const load = async (id: string) => (reads.push(id), { tv: version });
    return { cache, load, reads, tick: (ms: number) => (now += ms), bump: () => version++ };
  };

  it('reuses a login within the TTL and reads it again after', async () => {
    const { cache, load, reads, tick, bump } = setup();
    expect(await cache.get('u1', load)).toEqual({ tv: 1 });
    bump();
    tick(SESSION_CACHE_TTL_MS - 1);
    expect(await cache.get('u1', load)).toEqual({ tv: 1 });
    tick(1);
    expect(await cache.get('u1', load)).toEqual({ tv: 2 });
    expect(reads).toEqual(['u1', 'u1']);
  });

  it('forget and clear make the next request read the login at once', async () => {
    const { cache, load, reads, bump } = setup();
    await cache.get('u1', load);
    await cache.get('u2', load);
    bump();
    cache.forget('u1');
    expect(await cache.get('u1', load)).toEqual({ tv: 2 });
    expect(await cache.get('u2', load)).toEqual({ tv: 1 });
    cache.clear();
    expect(await cache.get('u2', load)).toEqual({ tv: 2 });
    expect(reads).toEqual(['u1', 'u2', 'u1', 'u2']);
  });

  it('a read that began before a forget is not kept (it may hold the row before the change)', async () => {
    const { cache, reads } = setup();
    let release!: (row: { tv: number }) => void;
    const slow = cache.get('u1', () => new Promise((r) => (release = r)));
    cache.forget('u1');
    release({ tv: 1 });
    expect(await slow).toEqual({ tv: 1 });
    expect(await cache.get('u1', async () => (reads.push('u1'), { tv: 2 }))).toEqual({ tv: 2 });
    expect(reads).toEqual(['u1']);
  });

  it('keeps nothing while suspended (not listening for changes made elsewhere), and nothing read before resume', async () => {
    let now = 1_000;
    const reads: string[] = [];
    const load = async (id: string) => (reads.push(id), { tv: 1 });
    const cache = new SessionCache<{ tv: number }>(() => now, false);
    await cache.get('u1', load);
    await cache.get('u1', load);
    expect(reads).toEqual(['u1', 'u1']); // not listening yet: read on every request
    let release!: (row: { tv: number }) => void;
    const slow = cache.get('u2', () => new Promise((r) => (release = r)));
    cache.resume();
    release({ tv: 1 });
    await slow;
    await cache.get('u1', load);
    await cache.get('u1', load);
    await cache.get('u2', load);
    expect(reads).toEqual(['u1', 'u1', 'u1', 'u2']); // kept once resumed; u2's read began before resume
    cache.suspend();
    now += 1;
    await cache.get('u1', load);
    await cache.get('u1', load);
    expect(reads).toEqual(['u1', 'u1', 'u1', 'u2', 'u1', 'u1']);
  });
});
