/**
 * Northwind Coffee's account page: the customer's orders, the app's own "report a problem"
 * form (sent with @tandem/sdk) and Tandem's feedback launcher (@tandem/widget) for anything else.
 * Both know who is signed in, so every message reaches support with the customer's account id.
 */
import '@tandem/widget';
import { byId } from './dom.js';
import { renderOrders } from './orders.js';
import { reportProblemPanel } from './report-problem.js';
import { customer, orders } from './session.js';
import { ENDPOINT, SITE_KEY, keepTheQueueMoving, tandem } from './tandem.js';

const user = { id: customer.id, email: customer.email, name: customer.name };
tandem.identify(user);

const widget = document.querySelector('tandem-feedback');
if (widget) {
  widget.siteKey = SITE_KEY;
  widget.endpoint = ENDPOINT;
  widget.metadata = { page: 'account' };
  widget.identify(user);
}

byId('customer-name').textContent = customer.name;
const panel = reportProblemPanel(tandem, customer, orders);
renderOrders(byId<HTMLTableSectionElement>('orders'), orders, panel.reportAbout);
// After the panel listens: a report an earlier visit saved may be sent right away.
keepTheQueueMoving();
