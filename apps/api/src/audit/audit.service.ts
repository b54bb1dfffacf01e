import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditFilter, listAuditLog } from '@qf/persistence';

/** The append-only audit log, read side (writes go through appendAudit where they happen). */
@Injectable()
export class AuditService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  list(filter: AuditFilter, page: { orderBy: string; limit: number; offset: number }) {
    return listAuditLog(this.ds, filter, page);
  }
}
