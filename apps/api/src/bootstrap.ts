import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { Env, seedDemoEnabled } from '@qf/contracts';
import { prepareDatabase, seedDemo, seedReference } from '@qf/persistence';
import { AppModule } from './app.module';

/** Express `trust proxy` from TRUST_PROXY: unset → false; a number → hop count; otherwise addresses/subnets/names. */
export const trustProxySetting = (v: string | undefined): boolean | number | string =>
  v === undefined || v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v;

/** Builds the api (used by main.ts and by the tests): migrations + seeds, helmet, /api prefix, OpenAPI. */
export async function createApp(env: Env, opts: { logger?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forEnv(env), { bufferLogs: true, abortOnError: false });
  if (opts.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  await prepareDatabase(app.get(DataSource), async (ds) => {
    await seedReference(ds);
    if (seedDemoEnabled(env)) await seedDemo(ds);
  });
  // X-Forwarded-For is believed only from configured proxies (TRUST_PROXY); otherwise req.ip is the peer address.
  app.set('trust proxy', trustProxySetting(env.TRUST_PROXY));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
      },
    }),
  );
  app.enableCors({ exposedHeaders: ['Content-Range'] });
  app.setGlobalPrefix('api', { exclude: [] });
  app.enableShutdownHooks();
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('QualityFlow API').setVersion('0.1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
