/**
 * A cell that a spreadsheet would run as a formula (OWASP "CSV injection": `=`, `+`, `-`, `@`, tab,
 * CR) gets a leading apostrophe, which spreadsheets show as text and do not evaluate. By rule, not
 * by column: a column that "cannot" start with these characters today is escaped the same way.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
