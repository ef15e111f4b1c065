export { makeLocalDate, addDays, isoWeekday, daysBetween, daysInMonth } from './local-date';
export { todayIn, yearIn, defaultAsOf } from './today';
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
export { REGION_PROFILES, DEFAULT_REGION, listRegionProfiles, getRegionProfile, parseRegionProfile } from './regions';
export { keyDatesFor, KeyDateError, type KeyDateOptions } from './key-dates';
export { publicHolidaysFor, publicHolidayLines, type PublicHolidayList } from './public-holidays';
