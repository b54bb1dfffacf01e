import { deliveryOutcome, webhookBody } from './notifications';

const policy = { maxAttempts: 4, backoffMs: 1000, backoffMaxMs: 3000 };

describe('notification delivery', () => {
  it('a success is sent at any attempt', () => {
    expect(deliveryOutcome(0, true, policy)).toEqual({ status: 'sent', attempts: 1 });
    expect(deliveryOutcome(2, true, policy)).toEqual({ status: 'sent', attempts: 3 });
  });
  it('a failure waits exponentially longer, capped', () => {
    expect(deliveryOutcome(0, false, policy)).toEqual({ status: 'pending', attempts: 1, retryInMs: 1000 });
    expect(deliveryOutcome(1, false, policy)).toEqual({ status: 'pending', attempts: 2, retryInMs: 2000 });
    expect(deliveryOutcome(2, false, policy)).toEqual({ status: 'pending', attempts: 3, retryInMs: 3000 });
  });
  it('the last allowed attempt failing dead-letters the row', () => {
    expect(deliveryOutcome(3, false, policy)).toEqual({ status: 'dead', attempts: 4 });
  });
  it('robots get a text message, a generic target the JSON', () => {
    const m = { id: '7', kind: 'task', message: '新待办', caseId: null, taskId: null, createdAt: 'now' };
    expect(webhookBody('wecom', m, '质量管理')).toEqual({ msgtype: 'text', text: { content: '质量管理\n新待办' } });
    expect(webhookBody('dingtalk', m, '质量管理')).toEqual({ msgtype: 'text', text: { content: '质量管理\n新待办' } });
    expect(webhookBody('json', m, '质量管理')).toEqual({ ...m, title: '质量管理' });
  });
});
