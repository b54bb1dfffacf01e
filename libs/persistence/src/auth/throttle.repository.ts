import type { Queryable } from '../core/queryable';

/** One request counted against a throttled route's bucket (the api's ThrottlerStorage), as @nestjs/throttler reads it. */
export interface ThrottleRecord {
  totalHits: number;
  /** seconds until the oldest counted request leaves the window */
  timeToExpire: number;
  isBlocked: boolean;
  /** seconds until the block ends (0 when not blocked) */
  timeToBlockExpire: number;
}

/**
 * Counts a request in `key`'s bucket — a sliding window of `ttlMs` — and blocks the bucket for `blockMs` once it holds
 * more than `limit`; a blocked bucket counts nothing more, and starts again when the block ends (the semantics of
 * @nestjs/throttler's in-memory storage). In the database, so every api process counts in one bucket: a client cannot
 * get a fresh allowance by reaching another process. The row lock of the upsert serialises concurrent requests.
 */
export async function throttleHit(
  q: Queryable,
  key: string,
  ttlMs: number,
  limit: number,
  blockMs: number,
): Promise<ThrottleRecord> {
  // one statement (the upsert's row lock serialises concurrent requests); `live` is the window's hits before this one
  const [r] = await q.query(
    `INSERT INTO throttle_buckets AS b (key, hits, blocked_until, expires_at)
     VALUES ($1, ARRAY[now()], CASE WHEN 1 > $3 AND $4 > 0 THEN now() + $4 * interval '1 millisecond' END,
             now() + greatest($2, $4) * interval '1 millisecond')
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE
         WHEN b.blocked_until > now() THEN b.hits
         WHEN b.blocked_until IS NOT NULL THEN ARRAY[now()]
         ELSE ARRAY(SELECT h FROM unnest(b.hits) h WHERE h > now() - $2 * interval '1 millisecond') || now()
       END,
       blocked_until = CASE
         WHEN b.blocked_until > now() THEN b.blocked_until
         WHEN $4 <= 0 THEN NULL
         WHEN b.blocked_until IS NOT NULL THEN CASE WHEN 1 > $3 THEN now() + $4 * interval '1 millisecond' END
         WHEN (SELECT count(*) FROM unnest(b.hits) h WHERE h > now() - $2 * interval '1 millisecond') + 1 > $3
           THEN now() + $4 * interval '1 millisecond'
       END,
       expires_at = greatest(b.expires_at, now() + greatest($2, $4) * interval '1 millisecond')
     RETURNING cardinality(b.hits)::int AS "totalHits",
       ceil(extract(epoch FROM (SELECT min(h) FROM unnest(b.hits) h) + $2 * interval '1 millisecond' - now()))::int
         AS "timeToExpire",
       coalesce(ceil(extract(epoch FROM b.blocked_until - now())), 0)::int AS "blockLeft"`,
    [key, ttlMs, limit, blockMs],
  );
  return {
    totalHits: r.totalHits,
    timeToExpire: Math.max(r.timeToExpire, 0),
    // without a block, a request over the limit is refused on its own (as the in-memory storage does)
    isBlocked: blockMs > 0 ? r.blockLeft > 0 : r.totalHits > limit,
    timeToBlockExpire: Math.max(r.blockLeft, 0),
  };
}

/** Buckets whose window and block have both passed: nothing in them counts any more. */
export async function sweepThrottleBuckets(q: Queryable): Promise<void> {
  await q.query(`DELETE FROM throttle_buckets WHERE expires_at < now()`);
}
