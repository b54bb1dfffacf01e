import { z } from 'zod';
import { lazySchema } from './lazy-schema';

export const RECTIFICATION_ORIGINS = ['dissatisfied-callback', 'supervision-order', 'inspection'] as const;
export interface MeetingChanged {
  meetingId: string;
  scheduledAt: string;
}

/** E-7 / Q-2: opening a rectification (from a dissatisfied callback, a supervision order or an inspection finding). */
export const OpenRectificationSchema = lazySchema(() =>
  z.object({
    origin: z.enum(RECTIFICATION_ORIGINS),
    teamUnitId: z.string().uuid('teamUnitId must be a team (E-7)'),
    description: z.string().trim().min(1, 'description is required').max(2000),
    orderNo: z.string().trim().max(64).optional(),
    /** E-7: a foreman's own dissatisfied self-evaluation needs only an internal note */
    internal: z.boolean().default(false),
  }),
);
export type OpenRectificationInput = z.infer<typeof OpenRectificationSchema>;

export const MeetingSchema = lazySchema(() =>
  z.object({
    title: z.string().trim().min(1).max(200),
    scheduledAt: z.string().datetime({ offset: true, message: 'scheduledAt must be an ISO date-time' }),
  }),
);

export const RectificationPlanSchema = lazySchema(() =>
  z.object({
    revisit: z.string().trim().min(1, 'record the revisit of the reporter (E-7)'),
    causes: z.string().trim().min(1, 'record the causes (E-7)'),
    plan: z.string().trim().min(1, 'record the rectification plan (E-7)'),
  }),
);
