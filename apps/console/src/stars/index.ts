import CampaignIcon from '@mui/icons-material/Stars';
import ApplicationIcon from '@mui/icons-material/HowToReg';
import VotingIcon from '@mui/icons-material/HowToVote';
import HolderIcon from '@mui/icons-material/Grade';
import HistoryIcon from '@mui/icons-material/History';
import ReviewIcon from '@mui/icons-material/FactCheck';
import AwardIcon from '@mui/icons-material/EmojiEvents';
import type { StarApplicationView, StarCampaignView, StarHolderView, StarReviewView } from '@qf/contracts/stars';
import { lazyView } from '../components/lazy';

const ApplicationCreate = lazyView(() => import('./ApplicationCreate'), 'ApplicationCreate');
const AwardCreate = lazyView(() => import('./AwardList'), 'AwardCreate');
const AwardList = lazyView(() => import('./AwardList'), 'AwardList');
const ApplicationList = lazyView(() => import('./ApplicationList'), 'ApplicationList');
const ApplicationShow = lazyView(() => import('./ApplicationShow'), 'ApplicationShow');
const CampaignCreate = lazyView(() => import('./CampaignCreate'), 'CampaignCreate');
const CampaignList = lazyView(() => import('./CampaignList'), 'CampaignList');
const CampaignShow = lazyView(() => import('./CampaignShow'), 'CampaignShow');
const HistoryList = lazyView(() => import('./HistoryList'), 'HistoryList');
const HolderList = lazyView(() => import('./HolderList'), 'HolderList');
const ReviewCreate = lazyView(() => import('./ReviewList'), 'ReviewCreate');
const ReviewList = lazyView(() => import('./ReviewList'), 'ReviewList');
const ReviewShow = lazyView(() => import('./ReviewShow'), 'ReviewShow');
const VotingPage = lazyView(() => import('./VotingPage'), 'VotingPage');

/** S-1…S-12 star-rated agents: one folder, several resources (as evaluations/ exports `scores`). */

/** 星级评定: the year's campaign dashboard (S-1, S-5). */
export const starCampaigns = {
  list: CampaignList,
  show: CampaignShow,
  create: CampaignCreate,
  icon: CampaignIcon,
  recordRepresentation: (r: StarCampaignView) => String(r.year ?? r.id),
};

/** 星级申请 (S-2…S-9); 我要申请 is the create page. */
export const starApplications = {
  list: ApplicationList,
  show: ApplicationShow,
  create: ApplicationCreate,
  icon: ApplicationIcon,
  recordRepresentation: (r: StarApplicationView) =>
    [r.employeeName, r.level ? `${r.level}★` : ''].filter(Boolean).join(' '),
};

/** 评委投票 (S-8): a page at /star-voting, not a list of its own (reads `star-applications?filter={voting}`). */
export const starVoting = {
  list: VotingPage,
  icon: VotingIcon,
};

/** 星级客服 (S-9…S-12): current holders, history in the expanded row. */
export const starHolders = {
  list: HolderList,
  icon: HolderIcon,
  recordRepresentation: (r: StarHolderView) => r.employeeName ?? r.id,
};

/** 星级记录 (read-only). */
export const starHistory = {
  list: HistoryList,
  icon: HistoryIcon,
};

/** 星级月度考核 (S-10). */
export const starReviews = {
  list: ReviewList,
  show: ReviewShow,
  create: ReviewCreate,
  icon: ReviewIcon,
  recordRepresentation: (r: StarReviewView) => r.month ?? r.id,
};

/** 获奖记录 (S-2): company awards / advanced individuals that open the direct 2-star path; admin and HR record them. */
export const employeeAwards = {
  list: AwardList,
  create: AwardCreate,
  icon: AwardIcon,
};
