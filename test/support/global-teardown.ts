import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const s = (globalThis as Record<string, any>).__QF_SERVICES__;
  if (!s) return;
  await s.temporal.stop();
  await s.pg.stop();
  rmSync(s.dir, { recursive: true, force: true });
}
