/**
 * English labels of issue 17's console shell: the menu groups (layout/menu-groups.ts), the login page, session expiry,
 * and the inbox trio (to do / done / my processes, batch approval); same keys as menu.zh.ts.
 */
export const en = {
  // the app bar names a record page by its resource only: the record's own heading is on the page (no title twice)
  ra: { page: { show: '%{name}' } },
  resources: {
    'done-tasks': {
      name: 'Done task |||| Done tasks',
      fields: {
        caseTitle: 'Case',
        stageLabel: 'Stage',
        kind: 'Kind',
        decision: 'My decision',
        decisionComment: 'Comment',
        decidedAt: 'Completed',
        q: 'Search',
      },
    },
    'my-cases': {
      name: 'My process |||| My processes',
      fields: {
        title: 'Title',
        kind: 'Kind',
        status: 'Status',
        stage: 'Where it is',
        dueAt: 'Due',
        createdAt: 'Started',
        q: 'Search',
      },
    },
  },
  qf: {
    login: {
      product: 'QualityFlow',
      tagline: 'Online approvals and appraisal: complaints and deductions, monthly settlement, star rating, callbacks',
    },
    session: { expired: 'Your session has expired: please sign in again' },
    menu: {
      groups: {
        inbox: 'Approvals',
        complaints: 'Complaints & deductions',
        settlement: 'Monthly settlement',
        stars: 'Star rating',
        evaluation: 'Callbacks & rectification',
        perception: 'Customer perception',
        kpi: 'KPI appraisal',
        quarterly: 'Quarterly appraisal',
        system: 'Administration',
      },
    },
    inbox: {
      waits_for: 'Waiting for',
      card_line: '%{stage} · due %{due}',
      done_line: '%{stage} · %{decision} · %{at}',
      my_decision: 'My decision',
      comment: 'Comment',
      decided_at: 'Completed',
      where: 'Where it is',
      waits_at: '%{stage} · waiting on %{who}',
      batch: {
        button: 'Approve selected',
        title: 'Approve in a batch',
        confirm: 'Approve these %{count} tasks of “%{stage}”, each checked and audited on its own:',
        submit: 'Approve all',
        one_stage: 'Only tasks of one stage can be approved together',
        done: '%{count} approved',
        failed_title: '%{count} not approved',
        unknown_case: '(a case you may not see)',
        close: 'Close',
      },
    },
    errors: {
      task: {
        batch_not_allowed: 'The stage “%{stage}” is not approved in batches: decide each task on its own',
        batch_mixed_stages: 'Only tasks of one stage can be approved together',
      },
      list: { filter_one_of: 'One of: %{values}' },
    },
  },
};
