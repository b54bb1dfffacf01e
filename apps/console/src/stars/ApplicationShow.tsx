import CaseIcon from '@mui/icons-material/Assignment';
import CampaignIcon from '@mui/icons-material/EmojiEvents';
import { Alert, Button as MuiButton, CardContent, Chip, Divider, Stack, Typography } from '@mui/material';
import { Labeled, Show, TopToolbar, useLocaleState, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import type { StarApplicationView } from '@qf/contracts/stars';
import { hasRole } from '../authProvider/access';
import { DateTimeField, Val } from '../components/fields';
import { Section } from '../components/Section';
import { ExamEntry, LeadReview } from './ApplicationActions';
import { EligibilityResult, StatusChip, Stars } from './chips';
import { LEVELS, MOVING_STATUSES, caseUrl, num } from './model';
import { noteText, personLabel, useStarText } from './texts';

const label = (field: string) => `resources.star-applications.fields.${field}`;

/** S-7: scores per level, the level passed, the next exam of the cascade and why. */
const ExamBlock = ({ record }: { record: StarApplicationView }) => {
  const translate = useTranslate();
  const text = useStarText();
  const exam = record.exam;
  if (!exam) return <Typography color="text.secondary">{translate('qf.star.application.exam_none')}</Typography>;
  const sat = Object.values(exam.scores ?? {}).some((v) => typeof v === 'number');
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {LEVELS.map((l) => (
          <Labeled key={l} label={translate('qf.star.application.exam_score_of', { n: l })}>
            <Val testId={`star-exam-score-${l}`}>{num(exam.scores?.[String(l) as '1' | '2' | '3'])}</Val>
          </Labeled>
        ))}
        <Labeled label="qf.star.application.passed_level">
          <Val testId="star-exam-passed">
            {exam.passedLevel ? (
              <Stars level={exam.passedLevel} />
            ) : sat ? (
              translate('qf.star.application.not_passed')
            ) : (
              '—'
            )}
          </Val>
        </Labeled>
        {exam.nextExam && (
          <Labeled label="qf.star.application.next_exam">
            <Val>{translate('qf.star.level', { n: exam.nextExam })}</Val>
          </Labeled>
        )}
      </Stack>
      {exam.explanation && <Typography variant="body2">{text(exam.explanation)}</Typography>}
    </Stack>
  );
};

/** S-8: members, votes cast, approvals, my vote and the outcome. */
const CommitteeBlock = ({ record }: { record: StarApplicationView }) => {
  const translate = useTranslate();
  const text = useStarText();
  const c = record.committee;
  if (!c) return <Typography color="text.secondary">{translate('qf.star.none')}</Typography>;
  return (
    <Stack spacing={1}>
      <Typography data-testid="star-committee-progress">
        {translate('qf.star.vote.progress_text', { cast: c.votesCast, members: c.members, approvals: c.approvals })}
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        {c.myVote && (
          <Chip
            size="small"
            variant="outlined"
            label={`${translate('qf.star.vote.my_vote')}: ${translate(c.myVote === 'approve' ? 'qf.star.vote.approve' : 'qf.star.vote.reject')}`}
          />
        )}
        {c.approved !== null && (
          <Chip
            size="small"
            color={c.approved ? 'success' : 'default'}
            label={translate(c.approved ? 'qf.star.vote.result_approved' : 'qf.star.vote.result_rejected')}
          />
        )}
      </Stack>
      {c.explanation && <Typography variant="body2">{text(c.explanation)}</Typography>}
    </Stack>
  );
};

