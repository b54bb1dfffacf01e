/** How long a login read for the guard is reused without asking the database again (issue 18). */
export const SESSION_CACHE_TTL_MS = 2000;

/**
 * The logins behind tokens, kept for SESSION_CACHE_TTL_MS so the guard does not read `users` on every request
 * (issue 18: the case list at ≥ 1,000 req/s). Revocation stays immediate where this process makes the change: sign-out,
 * a user's roles, password, activity or employee, and an employee's unit call `forget` / `clear`. A change made
 * elsewhere (another api process, SQL by hand) is announced by the database and forgotten when it arrives
 * (LoginChanges); until this process listens, and whenever it stops listening, nothing is kept (`suspend`).
 * A read that started before a `forget`/`clear` is not kept (the generation check), so a stale row cannot outlive it.
 * One per api process (AuthModule provides it; other modules inject it to invalidate).
 */
export class SessionCache<T = unknown> {
  private readonly rows = new Map<string, { row: T | undefined; until: number }>();
  private generation = 0;
  /** nothing is kept while changes made elsewhere would go unseen (see LoginChanges) */
  private suspended: boolean;

  /** `listening`: changes made elsewhere reach `forget` from the start (false: kept only once `resume` is called) */
  constructor(
    private readonly now: () => number = Date.now,
    listening = true,
  ) {
    this.suspended = !listening;
  }

  /** The cached login of `id`, or `load(id)` (kept for the TTL unless a forget/clear came meanwhile). */
  async get(id: string, load: (id: string) => Promise<T | undefined>): Promise<T | undefined> {
    const hit = this.rows.get(id);
    if (hit && hit.until > this.now()) return hit.row;
    const generation = this.generation;
    const row = await load(id);
    if (generation === this.generation && !this.suspended) {
      if (this.rows.size >= 10_000) this.rows.clear(); // bounded: at worst one more read per login
      this.rows.set(id, { row, until: this.now() + SESSION_CACHE_TTL_MS });
    }
    return row;
  }

  /** The login changed (sign-out, roles, password, activity): the next request reads it again. */
  forget(id: string): void {
    this.generation++;
    this.rows.delete(id);
  }

  /** Something every login may depend on changed (an employee's unit, a bulk import): read them all again. */
  clear(): void {
    this.generation++;
    this.rows.clear();
  }

  /** Changes made elsewhere can no longer be seen: forget everything and keep nothing until `resume`. */
  suspend(): void {
    this.suspended = true;
    this.clear();
  }

  /** Changes made elsewhere are seen again: start keeping logins (nothing read before is kept). */
  resume(): void {
    this.clear();
    this.suspended = false;
  }
}
