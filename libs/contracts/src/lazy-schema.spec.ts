import { z } from 'zod';
import { deferredSchema, inWorkflowContext, lazySchema, throwawaySchema } from './lazy-schema';
import { ActUpdateSchema } from './workflow';

const build = () =>
  z.object({
    taskId: z.string().min(1),
    n: z.number().int().min(1).default(1),
    tags: z.array(z.enum(['a', 'b'])).optional(),
  });

describe('lazySchema (issue 18, goal 4: memory per cached workflow)', () => {
  it('outside a workflow builds the schema at once and returns it itself', () => {
    let calls = 0;
    const schema = build();
    const s = lazySchema(() => {
      calls++;
      return schema;
    });
    expect(calls).toBe(1);
    expect(s).toBe(schema);
    expect(inWorkflowContext()).toBe(false);
  });

  it('inside a workflow (its activator set) defers the build to the first use', () => {
    const g = globalThis as { __TEMPORAL_ACTIVATOR__?: unknown };
    g.__TEMPORAL_ACTIVATOR__ = {};
    try {
      let calls = 0;
      const s = lazySchema(() => {
        calls++;
        return build();
      });
      expect(inWorkflowContext()).toBe(true);
      expect(calls).toBe(0);
      expect(s.parse({ taskId: 't' })).toEqual({ taskId: 't', n: 1 });
      expect(s.safeParse({ taskId: 'u' }).success).toBe(true);
      expect(calls).toBe(1);
    } finally {
      delete g.__TEMPORAL_ACTIVATOR__;
    }
  });

  it('the deferred stand-in parses, refuses, composes and describes itself as the schema does', () => {
    let calls = 0;
    const lazy = deferredSchema(() => {
      calls++;
      return build();
    });
    const real = build();
    expect(calls).toBe(0);
    for (const input of [{ taskId: 'x', n: 2, tags: ['a'] }, { taskId: '' }, { taskId: 'x', n: 0.5 }, null, 'x']) {
      const a = lazy.safeParse(input);
      const b = real.safeParse(input);
      expect(a.success).toBe(b.success);
      if (a.success && b.success) expect(a.data).toEqual(b.data);
      if (!a.success && !b.success) expect(a.error.issues).toEqual(b.error.issues);
    }
    expect(calls).toBe(1);
    expect(() => lazy.parse({})).toThrow(z.ZodError);
    expect(lazy instanceof z.ZodObject).toBe(true);
    expect(lazy instanceof z.ZodType).toBe(true);
    expect(Object.keys(lazy.shape)).toEqual(['taskId', 'n', 'tags']);
    // as a child, wrapped, extended
    const parent = z.object({ inner: lazy, opt: lazy.optional(), arr: z.array(lazy).min(1) });
    expect(parent.parse({ inner: { taskId: 'i' }, arr: [{ taskId: 'j', n: 3 }] })).toEqual({
      inner: { taskId: 'i', n: 1 },
      arr: [{ taskId: 'j', n: 3 }],
    });
    expect(parent.safeParse({ inner: { taskId: 'i' }, arr: [] }).error?.issues[0].path).toEqual(['arr']);
    expect(lazy.extend({ more: z.boolean() }).parse({ taskId: 'e', more: true })).toEqual({
      taskId: 'e',
      n: 1,
      more: true,
    });
    expect(z.toJSONSchema(lazy)).toEqual(z.toJSONSchema(real));
    const { $schema: _, ...inner } = z.toJSONSchema(real);
    expect(z.toJSONSchema(parent).properties?.inner).toEqual(inner);
    // an object of schemas (spread into z.object) forwards its keys
    const fields = deferredSchema(() => ({ a: z.string(), b: z.number() }));
    expect(z.object({ ...fields }).parse({ a: 'x', b: 1 })).toEqual({ a: 'x', b: 1 });
    expect(calls).toBe(1);
  });

  it('the Update payload refused by the deferred schema names the same fields as the eager one', () => {
    const lazyAct = deferredSchema(() => ActUpdateSchema.clone());
    const bad = { taskId: '', action: 'nope', actor: { userId: 'u', username: 'n', roles: ['x'] }, requestId: '' };
    const a = lazyAct.safeParse(bad);
    const b = ActUpdateSchema.safeParse(bad);
    expect(a.success).toBe(false);
    expect(a.error!.issues.map((i) => i.path.join('.'))).toEqual(b.error!.issues.map((i) => i.path.join('.')));
    expect(a.error!.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['taskId', 'action', 'actor.roles.0', 'requestId']),
    );
  });

  it('a throwaway schema ({ keep: false }) parses on a build of its own per call, its lazy children too', () => {
    let childBuilds = 0;
    let parentBuilds = 0;
    const child = deferredSchema(() => {
      childBuilds++;
      return z.object({ n: z.number().int().min(1).default(1) });
    });
    const parent = throwawaySchema(() => {
      parentBuilds++;
      return z.object({ key: z.string().min(1), child: child.optional() }).superRefine((v, ctx) => {
        if (v.key === 'bad') ctx.addIssue({ code: 'custom', path: ['key'], message: 'bad key (X-1)' });
      });
    });
    const eager = z.object({
      key: z.string().min(1),
      child: z.object({ n: z.number().int().min(1).default(1) }).optional(),
    });
    expect(parent.parse({ key: 'k', child: {} })).toEqual(eager.parse({ key: 'k', child: {} }));
    expect(parent.safeParse({ key: '', child: { n: 0 } }).error?.issues).toEqual(
      eager.safeParse({ key: '', child: { n: 0 } }).error?.issues,
    );
    expect(parent.safeParse({ key: 'bad' }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['key', 'bad key (X-1)'],
    ]);
    expect(() => parent.parse({})).toThrow(z.ZodError);
    // one build per call, the child's with it: nothing kept between calls
    expect(parentBuilds).toBe(4);
    expect(childBuilds).toBe(4); // the builder's child.optional() builds the child in each call's scope
    // used otherwise (a property, as a child), built once and kept
    expect(child.parse({})).toEqual({ n: 1 });
    expect(child.parse({ n: 2 })).toEqual({ n: 2 });
    expect(childBuilds).toBe(5);
    expect(parent instanceof z.ZodType).toBe(true);
    expect(parentBuilds).toBe(5);
    expect(parent.parse({ key: 'k', child: {} })).toEqual({ key: 'k', child: { n: 1 } });
    expect(childBuilds).toBe(5); // the kept child serves the throwaway parent now
  });

  it('{ keep: false } outside a workflow is the schema itself', () => {
    const schema = build();
    expect(lazySchema(() => schema, { keep: false })).toBe(schema);
  });
});
