/**
 * The signed-in customer and their orders. A real account page gets these from the shop's own
 * backend after sign-in; the example has them written down.
 */

export interface Customer {
  /** The shop's account id: Tandem stores it as the message's `user.id`. */
  id: string;
  name: string;
  email: string;
}

export interface Order {
  number: string;
  /** ISO date. */
  placedOn: string;
  items: string[];
  /** In cents. */
  total: number;
  status: 'Delivered' | 'On its way' | 'Roasting';
}

export const customer: Customer = { id: 'cus_1182', name: 'Sam Lee', email: 'sam@example.com' };

export const orders: Order[] = [
  { number: 'NW-1047', placedOn: '2026-11-18', items: ['Ethiopia Guji, 250 g', 'Colombia Huila, 250 g'], total: 2740, status: 'On its way' },
  { number: 'NW-1031', placedOn: '2026-11-04', items: ['House Espresso, 1 kg'], total: 3890, status: 'Delivered' },
  { number: 'NW-0988', placedOn: '2026-10-12', items: ['Hand grinder', 'Colombia Huila, 250 g'], total: 7180, status: 'Delivered' },
];
