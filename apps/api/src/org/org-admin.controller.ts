import { Body, Controller, HttpCode, Param, Post, Put, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { EmployeeInput, EmployeeSchema, OrgUnitSchema, UserInput, UserSchema } from '@qf/contracts';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { ZodPipe } from '../common/zod.pipe';
import { OrgAdminService, OrgUnitInput } from './org-admin.service';

/** O-1 / O-2 write side: employees and org units (admin, HR), users and roles (admin), employee import. */
@ApiTags('org')
@ApiBearerAuth()
@Controller()
export class OrgAdminController {
  constructor(private readonly admin: OrgAdminService) {}

  @Roles('admin', 'hr')
  @Post('employees/import')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 50 * 1024 * 1024 } }))
  import(
    @CurrentUser() user: RequestUser,
    @UploadedFile() file?: { buffer: Buffer; originalname: string; mimetype: string },
  ) {
    return this.admin.importEmployees(user, file);
  }

  @Roles('admin', 'hr')
  @Post('employees')
  createEmployee(@CurrentUser() user: RequestUser, @Body(new ZodPipe(EmployeeSchema)) body: EmployeeInput) {
    return this.admin.saveEmployee(user, body);
  }

  @Roles('admin', 'hr')
  @Put('employees/:id')
  updateEmployee(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body(new ZodPipe(EmployeeSchema)) body: EmployeeInput,
  ) {
    return this.admin.saveEmployee(user, body, id);
  }

  @Roles('admin')
  @Post('org-units')
  createUnit(@CurrentUser() user: RequestUser, @Body(new ZodPipe(OrgUnitSchema)) body: OrgUnitInput) {
    return this.admin.createUnit(user, body);
  }

  @Roles('admin')
  @Put('org-units/:id')
  updateUnit(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body(new ZodPipe(OrgUnitSchema)) body: OrgUnitInput,
  ) {
    return this.admin.updateUnit(user, id, body);
  }

  @Roles('admin')
  @Post('users')
  createUser(@CurrentUser() me: RequestUser, @Body(new ZodPipe(UserSchema)) body: UserInput) {
    return this.admin.createUser(me, body);
  }

  @Roles('admin')
  @Put('users/:id')
  updateUser(@CurrentUser() me: RequestUser, @Param('id') id: string, @Body(new ZodPipe(UserSchema)) body: UserInput) {
    return this.admin.updateUser(me, id, body);
  }
}
