import { notifications } from '@mantine/notifications';

/** A short confirmation that something was saved, read out politely rather than as an alert. */
export function notifySaved(message: string) {
  notifications.show({
    message,
    color: 'green',
    role: 'status',
    autoClose: 5000,
    closeButtonProps: { 'aria-label': 'Dismiss' },
  });
}

/** A problem after the main thing succeeded: it stays until dismissed and is read out at once. */
export function notifyProblem(title: string, message: string) {
  notifications.show({
    title,
    message,
    color: 'red',
    role: 'alert',
    autoClose: false,
    closeButtonProps: { 'aria-label': 'Dismiss' },
  });
}
