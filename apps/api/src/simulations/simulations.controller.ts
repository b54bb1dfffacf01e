import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { StartSimulation, StartSimulationSchema } from '@qf/contracts';
import { SIMULATION_CHANGE_SORT, SIMULATION_SORT } from '@qf/persistence';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { exportFormat, sendWorkbook } from '../common/export';
import { parseListQuery, sendList } from '../common/list-query';
import { ZodPipe } from '../common/zod.pipe';
import { SimulationsService } from './simulations.service';

/** What-if (issue 16): simulate a policy version over recorded months against a baseline. Administrators only. */
@ApiTags('simulations')
@ApiBearerAuth()
@Roles('admin')
@Controller('simulations')
export class SimulationsController {
  constructor(private readonly simulations: SimulationsService) {}

  @Post()
  async start(@CurrentUser() user: RequestUser, @Body(new ZodPipe(StartSimulationSchema)) body: StartSimulation) {
    const { id } = await this.simulations.start(user, body);
    return this.simulations.get(id);
  }

  @Get()
  async list(@Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery(q, SIMULATION_SORT);
    const { rows, total } = await this.simulations.list(lq);
    return sendList(res, 'simulations', rows, lq.offset, total);
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.simulations.get(id);
  }

  /** The people whose results would change (姓名（工号）), react-admin list parameters. */
  @Get(':id/changes')
  async changes(
    @Param('id') id: string,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery({ sort: '["month","ASC"]', ...q }, SIMULATION_CHANGE_SORT);
    const { rows, total } = await this.simulations.changes(id, lq.filter, lq);
    return sendList(res, 'simulation-changes', rows, lq.offset, total);
  }

  @Get(':id/export')
  async export(@Param('id') id: string, @Query('format') format: string | undefined, @Res() res: Response) {
    const f = exportFormat(format);
    const { workbook, name } = await this.simulations.workbook(id);
    await sendWorkbook(res, workbook, f, `${name}.${f}`);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    await this.simulations.remove(user, id);
  }
}
