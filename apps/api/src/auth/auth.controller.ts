import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { z } from 'zod';
import { LoginInput, LoginResult, LoginSchema } from '@qf/contracts';
import { ZodPipe } from '../common/zod.pipe';
import { CurrentUser, Public, RequestUser } from './auth.decorators';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** 200 with a token; 401 wrong credentials; 429 too many attempts (per client and name, or per account). */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ login: {} })
  @Post('login')
  @HttpCode(200)
  @ApiBody({ schema: z.toJSONSchema(LoginSchema, { io: 'input' }) as object })
  login(@Body(new ZodPipe(LoginSchema)) body: LoginInput, @Req() req: Request): Promise<LoginResult> {
    return this.auth.login(body, req.ip ?? 'unknown');
  }

  /** Revokes every token of the user (token version bump). */
  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  logout(@CurrentUser() user: RequestUser, @Req() req: Request): Promise<void> {
    return this.auth.logout(user, req.ip ?? 'unknown');
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: RequestUser): RequestUser {
    return user;
  }
}
