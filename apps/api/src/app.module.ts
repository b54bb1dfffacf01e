import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LoggerModule } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { createSecretKey, randomBytes } from 'node:crypto';
import { Env, normaliseUsername } from '@qf/contracts';
import { createDataSource } from '@qf/persistence';
import { databaseUrl, REPO_ROOT } from '@qf/runtime';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { PgThrottlerStorage } from './auth/throttler-storage';
import { CasesModule } from './cases/cases.module';
import { PerceptionModule } from './perception/perception.module';
import { ScorecardsModule } from './scorecards/scorecards.module';
import { ComplaintsModule } from './complaints/complaints.module';
import { VersionsModule } from './versions/versions.module';
import { ErrorFilter } from './common/error.filter';
import { ENV } from './config';
import { HealthModule } from './health/health.module';
import { OrgModule } from './org/org.module';
import { SettlementsModule } from './settlements/settlements.module';
import { SimulationsModule } from './simulations/simulations.module';
import { RectificationsModule } from './rectifications/rectifications.module';
import { EvaluationModule } from './evaluation/evaluation.module';
import { StarsModule } from './stars/stars.module';
import { QuarterlyModule } from './quarterly/quarterly.module';
import { ServiceOrdersModule } from './service-orders/service-orders.module';
import { TemporalModule } from './temporal/temporal.module';
import { NotificationsModule } from './notifications/notifications.module';

@Module({})
export class AppModule {
  static forEnv(env: Env): DynamicModule {
    const consoleDir = path.resolve(REPO_ROOT, env.CONSOLE_DIST);
    const url = databaseUrl(env);
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: env.LOG_LEVEL,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password'],
            autoLogging: { ignore: (req) => !req.url?.startsWith('/api') || req.url === '/api/health' },
          },
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ type: 'postgres', url, autoLoadEntities: false, synchronize: false }),
          dataSourceFactory: async () => createDataSource(url).initialize(),
        }),
        JwtModule.register({
          global: true,
          // development without JWT_SECRET: a per-process secret (tokens end with the process); a KeyObject, or
          // jsonwebtoken tries (and fails) to parse the string as a public key on every verify (issue 18: ~10% of a list)
          secret: createSecretKey(Buffer.from(env.JWT_SECRET ?? randomBytes(32).toString('hex'))),
          signOptions: { expiresIn: env.JWT_TTL_SECONDS },
        }),
        ThrottlerModule.forRootAsync({
          inject: [DataSource],
          useFactory: (ds: DataSource) => ({
            throttlers: [{ name: 'login', ttl: 60_000, limit: env.LOGIN_RATE_LIMIT }],
            // the client (req.ip honours TRUST_PROXY only) and the username in the form login uses, so spelling variants share a bucket
            getTracker: (req: Record<string, any>) =>
              `${req.ip}:${typeof req.body?.username === 'string' ? normaliseUsername(req.body.username.slice(0, 256)) : ''}`,
            errorMessage: 'too many login attempts: wait a minute and try again',
            // one bucket per client and username for every api process (in the database)
            storage: new PgThrottlerStorage(ds),
          }),
        }),
        TerminusModule,
        TemporalModule,
        AuthModule,
        HealthModule,
        AuditModule,
        OrgModule,
        VersionsModule,
        CasesModule,
        PerceptionModule,
        ScorecardsModule,
        ComplaintsModule,
        SettlementsModule,
        SimulationsModule,
        RectificationsModule,
        EvaluationModule,
        StarsModule,
        QuarterlyModule,
        ServiceOrdersModule,
        NotificationsModule,
        ...(existsSync(consoleDir)
          ? [ServeStaticModule.forRoot({ rootPath: consoleDir, exclude: ['/api/{*path}'] })]
          : []),
      ],
      controllers: [],
      providers: [
        { provide: ENV, useValue: env },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
      exports: [ENV],
    };
  }
}
