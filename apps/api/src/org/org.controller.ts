import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { parseListQuery, sendList } from '../common/list-query';
import { OrgService } from './org.service';

const EMPLOYEE_SORT = {
  code: 'e.code',
  name: 'e.name',
  id: 'e.id',
  post: 'e.post',
  postBonusFen: 'e.post_bonus_fen',
  hireDate: 'e.hire_date',
  jobType: 'e.job_type',
  employmentType: 'e.employment_type',
  unitId: '(SELECT su.name FROM org_units su WHERE su.id = e.unit_id)',
};

/** Organisation master data (O-1): read side. */
@ApiTags('org')
@ApiBearerAuth()
@Controller()
export class OrgController {
  constructor(private readonly org: OrgService) {}

  @Get('org-units')
  async units(@Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery({ sort: '["code","ASC"]', ...q }, { code: 'code', name: 'name', kind: 'kind', id: 'id' });
    const { rows, total } = await this.org.units(lq.filter, lq);
    return sendList(res, 'org-units', rows, lq.offset, total);
  }

  @Get('org-units/:id')
  unit(@Param('id') id: string) {
    return this.org.unit(id);
  }

  /** Employees: admin, HR and the process teams see all; others see themselves (row scoping). */
  @Get('employees')
  async employees(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery({ sort: '["code","ASC"]', ...q }, EMPLOYEE_SORT);
    const { rows, total } = await this.org.employees(user, lq.filter, lq);
    return sendList(res, 'employees', rows, lq.offset, total);
  }

  @Get('employees/:id')
  employee(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.org.employee(user, id);
  }

  @Roles('admin')
  @Get('users')
  async users(@Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery(
      { sort: '["username","ASC"]', ...q },
      { username: 'username', displayName: 'display_name', active: 'active', id: 'id' },
    );
    const { rows, total } = await this.org.users(lq);
    return sendList(res, 'users', rows, lq.offset, total);
  }

  @Roles('admin')
  @Get('users/:id')
  user(@Param('id') id: string) {
    return this.org.user(id);
  }
}
