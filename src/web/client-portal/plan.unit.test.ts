import { describe, expect, it } from 'vitest';
import { safetyPlanBody, type ProfileSafetyPlan } from '../../shared/api/portal.ts';
import { appointmentInput, timeProblems, whenText } from './appointment.ts';
import { mergedPlan, moved, planBody, planFieldLabel, planProblems, planValues, without } from './plan.ts';

const saved: ProfileSafetyPlan = {
  steps: ['Keep your phone charged', 'Pack a bag'],
  safeContacts: [{ name: 'Ann', phone: '01234 567890', note: null }],
  emergencyContacts: [{ name: 'Helpline', phone: '0808 2000 247' }],
  version: 3,
  updatedAt: '2026-03-01T10:00:00.000Z',
  updatedBy: { name: 'Tom Officer' },
  permissions: { canEdit: true },
};

describe('the safety plan form', () => {
  it('gives back what it was loaded with, in the shape the server takes', () => {
    expect(safetyPlanBody.parse(planBody(planValues(saved), 3))).toEqual({
      version: 3,
      steps: saved.steps,
      safeContacts: [{ name: 'Ann', phone: '01234 567890', note: null }],
      emergencyContacts: saved.emergencyContacts,
    });
  });

  it('moves an item up or down one place, and never past either end', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moved(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
    expect(without(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });

  it('names each problem by the item it is in, as the form labels it', () => {
    const values = planValues(saved);
    values.steps.push('  ');
    values.safeContacts[0]!.phone = 'ring me';
    const parsed = safetyPlanBody.safeParse(planBody(values, 3));
    expect(parsed.success).toBe(false);
    expect(planProblems(parsed.error!.issues)).toEqual({
      'steps.2': 'Step 3 must not be blank',
      'safeContacts.0.phone': 'Safe contact 1 phone number must be a phone number',
    });
    expect(planFieldLabel('emergencyContacts.1.name')).toBe('Emergency contact 2 name');
  });

  it('after a conflict keeps the lists this person changed and takes the rest as saved now', () => {
    const loaded = planValues(saved);
    const mine = { ...planValues(saved), steps: ['Keep your phone charged'] };
    const theirs = { ...planValues(saved), emergencyContacts: [], steps: ['Something else'] };
    expect(mergedPlan(loaded, mine, theirs)).toEqual({ steps: ['Keep your phone charged'], safeContacts: loaded.safeContacts, emergencyContacts: [] });
  });
});

describe('the appointment form', () => {
  const values = { day: '2026-07-14', startTime: '14:00', endTime: '15:30', place: 'The office', withWhom: 'Tom', details: ' ' };

  it('takes a day and clock times in UK time, summer time included', () => {
    expect(appointmentInput(values)).toEqual({
      startsAt: '2026-07-14T13:00:00.000Z',
      endsAt: '2026-07-14T14:30:00.000Z',
      place: 'The office',
      withWhom: 'Tom',
      details: null,
    });
    expect(whenText({ startsAt: '2026-07-14T13:00:00.000Z', endsAt: '2026-07-14T14:30:00.000Z' })).toBe('Tue, 14 Jul 2026, 14:00 to 15:30');
  });

  it('asks for a start, and an end after it', () => {
    expect(timeProblems(values)).toEqual({ startsAt: null, endsAt: null });
    expect(timeProblems({ ...values, startTime: '' })).toMatchObject({ startsAt: 'Give the date and the start time' });
    expect(timeProblems({ ...values, endTime: '13:00' })).toMatchObject({ endsAt: 'The end time must be after the start time' });
  });
});
