import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** The audit log for admins (GET /api/audit). */
@Module({ controllers: [AuditController], providers: [AuditService] })
export class AuditModule {}
