/** English labels of the menu groups (layout/menu-groups.ts), the login page and session expiry (issue 17). */
export const en = {
  qf: {
    menu: {
      groups: {
        inbox: 'Workbench',
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
  },
};
