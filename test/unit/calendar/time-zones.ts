/**
 * The calendar tests run once per host time zone (scripts/test sets TZ for each
 * run; Jest's sandboxed process.env cannot change the zone from inside a test).
 * This block proves that the zone named in TZ is really in force.
 */
const OFFSETS_IN_JANUARY: Record<string, number> = { 'Asia/Shanghai': -480, UTC: 0, 'America/Los_Angeles': 480 };

export function describeUnderHostTimeZone(body: () => void): void {
  const zone = process.env.TZ ?? 'unset';
  describe(`host time zone ${zone}`, () => {
    it('is a zone the suite knows and is in force', () => {
      expect(Object.keys(OFFSETS_IN_JANUARY)).toContain(zone);
      expect(new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset()).toBe(OFFSETS_IN_JANUARY[zone]);
    });
    body();
  });
}
