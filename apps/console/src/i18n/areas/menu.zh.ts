/** Chinese labels of the menu groups (layout/menu-groups.ts), the login page and session expiry (issue 17). */
export const zh = {
  qf: {
    menu: {
      groups: {
        inbox: '工作台',
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
  },
};
