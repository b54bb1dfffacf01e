import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { listLedgerEntries } from '@qf/persistence';
import { RequestUser, seesAll } from '../auth/auth.decorators';

/** The points ledger: an employee reads their own rows; admin, HR and the process teams every row. */
@Injectable()
export class DeductionsService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  list(user: RequestUser, filter: Record<string, unknown>, orderBy: string, limit: number, offset: number) {
    return listLedgerEntries(this.ds, {
      ownEmployeeId: seesAll(user) ? undefined : (user.employeeId ?? null),
      filter,
      orderBy,
      limit,
      offset,
    });
  }
}
