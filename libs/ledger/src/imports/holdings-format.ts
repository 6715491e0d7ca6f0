/** What every holdings statement format is: the registry's own CSV and each registry export's. */

/** One holding as a statement row gives it, before any reading of the serial. */
export interface HoldingRowInput {
  serial: string;
  /** Empty when the row does not name one: the serial's shape decides. */
  scheme: string;
  registry: string;
  reference: string;
}

/** A row the format itself can tell is not a holding (e.g. a retirement row of an export). */
export interface RowRefusal {
  refused: { code: string; message: string; serial: string };
}

export type RowReader = (cells: readonly string[]) => HoldingRowInput | RowRefusal;

/** A statement format: how to recognise its header and how to read its rows. */
export interface HoldingsFormat {
  readonly name: string;
  matches(header: readonly string[]): boolean;
  /** Resolves the columns of `header` once; the returned reader maps one row's cells. */
  reader(header: readonly string[]): RowReader;
}
