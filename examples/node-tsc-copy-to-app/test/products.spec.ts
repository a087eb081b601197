import { products } from "../src/routes/products";

test("lists two products", () => {
  expect(products()).toHaveLength(2);
});
