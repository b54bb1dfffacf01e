import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { OpenStarCampaignInput, OpenStarCampaignSchema } from '@qf/contracts';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { parseListQuery, sendList } from '../common/list-query';
import { ZodPipe } from '../common/zod.pipe';
import { STAR_STAFF_ROLES } from './star-access';
import { StarCampaignsService } from './star-campaigns.service';

/** S-1, S-5, S-7: the year's star campaign. */
@ApiTags('stars')
@ApiBearerAuth()
@Controller()
export class StarCampaignsController {
  constructor(private readonly campaigns: StarCampaignsService) {}

  @Roles('admin')
  @Post('star-campaigns')
  async open(
    @CurrentUser() user: RequestUser,
    @Body(new ZodPipe(OpenStarCampaignSchema)) body: OpenStarCampaignInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    const r = await this.campaigns.open(user, body);
    res.status(r.created ? 201 : 200);
    return r.campaign;
  }

  @Roles(...STAR_STAFF_ROLES, 'employee')
  @Get('star-campaigns')
  async list(@Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery(
      { sort: '["year","DESC"]', ...q },
      { year: 'c.year', createdAt: 'c.created_at', phase: 'c.phase' },
    );
    const { rows, total } = await this.campaigns.list(lq);
    return sendList(res, 'star-campaigns', rows, lq.offset, total);
  }

  @Roles(...STAR_STAFF_ROLES, 'employee')
  @Get('star-campaigns/:id')
  get(@Param('id') id: string) {
    return this.campaigns.get(id);
  }

  @Roles('admin')
  @Post('star-campaigns/:id/advance')
  @HttpCode(200)
  advance(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.campaigns.advance(user, id);
  }

  /** S-7: exam scores from a file (columns 工号 / employeeCode, 级别 / level, 成绩 / score); every row is checked first. */
  @Roles('admin', 'hr')
  @Post('star-campaigns/:id/exam-import')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 20 * 1024 * 1024 } }))
  examImport(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @UploadedFile() file?: { buffer: Buffer; originalname: string },
  ) {
    return this.campaigns.importExamScores(user, id, file);
  }
}
