import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Inject,
  Post,
  Req,
  Res,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { JwtService } from '@nestjs/jwt';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { LoginInput, LoginResult, LoginSchema } from '@qf/contracts';
import { ZodPipe } from '../common/zod.pipe';
import { Env, ENV } from '../config';
import { CurrentUser, Public, RequestUser } from './auth.decorators';
import { LoginBackoff } from './login-backoff';

// A fixed hash so an unknown username costs the same time as a wrong password.
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$0yK8r9sY5K3Hh4w1d5w0QmTqO3m0Yb0sQm5lqz7c8aE';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly jwt: JwtService,
    @Inject(ENV) private readonly env: Env,
    private readonly backoff: LoginBackoff,
  ) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ login: {} })
  @Post('login')
  @HttpCode(200)
  @ApiBody({ schema: z.toJSONSchema(LoginSchema, { io: 'input' }) as object })
  async login(
    @Body(new ZodPipe(LoginSchema)) body: LoginInput,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResult> {
    // body.username is normalised by LoginSchema (the same form keys the per-client throttle)
    const client = req.ip ?? 'unknown';
    const wait = await this.backoff.waitSeconds(body.username, client);
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      throw new HttpException(
        `too many failed logins for this account: wait ${wait} s and try again`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const [row] = await this.ds.query(
      `SELECT u.id, u.username, u.display_name AS "displayName", u.roles, u.employee_id AS "employeeId", e.unit_id AS "unitId",
              u.password_hash AS hash, u.token_version AS tv, u.active
       FROM users u LEFT JOIN employees e ON e.id = u.employee_id WHERE lower(u.username) = $1`,
      [body.username],
    );
    const ok = await argon2.verify(row?.hash ?? DUMMY_HASH, body.password).catch(() => false);
    if (!row || !ok || !row.active) {
      await this.backoff.failed(body.username);
      await this.audit('auth.login_failed', row?.id ?? null, body.username, { client });
      throw new UnauthorizedException('wrong username or password');
    }
    await this.backoff.succeeded(body.username, client);
    await this.audit('auth.login', row.id, row.username, { client });
    const accessToken = await this.jwt.signAsync({ sub: row.id, username: row.username, tv: row.tv });
    return {
      accessToken,
      expiresIn: this.env.JWT_TTL_SECONDS,
      user: {
        id: row.id,
        username: row.username,
        displayName: row.displayName,
        roles: row.roles,
        employeeId: row.employeeId,
        unitId: row.unitId,
      },
    };
  }

  /** Revokes every token of the user (token version bump). */
  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: RequestUser, @Req() req: Request): Promise<void> {
    await this.ds.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [user.id]);
    await this.audit('auth.logout', user.id, user.username, { client: req.ip ?? 'unknown' });
  }

  /** Sign-ins, failed attempts and sign-outs are audited like every other write (the attempted name for a failure). */
  private async audit(
    action: string,
    userId: string | null,
    name: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.ds.query(
      `INSERT INTO audit_log (actor_id, actor, action, entity, entity_id, details) VALUES ($1, $2, $3, 'user', $4, $5)`,
      [userId, name, action, userId, JSON.stringify(details)],
    );
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: RequestUser): RequestUser {
    return user;
  }
}
