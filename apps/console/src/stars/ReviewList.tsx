import { Box, Chip, Typography } from '@mui/material';
import {
  Create,
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
  usePermissions,
  useTranslate,
} from 'react-admin';
import type { StarReviewView } from '@qf/contracts/stars';
import { hasRole, STAR_REVIEW_STARTERS } from '../authProvider/access';
import { DateTimeField } from '../components/fields';
import { zodValidate } from '../components/zodValidate';
import { previousMonth } from './model';
import { ReviewFormSchema, reviewBody } from './schemas';

export const ReviewStatusChip = ({ status }: { status?: StarReviewView['status'] | null }) => {
  const translate = useTranslate();
  if (!status) return <span>—</span>;
  return (
    <Chip
      size="small"
      color={status === 'open' ? 'warning' : 'success'}
      label={translate(`qf.star.review.status.${status}`, { _: status })}
      data-testid="star-review-status"
      data-status={status}
    />
  );
};

const ListActions = () => {
  const { permissions } = usePermissions();
  return (
    <TopToolbar>
      {hasRole(permissions, STAR_REVIEW_STARTERS) && (
        <CreateButton label="qf.star.review.create" data-testid="star-review-create" />
      )}
    </TopToolbar>
  );
};

const Empty = () => (
  <Box sx={{ p: 2 }}>
    <Typography color="text.secondary">{useTranslate()('qf.star.review.empty_list')}</Typography>
  </Box>
);

/** 星级月度考核 (S-10): one review per month. */
export const ReviewList = () => (
  <List sort={{ field: 'month', order: 'DESC' }} perPage={25} exporter={false} actions={<ListActions />} empty={false}>
    <Datagrid bulkActionButtons={false} rowClick="show" empty={<Empty />}>
      <TextField source="month" />
      <FunctionField
        source="status"
        sortable={false}
        render={(r: StarReviewView) => <ReviewStatusChip status={r.status} />}
      />
      <DateTimeField source="dueAt" sortable={false} />
    </Datagrid>
  </List>
);

/** Admin/hr start the month's review (S-10: due by the 5th of the next month). */
export const ReviewCreate = () => (
  <Create title="qf.star.review.create_title" transform={reviewBody} redirect="show">
    <SimpleForm validate={zodValidate(ReviewFormSchema)} defaultValues={{ month: previousMonth() }}>
      <TextInput
        source="month"
        type="month"
        helperText="qf.star.review.month_help"
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'star-review-month' } }}
      />
    </SimpleForm>
  </Create>
);
