import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginBackoff } from './login-backoff';
import { LoginChanges } from './login-changes';
import { SessionCache } from './session-cache';

/**
 * Sign-in and sign-out, and the global guard: a valid, unrevoked token (401), then the endpoint's roles (403).
 * Global so that the modules that change logins (org: users, employees) can make SessionCache forget them.
 */
@Global()
@Module({
  controllers: [AuthController],
  providers: [
    AuthService,
    LoginBackoff,
    // kept only while LoginChanges listens for changes made elsewhere
    { provide: SessionCache, useFactory: () => new SessionCache(Date.now, false) },
    LoginChanges,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [SessionCache],
})
export class AuthModule {}
