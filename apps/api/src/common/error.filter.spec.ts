import express, { NextFunction, Request, Response } from 'express';
import request from 'supertest';
import { ErrorFilter } from './error.filter';

/** Issue 12: what the body parser refuses is the client's 4xx in the error shape, never a 500. */
describe('ErrorFilter: body parser refusals', () => {
  const filter = new ErrorFilter();
  const app = express();
  app.post('/x', express.json({ limit: '1kb' }), (_req: Request, res: Response) => res.json({ ok: true }));
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => filter.send(err, res));
  const post = () => request(app).post('/x');

  it('an unsupported charset or content encoding is a 415, a body that cannot be inflated a 400', async () => {
    const charset = await post().set('Content-Type', 'application/json; charset=latin1').send('{"a":1}');
    expect(charset.status).toBe(415);
    expect(charset.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type', code: 'bad_request' });
    const encoding = await post().set('Content-Type', 'application/json').set('Content-Encoding', 'br2').send('{}');
    expect(encoding.status).toBe(415);
    const gzip = await post().set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('{"a":1}');
    expect(gzip.status).toBe(400);
    expect(gzip.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'bad_request' });
  });

  it('keeps bad JSON 400 and too large 413, and an unknown error 500', async () => {
    expect((await post().set('Content-Type', 'application/json').send('{"a":')).body.code).toBe('body.not_json');
    expect(
      (
        await post()
          .set('Content-Type', 'application/json')
          .send(`{"a":"${'x'.repeat(2000)}"}`)
      ).status,
    ).toBe(413);
    const res = { headersSent: false, status: jest.fn().mockReturnThis(), json: jest.fn() };
    filter.send(new Error('boom'), res as unknown as Response);
    expect(res.status).toHaveBeenCalledWith(500);
  });
});
