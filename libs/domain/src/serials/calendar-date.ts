// The calendar lives in one module (../calendar); this path keeps the grammars' imports working.
export { isCalendarDate, isoDate } from '../calendar';
