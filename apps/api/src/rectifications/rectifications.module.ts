import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';
import { RectificationsController } from './rectifications.controller';
import { RectificationsService } from './rectifications.service';

/**
 * Rectifications (E-7, E-8, Q-2) and fault-analysis meetings. Exports RectificationsService: a dissatisfied
 * evaluation opens a rectification through it (EvaluationModule).
 */
@Module({
  imports: [CasesModule],
  controllers: [RectificationsController, MeetingsController],
  providers: [RectificationsService, MeetingsService],
  exports: [RectificationsService],
})
export class RectificationsModule {}
