import { Textarea } from '@mantine/core';
import { dueOnProblem } from '../../shared/api/tasks.ts';
import { londonDayAndTime } from '../actions/london.ts';
import { taskLabels } from './labels.ts';

// The server has the final word on today (London's); this is the browser's view of it.
const londonToday = () => londonDayAndTime(new Date()).day;

/** Whether a due date typed into a form is before today, so it needs a reason. */
export const isBackdated = (dueOn: string): boolean => dueOn !== '' && dueOn < londonToday();

/** The message under the due date when it is in the past and no reason is given. */
export function backdatedProblem(dueOn: string, reason: string): string | null {
  const problem = dueOnProblem(dueOn, reason.trim(), londonToday());
  return problem && `${taskLabels.dueOn} ${problem}`;
}

interface Props {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** Asked only while the due date is before today: why the task is due in the past on purpose. */
export function BackdatedReasonField({ value, onChange, error }: Props) {
  return (
    <Textarea
      label="Due date is in the past on purpose"
      description="The due date is before today. Say why (for example, to record work already done), or choose a later date."
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      autosize
      minRows={2}
    />
  );
}
