import { Env } from '@qf/contracts';

/** The validated env, injected wherever configuration is needed. */
export const ENV = Symbol('ENV');
export type { Env };
