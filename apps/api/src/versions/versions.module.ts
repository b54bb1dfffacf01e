import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { PerceptionModule } from '../perception/perception.module';
import { FlowsController } from './flows.controller';
import { FlowsService } from './flows.service';
import { PoliciesController } from './policies.controller';
import { PoliciesService } from './policies.service';

/** Flow and policy versions. Publishing a policy moves the daily evaluation and monthly perception Schedules. */
@Module({
  imports: [EvaluationModule, PerceptionModule],
  controllers: [FlowsController, PoliciesController],
  providers: [FlowsService, PoliciesService],
})
export class VersionsModule {}