const ApplicationLayout = () => {
  const record = useRecordContext<StarApplicationView>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const text = useStarText();
  const { permissions } = usePermissions();
  if (!record) return null;
  // the api decides; these only keep the buttons to the people who may use them
  const reviews = record.status === 'lead-review' && hasRole(permissions, ['team-lead']);
  const scores = record.status === 'exam' && hasRole(permissions, ['hr']);
  return (
    <CardContent>
      <Stack spacing={2}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="h6" data-testid="star-application-employee">
            {personLabel(record.employeeName, record.employeeCode)}
            <Typography component="span" color="text.secondary">
              {' '}
              {record.unitName || ''}
            </Typography>
          </Typography>
          <Stars level={record.level} />
          <StatusChip status={record.status} />
          {record.recommended && (
            <Chip
              size="small"
              color="info"
              variant="outlined"
              label={translate('qf.star.application.recommended_chip')}
            />
          )}
        </Stack>
        {record.explanation && (
          <Alert severity={record.status === 'awarded' ? 'success' : 'info'} data-testid="star-explanation">
            {text(record.explanation)}
          </Alert>
        )}
        {reviews && <LeadReview record={record} />}
        {scores && <ExamEntry record={record} />}
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Labeled label={label('year')}>
            <Val>{record.year ?? '—'}</Val>
          </Labeled>
          <Labeled label={label('level')}>
            <Val>{translate('qf.star.level', { n: record.level })}</Val>
          </Labeled>
          <Labeled label={label('status')}>
            <Val testId="star-application-status">
              {translate(`qf.star.status.${record.status}`, { _: record.status })}
            </Val>
          </Labeled>
          <Labeled label={label('stage')}>
            <Val>{record.stage ? translate(`qf.star.stage.${record.stage}`, { _: record.stage }) : '—'}</Val>
          </Labeled>
          <Labeled label={label('awardedLevel')}>
            <Val testId="star-awarded-level">{record.awardedLevel ? <Stars level={record.awardedLevel} /> : '—'}</Val>
          </Labeled>
          <Labeled label={label('createdAt')}>
            <DateTimeField source="createdAt" />
          </Labeled>
        </Stack>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {record.caseId && (
            <MuiButton
              size="small"
              variant="outlined"
              component={RouterLink}
              to={caseUrl(record.caseId)}
              startIcon={<CaseIcon />}
            >
              {translate('qf.star.open_case')}
            </MuiButton>
          )}
          {record.campaignId && (
            <MuiButton
              size="small"
              variant="outlined"
              component={RouterLink}
              to={`/star-campaigns/${encodeURIComponent(record.campaignId)}/show`}
              startIcon={<CampaignIcon />}
            >
              {translate('qf.star.application.open_campaign')}
            </MuiButton>
          )}
        </Stack>
        <Divider />
        <Section title={translate('qf.star.application.eligibility')} testId="star-eligibility">
          <EligibilityResult
            level={record.level}
            notes={(record.eligibilityNotes ?? []).map((n) => ({ ...n, message: noteText(translate, locale, n) }))}
          />
        </Section>
        {record.leadReason && (
          <Section title={translate('qf.star.application.lead_reason')} testId="star-lead-reason">
            <Typography sx={{ whiteSpace: 'pre-wrap' }}>{record.leadReason}</Typography>
          </Section>
        )}
        <Divider />
        <Section title={translate('qf.star.application.exam')} testId="star-exam">
          <ExamBlock record={record} />
        </Section>
        <Divider />
        <Section title={translate('qf.star.application.committee')} testId="star-committee">
          <CommitteeBlock record={record} />
        </Section>
      </Stack>
    </CardContent>
  );
};

const ApplicationTitle = () => {
  const record = useRecordContext<StarApplicationView>();
  const translate = useTranslate();
  if (!record) return null;
  return <span>{translate('qf.star.application.heading', { name: record.employeeName ?? '', n: record.level })}</span>;
};

/** One application; polled while the workflow still moves it (review, exam, vote, award). */
export const ApplicationShow = () => (
  <Show
    title={<ApplicationTitle />}
    actions={<TopToolbar />}
    queryOptions={{
      refetchInterval: (query) => {
        const status = (query.state.data as StarApplicationView | undefined)?.status;
        return status && MOVING_STATUSES.includes(status) ? 5000 : false;
      },
    }}
  >
    <ApplicationLayout />
  </Show>
);
