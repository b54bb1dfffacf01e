import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { temporalAddress, temporalConnectionOptions } from '@qf/runtime';
import { Env, ENV } from '../config';

/** One Temporal client per api process; closed on shutdown. */
@Injectable()
export class TemporalService implements OnApplicationShutdown {
  private connection?: Connection;
  private clientPromise?: Promise<Client>;

  constructor(@Inject(ENV) readonly env: Env) {}

  client(): Promise<Client> {
    this.clientPromise ??= Connection.connect({
      ...temporalConnectionOptions(this.env, temporalAddress(this.env)),
      connectTimeout: '5s',
    })
      .then((c) => {
        this.connection = c;
        return new Client({ connection: c, namespace: this.env.TEMPORAL_NAMESPACE });
      })
      .catch((e) => {
        this.clientPromise = undefined;
        throw e;
      });
    return this.clientPromise;
  }

  get taskQueue(): string {
    return this.env.TEMPORAL_TASK_QUEUE;
  }

  workflowUrl(workflowId: string): string {
    return `${this.env.TEMPORAL_UI_URL}/namespaces/${encodeURIComponent(this.env.TEMPORAL_NAMESPACE)}/workflows/${encodeURIComponent(workflowId)}`;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection?.close();
  }
}

@Global()
@Module({ providers: [TemporalService], exports: [TemporalService] })
export class TemporalModule {}
