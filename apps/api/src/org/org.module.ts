import { Module } from '@nestjs/common';
import { OrgAdminController } from './org-admin.controller';
import { OrgAdminService } from './org-admin.service';
import { OrgController } from './org.controller';
import { OrgService } from './org.service';

/** Organisation master data (O-1, O-2): org units, employees and their import, users and roles. */
@Module({
  controllers: [OrgController, OrgAdminController],
  providers: [OrgService, OrgAdminService],
  exports: [OrgService],
})
export class OrgModule {}
