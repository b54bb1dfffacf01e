import { WebhookTargetSchema } from './env';

describe('NOTIFY_WEBHOOKS targets', () => {
  it('a DingTalk robot may carry its 加签 secret; another format with a secret is refused naming the field', () => {
    const ding = WebhookTargetSchema.parse({
      id: 'ding',
      name: '钉钉群',
      format: 'dingtalk',
      url: 'https://oapi.dingtalk.com/robot/send?access_token=x',
      secret: 'SECabc',
    });
    expect(ding.secret).toBe('SECabc');
    const wecom = WebhookTargetSchema.safeParse({
      id: 'wx',
      name: '企业微信群',
      format: 'wecom',
      url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x',
      secret: 'SECabc',
    });
    expect(wecom.success).toBe(false);
    expect(wecom.error?.issues[0].path).toEqual(['secret']);
  });
});
