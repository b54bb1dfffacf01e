import type { INestApplication } from '@nestjs/common';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Env } from '@qf/contracts';
import { REPO_ROOT } from '@qf/runtime';

/** Hashed build output (Vite's `assets/<name>-<hash>.js`): a new release has new names, so browsers keep them for good. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else the console serves (index.html above all): revalidated on every visit, so a release shows at once. */
export const REVALIDATE = 'no-cache';

const isApi = (req: Request) => req.path === '/api' || req.path.startsWith('/api/');
const isAsset = (p: string) => /[\\/]assets[\\/]/.test(p);

/**
 * Compressed responses (issue 17 fast first load, issue 19 console served compressed):
 * - the api's answers (JSON, spreadsheets' neighbours) through the `compression` middleware (brotli or gzip, as the
 *   client asks); server-sent events are left alone, they must reach the client as they are written;
 * - the console's files as the build wrote them beside each file (`.br`, `.gz`: vite-plugin-compression2), served by
 *   express-static-gzip without compressing anything per request; hashed assets immutable, index.html `no-cache`;
 *   any other non-api path answers index.html (the console's routes live in the hash).
 * Registered before Nest's routes; the console part only when the build exists (CONSOLE_DIST).
 */
export function useCompressedResponses(app: INestApplication, env: Env): void {
  app.use(
    compression({
      filter: (req, res) =>
        !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') && compression.filter(req, res),
    }),
  );
  const dir = path.resolve(REPO_ROOT, env.CONSOLE_DIST);
  if (!existsSync(path.join(dir, 'index.html'))) return;
  const files = expressStaticGzip(dir, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: 'index.html',
    serveStatic: {
      // send sets its own Cache-Control only when this left none
      setHeaders: (res, file) => res.setHeader('Cache-Control', isAsset(file) ? IMMUTABLE : REVALIDATE),
    },
  });
  const indexHtml = path.join(dir, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (isApi(req) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    files(req, res, () => {
      // a path the build does not have: the console itself (its routes are in the hash), but never for a missing asset
      if (isAsset(req.path)) return res.status(404).type('text/plain').send('Not Found');
      if (!req.accepts('html')) return next();
      res.setHeader('Cache-Control', REVALIDATE);
      res.sendFile(indexHtml);
    });
  });
}
