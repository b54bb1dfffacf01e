import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators';
import { TemporalService } from '../temporal/temporal.module';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly temporal: TemporalService,
  ) {}

  /** 200 {status:'ok', info:{db, temporal}} when both are up, 503 otherwise. */
  @Public()
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.db.pingCheck('db', { timeout: 3000 }),
      async () => {
        const indicator = this.indicators.check('temporal');
        try {
          const client = await this.temporal.client();
          await client.workflowService.getSystemInfo({});
          return indicator.up({ namespace: this.temporal.env.TEMPORAL_NAMESPACE });
        } catch (e) {
          return indicator.down({ message: e instanceof Error ? e.message : String(e) });
        }
      },
    ]);
  }
}
