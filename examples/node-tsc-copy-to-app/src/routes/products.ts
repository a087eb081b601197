export interface Product {
  id: number;
  name: string;
}

export function products(): Product[] {
  return [
    { id: 1, name: "kettle" },
    { id: 2, name: "teapot" },
  ];
}
