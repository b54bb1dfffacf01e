import type { FormEvent, ReactNode } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  type ButtonProps,
  type DialogProps,
} from '@mui/material';
import { useTranslate } from 'react-admin';

export interface ActionDialogProps {
  open: boolean;
  /** Escape, backdrop and the cancel button (disabled while busy). */
  onClose: () => void;
  busy: boolean;
  title: ReactNode;
  maxWidth?: DialogProps['maxWidth'];
  /** A form dialog: the confirm button submits (Enter too). */
  onSubmit?: (e: FormEvent) => void;
  /** Without a form: the confirm button's click. */
  onConfirm?: () => void;
  /** Translation key of the confirm button. */
  confirmLabel: string;
  confirmColor?: ButtonProps['color'];
  confirmTestId?: string;
  /** Translation key of the cancel button. */
  cancelLabel?: string;
  children: ReactNode;
}

/** A dialog with a cancel and a confirm button; with `onSubmit` its content is a form. */
export const ActionDialog = ({
  open,
  onClose,
  busy,
  title,
  maxWidth = 'sm',
  onSubmit,
  onConfirm,
  confirmLabel,
  confirmColor,
  confirmTestId,
  cancelLabel = 'ra.action.cancel',
  children,
}: ActionDialogProps) => {
  const translate = useTranslate();
  const body = (
    <>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>{children}</DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate(cancelLabel)}
        </Button>
        <Button
          type={onSubmit ? 'submit' : 'button'}
          variant="contained"
          color={confirmColor}
          onClick={onSubmit ? undefined : onConfirm}
          disabled={busy}
          data-testid={confirmTestId}
        >
          {translate(confirmLabel)}
        </Button>
      </DialogActions>
    </>
  );
  return (
    <Dialog open={open} onClose={onClose} maxWidth={maxWidth} fullWidth>
      {onSubmit ? (
        <form onSubmit={onSubmit} noValidate>
          {body}
        </form>
      ) : (
        body
      )}
    </Dialog>
  );
};
