import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ServiceFinesController } from './service-fines.controller';
import { ServiceFinesService } from './service-fines.service';
import { ServiceOrderImportService } from './service-order-import.service';
import { ServiceOrderScheduleService } from './service-order-schedule.service';
import { ServiceOrdersController } from './service-orders.controller';
import { ServiceOrdersService } from './service-orders.service';

/** Service work orders (K-1), their deadline scan and re-dispatch (K-2), fines per event (K-8). */
@Module({
  imports: [CasesModule],
  controllers: [ServiceOrdersController, ServiceFinesController],
  providers: [ServiceOrdersService, ServiceOrderImportService, ServiceFinesService, ServiceOrderScheduleService],
  exports: [ServiceOrdersService],
})
export class ServiceOrdersModule {}
