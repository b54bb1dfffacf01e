import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { Env } from '@qf/contracts';
import { setUpDatabase } from '@qf/persistence';
import { json, NextFunction, Request, Response } from 'express';
import { AppModule } from './app.module';
import { ErrorFilter } from './common/error.filter';
import { badRequest } from './common/errors';
import { useCompressedResponses } from './common/compressed-responses';
import { inputGuard } from './common/input-guard';
import { buildOpenApi } from './openapi/document';

/** Express `trust proxy` from TRUST_PROXY: unset → false; a number → hop count; otherwise addresses/subnets/names. */
export const trustProxySetting = (v: string | undefined): boolean | number | string =>
  v === undefined || v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v;

/** Builds the api (used by main.ts and by the tests): migrations + seeds, helmet, /api prefix, OpenAPI. */
export async function createApp(env: Env, opts: { logger?: boolean } = {}): Promise<INestApplication> {
  // The body parser is ours (below), so its errors and the input guard answer in the api's error shape.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forEnv(env), {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
  });
  if (opts.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  // migrations + grants + seeds as the owner when DATABASE_MIGRATION_URL is set; otherwise the schema must be current
  for (const problem of await setUpDatabase(app.get(DataSource), env))
    app.get(Logger).warn(`DATABASE_URL ${problem}: use a role with only the app's grants (README, Configuration)`);
  // X-Forwarded-For is believed only from configured proxies (TRUST_PROXY); otherwise req.ip is the peer address.
  app.set('trust proxy', trustProxySetting(env.TRUST_PROXY));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
        },
      },
    }),
  );
  app.enableCors({ exposedHeaders: ['Content-Range'] });
  useCompressedResponses(app, env);
  // Bad JSON (400), too large a body (413), NUL / lone surrogates / deep nesting anywhere in body or query (400 naming
  // the field): refused here, before any route, in the same shape as every other error.
  const errors = new ErrorFilter();
  app.use(
    '/api',
    json({ limit: '1mb' }),
    inputGuard((d) => badRequest(d.message, [d])),
  );
  app.use('/api', (err: unknown, _req: Request, res: Response, next: NextFunction) =>
    err ? errors.send(err, res) : next(),
  );
  // The api's answers are people's data and decisions: no browser or proxy stores them (`no-store`, the console always
  // asks again), so an ETag would serve nothing and cost a hash of every body (issue 18). The console's files keep
  // their own caching (compressed-responses.ts).
  app.set('etag', false);
  app.use('/api', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.setGlobalPrefix('api', { exclude: [] });
  app.enableShutdownHooks();
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('QualityFlow API').setVersion('0.1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, buildOpenApi(doc) as OpenAPIObject, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
