import { loadEnv } from '@qf/contracts';
import { createApp } from './bootstrap';

async function main(): Promise<void> {
  const env = loadEnv();
  const app = await createApp(env);
  try {
    await app.listen(env.PORT, env.HOST);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`api: port ${env.PORT} is already in use — stop the other process or set PORT=<free port>`);
      process.exit(1);
    }
    throw e;
  }
  console.log(`api: listening on http://localhost:${env.PORT} (console at /, OpenAPI at /api/docs)`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
