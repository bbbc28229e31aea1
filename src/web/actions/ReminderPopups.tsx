
export function ReminderPopups() {
  return null;
}
