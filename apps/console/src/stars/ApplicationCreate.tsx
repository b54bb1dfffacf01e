import { useState } from 'react';
import {
  Alert,
  Box,
  Card,
  CardContent,
  Checkbox,
  CircularProgress,
  FormControlLabel,
  FormHelperText,
  Stack,
  Typography,
} from '@mui/material';
import {
  AutocompleteInput,
  Create,
  RadioButtonGroupInput,
  ReferenceInput,
  SaveButton,
  SimpleForm,
  Toolbar,
  Link,
  Title,
  useCreate,
  useGetList,
  useInput,
  useLogoutIfAccessDenied,
  useNotify,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { StarApplySchema, type StarApplicationView, type StarCampaignView } from '@qf/contracts/stars';
import { hasRole } from '../authProvider/access';
import { detailText, problemOf, type Problem } from '../components/problem';
import { ProblemAlert } from './chips';
import { applicationUrl, levelChoices, nextPhase, phaseDate } from './model';
import { personLabel } from './texts';

/** A plain checkbox bound to the form (BooleanInput renders a switch). */
const CheckboxInput = ({
  source,
  label,
  helperText,
  testId,
}: {
  source: string;
  label: string;
  helperText?: string;
  testId: string;
}) => {
  const translate = useTranslate();
  const { field } = useInput({ source, defaultValue: false });
  return (
    <Stack sx={{ mb: 1 }}>
      <FormControlLabel
        control={
          <Checkbox
            checked={field.value === true}
            onChange={(e) => field.onChange(e.target.checked)}
            onBlur={field.onBlur}
            name={field.name}
            slotProps={{ input: { 'data-testid': testId } as React.InputHTMLAttributes<HTMLInputElement> }}
          />
        }
        label={translate(label)}
      />
      {helperText && <FormHelperText sx={{ mt: -0.5 }}>{translate(helperText)}</FormHelperText>}
    </Stack>
  );
};

const FORM_FIELDS = ['level', 'employeeId', 'recommended'] as const;

/**
 * S-1: applications are taken only while a campaign is in its application phase. Before the form the page says
 * which campaign is open (and until when), or — with none open — which phase the year's campaign is in and when
 * the next phase starts; the form is shown only when a campaign takes applications.
 */
const useOpenCampaigns = () => {
  const { data, isPending, error } = useGetList<StarCampaignView>('star-campaigns', {
    pagination: { page: 1, perPage: 50 },
    sort: { field: 'year', order: 'DESC' },
  });
  const all = data ?? [];
  // the api takes the earliest open campaign when none is named
  const open = all.filter((c) => c.phase === 'application').sort((a, b) => a.year - b.year);
  const latest = all.find((c) => c.phase !== 'closed') ?? null;
  return { open, latest, isPending, error };
};

const NoOpenCampaign = ({ latest }: { latest: StarCampaignView | null }) => {
  const translate = useTranslate();
  const phase = (p: string) => translate(`qf.star.phase.${p}`, { _: p });
  const next = latest ? nextPhase(latest.phase) : null;
  const nextDate = latest && next ? phaseDate(latest, next) : null;
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('qf.star.application.create_title')} />
      <Card>
        <CardContent>
          <Alert severity="warning" data-testid="star-apply-closed">
            <div>
              {latest
                ? translate('qf.stars_ui.apply.closed', { year: latest.year, phase: phase(latest.phase) })
                : translate('qf.stars_ui.apply.none')}
            </div>
            {latest && next && nextDate && next !== 'closed' && (
              <div>{translate('qf.stars_ui.apply.next', { phase: phase(next), date: nextDate })}</div>
            )}
            {!latest && <div>{translate('qf.stars_ui.apply.none_hint')}</div>}
            {latest && (
              <div>
                <Link to={`/star-campaigns/${encodeURIComponent(String(latest.id))}/show`}>
                  {translate('qf.stars_ui.apply.campaign_link')}
                </Link>
              </div>
            )}
          </Alert>
        </CardContent>
      </Card>
    </Box>
  );
};

const OpenCampaignNote = ({ campaign }: { campaign: StarCampaignView }) => {
  const translate = useTranslate();
  return (
    <Alert severity="info" sx={{ mb: 2, width: '100%' }} data-testid="star-apply-open">
      {translate('qf.stars_ui.apply.open', {
        year: campaign.year,
        from: campaign.starts?.application ?? '—',
        to: campaign.starts?.exam ?? '—',
      })}
    </Alert>
  );
};

