import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { StarApplicationsController } from './star-applications.controller';
import { StarApplicationsService } from './star-applications.service';
import { StarCampaignsController } from './star-campaigns.controller';
import { StarCampaignsService } from './star-campaigns.service';
import { StarCommitteeController } from './star-committee.controller';
import { StarCommitteeService } from './star-committee.service';
import { StarHoldersController } from './star-holders.controller';
import { StarHoldersService } from './star-holders.service';
import { StarReviewsController } from './star-reviews.controller';
import { StarReviewsService } from './star-reviews.service';
import { StarReviewScheduleService } from './star-schedule.service';

/** Star-rated agents (S-1…S-12): campaigns, applications, the committee, holders, the monthly review and its Schedule. */
@Module({
  imports: [CasesModule],
  controllers: [
    StarCampaignsController,
    StarApplicationsController,
    StarCommitteeController,
    StarHoldersController,
    StarReviewsController,
  ],
  providers: [
    StarCampaignsService,
    StarApplicationsService,
    StarCommitteeService,
    StarHoldersService,
    StarReviewsService,
    StarReviewScheduleService,
  ],
  exports: [StarReviewScheduleService],
})
export class StarsModule {}
