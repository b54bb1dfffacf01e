import { dingtalkSignedUrl } from './dingtalk-sign';

describe('DingTalk robot 加签', () => {
  it('adds timestamp and the Base64 HMAC-SHA256 of "timestamp\\nsecret", URL-encoded, keeping the access token', () => {
    // expected value computed independently (Python hmac/hashlib/base64) for this secret and instant
    const url = dingtalkSignedUrl(
      'https://oapi.dingtalk.com/robot/send?access_token=abc123',
      'SEC0123456789abcdef',
      1767225600000,
    );
    const u = new URL(url);
    expect(u.origin + u.pathname).toBe('https://oapi.dingtalk.com/robot/send');
    expect(u.searchParams.get('access_token')).toBe('abc123');
    expect(u.searchParams.get('timestamp')).toBe('1767225600000');
    expect(u.searchParams.get('sign')).toBe('B0RWzLp5DJ68eWPlqN2is7j/CJw7WP3nV1RkTFHU+F4=');
    expect(url).toContain('sign=B0RWzLp5DJ68eWPlqN2is7j%2FCJw7WP3nV1RkTFHU%2BF4%3D');
  });
});
