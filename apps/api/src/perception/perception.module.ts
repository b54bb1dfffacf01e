import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { PerceptionController } from './perception.controller';
import { PerceptionService } from './perception.service';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsService } from './indicators.service';
import { InterviewsService } from './interviews.service';

/** Customer perception (P-1…P-7): monthly runs, rankings, satisfaction imports; indicator cards, incidents, interviews. */
@Module({
  imports: [CasesModule],
  controllers: [PerceptionController, IndicatorsController],
  providers: [PerceptionService, IndicatorsService, InterviewsService],
})
export class PerceptionModule {}
