import { defaultPolicy } from '@qf/policy';
import {
  inspectionRectification,
  isOverdue,
  Rectification,
  rectificationDueAt,
  rectificationFor,
} from './rectification';

const policy = defaultPolicy();
const meetings = ['2024-06-05T06:00:00Z', '2024-05-08T06:00:00Z', '2024-07-03T06:00:00Z'];

const rect = (over: Partial<Rectification> = {}): Rectification => ({
  id: 'R1',
  origin: 'dissatisfied-callback',
  status: 'open',
  openedAt: '2024-05-10T02:00:00Z',
  dueAt: '2024-06-05T06:00:00.000Z',
  teamId: 'T1',
  teamLeadId: 'TL1',
  managerId: 'M1',
  ...over,
});

describe('rectification', () => {
  it('E-7 a dissatisfied callback opens a rectification; the foreman self-evaluation only a note', () => {
    expect(rectificationFor('dispatcher', 'dissatisfied')).toBe('rectification');
    expect(rectificationFor('manager', 'dissatisfied')).toBe('rectification');
    expect(rectificationFor('foreman', 'dissatisfied')).toBe('internal-note');
    expect(rectificationFor('manager', 'basic')).toBeNull();
  });

  it('E-7 due at the next fault-analysis meeting after opening', () => {
    expect(rectificationDueAt(meetings, '2024-05-10T02:00:00Z')).toBe('2024-06-05T06:00:00.000Z');
    expect(rectificationDueAt(meetings, '2024-05-08T06:00:00Z')).toBe('2024-06-05T06:00:00.000Z');
    expect(rectificationDueAt(meetings, '2024-05-01T00:00:00Z')).toBe('2024-05-08T06:00:00.000Z');
    expect(rectificationDueAt(meetings, '2024-08-01T00:00:00Z')).toBeNull();
  });

  it('E-8 an open rectification past its due meeting is overdue', () => {
    expect(isOverdue(rect(), '2024-06-05T06:00:00Z')).toBe(false);
    expect(isOverdue(rect(), '2024-06-05T06:00:01Z')).toBe(true);
    expect(isOverdue(rect({ status: 'submitted' }), '2024-06-06T00:00:00Z')).toBe(false);
    expect(isOverdue(rect({ dueAt: null }), '2030-01-01T00:00:00Z')).toBe(false);
  });

  it('Q-2 an inspection finding becomes a rectification with deadline, assignee and confirmation', () => {
    const r = inspectionRectification(
      { id: 'F1', foundAt: '2024-05-10T02:00:00Z', assigneeId: 'U9' },
      meetings,
      policy,
    );
    expect(r).toMatchObject({
      origin: 'inspection',
      status: 'open',
      assigneeId: 'U9',
      dueAt: '2024-06-05T06:00:00.000Z',
      needsConfirmation: true,
    });
    expect(
      inspectionRectification(
        { id: 'F2', foundAt: '2024-05-10T02:00:00Z', assigneeId: 'U9', deadline: '2024-05-20T10:00:00Z' },
        meetings,
        policy,
      ).dueAt,
    ).toBe('2024-05-20T10:00:00Z');
    // no meeting left: 10 working days
    expect(
      inspectionRectification({ id: 'F3', foundAt: '2024-08-01T02:00:00Z', assigneeId: 'U9' }, meetings, policy).dueAt,
    ).toBe('2024-08-15T02:00:00.000Z');
  });
});
