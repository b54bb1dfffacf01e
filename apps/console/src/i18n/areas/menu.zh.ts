/**
 * Chinese labels of issue 17's console shell: the menu groups (layout/menu-groups.ts), the login page, session expiry,
 * and the inbox trio (待办 / 已办 / 我的流程, 批量同意); en has the same keys in menu.en.ts.
 */
export const zh = {
  // the app bar names a record page by its resource only: the record's own heading is on the page (no title twice)
  ra: { page: { show: '%{name}' } },
  resources: {
    'done-tasks': {
      name: '已办任务 |||| 已办任务',
      fields: {
        caseTitle: '案件标题',
        stageLabel: '环节',
        kind: '类型',
        decision: '我的决定',
        decisionComment: '意见',
        decidedAt: '完成时间',
        q: '搜索',
      },
    },
    'my-cases': {
      name: '我的流程 |||| 我的流程',
      fields: {
        title: '标题',
        kind: '类型',
        status: '状态',
        stage: '当前位置',
        dueAt: '截止时间',
        createdAt: '发起时间',
        q: '搜索',
      },
    },
  },
  qf: {
    login: {
      product: 'QualityFlow 质量流程',
      tagline: '投诉核实与扣分、月度结算、星级评定、回访整改的在线审批与考核平台',
    },
    session: { expired: '登录已过期，请重新登录' },
    menu: {
      groups: {
        inbox: '审批中心',
        complaints: '投诉与扣分',
        settlement: '月度结算',
        stars: '星级评定',
        evaluation: '回访与整改',
        perception: '客户感知',
        kpi: 'KPI 考核',
        quarterly: '季度考核',
        system: '系统管理',
      },
    },
    inbox: {
      waits_for: '待办事项',
      card_line: '待%{stage} · 截止 %{due}',
      done_line: '%{stage} · %{decision} · %{at}',
      my_decision: '我的决定',
      comment: '意见',
      decided_at: '完成时间',
      where: '当前位置',
      waits_at: '%{stage} · 等待 %{who}',
      batch: {
        button: '批量同意',
        title: '批量同意',
        confirm: '同意以下 %{count} 项「%{stage}」任务，每项单独校验并记入审计：',
        submit: '全部同意',
        one_stage: '只能批量同意同一环节的任务',
        done: '已同意 %{count} 项',
        failed_title: '%{count} 项未能同意',
        unknown_case: '（无权查看的案件）',
        close: '关闭',
      },
    },
    errors: {
      task: {
        batch_not_allowed: '「%{stage}」环节不能批量同意，请逐项处理',
        batch_mixed_stages: '只能批量同意同一环节的任务',
      },
      list: { filter_one_of: '可选值：%{values}' },
    },
  },
};
