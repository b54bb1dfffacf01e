import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { QuarterlyCollectionService } from './quarterly-collection.service';
import { QuarterlyController } from './quarterly.controller';
import { QuarterlyScheduleService } from './quarterly-schedule.service';
import { QuarterlyService } from './quarterly.service';

/** Quarterly assessment: plans as cases, data collection, findings, the report; the draft Schedule. */
@Module({
  imports: [CasesModule],
  controllers: [QuarterlyController],
  providers: [QuarterlyService, QuarterlyCollectionService, QuarterlyScheduleService],
})
export class QuarterlyModule {}
