import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { PerceptionController } from './perception.controller';
import { PerceptionService } from './perception.service';

/** Customer perception (P-1…P-5): monthly runs, rankings, satisfaction imports. */
@Module({ imports: [CasesModule], controllers: [PerceptionController], providers: [PerceptionService] })
export class PerceptionModule {}