export const ApplicationCreate = () => {
  const translate = useTranslate();
  const { open, latest, isPending, error } = useOpenCampaigns();
  if (isPending) {
    return (
      <Stack direction="row" spacing={1} sx={{ mt: 2, alignItems: 'center' }}>
        <CircularProgress size={20} />
        <Typography>{translate('qf.stars_ui.apply.loading')}</Typography>
      </Stack>
    );
  }
  // the list failed: leave it to the api to say (the form still refuses with its rule)
  if (!error && open.length === 0) return <NoOpenCampaign latest={latest} />;
  return <ApplicationForm open={open} />;
};

/**
 * 我要申请 (S-2…S-4): an agent applies for themself; a team lead may nominate someone of the team and
 * recommend an outstanding agent with under a year on the hotline. A refusal names its rule inline.
 */
const ApplicationForm = ({ open }: { open: StarCampaignView[] }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const { permissions } = usePermissions();
  const isLead = hasRole(permissions, ['team-lead']);
  const [create] = useCreate<StarApplicationView>();
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (values: Record<string, unknown>) => {
    setProblem(null);
    const employeeId = typeof values.employeeId === 'string' && values.employeeId ? values.employeeId : undefined;
    const campaignId =
      typeof values.campaignId === 'string' && values.campaignId
        ? values.campaignId
        : open[0]
          ? String(open[0].id)
          : undefined;
    const body = {
      ...(campaignId ? { campaignId } : {}),
      level: Number(values.level),
      ...(isLead && employeeId ? { employeeId } : {}),
      recommended: isLead && values.recommended === true,
    };
    const parsed = StarApplySchema.safeParse(body);
    if (!parsed.success) return { level: 'ra.validation.required' };
    try {
      const created = await create('star-applications', { data: parsed.data }, { returnPromise: true });
      notify('qf.star.application.submitted', { type: 'success' });
      navigate(created?.id != null ? applicationUrl(String(created.id)) : '/star-applications');
      return undefined;
    } catch (e) {
      if (await logoutIfAccessDenied(e)) return undefined;
      const p = problemOf(e);
      setProblem(p);
      // the rule-tagged details also go under their inputs when the api names one
      const errors: Record<string, string> = {};
      for (const d of p.details) {
        const key = String(d.path ?? '').replace(/^(body|data)\./, '');
        if ((FORM_FIELDS as readonly string[]).includes(key) && !errors[key]) errors[key] = detailText(d);
      }
      return Object.keys(errors).length ? errors : undefined;
    }
  };

  return (
    <Create title="qf.star.application.create_title">
      <SimpleForm
        onSubmit={submit}
        defaultValues={{ level: 1, recommended: false, campaignId: open[0] ? String(open[0].id) : undefined }}
        toolbar={
          <Toolbar>
            <SaveButton label="qf.star.application.submit" alwaysEnable data-testid="star-apply-submit" />
          </Toolbar>
        }
      >
        {open[0] && <OpenCampaignNote campaign={open[0]} />}
        {open.length > 1 && (
          <RadioButtonGroupInput
            source="campaignId"
            label="qf.stars_ui.apply.choose_campaign"
            choices={open.map((c) => ({
              id: String(c.id),
              name: translate('qf.star.campaign.heading', { year: c.year }),
            }))}
            translateChoice={false}
            row
            data-testid="star-apply-campaign"
          />
        )}
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('qf.star.application.help')}
        </Typography>
        <RadioButtonGroupInput
          source="level"
          choices={levelChoices}
          row
          helperText="qf.star.application.level_help"
          data-testid="star-apply-level"
        />
        {isLead && (
          <ReferenceInput source="employeeId" reference="employees" sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput
              optionText={(e: { name?: string; code?: string }) => personLabel(e.name, e.code)}
              helperText="qf.star.application.employee_help"
              sx={{ minWidth: 320 }}
              data-testid="star-apply-employee"
            />
          </ReferenceInput>
        )}
        {isLead && (
          <CheckboxInput
            source="recommended"
            label="qf.star.application.recommended_label"
            helperText="qf.star.application.recommended_help"
            testId="star-apply-recommended"
          />
        )}
        <ProblemAlert problem={problem} testId="star-apply-error" />
      </SimpleForm>
    </Create>
  );
};
