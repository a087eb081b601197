// Test runner configuration (the tests are not part of the image's job).
module.exports = { testEnvironment: "node", roots: ["<rootDir>/test"] };
