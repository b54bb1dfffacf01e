import { Typography } from '@mui/material';
import { Create, DateInput, NumberInput, SimpleForm, useTranslate } from 'react-admin';
import { zodValidate } from '../components/zodValidate';
import { CampaignFormSchema, campaignBody } from './schemas';

const thisYear = () => new Date().getFullYear();

/** S-1 (admin): the year's campaign with its phase dates; starting it snapshots the S-5 quotas. */
export const CampaignCreate = () => {
  const translate = useTranslate();
  const year = thisYear();
  return (
    <Create title="qf.star.campaign.create_title" transform={campaignBody} redirect="show">
      <SimpleForm validate={zodValidate(CampaignFormSchema)} defaultValues={{ year, awardsFinishBy: `${year}-10-31` }}>
        <Typography variant="body2" color="text.secondary">
          {translate('qf.star.campaign.create_help')}
        </Typography>
        <NumberInput source="year" step={1} data-testid="star-campaign-year" />
        <DateInput source="starts.application" data-testid="star-campaign-application" />
        <DateInput source="starts.exam" data-testid="star-campaign-exam" />
        <DateInput source="starts.committee" data-testid="star-campaign-committee" />
        <DateInput source="starts.award" data-testid="star-campaign-award" />
        <DateInput
          source="ceremonyDate"
          helperText="qf.star.campaign.ceremony_help"
          data-testid="star-campaign-ceremony"
        />
        <DateInput
          source="awardsFinishBy"
          helperText="qf.star.campaign.finish_help"
          data-testid="star-campaign-finish"
        />
      </SimpleForm>
    </Create>
  );
};
