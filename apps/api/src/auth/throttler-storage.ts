import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { sweepThrottleBuckets, ThrottleRecord, throttleHit } from '@qf/persistence';

/** How often a process deletes the buckets that mean nothing any more. */
const SWEEP_MS = 60_000;

/**
 * @nestjs/throttler's storage in PostgreSQL (`throttle_buckets`): every api process counts a client's login attempts in
 * one bucket, so the limit cannot be sidestepped by reaching another process (the in-memory storage kept one per
 * process). Same semantics as the in-memory one (sliding window, block once over the limit); `libs/persistence`'s
 * `throttleHit` does the counting in one statement.
 */
export class PgThrottlerStorage implements ThrottlerStorage {
  private readonly log = new Logger('PgThrottlerStorage');
  private readonly sweep: NodeJS.Timeout;

  constructor(private readonly ds: DataSource) {
    // unref'd: it never keeps the process alive; skipped once the app's connection is closed
    this.sweep = setInterval(() => {
      if (!this.ds.isInitialized) return clearInterval(this.sweep);
      sweepThrottleBuckets(this.ds).catch((e: Error) => this.log.warn(`sweep failed: ${e.message}`));
    }, SWEEP_MS);
    this.sweep.unref();
  }

  increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottleRecord> {
    return throttleHit(this.ds, key, ttl, limit, blockDuration);
  }
}
