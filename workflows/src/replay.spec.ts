import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import { workflowBundle } from '../../apps/worker/src/worker';

const DIR = path.join(__dirname, '../test/histories');
const files = readdirSync(DIR).filter((f) => f.endsWith('.bin'));

describe('replay of recorded histories (determinism across code changes)', () => {
  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('replays %s without nondeterminism', async (file) => {
    const history = temporal.api.history.v1.History.decode(readFileSync(path.join(DIR, file)));
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, file.replace(/\.bin$/, ''));
  });
});
