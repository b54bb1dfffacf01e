import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { FlowsController } from './flows.controller';
import { FlowsService } from './flows.service';
import { PoliciesController } from './policies.controller';
import { PoliciesService } from './policies.service';

/** Flow and policy versions. Publishing a policy moves every Schedule whose timing is the policy's (PolicyScheduleKeeper). */
@Module({
  imports: [DiscoveryModule],
  controllers: [FlowsController, PoliciesController],
  providers: [FlowsService, PoliciesService],
})
export class VersionsModule {}
