/** The order history table, each order with its own "Report a problem" button. */
import type { Order } from './session.js';

const money = new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' });
const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

export const formatDate = (iso: string): string => day.format(new Date(iso));

/** Fills `body` with a row per order; `onReport` is called with the order whose button was pressed. */
export function renderOrders(body: HTMLTableSectionElement, orders: Order[], onReport: (order: Order) => void): void {
  body.replaceChildren(
    ...orders.map((order) => {
      const row = document.createElement('tr');
      const cell = (...content: (Node | string)[]) => {
        const td = document.createElement('td');
        td.append(...content);
        row.append(td);
      };
      const items = document.createElement('ul');
      items.append(...order.items.map((item) => Object.assign(document.createElement('li'), { textContent: item })));
      const button = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Report a problem' });
      // Every row has the same button: its name says which order it is about.
      const which = Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: ` with order ${order.number}` });
      button.append(which);
      button.addEventListener('click', () => onReport(order));

      cell(order.number);
      cell(formatDate(order.placedOn));
      cell(items);
      cell(money.format(order.total / 100));
      cell(order.status);
      cell(button);
      return row;
    }),
  );
}
