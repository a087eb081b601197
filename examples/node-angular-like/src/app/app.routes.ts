// Client-side routes (deep links such as /orders/7 must be answered with index.html by the server).
export const routes = [
  { path: '', title: 'Home' },
  { path: 'cart', title: 'Cart' },
  { path: 'orders/7', title: 'Order 7' },
];
