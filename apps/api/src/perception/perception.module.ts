import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { PerceptionController } from './perception.controller';
import { PerceptionService } from './perception.service';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsService } from './indicators.service';
import { InterviewsService } from './interviews.service';
import { PerceptionScheduleService } from './perception-schedule.service';

/**
 * Customer perception (P-1…P-7): monthly runs and their Schedule, rankings, satisfaction imports; indicator cards,
 * incidents, interviews. Exports the schedule service: publishing a policy moves the schedule (versions).
 */
@Module({
  imports: [CasesModule],
  controllers: [PerceptionController, IndicatorsController],
  providers: [PerceptionService, IndicatorsService, InterviewsService, PerceptionScheduleService],
  exports: [PerceptionScheduleService],
})
export class PerceptionModule {}
