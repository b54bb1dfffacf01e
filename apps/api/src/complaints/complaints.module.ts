import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ComplaintsController } from './complaints.controller';
import { ComplaintsService } from './complaints.service';
import { DeductionsController } from './deductions.controller';
import { DeductionsService } from './deductions.service';
import { NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';

/** Complaints (C-1…C-13), their named notices (C-11) and the points ledger the rulings post to. */
@Module({
  imports: [CasesModule],
  controllers: [ComplaintsController, DeductionsController, NoticesController],
  providers: [ComplaintsService, DeductionsService, NoticesService],
  exports: [ComplaintsService],
})
export class ComplaintsModule {}
