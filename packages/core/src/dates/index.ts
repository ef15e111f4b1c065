export { toLocalDate, makeLocalDate, addDays, isoWeekday, compareLocalDates, daysBetween, daysInMonth, yearOf, zoneOffset, type DateInput } from './local-date';
export {
  HolidayYear,
  parseHolidayYear,
  createWorkdayCalendar,
  isWorkday,
  nextWorkday,
  previousWorkday,
  addWorkdays,
  workdayDataSource,
  defaultWorkdayCalendar,
  type WorkdayCalendar,
  type WorkdayDataSource,
  type WorkdayCalendarOptions,
  type PublicHoliday,
} from './workdays';
export { statutoryHolidays, holidayRegulationFor, type StatutoryHoliday } from './statutory-holidays';
export { BUILT_IN_KEY_DATE_RULES, sirenPhases } from './rules';
export { REGION_PROFILES, DEFAULT_REGION, listRegionProfiles, getRegionProfile, parseRegionProfile } from './regions';
export { resolveKeyDates, keyDatesFor, KeyDateError, type KeyDateOptions } from './key-dates';
