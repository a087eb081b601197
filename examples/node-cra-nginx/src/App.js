// The storefront shell. Written with React.createElement so the tiny build script needs no Babel.
const React = require("react");

const h = React.createElement;

function App({ path = "/" }) {
  return h(
    "main",
    { className: "App" },
    h("h1", null, "CRA-SHOP-OK"),
    h("p", null, "Welcome to the demo storefront."),
    h("nav", null, h("a", { href: "/" }, "Home"), " | ", h("a", { href: "/products/42" }, "Product 42")),
    h("section", { id: "route" }, "route: " + path)
  );
}

module.exports = App;
