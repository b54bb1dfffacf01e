import { Module } from '@nestjs/common';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

/** Cases and tasks: registration of every process's case, the inbox, task actions. Other features import it for CasesService. */
@Module({
  controllers: [CasesController, TasksController],
  providers: [CasesService, TasksService],
  exports: [CasesService, TasksService],
})
export class CasesModule {}
