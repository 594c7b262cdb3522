/** A sparse 2-D layer of cell properties (values, backgrounds, notes…). Coordinates are 1-based. */
export class Grid<T> {
  private rows: Array<Array<T | undefined> | undefined> = [];

  get(row: number, column: number): T | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  set(row: number, column: number, value: T | undefined): void {
    let cells = this.rows[row - 1];
    if (cells === undefined) {
      if (value === undefined) return;
      cells = this.rows[row - 1] = [];
    }
    cells[column - 1] = value;
  }

  clearRect(row: number, column: number, numRows: number, numColumns: number): void {
    for (let r = row; r < row + numRows; r++) {
      const cells = this.rows[r - 1];
      if (cells === undefined) continue;
      for (let c = column; c < column + numColumns && c <= cells.length; c++) cells[c - 1] = undefined;
    }
  }

  clearAll(): void {
    this.rows = [];
  }

  /** An independent copy (cell values themselves are immutable or copied on read). */
  clone(): Grid<T> {
    const copy = new Grid<T>();
    copy.rows = this.rows.map((cells) => cells?.slice());
    return copy;
  }

  /** Last row holding a value, 0 when empty. */
  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      const cells = this.rows[r - 1];
      if (cells !== undefined && cells.some((cell) => cell !== undefined)) return r;
    }
    return 0;
  }

  /** Last column holding a value, 0 when empty. */
  lastColumn(): number {
    let last = 0;
    for (const cells of this.rows) {
      if (cells === undefined) continue;
      for (let c = cells.length; c > last; c--) {
        if (cells[c - 1] !== undefined) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  insertRows(afterRow: number, count: number): void {
    if (afterRow < this.rows.length) this.rows = withGap(this.rows, afterRow, count);
  }

  deleteRows(row: number, count: number): void {
    this.rows.splice(row - 1, count);
  }

  insertColumns(afterColumn: number, count: number): void {
    this.rows = this.rows.map((cells) =>
      cells !== undefined && afterColumn < cells.length ? withGap(cells, afterColumn, count) : cells,
    );
  }

  deleteColumns(column: number, count: number): void {
    for (const cells of this.rows) cells?.splice(column - 1, count);
  }
}

/** Copy of `items` with `count` empty slots inserted before index `at` (splice would hit argument limits). */
function withGap<T>(items: Array<T | undefined>, at: number, count: number): Array<T | undefined> {
  return [...items.slice(0, at), ...new Array<undefined>(count), ...items.slice(at)];
}
