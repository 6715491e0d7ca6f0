/** A column heading: its text, and whether the column holds numbers (right-aligned). */
export type Column = string | { label: string; num: true };

/** A table's header row: one `th scope="col"` per column (the narrow layout hides it and labels each cell instead). */
export function TableHead({ columns }: { columns: readonly Column[] }): JSX.Element {
  return (
    <thead>
      <tr>
        {columns.map((column) =>
          typeof column === 'string' ? (
            <th scope="col" safe>
              {column}
            </th>
          ) : (
            <th scope="col" class="num" safe>
              {column.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
