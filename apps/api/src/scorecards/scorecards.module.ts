import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ScorecardsController } from './scorecards.controller';
import { ScorecardsService } from './scorecards.service';
import { ScorecardScheduleService } from './scorecard-schedule.service';

/** KPI scorecards (K-3…K-7, K-9): monthly runs and their Schedule, results, indicator-value imports. */
@Module({
  imports: [CasesModule],
  controllers: [ScorecardsController],
  providers: [ScorecardsService, ScorecardScheduleService],
  exports: [ScorecardScheduleService],
})
export class ScorecardsModule {}
