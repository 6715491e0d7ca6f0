import { TableHead, type Column } from './table-head';

export interface ListTableProps<T> {
  items: readonly T[];
  /** What the page says instead of the table when there is nothing to list. */
  empty: string;
  /** The table's own class, beside `stack`. */
  tableClass: string;
  caption: string;
  columns: readonly Column[];
  row: (item: T) => JSX.Element;
}

/** A list as a table that stacks on a phone (a row per item), or its empty note. */
export function ListTable<T>({ items, empty, tableClass, caption, columns, row }: ListTableProps<T>): JSX.Element {
  if (items.length === 0) {
    return (
      <p class="empty" safe>
        {empty}
      </p>
    );
  }
  return (
    <table class={`stack ${tableClass}`}>
      <caption safe>{caption}</caption>
      <TableHead columns={columns} />
      <tbody>{items.map((item) => row(item))}</tbody>
    </table>
  );
}
