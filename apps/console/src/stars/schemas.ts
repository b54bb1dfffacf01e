import { z } from 'zod';
import { OpenStarCampaignSchema, StartStarReviewSchema } from '@qf/contracts/stars';

// Messages are react-admin translation keys, so they show in the console's language (as complaints/schemas.ts);
// the api checks the same bodies with the contract's schemas, re-checked here with safeParse before sending.
const REQUIRED = 'ra.validation.required';
const day = z
  .string({ message: REQUIRED })
  .min(1, REQUIRED)
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'qf.star.campaign.date_format');

/** S-1 campaign: the four phase starts in order, the ceremony (S-9) and the October deadline. */
export const CampaignFormSchema = z
  .object({
    year: z
      .number({ message: REQUIRED })
      .int()
      .min(2000, 'qf.star.campaign.year_range')
      .max(2100, 'qf.star.campaign.year_range'),
    starts: z.object({ application: day, exam: day, committee: day, award: day }),
    ceremonyDate: day,
    awardsFinishBy: day,
  })
  .superRefine((v, ctx) => {
    const order = ['application', 'exam', 'committee', 'award'] as const;
    for (let i = 1; i < order.length; i++) {
      if (v.starts[order[i]] <= v.starts[order[i - 1]]) {
        ctx.addIssue({ code: 'custom', path: ['starts', order[i]], message: 'qf.star.campaign.order' });
      }
    }
    if (v.awardsFinishBy < v.starts.award) {
      ctx.addIssue({ code: 'custom', path: ['awardsFinishBy'], message: 'qf.star.campaign.finish_after_award' });
    }
  });

export const campaignBody = (values: Record<string, unknown>) => {
  const starts = (values.starts ?? {}) as Record<string, unknown>;
  const body = {
    year: typeof values.year === 'string' ? Number(values.year) : values.year,
    starts: { application: starts.application, exam: starts.exam, committee: starts.committee, award: starts.award },
    ceremonyDate: values.ceremonyDate,
    awardsFinishBy: values.awardsFinishBy,
  };
  const parsed = OpenStarCampaignSchema.safeParse(body);
  return parsed.success ? parsed.data : body;
};

/** S-10 monthly review. */
export const ReviewFormSchema = z.object({
  month: z.string({ message: REQUIRED }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'qf.star.review.month_format'),
});
export const reviewBody = (values: Record<string, unknown>) => {
  const parsed = StartStarReviewSchema.safeParse({ month: values.month });
  return parsed.success ? parsed.data : { month: values.month };
};

/** S-7 exam score. */
export const ScoreSchema = z.number().min(0).max(100);
