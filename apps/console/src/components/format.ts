/** Points are stored ×10 (one decimal); money in integer fen. */
export const formatPoints = (tenths: unknown): string =>
  typeof tenths === 'number' && Number.isFinite(tenths) ? (tenths / 10).toFixed(1) : '—';

export const formatFen = (fen: unknown): string =>
  typeof fen === 'number' && Number.isFinite(fen) ? `${(fen / 100).toFixed(2)} 元` : '—';

export const formatDateTime = (iso: unknown, locale: string): string => {
  if (typeof iso !== 'string' || !iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
};

/** The month before `now` (the newest month whose figures are final), as YYYY-MM. */
export const previousMonth = (now = new Date()): string => {
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};
