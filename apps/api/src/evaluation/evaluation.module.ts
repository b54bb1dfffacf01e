import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { RectificationsModule } from '../rectifications/rectifications.module';
import { EvaluationController } from './evaluation.controller';
import { EvaluationScheduleService } from './evaluation-schedule.service';
import { EvaluationService } from './evaluation.service';
import { ScoresController } from './scores.controller';
import { ScoresService } from './scores.service';
import { WorkOrdersController } from './work-orders.controller';
import { WorkOrdersService } from './work-orders.service';

/**
 * Closed-order evaluation (E-1…E-6): work orders, the daily assignment and its Temporal Schedule, answers (a
 * dissatisfied one opens a rectification through RectificationsModule), scores and the repair star.
 * Exports the schedule service: publishing a policy moves the schedule (versions).
 */
@Module({
  imports: [CasesModule, RectificationsModule],
  controllers: [WorkOrdersController, EvaluationController, ScoresController],
  providers: [WorkOrdersService, EvaluationService, ScoresService, EvaluationScheduleService],
  exports: [EvaluationScheduleService],
})
export class EvaluationModule {}
