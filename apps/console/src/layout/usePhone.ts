import { type Theme, useMediaQuery } from '@mui/material';

/** A phone-sized screen (below 600 px, e.g. 390×844): lists show cards, not tables (issue 17). */
export const usePhone = () => useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
