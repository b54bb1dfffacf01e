import { DEFAULT_MAX_CACHED_WORKFLOWS, limitWorkflowHeap, workflowHeapLimitMb } from './workflow-cache';

describe('workflow cache and the workflow thread heap (issue 18, goal 4)', () => {
  const nodeOptions = process.env.NODE_OPTIONS;
  afterEach(() => {
    if (nodeOptions === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = nodeOptions;
  });

  it('sizes the heap from the cache: 2,256 MB for the default 1,000 workflows, 256 MB with the cache off', () => {
    expect(DEFAULT_MAX_CACHED_WORKFLOWS).toBe(1000);
    expect(workflowHeapLimitMb(DEFAULT_MAX_CACHED_WORKFLOWS)).toBe(2256);
    expect(workflowHeapLimitMb(0)).toBe(256);
  });

  it("sets the limit for the isolates to come unless the operator's node flags set one", () => {
    const set: string[] = [];
    process.env.NODE_OPTIONS = '--enable-source-maps';
    expect(limitWorkflowHeap(100, (f) => set.push(f))).toBe(456);
    expect(set).toEqual(['--max-old-space-size=456']);
    process.env.NODE_OPTIONS = '--enable-source-maps --max-old-space-size=3000';
    expect(limitWorkflowHeap(100, (f) => set.push(f))).toBeUndefined();
    expect(set).toHaveLength(1);
  });
});
