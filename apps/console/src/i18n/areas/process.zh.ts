/** Chinese labels of the process area (merged over zh.ts; en has the same keys in process.en.ts). */
import { deepMerge } from '../merge';

/** B1 (stars): keys under qf.stars_ui and the star resources. */
const stars = {};

/** B2 (settlement, evaluation, rectification, meetings, work orders): keys under qf.process_ui and their resources. */
const settlementEvaluation = {
  qf: {
    process_ui: {
      actions: {
        rect_submit_plan: '提交整改',
        rect_confirm: '确认整改完成',
        rect_confirm_help: '故障分析会确认此整改已完成，整改关闭。',
        rect_reopen: '退回重新整改',
        rect_reopen_help: '退回后，整改须在下一次故障分析会前重新提交。',
        rect_reopen_comment: '退回原因',
        rect_submit_note: '提交内部说明',
        settlement_confirm: '确认本分公司结果',
        settlement_confirm_help: '确认上方本分公司的人员、扣分、等级与扣款无误。',
        settlement_reject: '驳回，需更正',
        settlement_reject_help: '驳回后，更正数据并重新计算，各分公司将再次确认。',
        settlement_reject_comment: '需要更正的内容',
        settlement_approve: '批准并锁定本月',
        settlement_approve_help: '批准后本月锁定，此后的变动计入下一个未锁定的月份（H-2）。',
        settlement_return: '退回重新计算',
        settlement_return_help: '退回后重新计算，各分公司将再次确认。',
        settlement_return_comment: '退回原因',
      },
      rect: {
        late: '逾期提交',
        no_branch: '市公司直属',
        callback_heading: '引发整改的%{kind}',
        customer: '客户（报修人）',
        evaluator: '评价人',
        answered_at: '评价时间',
        answers: '回访问答',
        question: '问题',
        answer: '回答',
        no_answer: '未记录',
        note: '不满意说明',
        plan_heading: '班组长提交的整改',
        due_meeting: '须在此故障分析会前提交',
        internal_no_meeting: '内部整改，无需上会',
        no_meeting: '尚未安排故障分析会',
        not_found: '未找到该整改记录',
      },
      settlement: {
        list_empty: '还没有月度结算：人力资源可点击“发起月度结算”。',
        month_help: '年-月，例如 2025-03',
        case: '来源案件',
        company_level: '市公司直属',
        covered_by_hr: '无需分公司确认（由人力审批）',
        confirmed_by: '%{who} 已于 %{at} 确认',
        rejected_by: '%{who} 于 %{at} 驳回',
        waiting_for: '待 %{who} 确认',
        money_yuan: '扣款（元）',
        money_total_yuan: '扣款合计（元）',
        total: '合计',
        round: '第 %{n} 轮',
        open_settlement: '打开结算详情',
        load_error: '结算数据暂不可用：%{error}',
        branch_to_confirm: '待确认的分公司：%{branch}',
        branch_no_rows: '本分公司本月没有扣分或奖励记录',
        branch_rows: '本分公司员工明细',
      },
      work_order: {
        skip: {
          not_closed: '工单未关闭，不评价（E-1）',
          not_hotline: '非统一热线首次登记的工单，不评价（E-1）',
          already_evaluated: '该工单已分配过评价（E-1）',
          fault_evaluated: '同一故障已评价过且不是重复报修（E-1）',
        },
      },
      scores: {
        reason_star: '本月维修之星：%{name}，总分 %{total}（平均分 + 工作量加分最高）',
        reason_team: '本月最佳班组：%{team}，平均分 %{average}',
      },
      evaluation: {
        evaluator: '评价人',
        pending_card: '待回访评价',
        pending_card_overdue: '待回访评价（%{n} 项已超期）',
      },
    },
  },
};

export const zh = deepMerge(stars as Record<string, unknown>, settlementEvaluation);
