import assert from 'node:assert/strict';
import { test } from 'node:test';
import { berlinTime, dueDigestPeriod, nextDigestAt } from '../src/notify/digest-schedule.js';

const seven = { minuteOfDay: 7 * 60, weekday: 1 };

test('the daily digest is due from 07:00 Berlin time, in winter (UTC+1) and in summer (UTC+2)', () => {
  assert.equal(dueDigestPeriod('daily', new Date('2026-01-15T05:59:00Z'), seven), null);
  assert.equal(dueDigestPeriod('daily', new Date('2026-01-15T06:00:00Z'), seven), 'daily:2026-01-15');
  assert.equal(dueDigestPeriod('daily', new Date('2026-07-15T04:59:00Z'), seven), null);
  assert.equal(dueDigestPeriod('daily', new Date('2026-07-15T05:00:00Z'), seven), 'daily:2026-07-15');
  // Late evening UTC is already the next day in Berlin.
  assert.equal(dueDigestPeriod('daily', new Date('2026-07-15T23:30:00Z'), { minuteOfDay: 60, weekday: 1 }), 'daily:2026-07-16');
});

test('across the last Sunday of March the next digest moves from 06:00 to 05:00 UTC', () => {
  // Sunday 29 March 2026: clocks go from 02:00 CET to 03:00 CEST.
  assert.equal(nextDigestAt('daily', new Date('2026-03-28T06:30:00Z'), seven).toISOString(), '2026-03-29T05:00:00.000Z');
  assert.equal(nextDigestAt('daily', new Date('2026-03-29T05:00:00Z'), seven).toISOString(), '2026-03-30T05:00:00.000Z');
  assert.equal(dueDigestPeriod('daily', new Date('2026-03-29T04:59:00Z'), seven), null);
  assert.equal(dueDigestPeriod('daily', new Date('2026-03-29T05:00:00Z'), seven), 'daily:2026-03-29');
  // A digest time that does not exist that night (02:30) goes out at the first moment after it.
  const lateNight = { minuteOfDay: 2 * 60 + 30, weekday: 1 };
  const at = nextDigestAt('daily', new Date('2026-03-28T12:00:00Z'), lateNight);
  assert.equal(at.toISOString(), '2026-03-29T01:30:00.000Z');
  assert.deepEqual([berlinTime(at).hour, berlinTime(at).minute], [3, 30]);
});

test('across the last Sunday of October the next digest moves from 05:00 to 06:00 UTC, once', () => {
  // Sunday 25 October 2026: clocks go from 03:00 CEST back to 02:00 CET.
  assert.equal(nextDigestAt('daily', new Date('2026-10-24T06:00:00Z'), seven).toISOString(), '2026-10-25T06:00:00.000Z');
  assert.equal(dueDigestPeriod('daily', new Date('2026-10-25T05:30:00Z'), seven), null, '06:30 CET is before 07:00');
  assert.equal(dueDigestPeriod('daily', new Date('2026-10-25T06:00:00Z'), seven), 'daily:2026-10-25');
  // The repeated hour 02:00–03:00 does not create a second period.
  assert.equal(dueDigestPeriod('daily', new Date('2026-10-25T00:30:00Z'), { minuteOfDay: 120, weekday: 1 }), 'daily:2026-10-25');
  assert.equal(dueDigestPeriod('daily', new Date('2026-10-25T01:30:00Z'), { minuteOfDay: 120, weekday: 1 }), 'daily:2026-10-25');
});

test('the weekly digest is due from Monday 07:00 for the whole ISO week, and the week number is ISO 8601', () => {
  assert.equal(dueDigestPeriod('weekly', new Date('2026-11-22T12:00:00Z'), seven), 'weekly:2026-W47', 'Sunday still belongs to the week that started Monday');
  assert.equal(dueDigestPeriod('weekly', new Date('2026-11-23T05:59:00Z'), seven), null, 'Monday 06:59 Berlin');
  assert.equal(dueDigestPeriod('weekly', new Date('2026-11-23T06:00:00Z'), seven), 'weekly:2026-W48');
  assert.equal(dueDigestPeriod('weekly', new Date('2026-11-27T06:00:00Z'), seven), 'weekly:2026-W48');
  assert.equal(dueDigestPeriod('weekly', new Date('2027-01-01T12:00:00Z'), seven), 'weekly:2026-W53', '1 January 2027 is in week 53 of 2026');
  assert.equal(nextDigestAt('weekly', new Date('2026-10-20T12:00:00Z'), seven).toISOString(), '2026-10-26T06:00:00.000Z', 'the Monday after the change is CET');
});
