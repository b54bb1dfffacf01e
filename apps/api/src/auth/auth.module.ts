import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginBackoff } from './login-backoff';

/** Sign-in and sign-out, and the global guard: a valid, unrevoked token (401), then the endpoint's roles (403). */
@Module({
  controllers: [AuthController],
  providers: [AuthService, LoginBackoff, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
