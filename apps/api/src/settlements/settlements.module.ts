import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { SettlementsController } from './settlements.controller';
import { SettlementsService } from './settlements.service';

/** The monthly settlement (H-1…H-3): start, per-branch views, rows and the payroll export. */
@Module({
  imports: [CasesModule],
  controllers: [SettlementsController],
  providers: [SettlementsService],
  exports: [SettlementsService],
})
export class SettlementsModule {}
