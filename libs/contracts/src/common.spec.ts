import { z } from 'zod';
import { zodIssueDetail } from './common';
import { RegisterComplaintSchema, RulingDataSchema } from './complaints';

const details = (schema: z.ZodType, value: unknown, opts?: { prefix?: string; rule?: string }) => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error('expected a failure');
  return r.error.issues.map((i) => zodIssueDetail(i, opts));
};

describe('zod issues as error details (README "Errors")', () => {
  it('maps numbers out of range, missing fields, wrong types and formats to stable codes with params', () => {
    const schema = z
      .object({
        points: z.number().min(0.5).max(20),
        positive: z.number().positive(),
        below: z.number().lt(10),
        name: z.string().min(1),
        code: z.string().min(3).max(5),
        list: z.array(z.string()).min(1),
        many: z.array(z.string()).max(1),
        id: z.string().uuid(),
        at: z.string().datetime({ offset: true }),
        kind: z.enum(['a', 'b']),
        step: z.number().multipleOf(0.1),
        n: z.number(),
        flag: z.boolean(),
        month: z.string().regex(/^\d{4}-\d{2}$/),
      })
      .strict();
    const out = details(schema, {
      points: 999,
      positive: 0,
      below: 10,
      name: '',
      code: 'ab',
      list: [],
      many: ['x', 'y'],
      id: 'nope',
      at: 'yesterday',
      kind: 'c',
      step: 0.25,
      n: 'seven',
      month: 'May',
      extra: 1,
    });
    const byPath = Object.fromEntries(out.map((d) => [d.path, d]));
    expect(byPath.points).toMatchObject({ code: 'zod.too_big', params: { maximum: 20 } });
    expect(byPath.positive).toMatchObject({ code: 'zod.too_small_exclusive', params: { minimum: 0 } });
    expect(byPath.below).toMatchObject({ code: 'zod.too_big_exclusive', params: { maximum: 10 } });
    expect(byPath.name).toMatchObject({ code: 'zod.empty' });
    expect(byPath.code).toMatchObject({ code: 'zod.too_small_string', params: { minimum: 3 } });
    expect(byPath.list).toMatchObject({ code: 'zod.too_small_array', params: { minimum: 1 } });
    expect(byPath.many).toMatchObject({ code: 'zod.too_big_array', params: { maximum: 1 } });
    expect(byPath.id).toMatchObject({ code: 'zod.invalid_format_uuid' });
    expect(byPath.at).toMatchObject({ code: 'zod.invalid_format_datetime' });
    expect(byPath.kind).toMatchObject({ code: 'zod.invalid_value', params: { values: 'a, b' } });
    expect(byPath.step).toMatchObject({ code: 'zod.not_multiple_of', params: { divisor: 0.1 } });
    expect(byPath.n).toMatchObject({ code: 'zod.not_a_number' });
    expect(byPath.flag).toMatchObject({ code: 'zod.required' });
    expect(byPath.month).toMatchObject({ code: 'zod.invalid_format_regex' });
    expect(byPath['(body)']).toMatchObject({ code: 'zod.unrecognized_keys', params: { keys: 'extra' } });
    // the message stays zod's (or the schema's) English text
    expect(byPath.points.message).toMatch(/20/);
    expect(details(z.number().min(0.5), -1)[0]).toMatchObject({ code: 'zod.too_small', params: { minimum: 0.5 } });
  });

  it('C-1 keeps the schema message, takes the rule it names and the code of a custom issue', () => {
    const out = details(RegisterComplaintSchema, {
      source: 'hotline-work-order',
      customer: ' ',
      channel: 'phone',
      occurredAt: '2026-01-05T08:00:00Z',
      description: 'x',
      unitId: '6f1c1d1e-0000-4000-8000-000000000001',
    });
    expect(out).toEqual(
      expect.arrayContaining([
        { path: 'customer', message: 'customer is required (C-1)', rule: 'C-1', code: 'zod.empty' },
        expect.objectContaining({ path: 'workOrderNo', rule: 'C-1', code: expect.any(String) }),
      ]),
    );
    const custom = details(
      z
        .object({ a: z.string() })
        .superRefine((_v, ctx) =>
          ctx.addIssue({ code: 'custom', path: ['a'], message: 'x', params: { code: 'demo.code', n: 2 } }),
        ),
      { a: '' },
    );
    expect(custom[0]).toMatchObject({ code: 'demo.code', params: { n: 2 } });
  });

  it('C-3 ruling data: paths under a prefix, the given rule, points out of range with their bound', () => {
    const out = details(
      RulingDataSchema,
      {
        severity: 'serious',
        category: 'x',
        cause: 'other',
        persons: [{ employeeId: '6f1c1d1e-0000-4000-8000-000000000001', role: 'responsible', points: 999 }],
      },
      { prefix: 'data', rule: 'C-3' },
    );
    expect(out).toEqual([
      expect.objectContaining({
        path: 'data.persons.0.points',
        rule: 'C-3',
        code: 'zod.too_big',
        params: { maximum: 100 },
      }),
    ]);
  });
});
