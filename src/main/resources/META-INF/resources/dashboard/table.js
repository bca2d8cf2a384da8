// A table the user can sort (a button in each column header, announced through aria-sort) and filter (a labelled
// search box matched against every cell's text). Plain DOM, no framework: the page stays small and readable.

function element(tag, className, attributes = {}) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  return node;
}

/** Orders numbers numerically and text alphabetically (empty values are placed last by the caller). */
function compare(a, b) {
  if (typeof a === 'number' && typeof b === 'number') {
    return a - b;
  }
  return String(a).localeCompare(String(b), 'en');
}

export class DataTable {
  /**
   * columns: [{key, label, value(row) -> raw value (sorting), text(row) -> shown text (default: the value),
   * numeric, mark(row) -> a class for the cell or null}]. Small tables go without a search box (filter: false)
   * and without sort buttons (sortable: false).
   */
  constructor(root, { columns, caption, filter = true, sortable = true, empty = 'Nothing to show.' }) {
    this.columns = columns;
    this.sortable = sortable;
    this.empty = empty;
    this.rows = [];
    this.sort = null;
    this.query = '';
    const parts = [];
    if (filter) {
      const tools = element('div', 'table-tools');
      const id = `${root.id}-filter`;
      const label = element('label', null, { for: id });
      label.textContent = `Filter ${caption.toLowerCase()}`;
      this.search = element('input', null, { id, type: 'search', autocomplete: 'off' });
      this.search.addEventListener('input', () => {
        this.query = this.search.value.trim().toLowerCase();
        this.render();
      });
      this.count = element('span', 'row-count', { 'aria-live': 'polite' });
      tools.append(label, this.search, this.count);
      parts.push(tools);
    }
    const scroller = element('div', 'table-scroll');
    this.table = element('table');
    const captionNode = element('caption', 'visually-hidden');
    captionNode.textContent = caption;
    this.head = element('thead');
    this.body = element('tbody');
    this.table.append(captionNode, this.head, this.body);
    scroller.append(this.table);
    parts.push(scroller);
    root.replaceChildren(...parts);
    this.renderHead();
  }

  /** Replaces the rows; the sort and filter the user chose stay. */
  setRows(rows) {
    this.rows = rows;
    this.render();
  }

  renderHead() {
    const row = element('tr');
    this.headers = this.columns.map((column) => {
      const th = element('th', column.numeric ? 'num' : null, { scope: 'col', 'data-key': column.key });
      if (this.sortable) {
        const button = element('button', 'sort', { type: 'button' });
        button.textContent = column.label;
        button.addEventListener('click', () => this.sortBy(column.key));
        th.append(button);
      } else {
        th.textContent = column.label;
      }
      row.append(th);
      return th;
    });
    this.head.replaceChildren(row);
  }

  /** Sorts by one column: ascending first, then descending on the next press. */
  sortBy(key) {
    const descending = this.sort?.key === key && !this.sort.descending;
    this.sort = { key, descending };
    this.render();
  }

  text(column, row) {
    const shown = column.text ? column.text(row) : column.value(row);
    return shown == null ? '—' : String(shown);
  }

  visibleRows() {
    let rows = this.rows;
    if (this.query) {
      rows = rows.filter((row) => this.columns.some((c) => this.text(c, row).toLowerCase().includes(this.query)));
    }
    if (this.sort) {
      const column = this.columns.find((c) => c.key === this.sort.key);
      const direction = this.sort.descending ? -1 : 1;
      rows = [...rows].sort((a, b) => {
        const x = column.value(a);
        const y = column.value(b);
        if (x == null || y == null) {
          return (x == null) - (y == null);
        }
        return compare(x, y) * direction;
      });
    }
    return rows;
  }

  render() {
    this.headers.filter(() => this.sortable).forEach((th) => {
      const sorted = this.sort?.key === th.dataset.key;
      th.setAttribute('aria-sort', sorted ? (this.sort.descending ? 'descending' : 'ascending') : 'none');
    });
    const rows = this.visibleRows();
    if (rows.length === 0) {
      const tr = element('tr');
      const td = element('td', 'empty', { colspan: String(this.columns.length) });
      td.textContent = this.rows.length === 0 ? this.empty : 'No row matches the filter.';
      tr.append(td);
      this.body.replaceChildren(tr);
    } else {
      this.body.replaceChildren(...rows.map((row) => {
        const tr = element('tr');
        for (const column of this.columns) {
          const td = element('td', column.numeric ? 'num' : null, { 'data-key': column.key });
          td.textContent = this.text(column, row);
          const mark = column.mark?.(row);
          if (mark) {
            td.classList.add(mark);
          }
          tr.append(td);
        }
        return tr;
      }));
    }
    if (this.count) {
      this.count.textContent = `${rows.length} of ${this.rows.length} rows`;
    }
  }
}
