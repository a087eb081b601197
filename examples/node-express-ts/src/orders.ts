// In-memory order store (a real service would use a database).
export interface Order {
  id: number;
  item: string;
  quantity: number;
}

const orders: Order[] = [
  { id: 1, item: "keyboard", quantity: 1 },
  { id: 2, item: "mouse", quantity: 2 },
];

export function listOrders(): Order[] {
  return orders;
}

export function findOrder(id: number): Order | undefined {
  return orders.find((o) => o.id === id);
}
