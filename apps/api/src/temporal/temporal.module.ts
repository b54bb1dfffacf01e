import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { InterceptingCall, type Interceptor, ListenerBuilder, RequesterBuilder } from '@grpc/grpc-js';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { temporalAddress, temporalConnectionOptions } from '@qf/runtime';
import { Env, ENV } from '../config';

/**
 * One Temporal client per api process; closed on shutdown — after its calls have settled. The SDK retries a call that
 * failed transiently on a timer; a retry firing after the connection closed threw "Channel has been shut down" from
 * that timer and took the process down (seen when a test stack stopped while a call was backing off). So on shutdown
 * no call is retried any more, the calls in flight settle (bounded wait), and only then the connection closes.
 */
@Injectable()
export class TemporalService implements OnApplicationShutdown {
  private connection?: Connection;
  private clientPromise?: Promise<Client>;
  private closing = false;
  private inFlight = 0;
  private settled?: () => void;

  /** Counts logical calls (a call and its retries) until their final status. */
  private readonly counting: Interceptor = (options, nextCall) => {
    this.inFlight++;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      if (--this.inFlight === 0) this.settled?.();
    };
    const requester = new RequesterBuilder()
      .withStart((metadata, _listener, next) =>
        next(
          metadata,
          new ListenerBuilder()
            .withOnReceiveStatus((status, nextStatus) => {
              finish();
              nextStatus(status);
            })
            .build(),
        ),
      )
      .build();
    return new InterceptingCall(nextCall(options), requester);
  };

  constructor(@Inject(ENV) readonly env: Env) {}

  client(): Promise<Client> {
    const retry = defaultGrpcRetryOptions();
    this.clientPromise ??= Connection.connect({
      ...temporalConnectionOptions(this.env, temporalAddress(this.env)),
      connectTimeout: '5s',
      interceptors: [
        this.counting,
        makeGrpcRetryInterceptor({
          ...retry,
          retryableDecider: (attempt, status) => !this.closing && retry.retryableDecider(attempt, status),
        }),
      ],
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
    this.closing = true;
    if (this.inFlight > 0)
      await new Promise<void>((resolve) => {
        this.settled = resolve;
        setTimeout(resolve, 15_000).unref(); // a retry already scheduled fires once more, then stops
      });
    await this.connection?.close();
  }
}

@Global()
@Module({ providers: [TemporalService], exports: [TemporalService] })
export class TemporalModule {}
