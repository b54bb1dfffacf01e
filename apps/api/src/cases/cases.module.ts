import { Module } from '@nestjs/common';
import { CasesController, TasksController } from './cases.controller';
import { CasesService } from './cases.service';

/** Cases and tasks: registration of every process's case, the inbox, task actions. Other features import it for CasesService. */
@Module({
  controllers: [CasesController, TasksController],
  providers: [CasesService],
  exports: [CasesService],
})
export class CasesModule {}
